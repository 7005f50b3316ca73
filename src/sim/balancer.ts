// The balancing strategies, decided request by request. One engine, two front ends: the batch
// simulator drives BalancerCore with numeric ids (no allocation per request), and a live reverse proxy
// uses createBalancer(), which speaks server names, cookie values and client addresses.
import { NGINX_IP_HASH_INIT, hashString, ipHashBytes, nginxIpHashStep } from './hash.js';
import { REASONS, type Reason, type RrMode, type ServerState, type Strategy } from './model.js';
import { HashRing } from './ring.js';
import { Fwrr } from './fwrr.js';
import { DOWN, DRAINING, LazySwrr, UP } from './rr.js';

export const S_ROUND_ROBIN = 0;
export const S_STICKY = 1;
export const S_IP_HASH = 2;
export const S_CONSISTENT = 3;
export const S_LEAST = 4;
const STRATEGY_CODES: Record<Strategy, number> = {
  'round-robin': S_ROUND_ROBIN,
  'sticky-cookie': S_STICKY,
  'ip-hash': S_IP_HASH,
  'consistent-hash': S_CONSISTENT,
  'least-connections': S_LEAST,
};

// Indexes into REASONS.
export const R_ALGORITHM = 0;
export const R_COOKIE = 1;
export const R_REBALANCED = 2;
export const R_HASH = 3;
export const R_UNAVAILABLE = 4;

const STATE_CODES: Record<ServerState, number> = { up: UP, draining: DRAINING, down: DOWN };
const STATE_NAMES: ServerState[] = ['up', 'draining', 'down'];
/** nginx's ip_hash gives up after 20 tries and falls back to round-robin. */
const IP_HASH_TRIES = 20;

/**
 * Numeric balancer. Servers are indexes 0..n-1; states are UP / DRAINING / DOWN. route() returns the
 * chosen index (or -1) and leaves the details of the decision in public fields.
 */
export class BalancerCore {
  n = 0;
  readonly names: string[] = [];
  weight: Int32Array;
  state: Uint8Array;
  /** nginx's smooth weighted round-robin state (current weights): nginx's round-robin, least_conn ties, ip_hash fallback. */
  readonly rr: LazySwrr;
  /** HAProxy's `balance roundrobin` (rr-mode haproxy: round-robin and sticky-cookie); null with rr-mode nginx. */
  readonly fwrr: Fwrr | null;
  /** Connections (requests in flight) per server, for least-connections; the caller opens and closes them. */
  conns: Int32Array;
  readonly strategy: number;
  readonly nginx: boolean;
  /** Client address bytes for ip-hash; set them (and ipLen) before route(). */
  readonly ipBytes = new Uint8Array(16);
  ipLen = 3;

  // The last decision.
  reason = R_ALGORITHM;
  /** What the algorithm alone would pick (-1 when not computed or none). */
  algorithmPick = -1;
  /** The response carries a Set-Cookie naming the chosen server. */
  setCookie = false;

  private ring: HashRing | null = null;
  private ringDirty = true;
  /** ip-hash: owner of each slot of `hash % totalWeight`, as nginx walks the weights. */
  private slotOwner = new Int32Array(0);
  private totalWeightAll = 0;

  constructor(strategy: Strategy, rrMode: RrMode, capacity = 8) {
    this.strategy = STRATEGY_CODES[strategy];
    this.nginx = rrMode === 'nginx';
    const cap = Math.max(1, capacity);
    this.weight = new Int32Array(cap);
    this.state = new Uint8Array(cap);
    this.rr = new LazySwrr(cap);
    this.fwrr = this.nginx ? null : new Fwrr(cap);
    this.conns = new Int32Array(cap);
  }

  get usesCookie(): boolean {
    return this.strategy === S_STICKY;
  }

  addServer(name: string, weight = 1): number {
    if (this.n === this.weight.length) this.grow(this.n * 2);
    const i = this.n++;
    this.names.push(name);
    this.weight[i] = weight;
    this.state[i] = UP;
    this.rr.added(i, weight);
    this.fwrr?.added(i, weight);
    this.conns[i] = 0;
    this.ringDirty = true;
    this.totalWeightAll += weight;
    if (this.strategy === S_IP_HASH) this.buildSlots();
    return i;
  }

  setState(i: number, state: number): void {
    this.rr.changed(i, this.state[i]!, state, this.weight[i]!);
    this.fwrr?.changed(i, this.state[i]!, state);
    this.state[i] = state;
  }

  /**
   * The configured servers are all added (HAProxy builds its round-robin trees from them); servers
   * added after this join at run time. Without this call the first request decides.
   */
  configured(): void {
    this.fwrr?.seal(this.state);
  }

