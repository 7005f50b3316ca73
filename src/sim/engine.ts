// The batch simulator: replays a request stream through one balancer and one session store, applying
// events on the way, and reports per request (when traced), per server and in total.
//
// The hot loop works on numeric ids and typed arrays and allocates nothing per request unless a trace
// is kept, so memory depends on users and servers, never on the number of requests.
import { BalancerCore, R_COOKIE, R_REBALANCED, S_CONSISTENT, S_IP_HASH, S_LEAST, S_STICKY } from './balancer.js';
import { checkEvents, eventLabel, sortEvents } from './events.js';
import { formatIPv4 } from './hash.js';
import { REASONS, variantLabel, type RequestRow, type ServerResult, type SimConfig, type SimEvent, type SimResult, type Variant } from './model.js';
import { DOWN, DRAINING, UP } from './rr.js';
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
  const trace = opts.trace ?? false;
  const peek = trace || (opts.peek ?? true);
  const traffic = new Traffic(cfg.traffic);
  const R = traffic.requests;
  const U = traffic.users;
  const problems = checkEvents(cfg.servers, cfg.events, R);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const events = sortEvents(cfg.events);
  const addedCount = events.filter((e) => e.kind === 'add').length;
  const cap = cfg.servers.length + addedCount;

  // Capacity for every server the run will have, so the balancer's arrays are never replaced.
  const bal = new BalancerCore(cfg.strategy, cfg.rrMode, cap);
  const index = new Map<string, number>();
  const addedAt: (number | null)[] = [];
  for (const s of cfg.servers) {
    index.set(s.name, bal.addServer(s.name, s.weight));
    addedAt.push(null);
  }
  const S = Math.max(1, Math.min(opts.timelineSlices ?? 20, R));
  const served = new Float64Array(cap);
  const peak = new Int32Array(cap);
  const timeline = new Int32Array(cap * S);
  if (cap > MAX_SERVERS) throw new Error(`at most ${MAX_SERVERS} servers`);
  const users = new UserTable(U);
  const h16 = users.h16;
  const h32 = users.h32;
  const cold = users.cold;
  const sessions = new Sessions(users, cfg.store, cfg.replicas, bal);
  // Users attached to each server (their last request went there and they are not idle): sessions.
  const attached = new Int32Array(cap);
  // least-connections: each request stays in flight while the next `flightSlots` requests arrive
  // (one per server at the start), so a server's connections are its requests among the last few.
  const leastConn = bal.strategy === S_LEAST;
  const conns = bal.conns;
  const flightSlots = Math.max(2, cfg.servers.length);
  const inFlight = new Int32Array(leastConn ? flightSlots : 0).fill(-1);
  const ipBytes = bal.ipBytes;
  const sticky = bal.strategy === S_STICKY;
  const ipHash = bal.strategy === S_IP_HASH;
  const consistent = bal.strategy === S_CONSISTENT;

  const maxIdle = cfg.maxIdle > 0 && cfg.maxIdle < R ? cfg.maxIdle : 0;
  const ringSize = maxIdle + 1;
  const idleRing = new Int32Array(maxIdle > 0 ? ringSize : 0).fill(-1);

  let nextRank = 0;
  let unavailable = 0;
  let moves = 0;
  let usersMoved = 0;
  let cookieRouted = 0;
  let overrides = 0;
  let rebalanced = 0;
  let setCookies = 0;
  let ei = 0;
  let nextEventAt = events.length > 0 ? events[0]!.at : R + 1;
  let slice = 0;
  let sliceEnd = Math.floor(R / S);
  const rows: RequestRow[] | undefined = trace ? [] : undefined;

  const world: World = { bal, sessions, users, index, addedAt, attached, inFlight };
  const rowEvents: string[] = [];

  for (let n = 1; n <= R; n++) {
    while (n === nextEventAt) {
      const e = events[ei++]!;
      applyEvent(world, e);
      if (rows) rowEvents.push(eventLabel(e));
      nextEventAt = ei < events.length ? events[ei]!.at : R + 1;
    }
    if (n > sliceEnd) {
      slice++;
      sliceEnd = Math.floor(((slice + 1) * R) / S);
    }
    if (maxIdle > 0 && n > ringSize) {
      // The user of the request maxIdle+1 requests ago, if it has not been back since, is now idle:
      // it no longer counts as a session on its server.
      const k = n - ringSize;
      const idle = idleRing[k % ringSize]!;
      if (idle >= 0 && h32[idle * H32_STRIDE + H_LAST] === k) {
        const ai = idle * H16_STRIDE + H_ACTIVE;
        const a = h16[ai]!;
        if (a >= 0) {
          attached[a] = attached[a]! - 1;
          h16[ai] = -1;
        }
      }
    }
    const slot = leastConn ? n % flightSlots : 0;
    if (leastConn) {
      const done = inFlight[slot]!; // the request that arrived flightSlots requests ago completes
      if (done >= 0) conns[done] = conns[done]! - 1;
      inFlight[slot] = -1;
    }

    const u = traffic.next(n);
    const buy = traffic.buy;
    const b16 = u * H16_STRIDE;
    const b32 = u * H32_STRIDE;
    const c = u * C_STRIDE;
    const last = h32[b32 + H_LAST]!;
    if (last === 0) {
      // First appearance: the user gets its rank (name), key and address.
      const rank = nextRank++;
      cold[c + C_RANK] = rank;
      if (consistent) cold[c + C_KEY] = traffic.keyHash(u, rank);
      cold[c + C_IP] = traffic.ip(rank);
    }
    const sent = h16[b16 + H_COOKIE]!; // the cookie the browser sends (-1 for none)
    let ck = -1;
    let expired = false;
    if (sticky && sent >= 0) {
      if (maxIdle > 0 && n - last > maxIdle) expired = true;
      else ck = sent;
    }
    if (ipHash) {
      const ip = cold[c + C_IP]!;
      ipBytes[0] = ip >>> 24;
      ipBytes[1] = (ip >>> 16) & 255;
      ipBytes[2] = (ip >>> 8) & 255;
    }
    const t = bal.route(ck, consistent ? cold[c + C_KEY]! >>> 0 : 0, peek);
    const reason = bal.reason;

    if (t < 0) {
      unavailable++;
      if (rows) {
        rows.push(makeRow(world, traffic, n, u, sent, expired, -1, false, rowEvents.splice(0)));
      }
    } else {
      if (reason === R_COOKIE) {
        cookieRouted++;
        if (peek && bal.algorithmPick !== t) overrides++;
      } else if (reason === R_REBALANCED) {
        rebalanced++;
      }
      if (bal.setCookie) {
        setCookies++;
        h16[b16 + H_COOKIE] = t;
      }
      served[t] = served[t]! + 1;
      const ti = t * S + slice;
      timeline[ti] = timeline[ti]! + 1;
      const prevServer = h16[b16 + H_PREV]!;
      const isMove = prevServer >= 0 && prevServer !== t;
      if (isMove) {
        moves++;
        const f = cold[c + C_FLAGS]!;
        if ((f & F_MOVED) === 0) {
          cold[c + C_FLAGS] = f | F_MOVED;
          usersMoved++;
        }
      }
      h16[b16 + H_PREV] = t;
      const a = h16[b16 + H_ACTIVE]!;
      if (a !== t) {
        if (a >= 0) attached[a] = attached[a]! - 1;
        const now = attached[t]! + 1;
        attached[t] = now;
        if (now > peak[t]!) peak[t] = now;
        h16[b16 + H_ACTIVE] = t;
      }
      if (leastConn) {
        conns[t] = conns[t]! + 1;
        inFlight[slot] = t;
      }
      sessions.serve(u, t, buy);
      if (rows) {
        rows.push(makeRow(world, traffic, n, u, sent, expired, t, isMove, rowEvents.splice(0)));
      }
    }
    h32[b32 + H_LAST] = n;
    if (maxIdle > 0) idleRing[n % ringSize] = u;
  }

  // ---- results
  const n = bal.n;
  let total = 0;
  let busiest = 0;
  for (let i = 0; i < n; i++) {
    total += served[i]!;
    if (served[i]! > served[busiest]!) busiest = i;
  }
  const mean = total / n;
  const servers: ServerResult[] = [];
  for (let i = 0; i < n; i++) {
    servers.push({
      name: bal.names[i]!,
      weight: bal.weight[i]!,
      state: bal.stateName(i),
      addedAt: addedAt[i] ?? null,
      requests: served[i]!,
      share: total > 0 ? served[i]! / total : 0,
      peakSessions: peak[i]!,
      sessions: attached[i]!,
      timeline: Array.from(timeline.subarray(i * S, (i + 1) * S)),
    });
  }
  const variant: Variant = { strategy: cfg.strategy, store: cfg.store, rrMode: cfg.rrMode };
  const result: SimResult = {
    label: variantLabel(variant),
    strategy: cfg.strategy,
    store: cfg.store,
    rrMode: cfg.rrMode,
    replicas: cfg.store === 'replicated' ? cfg.replicas : 0,
    maxIdle: cfg.maxIdle,
    users: U,
    requests: R,
    seed: cfg.traffic.seed,
    events,
    servers,
    timelineSlices: S,
    summary: {
      requests: R,
      unavailable,
      imbalance: total > 0 ? Math.round((served[busiest]! / mean) * 1000) / 1000 : 0,
      busiest: bal.names[busiest]!,
      logins: sessions.logins,
      cartItemsAdded: sessions.cartItemsAdded,
      sessionsLost: sessions.sessionsLost,
      cartItemsLost: sessions.cartItemsLost,
      usersLoggedOut: sessions.usersLoggedOut,
      relogins: sessions.relogins,
      usersMoved,
      moves,
      cookieRouted,
      overrides: peek ? overrides : null,
      rebalanced,
      setCookies,
      storeRoundTrips: sessions.storeRoundTrips,
      replicationMessages: sessions.replicationMessages,
    },
  };
  if (rows) result.rows = rows;
  return result;
}

