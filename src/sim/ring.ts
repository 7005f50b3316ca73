// The consistent-hash ring (HAProxy `hash-type consistent`, nginx `hash … consistent`, Envoy ring
// hash): every server owns VNODES × weight points on a 32-bit circle; a key belongs to the first point
// at or after its hash. Adding an (n+1)-th server takes about 1/(n+1) of the keys, all of them from
// the others to the new server; nobody else moves.
import { hashString } from './hash.js';

export const VNODES_PER_WEIGHT = 100;

export class HashRing {
  points: Uint32Array = new Uint32Array(0);
  owners: Int32Array = new Int32Array(0);

  /** Rebuilds the ring for servers 0..n-1 (their state does not matter: lookups skip down servers). */
  build(names: readonly string[], weight: Int32Array, n: number): void {
    let total = 0;
    for (let i = 0; i < n; i++) total += weight[i]! * VNODES_PER_WEIGHT;
    const hashes = new Uint32Array(total);
    const owner = new Int32Array(total);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const count = weight[i]! * VNODES_PER_WEIGHT;
      for (let v = 0; v < count; v++) {
        hashes[k] = hashString(`${names[i]!}#${v}`);
        owner[k++] = i;
      }
    }
    const order = Array.from({ length: total }, (_, i) => i);
    order.sort((a, b) => hashes[a]! - hashes[b]! || owner[a]! - owner[b]!);
    this.points = new Uint32Array(total);
    this.owners = new Int32Array(total);
    for (let i = 0; i < total; i++) {
      this.points[i] = hashes[order[i]!]!;
      this.owners[i] = owner[order[i]!]!;
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
