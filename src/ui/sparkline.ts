// Sparklines: a row of block characters, one per value. Pure: numbers in, a string out.

const TICKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A sparkline of percentages (0–100), one character per value; the last `max` values (quiz scores). */
export function sparkline(percents: readonly number[], max = 12): string {
  return percents
    .slice(-max)
    .map((p) => TICKS[Math.min(TICKS.length - 1, Math.max(0, Math.floor((p / 100) * (TICKS.length - 1) + 0.5)))]!)
    .join('');
}

/**
 * A load timeline scaled to `top`: nothing at all is `·` (so an idle slice stands out from a light
 * one), anything else at least the lowest block.
 */
export function timelineSpark(values: readonly number[], top: number): string {
  return values.map((x) => (x === 0 ? '·' : TICKS[Math.max(0, Math.min(TICKS.length, Math.round((x / top) * TICKS.length)) - 1)]!)).join('');
}

/** The timeline in `slices` slices (adjacent slices added up). */
export function resample(values: readonly number[], slices: number): number[] {
  if (slices >= values.length) return [...values];
  const out = new Array<number>(slices).fill(0);
  for (let i = 0; i < values.length; i++) {
    const k = Math.floor((i * slices) / values.length);
    out[k] = out[k]! + values[i]!;
  }
  return out;
}