  /** The current weight of server i in the smooth weighted round-robin. */
  currentWeight(i: number): number {
    return this.rr.current(i, this.state, this.weight);
  }

  stateName(i: number): ServerState {
    return STATE_NAMES[this.state[i]!]!;
  }

  /**
   * Routes one request. `cookie`: server index named by a valid persistence cookie, or -1.
   * `keyHash`: hashString(userKey), for consistent-hash. `peek`: also compute what the algorithm alone
   * would pick when a cookie decides (costs a pass over the servers).
   */
  route(cookie: number, keyHash: number, peek: boolean): number {
    switch (this.strategy) {
      case S_STICKY:
        return this.routeSticky(cookie, peek);
      case S_IP_HASH:
        return this.routeIpHash();
      case S_CONSISTENT:
        return this.routeRing(keyHash);
      case S_LEAST:
        return this.decide(this.leastPick(), R_ALGORITHM, false);
      default:
        return this.decide(this.rrPick(), R_ALGORITHM, false);
    }
  }

  /** The round-robin pick: HAProxy's fast weighted round-robin, or nginx's smooth one. */
  private rrPick(): number {
    return this.fwrr ? this.fwrr.pick(this.state) : this.rr.pick(this.n, this.state, this.weight);
  }

  private rrPeek(): number {
    return this.fwrr ? this.fwrr.peek(this.state) : this.rr.peek(this.n, this.state, this.weight);
  }

  private decide(t: number, reason: number, setCookie: boolean): number {
    this.algorithmPick = t;
    this.reason = t < 0 ? R_UNAVAILABLE : reason;
    this.setCookie = t >= 0 && setCookie;
    return t;
  }

  private routeSticky(cookie: number, peek: boolean): number {
    if (cookie >= 0 && cookie < this.n) {
      // HAProxy and nginx both honour the cookie of a draining server; a down one is ignored.
      if (this.state[cookie] !== DOWN) {
        this.algorithmPick = peek ? this.rrPeek() : -1;
        this.reason = R_COOKIE;
        if (this.nginx) {
          this.rr.charge(this.state, this.weight, cookie);
          this.setCookie = true; // nginx sends the cookie on every response
        } else {
          this.setCookie = false; // HAProxy only when the cookie did not route the request
        }
        return cookie;
      }
      return this.decide(this.rrPick(), R_REBALANCED, true);
    }
    return this.decide(this.rrPick(), R_ALGORITHM, true);
  }

  private routeIpHash(): number {
    if (this.totalWeightAll === 0) return this.decide(-1, R_HASH, false);
    let hash = NGINX_IP_HASH_INIT;
    let primary = -1;
    for (let tries = 0; tries <= IP_HASH_TRIES; tries++) {
      hash = nginxIpHashStep(hash, this.ipBytes, this.ipLen);
      const p = this.slotOwner[hash % this.totalWeightAll]!;
      if (primary < 0) primary = p;
      if (this.state[p] === UP) return this.decide(p, this.hashReason(primary), false);
    }
    return this.decide(this.rr.pick(this.n, this.state, this.weight), this.hashReason(primary), false);
  }

  private routeRing(keyHash: number): number {
    if (this.ringDirty) {
      this.ring ??= new HashRing();
      this.ring.build(this.names, this.weight, this.n);
      this.ringDirty = false;
    }
    const ring = this.ring!;
    const owners = ring.owners;
    const len = owners.length;
    if (len === 0) return this.decide(-1, R_HASH, false);
    const start = ring.find(keyHash);
    const primary = owners[start]!;
    if (this.state[primary] === UP) return this.decide(primary, R_HASH, false);
    for (let k = 1; k < len; k++) {
      const o = owners[(start + k) % len]!;
      if (this.state[o] === UP) return this.decide(o, this.hashReason(primary), false);
    }
    return this.decide(-1, R_HASH, false);
  }

  /** A hash whose own pick was down re-balances; one skipping a draining server is still the hash. */
  private hashReason(primary: number): number {
    return this.state[primary] === DOWN ? R_REBALANCED : R_HASH;
  }

  /**
   * nginx `least_conn`: the fewest connections relative to weight among servers that are up; several
   * equal ones are decided by smooth weighted round-robin among them (starting from the first).
   */
  private leastPick(): number {
    const { n, state, conns, weight, rr } = this;
    let best = -1;
    let many = false;
    for (let i = 0; i < n; i++) {
      if (state[i] !== UP) continue;
      if (best < 0 || conns[i]! * weight[best]! < conns[best]! * weight[i]!) {
        best = i;
        many = false;
      } else if (conns[i]! * weight[best]! === conns[best]! * weight[i]!) {
        many = true;
      }
    }
    if (!many) return best;
    const first = best;
    let total = 0;
    let bestCw = 0;
    for (let i = first; i < n; i++) {
      if (state[i] !== UP || conns[i]! * weight[first]! !== conns[first]! * weight[i]!) continue;
      rr.bump(i, weight[i]!);
      total += weight[i]!;
      const c = rr.current(i, state, weight);
      if (i === first || c > bestCw) {
        best = i;
        bestCw = c;
      }
    }
    rr.bump(best, -total);
    return best;
  }

