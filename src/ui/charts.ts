// Small text charts. Pure: numbers in, strings out.

const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A sparkline of percentages (0–100), one character per value; the last `max` values. */
export function sparkline(percents: readonly number[], max = 12): string {
  return percents
    .slice(-max)
    .map((p) => TICKS[Math.min(TICKS.length - 1, Math.max(0, Math.floor((p / 100) * (TICKS.length - 1) + 0.5)))]!)
    .join('');
}

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

/**
 * Columns padded to their widest cell, `gap` spaces apart; `right` marks right-aligned columns.
 * Width is counted in code points.
 */
export function table(rows: readonly (readonly string[])[], right: readonly boolean[] = [], gap = 2): string[] {
  const width = (s: string) => [...s].length;
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat((widths[i] ?? 0) - width(cell));
        return right[i] ? pad + cell : cell + pad;
      })
      .join(' '.repeat(gap))
      .trimEnd(),
  );
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
