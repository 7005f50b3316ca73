// The built-in balancer's routing: a thin adapter over the simulator's per-request balancer
// (src/sim/balancer.ts, createBalancer) — one engine, two front ends. What the adapter adds for a
// live proxy: the persistence cookie is read from a real Cookie header and checked (a malformed or
// unknown value is ignored and the request re-balanced, as HAProxy does), the Set-Cookie header is
// built here from the server's own name (never from request text), and per-request counters.
import { createBalancer, type Balancer } from '../sim/balancer.js';
import { readCookie } from './http-util.js';
import type { Reason, RrMode, ServerState, Strategy } from '../sim/model.js';

export const BALANCER_COOKIE = 'SRV';
/** Request header the balancer (built-in or HAProxy) sets to the SRV cookie the client sent. */
export const LAB_COOKIE_HEADER = 'x-lab-cookie';
/** Backend names the lab gives out (s1, s2, …); anything else in a cookie is malformed. */
const COOKIE_VALUE = /^[A-Za-z0-9_-]{1,24}$/;

export interface LabRoute {
  /** The backend to forward to, or null: no backend can take the request (503). */
  backend: string | null;
  reason: Reason;
  /** What the balancing algorithm alone would have chosen. */
  algorithmPick: string | null;
  /** The cookie the client sent named a known backend. */
  cookieValid: boolean;
  /** Set-Cookie header value to add to the response, if any. */
  setCookie: string | null;
}

export interface RoutingCounters {
  requests: number;
  balanced: number;
  cookieRouted: number;
  rebalanced: number;
  hashed: number;
  setCookies: number;
  unavailable: number;
  /** Persistence cookies that were malformed or named no known backend (ignored). */
  badCookies: number;
}

export class LabRouter {
  readonly strategy: Strategy;
  readonly rrMode: RrMode;
  readonly counters: RoutingCounters = { requests: 0, balanced: 0, cookieRouted: 0, rebalanced: 0, hashed: 0, setCookies: 0, unavailable: 0, badCookies: 0 };
  private readonly bal: Balancer;
  private readonly known = new Set<string>();

  /** `weights`: one per backend, in order (default 1 each), as `prepdeck simulate --servers s1:2,…`. */
  constructor(opts: { backends: readonly string[]; weights?: readonly number[]; strategy: Strategy; rrMode: RrMode }) {
    this.strategy = opts.strategy;
    this.rrMode = opts.rrMode;
    this.bal = createBalancer({ servers: opts.backends.map((name, i) => ({ name, weight: opts.weights?.[i] ?? 1 })), strategy: opts.strategy, rrMode: opts.rrMode, cookieName: BALANCER_COOKIE });
    for (const b of opts.backends) this.known.add(b);
  }

  get usesCookie(): boolean {
    return this.strategy === 'sticky-cookie';
  }

  /**
   * Decides where one request goes. `cookieHeader`: the request's Cookie header; `ip`: the client's
   * address (ip-hash, and the key of consistent-hash).
   */
  route(cookieHeader: string | undefined, ip: string): LabRoute {
    const c = this.counters;
    c.requests++;
    const raw = this.usesCookie ? readCookie(cookieHeader, BALANCER_COOKIE) : null;
    const cookieValid = raw !== null && COOKIE_VALUE.test(raw) && this.known.has(raw);
    if (raw !== null && !cookieValid) c.badCookies++;
    const d = this.bal.route({ cookie: cookieValid ? raw : null, ip, userKey: ip });
    switch (d.reason) {
      case 'cookie':
        c.cookieRouted++;
        break;
      case 'rebalanced-after-failure':
        c.rebalanced++;
        break;
      case 'hash':
        c.hashed++;
        break;
      case 'unavailable':
        c.unavailable++;
        break;
      default:
        c.balanced++;
    }
    // The name comes from our own list of backends, never from the request.
    const setCookie = d.setCookie && d.server ? `${BALANCER_COOKIE}=${d.server}; Path=/` : null;
    if (setCookie) c.setCookies++;
    return { backend: d.server, reason: d.reason, algorithmPick: d.algorithmPick, cookieValid, setCookie };
  }

  setState(backend: string, state: ServerState): void {
    this.bal.setState(backend, state);
  }

  add(backend: string): void {
    this.bal.addServer(backend, 1);
    this.known.add(backend);
  }

  /** least-connections counts requests in flight. */
  opened(backend: string): void {
    this.bal.connectionOpened(backend);
  }

  closed(backend: string): void {
    this.bal.connectionClosed(backend);
  }

  states(): { name: string; state: ServerState; connections: number }[] {
    return this.bal.servers().map((s) => ({ name: s.name, state: s.state, connections: s.connections }));
  }
}

/** Removes the balancer's cookie from a Cookie header before it reaches a backend (HAProxy's `indirect`). */
export function stripCookie(header: string | undefined, name = BALANCER_COOKIE): string | undefined {
  if (!header) return header;
  const kept = header
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '' && p.slice(0, Math.max(0, p.indexOf('='))).trim() !== name);
  return kept.length > 0 ? kept.join('; ') : undefined;
}

// ---- what the lab page shows of each request

export interface RecentRequest {
  /** Counts every shop request of this run. */
  n: number;
  backend: string;
  /** How the balancer chose the backend, as the page labels the arrow. */
  by: RouteLabel;
  session: string | null;
}

export type RouteLabel = 'cookie' | 're-balanced' | 'round-robin' | 'least-connections' | 'source hash';

export const RECENT_REQUESTS = 8;

/** How a request reached its backend, told from the SRV cookie it came with. */
export function routeLabel(strategy: Strategy, backend: string, cookie: string | null): RouteLabel {
  if (strategy === 'sticky-cookie' && cookie !== null) return cookie === backend ? 'cookie' : 're-balanced';
  if (strategy === 'least-connections') return 'least-connections';
  if (strategy === 'ip-hash' || strategy === 'consistent-hash') return 'source hash';
  return 'round-robin';
}
