// Where session state (logged in, cart items) lives, and what each storage mode loses and costs.
//
// One session per user at a time. A user's first request logs in (a new session); later requests
// add a cart item or just browse. A request that finds no session logs the user in again, with a
// fresh, empty cart.
// - local: the session lives in the memory of the server that created it. A request served elsewhere
//   cannot see it (that session is lost: the user logs in again there); a failed server takes all of
//   its sessions with it.
// - shared: an external store (e.g. Redis): any server sees every session, nothing is ever lost;
//   every request reads the session (one round trip) and every change writes it (one more).
// - replicated: the owner server keeps the session and copies every change to the next K servers that
//   are up (K messages per write). A server that does not hold the session fetches it from a peer
//   (one message) and becomes its owner. A session is lost only when every copy is gone.
import type { Action, Store } from './model.js';
import { DOWN, UP } from './rr.js';
import { C_FLAGS, C_PENDING, C_STRIDE, F_HAD_SESSION, F_LOGGED_OUT, H16_STRIDE, H32_STRIDE, H_CART, H_SESS, IN_STORE, NO_SESSION, type UserTable } from './users.js';

const LOCAL = 0;
const SHARED = 1;
const REPLICATED = 2;
const STORE_CODES: Record<Store, number> = { local: LOCAL, shared: SHARED, replicated: REPLICATED };

export const A_LOGIN = 0;
export const A_RELOGIN = 1;
export const A_CART = 2;
export const A_BROWSE = 3;
export const ACTION_NAMES: Action[] = ['login', 'relogin', 'cart', 'browse', 'none'];

export class Sessions {
  /** replicated: K replica servers per user (-1 = empty slot). */
  private readonly repl: Int32Array;
  private readonly K: number;
  private readonly mode: number;
  private readonly h16: Int16Array;
  private readonly h32: Int32Array;
  private readonly cold: Int32Array;

  logins = 0;
  cartItemsAdded = 0;
  sessionsLost = 0;
  cartItemsLost = 0;
  relogins = 0;
  usersLoggedOut = 0;
  storeRoundTrips = 0;
  replicationMessages = 0;

  // The last request.
  action = A_LOGIN;
  loggedOut = false;
  cartLost = 0;
  fetched = false;

  constructor(
    users: UserTable,
    store: Store,
    replicas: number,
    private readonly servers: { n: number; state: Uint8Array },
  ) {
    this.mode = STORE_CODES[store];
    this.h16 = users.h16;
    this.h32 = users.h32;
    this.cold = users.cold;
    this.K = this.mode === REPLICATED ? Math.max(0, replicas) : 0;
    this.repl = new Int32Array(users.count * this.K).fill(-1);
  }

  /** User u's request is served by server t; `buy`: it would add a cart item. */
  serve(u: number, t: number, buy: boolean): void {
    const si = u * H16_STRIDE + H_SESS;
    const sv = this.h16[si]!;
    this.loggedOut = false;
    this.cartLost = 0;
    this.fetched = false;
    const mode = this.mode;
    if (mode === SHARED) {
      this.storeRoundTrips++; // read the session
      if (sv === IN_STORE) {
        this.use(u, buy);
        if (buy) this.storeRoundTrips++; // write it back
      } else {
        this.login(u, IN_STORE);
        this.storeRoundTrips++;
      }
      return;
    }
    if (sv === t) {
      this.use(u, buy);
      if (buy && mode === REPLICATED) this.replicate(u, t);
      return;
    }
    if (sv >= 0) {
      if (mode === REPLICATED) {
        // Reachable from a peer: t takes the session over (fetching it unless it holds a copy).
        if (!this.holdsCopy(u, t)) {
          this.replicationMessages++;
          this.fetched = true;
        }
        this.h16[si] = t;
        this.use(u, buy);
        this.replicate(u, t);
        return;
      }
      // local: the session sits on another server; this one has never seen it.
      const cart = this.h32[u * H32_STRIDE + H_CART]!;
      this.sessionsLost++;
      this.cartItemsLost += cart;
      this.cartLost = cart;
      this.logOut(u);
    } else if (this.cold[u * C_STRIDE + C_FLAGS]! & F_HAD_SESSION) {
      const pi = u * C_STRIDE + C_PENDING;
      this.cartLost = this.cold[pi]!;
      this.cold[pi] = 0;
      this.logOut(u);
    }
    this.login(u, t);
    if (mode === REPLICATED) this.replicate(u, t);
  }

  /** Server s has failed: its memory is gone. */
  serverDown(s: number): void {
    if (this.mode === SHARED) return;
    const { h16, h32, cold, repl, K } = this;
    const count = h16.length / H16_STRIDE;
    for (let u = 0; u < count; u++) {
      const si = u * H16_STRIDE + H_SESS;
      for (let k = 0; k < K; k++) if (repl[u * K + k] === s) repl[u * K + k] = -1;
      if (h16[si] !== s) continue;
      let survivor = -1;
      for (let k = 0; k < K && survivor < 0; k++) {
        const r = repl[u * K + k]!;
        if (r >= 0 && this.servers.state[r] !== DOWN) {
          survivor = r;
          repl[u * K + k] = -1;
        }
      }
      if (survivor >= 0) {
        h16[si] = survivor;
        continue;
      }
      const ci = u * H32_STRIDE + H_CART;
      const cart = h32[ci]!;
      this.sessionsLost++;
      this.cartItemsLost += cart;
      cold[u * C_STRIDE + C_PENDING] = cart;
      h16[si] = NO_SESSION;
      h32[ci] = 0;
    }
  }

  cartOf(u: number): number {
    return this.h32[u * H32_STRIDE + H_CART]!;
  }

  private use(u: number, buy: boolean): void {
    if (buy) {
      const ci = u * H32_STRIDE + H_CART;
      this.h32[ci] = this.h32[ci]! + 1;
      this.cartItemsAdded++;
      this.action = A_CART;
    } else {
      this.action = A_BROWSE;
    }
  }

  private login(u: number, where: number): void {
    const fi = u * C_STRIDE + C_FLAGS;
    const flags = this.cold[fi]!;
    this.h16[u * H16_STRIDE + H_SESS] = where;
    this.h32[u * H32_STRIDE + H_CART] = 0;
    this.cold[fi] = flags | F_HAD_SESSION;
    this.logins++;
    this.action = flags & F_HAD_SESSION ? A_RELOGIN : A_LOGIN;
  }

  private logOut(u: number): void {
    this.loggedOut = true;
    this.relogins++;
    const fi = u * C_STRIDE + C_FLAGS;
    const flags = this.cold[fi]!;
    if (!(flags & F_LOGGED_OUT)) {
      this.cold[fi] = flags | F_LOGGED_OUT;
      this.usersLoggedOut++;
    }
  }

  private holdsCopy(u: number, t: number): boolean {
    for (let k = 0; k < this.K; k++) if (this.repl[u * this.K + k] === t) return true;
    return false;
  }

  /** Copies the session of u (owned by t) to the next K servers after t that are up. */
  private replicate(u: number, t: number): void {
    const { K, repl } = this;
    const { n, state } = this.servers;
    let k = 0;
    for (let step = 1; step < n && k < K; step++) {
      const i = (t + step) % n;
      if (state[i] === UP) repl[u * K + k++] = i;
    }
    for (let j = k; j < K; j++) repl[u * K + j] = -1;
    this.replicationMessages += k;
  }
}

export { IN_STORE, NO_SESSION };
