// The batch simulator: replays a request stream through one balancer and one session store, applying
// events on the way, and reports per request (when traced), per server and in total.
//
// The hot loop works on numeric ids and typed arrays and allocates nothing per request unless a trace
// is kept, so memory depends on users and servers, never on the number of requests.
import { BalancerCore, R_COOKIE, R_REBALANCED, S_CONSISTENT, S_IP_HASH, S_LEAST, S_STICKY } from './balancer.js';
import { checkEvents, eventLabel, sortEvents } from './events.js';
import { formatIPv4 } from './hash.js';
import { REASONS, variantLabel, withVariant, type RequestRow, type SimConfig, type SimEvent, type SimResult, type Variant } from './model.js';
import { DOWN, DRAINING, UP } from './rr.js';
import { serverResults, summarize, type RoutingTallies } from './results.js';
import { ACTION_NAMES, Sessions } from './storage.js';
import { Traffic } from './traffic.js';
import {
  C_FLAGS,
  C_IP,
  C_KEY,
  C_RANK,
  C_STRIDE,
  F_MOVED,
  H16_STRIDE,
  H32_STRIDE,
  H_ACTIVE,
  H_COOKIE,
  H_LAST,
  H_PREV,
  MAX_SERVERS,
  UserTable,
} from './users.js';

export interface RunOptions {
  /** Keep every request as a row (memory grows with the run). */
  trace?: boolean;
  /** Compute what the algorithm alone would pick for cookie-routed requests (for `overrides`). Default true. */
  peek?: boolean;
  /** Slices of the per-server timeline (default 20). */
  timelineSlices?: number;
}

export function simulate(cfg: SimConfig, opts: RunOptions = {}): SimResult {
  const run = new Run(cfg, opts);
  run.all();
  return run.result();
}

/**
 * One run. The constructor sets up the balancer, the user table and the counters; all() replays the
 * requests, each in named steps (events due, idle users, in-flight requests, routing, accounting);
 * result() reports. The steps are small methods over the run's fields so that V8 inlines them into
 * the loop.
 */
class Run {
  private readonly cfg: SimConfig;
  private readonly traffic: Traffic;
  private readonly R: number;
  private readonly events: SimEvent[];
  private readonly bal: BalancerCore;
  private readonly index = new Map<string, number>();
  private readonly addedAt: (number | null)[] = [];
  private readonly sessions: Sessions;
  private readonly users: UserTable;
  private readonly h16: Int16Array;
  private readonly h32: Int32Array;
  private readonly cold: Int32Array;
  private readonly peek: boolean;
  private readonly sticky: boolean;
  private readonly ipHash: boolean;
  private readonly consistent: boolean;
  private readonly leastConn: boolean;

  // Per server: requests served, users attached now and at most, requests per timeline slice.
  private readonly served: Float64Array;
  private readonly attached: Int32Array;
  private readonly peak: Int32Array;
  private readonly timeline: Int32Array;
  private readonly S: number;
  private slice = 0;
  private sliceEnd: number;

  // least-connections: request k stays in flight until just before request k + flightSlots arrives
  // (one slot per server at the start), so it overlaps the flightSlots − 1 requests after it.
  private readonly flightSlots: number;
  private readonly inFlight: Int32Array;

  // --max-idle: the user of each of the last maxIdle+1 requests, to find who has just gone idle.
  private readonly maxIdle: number;
  private readonly ringSize: number;
  private readonly idleRing: Int32Array;

  private ei = 0;
  private nextEventAt: number;
  private nextRank = 0;

  // Counters for the summary.
  private unavailable = 0;
  private moves = 0;
  private usersMoved = 0;
  private cookieRouted = 0;
  private overrides = 0;
  private rebalanced = 0;
  private setCookies = 0;

  // The trace, and what the current request's row needs besides the balancer's decision.
  private readonly rows: RequestRow[] | null;
  private rowEvents: string[] = [];
  private sent = -1;
  private expired = false;
  private moved = false;

