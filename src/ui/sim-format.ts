// What the simulator's text screens share: the view they draw for, how a configuration is named,
// numbers in words. Wrapping is text.ts's (`wrapLines`, `layoutCommand`), as on every other screen.
// Pure: values in, strings out.
import { eventLabel } from '../sim/events.js';
import type { SimEvent, SimResult } from '../sim/index.js';
import type { Colors } from './terminal.js';

export interface View {
  c: Colors;
  columns: number;
}

/** Runs up to this many requests get the per-request table by default. */
export const TABLE_MAX_REQUESTS = 40;

export function algorithmName(r: Pick<SimResult, 'strategy'>): string {
  switch (r.strategy) {
    case 'sticky-cookie':
    case 'round-robin':
      return 'round-robin';
    case 'least-connections':
      return 'least-conn';
    default:
      return 'hash';
  }
}

/** strategy/store, plus /rr-mode when the runs differ in it or use nginx. */
export function fullLabels(results: readonly SimResult[]): string[] {
  const modes = new Set(results.map((r) => r.rrMode)).size > 1;
  return results.map((r) => `${r.strategy}/${r.store}${modes || r.rrMode !== 'haproxy' ? `/${r.rrMode}` : ''}`);
}

/** Marks a request the configurations sent to different servers. */
export const DIFFERS = '≠';

/** True when some request went to different servers in different configurations. */
export function routesDiffer(results: readonly SimResult[]): boolean {
  const first = results[0]?.rows ?? [];
  return results.length > 1 && first.some((_, i) => new Set(results.map((r) => r.rows?.[i]?.server ?? '503')).size > 1);
}

export function eventsText(events: readonly SimEvent[]): string {
  return events.map((e) => `${eventLabel(e)} at request ${e.at}`).join('; ');
}

/** The largest f(x), 0 for none: a loop, since spreading a long array into Math.max overflows the stack. */
export function maxOf<T>(xs: readonly T[], f: (x: T) => number): number {
  let m = 0;
  for (const x of xs) {
    const y = f(x);
    if (y > m) m = y;
  }
  return m;
}

/** "1 user", "5,000 users": with grouped thousands (text.ts `plural` prints 5000). */
export function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

export function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

export function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}
