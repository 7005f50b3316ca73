// Small text charts and intervals. Pure: numbers in, strings out.

/** Horizontal bars: one line per row, scaled to the largest value. */
export function barChart(rows: readonly { label: string; value: number }[], width: number, bar: (s: string) => string = (s) => s): string[] {
  const top = Math.max(1, ...rows.map((r) => r.value));
  const labelWidth = Math.max(0, ...rows.map((r) => r.label.length));
  const span = Math.max(5, width - labelWidth - 8);
  return rows.map((r) => {
    const len = r.value === 0 ? 0 : Math.max(1, Math.round((r.value / top) * span));
    return `${r.label.padEnd(labelWidth)} ${bar('█'.repeat(len))}${len > 0 ? ' ' : ''}${r.value}`;
  });
}

/** "in 10m", "in 3h", "in 4d", "in 2mo", "now": the time from `from` to `to`, roughly. */
export function formatInterval(from: Date, to: Date): string {
  const minutes = Math.round((to.getTime() - from.getTime()) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(hours / 24);
  if (days < 31) return `${days}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  return `${(days / 365).toFixed(1)}y`;
}
