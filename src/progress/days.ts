// Calendar days in the local time zone, as `YYYY-MM-DD` keys. Pure: the date is always given.

export function dayKey(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** Local midnight at the start of `d`'s day. */
export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Local midnight at the start of the next day. */
export function endOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
}

/** The day key `n` days after (or before, when negative) the day of `d`. */
export function shiftDay(d: Date, n: number): string {
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() + n, 12));
}

/** Consecutive days with activity, ending today (or yesterday, when today has none yet). */
export function currentStreak(activeDays: ReadonlySet<string>, today: Date): number {
  let offset = activeDays.has(dayKey(today)) ? 0 : -1;
  let streak = 0;
  while (activeDays.has(shiftDay(today, offset))) {
    streak++;
    offset--;
  }
  return streak;
}

/** The longest run of consecutive active days. */
export function longestStreak(activeDays: ReadonlySet<string>): number {
  const sorted = [...activeDays].sort();
  let best = 0;
  let run = 0;
  let previous: string | undefined;
  for (const day of sorted) {
    run = previous !== undefined && nextDayKey(previous) === day ? run + 1 : 1;
    best = Math.max(best, run);
    previous = day;
  }
  return best;
}

function nextDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return shiftDay(new Date(y, m - 1, d, 12), 1);
}
