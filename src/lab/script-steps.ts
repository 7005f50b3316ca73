// What a walk-through records (its steps and result, shown by ui/lab-script.ts and printed by
// --json) and the figures it counts from them, in the simulator's words and shapes.
import type { Action, Reason, Summary } from '../sim/model.js';
import type { LabState } from './lab.js';
import type { ScriptName } from './options.js';

/** How a request was routed, in the simulator's words (its `reason`). */
export type RoutedBy = Reason;

export interface RequestStep {
  type: 'request';
  n: number;
  user: string;
  /** What the user did, in the simulator's words (its `action`). */
  does: Extract<Action, 'login' | 'cart' | 'browse'>;
  /** The balancer cookie the user's browser sent. */
  cookie: string | null;
  backend: string | null;
  status: number;
  routedBy: RoutedBy;
  /** The backend a Set-Cookie SRV=… named, if one came back. */
  setCookie: string | null;
  session: string | null;
  loggedIn: boolean;
  cart: number;
  /** The user had been logged in and this request found its session gone (none, or a new empty one). */
  loggedOut: boolean;
  cartLost: number;
  moved: boolean;
  /** The simulator's prediction for this request (when it can be compared). */
  predicted: string | null;
  algorithmPick: string | null;
  override: boolean;
}

export interface ActionStep {
  type: 'action';
  /** The action takes effect before this request number. */
  before: number;
  action: 'kill' | 'add';
  backend: string;
  note: string;
}

export type Step = RequestStep | ActionStep;

export interface ScriptResult {
  script: ScriptName;
  point: string;
  balancer: LabState['balancer'];
  store: LabState['store'];
  strategy: LabState['strategy'];
  rrMode: LabState['rrMode'];
  steps: Step[];
  backends: { name: string; state: string; requests: number }[];
  summary: Summary;
  /** Requests whose live routing equals the simulator's prediction, or null when not comparable. */
  simulator: { compared: number; matched: number; mismatches: number[] } | null;
  conclusion: string;
}

export const SCRIPT_POINTS: Record<ScriptName, string> = {
  sticky: 'The first request is balanced; later ones follow the SRV cookie and override round-robin.',
  failover: 'A backend dies: with sessions in its memory its users are logged out and lose their carts; with Redis they lose nothing.',
  'scale-out': 'A backend is added: users pinned to the others stay where they are; only new users reach it.',
};

export type Does = RequestStep['does'];

/** Requests each backend answered in the walk-through. */
export function servedBy(state: LabState, requests: readonly RequestStep[]): Map<string, number> {
  const counts = new Map(state.backends.map((b) => [b.name, 0]));
  for (const st of requests) if (st.backend) counts.set(st.backend, (counts.get(st.backend) ?? 0) + 1);
  return counts;
}

export function blankStep(n: number, user: string, does: Does, cookie: string | null, status: number, setCookie: string | null): RequestStep {
  return {
    type: 'request',
    n,
    user,
    does,
    cookie,
    backend: null,
    status,
    routedBy: 'unavailable',
    setCookie,
    session: null,
    loggedIn: false,
    cart: 0,
    loggedOut: false,
    cartLost: 0,
    moved: false,
    predicted: null,
    algorithmPick: null,
    override: false,
  };
}

export function emptySummary(): Summary {
  return {
    requests: 0,
    unavailable: 0,
    imbalance: 0,
    busiest: '',
    logins: 0,
    cartItemsAdded: 0,
    sessionsLost: 0,
    cartItemsLost: 0,
    usersLoggedOut: 0,
    relogins: 0,
    usersMoved: 0,
    moves: 0,
    cookieRouted: 0,
    overrides: null,
    rebalanced: 0,
    setCookies: 0,
    storeRoundTrips: 0,
    replicationMessages: 0,
  };
}