interface World {
  bal: BalancerCore;
  sessions: Sessions;
  users: UserTable;
  index: Map<string, number>;
  addedAt: (number | null)[];
  attached: Int32Array;
  inFlight: Int32Array;
}

function applyEvent(w: World, e: SimEvent): void {
  const { bal } = w;
  if (e.kind === 'add') {
    w.index.set(e.server, bal.addServer(e.server, e.weight ?? 1));
    w.addedAt.push(e.at);
    return;
  }
  const s = w.index.get(e.server)!;
  if (e.kind === 'fail') {
    bal.setState(s, DOWN);
    w.sessions.serverDown(s);
    // Its users and its requests in flight are gone with it.
    const h16 = w.users.h16;
    for (let i = H_ACTIVE; i < h16.length; i += H16_STRIDE) if (h16[i] === s) h16[i] = -1;
    w.attached[s] = 0;
    for (let i = 0; i < w.inFlight.length; i++) if (w.inFlight[i] === s) w.inFlight[i] = -1;
    bal.conns[s] = 0;
  } else {
    bal.setState(s, e.kind === 'drain' ? DRAINING : UP);
  }
}

/** A trace row, from the state right after the request. */
function makeRow(w: World, traffic: Traffic, nr: number, u: number, sent: number, exp: boolean, t: number, isMove: boolean, events: string[]): RequestRow {
  const { bal, sessions } = w;
  const cold = w.users.cold;
  const name = (i: number): string | null => (i >= 0 ? bal.names[i]! : null);
  const alg = bal.algorithmPick;
  const reason = bal.reason;
  const c = u * C_STRIDE;
  return {
    n: nr,
    user: traffic.name(u, cold[c + C_RANK]!),
    ip: formatIPv4(cold[c + C_IP]! >>> 0),
    cookie: name(sent),
    cookieExpired: exp,
    algorithmPick: name(alg),
    server: name(t),
    reason: REASONS[reason]!,
    setCookie: bal.setCookie && t >= 0 ? name(t) : null,
    override: reason === R_COOKIE && alg >= 0 && alg !== t,
    action: t < 0 ? 'none' : ACTION_NAMES[sessions.action]!,
    cartItems: t < 0 ? 0 : sessions.cartOf(u),
    cartLost: t < 0 ? 0 : sessions.cartLost,
    loggedOut: t >= 0 && sessions.loggedOut,
    moved: isMove,
    fetched: t >= 0 && sessions.fetched,
    events,
  };
}

/** Runs the same traffic and events through several configurations. */
export function compare(cfg: SimConfig, variants: readonly Variant[], opts: RunOptions = {}): SimResult[] {
  return variants.map((v) => simulate({ ...cfg, strategy: v.strategy, store: v.store, rrMode: v.rrMode }, opts));
}