  constructor(cfg: SimConfig, opts: RunOptions) {
    this.cfg = cfg;
    this.traffic = new Traffic(cfg.traffic);
    const R = (this.R = this.traffic.requests);
    const problems = checkEvents(cfg.servers, cfg.events, R);
    if (problems.length > 0) throw new Error(problems.join('\n'));
    this.events = sortEvents(cfg.events);
    this.nextEventAt = this.events.length > 0 ? this.events[0]!.at : R + 1;
    let cap = cfg.servers.length;
    for (const e of this.events) if (e.kind === 'add') cap++;
    if (cap > MAX_SERVERS) throw new Error(`at most ${MAX_SERVERS} servers`);

    // Capacity for every server the run will have, so the balancer's arrays are never replaced.
    const bal = (this.bal = new BalancerCore(cfg.strategy, cfg.rrMode, cap));
    for (const s of cfg.servers) {
      this.index.set(s.name, bal.addServer(s.name, s.weight));
      this.addedAt.push(null);
    }
    bal.configured();
    const trace = opts.trace ?? false;
    this.peek = trace || (opts.peek ?? true);
    this.rows = trace ? [] : null;
    this.sticky = bal.strategy === S_STICKY;
    this.ipHash = bal.strategy === S_IP_HASH;
    this.consistent = bal.strategy === S_CONSISTENT;
    this.leastConn = bal.strategy === S_LEAST;

    this.users = new UserTable(this.traffic.users);
    this.h16 = this.users.h16;
    this.h32 = this.users.h32;
    this.cold = this.users.cold;
    this.sessions = new Sessions(this.users, cfg.store, cfg.replicas, bal);

    this.S = Math.max(1, Math.min(opts.timelineSlices ?? 20, R));
    this.sliceEnd = Math.floor(R / this.S);
    this.served = new Float64Array(cap);
    this.attached = new Int32Array(cap);
    this.peak = new Int32Array(cap);
    this.timeline = new Int32Array(cap * this.S);

    this.flightSlots = Math.max(2, cfg.servers.length);
    this.inFlight = new Int32Array(this.leastConn ? this.flightSlots : 0).fill(-1);
    this.maxIdle = cfg.maxIdle > 0 && cfg.maxIdle < R ? cfg.maxIdle : 0;
    this.ringSize = this.maxIdle + 1;
    this.idleRing = new Int32Array(this.maxIdle > 0 ? this.ringSize : 0).fill(-1);
  }

  /** Replays every request. */
  all(): void {
    const R = this.R;
    const maxIdle = this.maxIdle > 0;
    const leastConn = this.leastConn;
    const traffic = this.traffic;
    for (let n = 1; n <= R; n++) {
      if (n === this.nextEventAt) this.applyEvents(n);
      if (n > this.sliceEnd) this.nextSlice();
      if (maxIdle) this.expireIdle(n);
      if (leastConn) this.completeFlight(n);
      const u = traffic.next(n);
      const t = this.route(n, u);
      if (t < 0) this.unavailable++;
      else this.account(n, u, t, traffic.buy);
      if (this.rows) this.rows.push(this.row(n, u, t));
      this.h32[u * H32_STRIDE + H_LAST] = n;
      if (maxIdle) this.idleRing[n % this.ringSize] = u;
    }
  }

  // ---- before the request

  /** Applies the events due just before request n. */
  private applyEvents(n: number): void {
    const events = this.events;
    while (n === this.nextEventAt) {
      const e = events[this.ei++]!;
      this.applyEvent(e);
      if (this.rows) this.rowEvents.push(eventLabel(e));
      this.nextEventAt = this.ei < events.length ? events[this.ei]!.at : this.R + 1;
    }
  }

