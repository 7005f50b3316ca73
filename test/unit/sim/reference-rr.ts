// Reference implementations for the tests: nginx's smooth weighted round-robin written plainly, one
// pass over the servers per pick, over explicit current weights. The engine's LazySwrr
// (src/sim/rr.ts) must behave exactly like these (see rr.test.ts).
import { UP } from '../../../src/sim/rr.js';

/** Picks a server and updates the current weights. Returns -1 when no server is up. */
export function swrrPick(n: number, state: Uint8Array, weight: Int32Array, cw: Int32Array): number {
  let best = -1;
  let bestCw = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] !== UP) continue;
    const w = weight[i]!;
    const c = cw[i]! + w;
    cw[i] = c;
    total += w;
    if (best < 0 || c > bestCw) {
      best = i;
      bestCw = c;
    }
  }
  if (best >= 0) cw[best] = bestCw - total;
  return best;
}

/** What swrrPick would return now, without changing anything. */
export function swrrPeek(n: number, state: Uint8Array, weight: Int32Array, cw: Int32Array): number {
  let best = -1;
  let bestCw = 0;
  for (let i = 0; i < n; i++) {
    if (state[i] !== UP) continue;
    const c = cw[i]! + weight[i]!;
    if (best < 0 || c > bestCw) {
      best = i;
      bestCw = c;
    }
  }
  return best;
}

/**
 * nginx charges a sticky hit to the round-robin state: every eligible server grows by its weight and
 * the sticky server drops by the total — unless the sticky server's current weight is already at or
 * below -(total - its weight), in which case nothing is updated. A sticky server that is not up
 * (draining) is not part of the rotation and is not charged.
 */
export function nginxStickyCharge(n: number, state: Uint8Array, weight: Int32Array, cw: Int32Array, sticky: number): void {
  if (state[sticky] !== UP) return;
  let total = 0;
  for (let i = 0; i < n; i++) if (state[i] === UP) total += weight[i]!;
  if (cw[sticky]! <= -(total - weight[sticky]!)) return;
  for (let i = 0; i < n; i++) if (state[i] === UP) cw[i] = cw[i]! + weight[i]!;
  cw[sticky] = cw[sticky]! - total;
}
