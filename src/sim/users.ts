// Per-user state, packed for the hot loop. With 100,000 users picked at random, fetching a user's
// state is a cache miss on nearly every request, and it dominates the cost of a request; so every
// field a request normally touches sits in one 16-byte record (two views over one buffer), and
// fields used only on first visits, moves and failures live in a separate, cold table.
//
// Hot record of user u (16 bytes):
//   h16[u*8 + H_COOKIE]  server named by the persistence cookie, or -1
//   h16[u*8 + H_PREV]    server of the user's previous request, or -1
//   h16[u*8 + H_ACTIVE]  server the user is attached to (counted in its connections), or -1
//   h16[u*8 + H_SESS]    server holding the session (local; owner when replicated), IN_STORE, NO_SESSION
//   h32[u*4 + H_LAST]    number of the user's previous request; 0 before the first
//   h32[u*4 + H_CART]    cart items in the session
// Cold record (Int32, stride C_STRIDE): flags, cart items lost with a failed server (reported on the
// next request), consistent-hash key, IPv4 address, rank of first appearance (names follow it).

export const H16_STRIDE = 8;
export const H32_STRIDE = 4;
export const H_COOKIE = 0;
export const H_PREV = 1;
export const H_ACTIVE = 2;
export const H_SESS = 3;
export const H_LAST = 2;
export const H_CART = 3;

export const C_STRIDE = 5;
export const C_FLAGS = 0;
export const C_PENDING = 1;
/** hashString(name), stored as int32 (read with >>> 0). */
export const C_KEY = 2;
/** IPv4 address, stored as int32 (read with >>> 0). */
export const C_IP = 3;
export const C_RANK = 4;

export const F_MOVED = 1;
export const F_HAD_SESSION = 2;
export const F_LOGGED_OUT = 4;

export const NO_SESSION = -1;
export const IN_STORE = -2;

/** Server ids must fit the 16-bit fields. */
export const MAX_SERVERS = 32767;

export class UserTable {
  readonly h16: Int16Array;
  readonly h32: Int32Array;
  readonly cold: Int32Array;

  constructor(readonly count: number) {
    const buf = new ArrayBuffer(count * 16);
    this.h16 = new Int16Array(buf);
    this.h32 = new Int32Array(buf);
    this.h16.fill(-1); // cookie, prev, active, session: none …
    for (let i = H_LAST; i < this.h32.length; i += H32_STRIDE) {
      this.h32[i] = 0; // … last request and cart: 0
      this.h32[i + 1] = 0;
    }
    this.cold = new Int32Array(count * C_STRIDE);
  }
}