  private applyEvent(e: SimEvent): void {
    const bal = this.bal;
    if (e.kind === 'add') {
      this.index.set(e.server, bal.addServer(e.server, e.weight ?? 1));
      this.addedAt.push(e.at);
      return;
    }
    const s = this.index.get(e.server)!;
    if (e.kind !== 'fail') {
      bal.setState(s, e.kind === 'drain' ? DRAINING : UP);
      return;
    }
    bal.setState(s, DOWN);
    this.sessions.serverDown(s);
    // Its users and its requests in flight are gone with it.
    const h16 = this.h16;
    for (let i = H_ACTIVE; i < h16.length; i += H16_STRIDE) if (h16[i] === s) h16[i] = -1;
    this.attached[s] = 0;
    const inFlight = this.inFlight;
    for (let i = 0; i < inFlight.length; i++) if (inFlight[i] === s) inFlight[i] = -1;
    bal.conns[s] = 0;
  }

  private nextSlice(): void {
    this.slice++;
    this.sliceEnd = Math.floor(((this.slice + 1) * this.R) / this.S);
  }

  /**
   * --max-idle: the user of the request maxIdle+1 requests ago, if it has not been back since, is now
   * idle: it no longer counts as a session on its server.
   */
  private expireIdle(n: number): void {
    const ringSize = this.ringSize;
    if (n <= ringSize) return;
    const k = n - ringSize;
    const idle = this.idleRing[k % ringSize]!;
    if (idle < 0 || this.h32[idle * H32_STRIDE + H_LAST] !== k) return;
    const ai = idle * H16_STRIDE + H_ACTIVE;
    const a = this.h16[ai]!;
    if (a >= 0) {
      this.attached[a] = this.attached[a]! - 1;
      this.h16[ai] = -1;
    }
  }

  /** least-connections: the request that arrived flightSlots requests ago completes. */
  private completeFlight(n: number): void {
    const slot = n % this.flightSlots;
    const done = this.inFlight[slot]!;
    if (done >= 0) this.bal.conns[done] = this.bal.conns[done]! - 1;
    this.inFlight[slot] = -1;
  }

  // ---- the request

  /** Routes user u's request n: the balancer's pick, or -1 when no server can take it. */
  private route(n: number, u: number): number {
    const c = u * C_STRIDE;
    const last = this.h32[u * H32_STRIDE + H_LAST]!;
    if (last === 0) this.firstVisit(u, c);
    const sent = this.h16[u * H16_STRIDE + H_COOKIE]!; // the cookie the browser sends (-1 for none)
    let cookie = -1;
    let expired = false;
    if (this.sticky && sent >= 0) {
      if (this.maxIdle > 0 && n - last > this.maxIdle) expired = true;
      else cookie = sent;
    }
    this.sent = sent;
    this.expired = expired;
    const cold = this.cold;
    if (this.ipHash) {
      const ip = cold[c + C_IP]!;
      const bytes = this.bal.ipBytes;
      bytes[0] = ip >>> 24;
      bytes[1] = (ip >>> 16) & 255;
      bytes[2] = (ip >>> 8) & 255;
    }
    return this.bal.route(cookie, this.consistent ? cold[c + C_KEY]! >>> 0 : 0, this.peek);
  }

  /** First appearance: the user gets its rank (name), key and address. */
  private firstVisit(u: number, c: number): void {
    const rank = this.nextRank++;
    const cold = this.cold;
    cold[c + C_RANK] = rank;
    if (this.consistent) cold[c + C_KEY] = this.traffic.keyHash(u, rank);
    cold[c + C_IP] = this.traffic.ip(rank);
  }

  /** Request n of user u was served by t: routing counters, load, the user's server, the session. */
  private account(n: number, u: number, t: number, buy: boolean): void {
    const bal = this.bal;
    const reason = bal.reason;
    if (reason === R_COOKIE) {
      this.cookieRouted++;
      if (this.peek && bal.algorithmPick !== t) this.overrides++;
    } else if (reason === R_REBALANCED) {
      this.rebalanced++;
    }
    if (bal.setCookie) {
      this.setCookies++;
      this.h16[u * H16_STRIDE + H_COOKIE] = t;
    }
    this.served[t] = this.served[t]! + 1;
    const ti = t * this.S + this.slice;
    this.timeline[ti] = this.timeline[ti]! + 1;
    if (this.leastConn) {
      bal.conns[t] = bal.conns[t]! + 1;
      this.inFlight[n % this.flightSlots] = t;
    }
    this.follow(u, t);
    this.sessions.serve(u, t, buy);
  }