  private buildSlots(): void {
    this.slotOwner = new Int32Array(this.totalWeightAll);
    let k = 0;
    for (let i = 0; i < this.n; i++) for (let w = 0; w < this.weight[i]!; w++) this.slotOwner[k++] = i;
  }

  private grow(cap: number): void {
    const copy = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.weight = copy(this.weight, (c) => new Int32Array(c));
    this.state = copy(this.state, (c) => new Uint8Array(c));
    this.rr.grow(cap);
    this.fwrr?.grow(cap);
    this.conns = copy(this.conns, (c) => new Int32Array(c));
  }
}

// ---------------------------------------------------------------------------------------------
// The per-request API for a live proxy.

export interface BalancerServer {
  name: string;
  weight?: number;
  state?: ServerState;
}

export interface BalancerOptions {
  servers: readonly BalancerServer[];
  strategy: Strategy;
  rrMode?: RrMode;
  /** Name of the persistence cookie (default SRV, as in HAProxy's `cookie SRV insert`). */
  cookieName?: string;
}

export interface RouteRequest {
  /** Value of the persistence cookie the client sent (a server name), if any. */
  cookie?: string | null;
  /** Client address, IPv4 or IPv6. */
  ip: string;
  /** Key for consistent-hash: a user or session id. */
  userKey: string;
}

export interface RouteDecision {
  /** The chosen server, or null when none can take the request (answer 503). */
  server: string | null;
  reason: Reason;
  /** What the algorithm alone would have chosen. */
  algorithmPick: string | null;
  /** A Set-Cookie header value to add to the response, if any. */
  setCookie?: string;
}

export interface ServerStatus {
  name: string;
  weight: number;
  state: ServerState;
  connections: number;
}

export interface Balancer {
  route(req: RouteRequest): RouteDecision;
  setState(server: string, state: ServerState): void;
  addServer(name: string, weight?: number): void;
  connectionOpened(server: string): void;
  connectionClosed(server: string): void;
  servers(): ServerStatus[];
  readonly cookieName: string;
  readonly core: BalancerCore;
}

export function createBalancer(opts: BalancerOptions): Balancer {
  const core = new BalancerCore(opts.strategy, opts.rrMode ?? 'haproxy', opts.servers.length);
  const index = new Map<string, number>();
  const cookieName = opts.cookieName ?? 'SRV';
  const add = (name: string, weight = 1): number => {
    if (index.has(name)) throw new Error(`server ${name} already exists`);
    if (!Number.isInteger(weight) || weight < 1) throw new Error(`weight of ${name} must be a positive integer`);
    const i = core.addServer(name, weight);
    index.set(name, i);
    return i;
  };
  const find = (name: string): number => {
    const i = index.get(name);
    if (i === undefined) throw new Error(`no server named ${name}`);
    return i;
  };
  for (const s of opts.servers) {
    const i = add(s.name, s.weight);
    if (s.state) core.setState(i, STATE_CODES[s.state]);
  }
  core.configured();
  return {
    cookieName,
    core,
    route(req) {
      const cookie = req.cookie ? (index.get(req.cookie) ?? -1) : -1;
      if (core.strategy === S_IP_HASH) core.ipLen = ipHashBytes(req.ip, core.ipBytes);
      const t = core.route(cookie, hashString(req.userKey), true);
      const name = (i: number): string | null => (i >= 0 ? core.names[i]! : null);
      const decision: RouteDecision = {
        server: name(t),
        reason: REASONS[core.reason]!,
        algorithmPick: name(core.algorithmPick),
      };
      if (core.setCookie && t >= 0) decision.setCookie = `${cookieName}=${core.names[t]!}; Path=/`;
      return decision;
    },
    setState(server, state) {
      const i = find(server);
      core.setState(i, STATE_CODES[state]);
      if (state === 'down') core.conns[i] = 0;
    },
    addServer(name, weight) {
      add(name, weight);
    },
    connectionOpened(server) {
      const i = find(server);
      core.conns[i] = core.conns[i]! + 1;
    },
    connectionClosed(server) {
      const i = find(server);
      if (core.conns[i]! > 0) core.conns[i] = core.conns[i]! - 1;
    },
    servers() {
      return core.names.map((name, i) => ({ name, weight: core.weight[i]!, state: core.stateName(i), connections: core.conns[i]! }));
    },
  };
}
