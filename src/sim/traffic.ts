// The request stream: which user sends each request, and whether a logged-in user adds to the cart.
// Two seeded streams keep "who" independent of "buys": changing the cart rate never changes who
// visits. The engine numbers users by first appearance (their rank) and names them A, B, …, Z, AA, …
// in that order; with --sequence the given names are used.
import { hashString } from './hash.js';
import { Mulberry32, deriveSeed } from '../lib/prng.js';
import type { TrafficSpec } from './model.js';

/** A, B, …, Z, AA, AB, … (spreadsheet columns). */
export function userName(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export class Traffic {
  /** Distinct users (with random traffic some may never send a request). */
  readonly users: number;
  readonly requests: number;
  /** Output of next(): the request would add a cart item if the user is logged in. */
  buy = false;

  private readonly seq: Int32Array | null;
  private readonly seqNames: string[] | null;
  private readonly who: Mulberry32;
  private readonly carts: Mulberry32;
  /** cart chance scaled to 2^32, compared with a raw 32-bit draw. */
  private readonly cartThreshold: number;
  private readonly hot: number;
  private readonly ipSeed: number;

  constructor(spec: TrafficSpec) {
    this.who = new Mulberry32(deriveSeed(spec.seed, 1));
    this.carts = new Mulberry32(deriveSeed(spec.seed, 2));
    this.ipSeed = deriveSeed(spec.seed, 3);
    this.cartThreshold = spec.cart * 4294967296;
    if (spec.kind === 'sequence') {
      const ids = new Map<string, number>();
      this.seq = new Int32Array(spec.sequence.length);
      spec.sequence.forEach((name, i) => {
        let id = ids.get(name);
        if (id === undefined) ids.set(name, (id = ids.size));
        this.seq![i] = id;
      });
      this.seqNames = [...ids.keys()];
      this.users = ids.size;
      this.requests = spec.sequence.length;
      this.hot = 0;
    } else {
      this.seq = null;
      this.seqNames = null;
      this.users = spec.users;
      this.requests = spec.requests;
      this.hot = spec.users > 1 ? spec.hot : 0;
    }
  }

  /** The user id sending request n (1-based); sets `buy`. With a hot user, it is id 0. */
  next(n: number): number {
    this.buy = this.carts.nextU32() < this.cartThreshold;
    if (this.seq) return this.seq[n - 1]!;
    const hot = this.hot;
    if (hot > 0) {
      // The hot user sends the first request (so it is A) and then each request with chance `hot`.
      return n === 1 || this.who.next() < hot ? 0 : 1 + this.who.int(this.users - 1);
    }
    return this.who.int(this.users);
  }

  /** Name of user `id`, which appeared `rank`-th. */
  name(id: number, rank: number): string {
    return this.seqNames ? this.seqNames[id]! : userName(rank);
  }

  /** The user's key for consistent hashing: a hash of its name. */
  keyHash(id: number, rank: number): number {
    return hashString(this.name(id, rank));
  }

  /** A public-looking IPv4 address per user (first octet 11..222, never 127). */
  ip(rank: number): number {
    const h = deriveSeed(this.ipSeed, rank + 16);
    let a = 11 + ((h >>> 24) % 212);
    if (a === 127) a = 128;
    return ((a << 24) | (h & 0xffffff)) >>> 0;
  }
}