  /** The user's previous server (moves) and the server it is attached to (sessions per server). */
  private follow(u: number, t: number): void {
    const h16 = this.h16;
    const b16 = u * H16_STRIDE;
    const prev = h16[b16 + H_PREV]!;
    this.moved = prev >= 0 && prev !== t;
    if (this.moved) {
      this.moves++;
      const fi = u * C_STRIDE + C_FLAGS;
      const f = this.cold[fi]!;
      if ((f & F_MOVED) === 0) {
        this.cold[fi] = f | F_MOVED;
        this.usersMoved++;
      }
    }
    h16[b16 + H_PREV] = t;
    const a = h16[b16 + H_ACTIVE]!;
    if (a !== t) {
      const attached = this.attached;
      if (a >= 0) attached[a] = attached[a]! - 1;
      const now = attached[t]! + 1;
      attached[t] = now;
      if (now > this.peak[t]!) this.peak[t] = now;
      h16[b16 + H_ACTIVE] = t;
    }
  }

  /** A trace row, from the state right after the request. */
  private row(nr: number, u: number, t: number): RequestRow {
    const { bal, sessions } = this;
    const name = (i: number): string | null => (i >= 0 ? bal.names[i]! : null);
    const alg = bal.algorithmPick;
    const reason = bal.reason;
    const c = u * C_STRIDE;
    const events = this.rowEvents;
    if (events.length > 0) this.rowEvents = [];
    return {
      n: nr,
      user: this.traffic.name(u, this.cold[c + C_RANK]!),
      ip: formatIPv4(this.cold[c + C_IP]! >>> 0),
      cookie: name(this.sent),
      cookieExpired: this.expired,
      algorithmPick: name(alg),
      server: name(t),
      reason: REASONS[reason]!,
      setCookie: bal.setCookie && t >= 0 ? name(t) : null,
      override: reason === R_COOKIE && alg >= 0 && alg !== t,
      action: t < 0 ? 'none' : ACTION_NAMES[sessions.action]!,
      cartItems: t < 0 ? 0 : sessions.cartOf(u),
      cartLost: t < 0 ? 0 : sessions.cartLost,
      loggedOut: t >= 0 && sessions.loggedOut,
      moved: t >= 0 && this.moved,
      fetched: t >= 0 && sessions.fetched,
      events: events.length > 0 ? events : [],
    };
  }

  // ---- after the run

  private routingTallies(): RoutingTallies {
    const { unavailable, usersMoved, moves, cookieRouted, rebalanced, setCookies } = this;
    return { requests: this.R, unavailable, usersMoved, moves, cookieRouted, overrides: this.peek ? this.overrides : null, rebalanced, setCookies };
  }

  result(): SimResult {
    const cfg = this.cfg;
    const { addedAt, served, peak, attached, timeline, S: slices } = this;
    const servers = serverResults(this.bal, { addedAt, served, peak, attached, timeline, slices });
    const variant: Variant = { strategy: cfg.strategy, store: cfg.store, rrMode: cfg.rrMode };
    const result: SimResult = {
      label: variantLabel(variant),
      strategy: cfg.strategy,
      store: cfg.store,
      rrMode: cfg.rrMode,
      replicas: cfg.store === 'replicated' ? cfg.replicas : 0,
      maxIdle: cfg.maxIdle,
      users: this.traffic.users,
      requests: this.R,
      seed: cfg.traffic.seed,
      events: this.events,
      servers,
      timelineSlices: this.S,
      summary: summarize(servers, this.routingTallies(), this.sessions),
    };
    if (this.rows) result.rows = this.rows;
    return result;
  }
}

/** Runs the same traffic and events through several configurations. */
export function compare(cfg: SimConfig, variants: readonly Variant[], opts: RunOptions = {}): SimResult[] {
  return variants.map((v) => simulate(withVariant(cfg, v), opts));
}
