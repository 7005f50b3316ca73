// The consistent-hash ring (HAProxy `hash-type consistent`, nginx `hash … consistent`, Envoy ring
// hash): every server owns VNODES × weight points on a 32-bit circle; a key belongs to the first point
// at or after its hash. Adding an (n+1)-th server takes about 1/(n+1) of the keys, all of them from
// the others to the new server; nobody else moves.
import { hashString } from './hash.js';

export const VNODES_PER_WEIGHT = 100;

/** Owners are packed beside a point's hash: fewer servers than this (the simulator allows 256). */
const OWNER_SPAN = 65536;

export class HashRing {
  points: Uint32Array = new Uint32Array(0);
  owners: Int32Array = new Int32Array(0);

  /** Rebuilds the ring for servers 0..n-1 (their state does not matter: lookups skip down servers). */
  build(names: readonly string[], weight: Int32Array, n: number): void {
    if (n > OWNER_SPAN) throw new Error(`a ring of ${n} servers: at most ${OWNER_SPAN}`);
    let total = 0;
    for (let i = 0; i < n; i++) total += weight[i]! * VNODES_PER_WEIGHT;
    // One number per point, its hash then its owner (below 2^48, exact in a double), so that a typed
    // array sorts them natively, with no comparator and no index array: 255 servers of weight 256
    // make 6.5 million points, which the comparator sort took seconds and hundreds of MB to order.
    const keys = new Float64Array(total);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const count = weight[i]! * VNODES_PER_WEIGHT;
      for (let v = 0; v < count; v++) keys[k++] = hashString(`${names[i]!}#${v}`) * OWNER_SPAN + i;
    }
    keys.sort();
    this.points = new Uint32Array(total);
    this.owners = new Int32Array(total);
    for (let j = 0; j < total; j++) {
      const owner = keys[j]! % OWNER_SPAN;
      this.owners[j] = owner;
      this.points[j] = (keys[j]! - owner) / OWNER_SPAN;
    }
  }

  /** Index of the first point at or after h (wrapping to 0). */
  find(h: number): number {
    const p = this.points;
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    return lo === p.length ? 0 : lo;
  }
}
