// The simulator's vocabulary: strategies, storage modes, server states, events, configuration and
// results. Types and constant lists only, so the CLI's flag declarations can import the lists cheaply.

export const STRATEGIES = ['round-robin', 'sticky-cookie', 'ip-hash', 'consistent-hash', 'least-connections'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STORES = ['local', 'shared', 'replicated'] as const;
export type Store = (typeof STORES)[number];

/** How a cookie-routed request affects the round-robin state: HAProxy ignores it, nginx charges it. */
export const RR_MODES = ['haproxy', 'nginx'] as const;
export type RrMode = (typeof RR_MODES)[number];

export const SERVER_STATES = ['up', 'down', 'draining'] as const;
export type ServerState = (typeof SERVER_STATES)[number];

export const SCENARIO_NAMES = ['seed-example', 'hot-user', 'failover', 'scale-out', 'flash-sale'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const EVENT_KINDS = ['fail', 'recover', 'drain', 'add'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Why a request went where it went.
 * - algorithm: the balancing algorithm chose (no valid cookie, or a strategy without affinity)
 * - cookie: a valid persistence cookie named the server, overriding the algorithm
 * - rebalanced-after-failure: the server the user was pinned to (by cookie or hash) is down
 * - hash: the address or key hash chose
 * - unavailable: no server could take the request (all down or draining): the client gets a 503
 */
export const REASONS = ['algorithm', 'cookie', 'rebalanced-after-failure', 'hash', 'unavailable'] as const;
export type Reason = (typeof REASONS)[number];

/** What the request did to the user's session. */
export const ACTIONS = ['login', 'relogin', 'cart', 'browse', 'none'] as const;
export type Action = (typeof ACTIONS)[number];

export interface ServerSpec {
  name: string;
  weight: number;
}

export interface SimEvent {
  kind: EventKind;
  server: string;
  /** The event happens just before this request (1-based): request `at` is the first to see it. */
  at: number;
  /** Only for `add`. */
  weight?: number;
}

export type TrafficSpec =
  | {
      kind: 'random';
      users: number;
      requests: number;
      /** Share (0..1) of requests sent by the hot user A; 0 for none. */
      hot: number;
      /** Chance (0..1) that a later request of a logged-in user adds a cart item. */
      cart: number;
      seed: number;
    }
  | {
      kind: 'sequence';
      /** User names in request order; users are created as they first appear. */
      sequence: string[];
      cart: number;
      seed: number;
    };

export interface SimConfig {
  servers: ServerSpec[];
  strategy: Strategy;
  rrMode: RrMode;
  store: Store;
  /** Peers each session is copied to with the replicated store. */
  replicas: number;
  events: SimEvent[];
  /** Persistence cookie max-idle in requests (HAProxy `maxidle`); 0 = never expires. */
  maxIdle: number;
  traffic: TrafficSpec;
}

/** One configuration in a `--compare`: the traffic and events stay the same. */
export interface Variant {
  strategy: Strategy;
  store: Store;
  rrMode: RrMode;
}

/** The configuration `cfg` becomes with one variant's strategy, store and round-robin mode. */
export function withVariant(cfg: SimConfig, v: Variant): SimConfig {
  return { ...cfg, strategy: v.strategy, store: v.store, rrMode: v.rrMode };
}

export interface RequestRow {
  n: number;
  user: string;
  ip: string;
  /** Server named by the persistence cookie the browser sent, if any. */
  cookie: string | null;
  /** The cookie was sent but had expired (max-idle) and was ignored. */
  cookieExpired: boolean;
  /** What the balancing algorithm alone would have chosen for this request. */
  algorithmPick: string | null;
  server: string | null;
  reason: Reason;
  /** The server the response's Set-Cookie names, if one was sent. */
  setCookie: string | null;
  /** A valid cookie sent the request somewhere other than the algorithm's pick. */
  override: boolean;
  action: Action;
  /** Cart items after the request. */
  cartItems: number;
  /** Cart items this request found missing (the session had been lost). */
  cartLost: number;
  /** The user had been logged in, but this request found no session: logged out. */
  loggedOut: boolean;
  /** Served by a different server than the user's previous request. */
  moved: boolean;
  /** The session was copied over from a peer (replicated store). */
  fetched: boolean;
  /** Events applied just before this request, e.g. "s2 fails". */
  events: string[];
}

export interface ServerResult {
  name: string;
  weight: number;
  state: ServerState;
  /** Request number at which the server was added, or null when it was there from the start. */
  addedAt: number | null;
  requests: number;
  /** Share of all served requests (0..1). */
  share: number;
  /** Most users attached to the server at the same time (their current session lives there). */
  peakSessions: number;
  /** Users attached at the end. */
  sessions: number;
  /** Requests per slice of the run (the run is cut into `timelineSlices` equal slices). */
  timeline: number[];
}

export interface Summary {
  requests: number;
  /** Requests no server could take (all servers down or draining). */
  unavailable: number;
  /** Busiest server's requests divided by the mean per server. */
  imbalance: number;
  busiest: string;
  logins: number;
  cartItemsAdded: number;
  /** Sessions that became unreachable: destroyed with a failed server or left behind on another. */
  sessionsLost: number;
  cartItemsLost: number;
  /** Distinct users who had to log in again. */
  usersLoggedOut: number;
  /** Requests that found the user logged out (every forced login again). */
  relogins: number;
  /** Distinct users served by a different server than the one before at least once. */
  usersMoved: number;
  /** Requests served by a different server than the same user's previous request. */
  moves: number;
  /** Requests routed by a persistence cookie. */
  cookieRouted: number;
  /** Cookie-routed requests the algorithm alone would have sent elsewhere (null when not computed). */
  overrides: number | null;
  /** Requests re-balanced because their pinned server was down. */
  rebalanced: number;
  setCookies: number;
  storeRoundTrips: number;
  replicationMessages: number;
}

export interface SimResult {
  label: string;
  strategy: Strategy;
  store: Store;
  rrMode: RrMode;
  replicas: number;
  maxIdle: number;
  users: number;
  requests: number;
  seed: number;
  events: SimEvent[];
  servers: ServerResult[];
  summary: Summary;
  timelineSlices: number;
  /** Every request, only when a trace was asked for. */
  rows?: RequestRow[];
}

export function variantLabel(v: Variant, withMode = false): string {
  return `${v.strategy}/${v.store}${withMode || v.rrMode !== 'haproxy' ? `/${v.rrMode}` : ''}`;
}
