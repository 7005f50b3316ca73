// Round-robin state: nginx's smooth weighted round-robin over typed arrays.
// (The plain, one-pass-per-pick version it is checked against lives with the tests:
// test/unit/sim/reference-rr.ts.)
//
// For each pick every eligible (up) server's current weight grows by its weight, the highest current
// weight wins (the first on ties), and the winner's current weight drops by the total. With equal
// weights this is plain rotation (s1, s2, s3, s1, …); with weights 5,1,1 it gives a a b a c a a — the
// heavy server's turns are spread out instead of coming in one block (2,1,1 gives a b c a, a b c a).
import { IndexedHeap } from './heap.js';

export const UP = 0;
export const DRAINING = 1;
export const DOWN = 2;

/**
 * The same smooth weighted round-robin with "every up server grows by its weight" done lazily: an up
 * server's current weight is base[i] + g × weight[i], so growing all of them is g++ and nginx's sticky
 * charge costs O(1) instead of a pass over the servers. A server that is not up keeps its current
 * weight frozen in base[i]. When all up servers have the same weight (the usual case) the highest
 * current weight is the highest base, kept in a binary heap: a pick costs O(log n). With mixed
 * weights picks scan the servers. Doubles stay exact (g × weight < 2^53).
 */
export class LazySwrr extends IndexedHeap {
  base: Float64Array;
  g = 0;
  /** Sum of the weights of the servers that are up. */
  upTotal = 0;
  /** Each server's place in the heap of up servers, ordered by base (highest first, lower index on ties). */
  private pos: Int32Array;
  /** How many up servers have each weight; one entry = uniform weights. */
  private readonly weights = new Map<number, number>();

  constructor(capacity: number) {
    super(capacity);
    this.base = new Float64Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  grow(capacity: number): void {
    const b = new Float64Array(capacity);
    b.set(this.base);
    this.base = b;
    this.growHeap(capacity);
    const p = new Int32Array(capacity).fill(-1);
    p.set(this.pos);
    this.pos = p;
  }

  current(i: number, state: Uint8Array, weight: Int32Array): number {
    return state[i] === UP ? this.base[i]! + this.g * weight[i]! : this.base[i]!;
  }

  /** A new server (up, current weight 0). */
  added(i: number, weight: number): void {
    this.base[i] = -this.g * weight;
    this.becameUp(i, weight);
  }

  /** Call when server i goes from `from` to `to` (states UP / DRAINING / DOWN). */
  changed(i: number, from: number, to: number, weight: number): void {
    if (from === UP && to !== UP) {
      this.base[i] = this.base[i]! + this.g * weight;
      this.upTotal -= weight;
      const left = (this.weights.get(weight) ?? 1) - 1;
      if (left > 0) this.weights.set(weight, left);
      else this.weights.delete(weight);
      this.delete(i);
    } else if (from !== UP && to === UP) {
      this.base[i] = this.base[i]! - this.g * weight;
      this.becameUp(i, weight);
    }
  }

  pick(n: number, state: Uint8Array, weight: Int32Array): number {
    if (this.weights.size === 1) {
      if (this.size === 0) return -1;
      const top = this.heap[0]!;
      this.g++;
      this.base[top] = this.base[top]! - this.upTotal;
      this.down(0);
      return top;
    }
    const best = this.scan(n, state, weight);
    if (best < 0) return -1;
    this.g++;
    this.base[best] = this.base[best]! - this.upTotal;
    this.fix(best);
    return best;
  }

  peek(n: number, state: Uint8Array, weight: Int32Array): number {
    if (this.weights.size === 1) return this.size === 0 ? -1 : this.heap[0]!;
    return this.scan(n, state, weight);
  }

  /**
   * nginx charges a sticky hit to the round-robin state: every eligible server grows by its weight and
   * the sticky server drops by the total — unless the sticky server's current weight is already at or
   * below -(total - its weight), in which case nothing is updated. A sticky server that is not up
   * (draining) is not part of the rotation and is not charged. O(log n).
   */
  charge(state: Uint8Array, weight: Int32Array, sticky: number): void {
    if (state[sticky] !== UP) return;
    const w = weight[sticky]!;
    if (this.base[sticky]! + this.g * w <= -(this.upTotal - w)) return;
    this.g++;
    this.base[sticky] = this.base[sticky]! - this.upTotal;
    this.down(this.pos[sticky]!);
  }

  /** Adds `by` to the current weight of an up server (least_conn grows only the tied servers). */
  bump(i: number, by: number): void {
    this.base[i] = this.base[i]! + by;
    this.fix(i);
  }

  /** The up server with the highest current weight, the first on ties. */
  private scan(n: number, state: Uint8Array, weight: Int32Array): number {
    const g = this.g + 1;
    const base = this.base;
    let best = -1;
    let bestCw = 0;
    for (let i = 0; i < n; i++) {
      if (state[i] !== UP) continue;
      const c = base[i]! + g * weight[i]!;
      if (best < 0 || c > bestCw) {
        best = i;
        bestCw = c;
      }
    }
    return best;
  }

  private becameUp(i: number, weight: number): void {
    this.upTotal += weight;
    this.weights.set(weight, (this.weights.get(weight) ?? 0) + 1);
    this.insert(i);
  }

  protected get slot(): Int32Array {
    return this.pos;
  }

  protected before(a: number, b: number): boolean {
    const x = this.base[a]!;
    const y = this.base[b]!;
    return x > y || (x === y && a < b);
  }
}
