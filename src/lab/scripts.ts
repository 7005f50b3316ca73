// Scripted walk-throughs against a live lab: real HTTP through the balancer, one cookie jar per user,
// admin calls through /_lab/ with the token. Each request's routing is read from what a client can
// see (the cookie it sent, the backend that answered, any Set-Cookie), and the figures at the end are
// the simulator's summary figures, counted from the live responses.
import type { Summary } from '../sim/model.js';
import { Browser } from './client.js';
import type { Whoami } from './backend.js';
import type { LabState } from './lab.js';
import type { ScriptName } from './options.js';
import { predictRouting, type PredictedRow } from './predict.js';
import { BALANCER_COOKIE } from './routing.js';

type Op = { user: string; does: 'login' | 'cart' | 'view' } | { admin: 'kill-pinned'; of: string } | { admin: 'add' };

export type RoutedBy = 'algorithm' | 'cookie' | 'rebalanced' | 'hash' | 'unavailable';

export interface RequestStep {
  type: 'request';
  n: number;
  user: string;
  does: 'login' | 'cart' | 'view';
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
  /** The user had been logged in and this request found a fresh session. */
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

function plan(script: ScriptName, users: string[]): Op[] {
  const ops: Op[] = [];
  const each = (does: 'login' | 'cart' | 'view', who: string[]): void => {
    for (const user of who) ops.push({ user, does });
  };
  if (script === 'sticky') {
    // The simulator's seed-example sequence: A, B, C, D, A, B, A, C, A, D.
    const seen = new Set<string>();
    for (const user of ['A', 'B', 'C', 'D', 'A', 'B', 'A', 'C', 'A', 'D']) {
      ops.push({ user, does: seen.has(user) ? 'cart' : 'login' });
      seen.add(user);
    }
  } else if (script === 'failover') {
    each('login', users);
    each('cart', users);
    ops.push({ admin: 'kill-pinned', of: 'A' });
    each('view', users);
    each('cart', users);
  } else {
    each('login', users);
    ops.push({ admin: 'add' });
    each('cart', users);
    each('login', ['G', 'H', 'I', 'J']);
    each('view', [...users, 'G', 'H', 'I', 'J']);
  }
  return ops;
}

interface UserModel {
  browser: Browser;
  session: string | null;
  loggedIn: boolean;
  cart: number;
  lastBackend: string | null;
  moved: boolean;
  loggedOutOnce: boolean;
}

export async function runScript(script: ScriptName, base: string, token: string, onStep: (step: Step) => void = () => {}): Promise<ScriptResult> {
  const admin = new Browser(base);
  const adminHeaders = { 'x-lab-token': token };
  const state0 = (await admin.get('/_lab/state', adminHeaders)).json<LabState>();
  const hashing = state0.strategy === 'ip-hash' || state0.strategy === 'consistent-hash';
  const users = ['A', 'B', 'C', 'D', 'E', 'F'];
  const models = new Map<string, UserModel>();
  const model = (u: string): UserModel => {
    let m = models.get(u);
    if (!m) {
      m = { browser: new Browser(base), session: null, loggedIn: false, cart: 0, lastBackend: null, moved: false, loggedOutOnce: false };
      models.set(u, m);
    }
    return m;
  };

  const steps: Step[] = [];
  const sequence: string[] = [];
  const events: { kind: 'fail' | 'add'; server: string; at: number }[] = [];
  const s = emptySummary();
  let item = 0;
  const initial = state0.backends.map((b) => b.name);
  let comparable = true;
  const predictLast = (seq: string[], evs: typeof events): PredictedRow | null => {
    if (!comparable) return null;
    try {
      const rows = predictRouting({ backends: initial, strategy: state0.strategy, rrMode: state0.rrMode, sequence: seq, events: evs });
      if (rows === null) comparable = false;
      return rows?.[rows.length - 1] ?? null;
    } catch {
      comparable = false;
      return null;
    }
  };

  for (const op of plan(script, users)) {
    const n = sequence.length + 1;
    if ('admin' in op) {
      if (op.admin === 'kill-pinned') {
        const victim = model(op.of).lastBackend ?? state0.backends[0]!.name;
        const r = await admin.post(`/_lab/backends/${encodeURIComponent(victim)}/kill`, undefined, adminHeaders);
        if (r.status !== 200) throw new Error(`kill ${victim}: HTTP ${r.status} ${r.body}`);
        events.push({ kind: 'fail', server: victim, at: n });
        steps.push({ type: 'action', before: n, action: 'kill', backend: victim, note: `${victim} (user ${op.of}'s backend) is killed` });
        onStep(steps[steps.length - 1]!);
      } else {
        const r = await admin.post('/_lab/backends', undefined, adminHeaders);
        if (r.status !== 201) throw new Error(`add a backend: HTTP ${r.status} ${r.body}`);
        const name = r.json<{ name: string }>().name;
        events.push({ kind: 'add', server: name, at: n });
        steps.push({ type: 'action', before: n, action: 'add', backend: name, note: `${name} is added` });
        onStep(steps[steps.length - 1]!);
      }
      continue;
    }

    const m = model(op.user);
    const sent = m.browser.jar.get(BALANCER_COOKIE) ?? null;
    let reply;
    if (op.does === 'login') reply = await m.browser.post('/login', { user: op.user });
    else if (op.does === 'cart') reply = await m.browser.post('/cart', { item: `item-${++item}` });
    else reply = await m.browser.get('/api/whoami');
    sequence.push(op.user);
    s.requests++;

    const setCookie = reply.setCookies.get(BALANCER_COOKIE) ?? null;
    if (setCookie) s.setCookies++;
    const step: RequestStep = {
      type: 'request',
      n,
      user: op.user,
      does: op.does,
      cookie: sent,
      backend: null,
      status: reply.status,
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
    steps.push(step);
    const predicted = predictLast(sequence, events);
    if (predicted) {
      step.predicted = predicted.server;
      step.algorithmPick = predicted.algorithmPick;
    }
    if (reply.status !== 200) {
      if (reply.status === 503) s.unavailable++;
      onStep(step);
      continue;
    }
    const who = reply.json<Whoami>();
    step.backend = who.backend;
    step.routedBy = sent !== null ? (who.backend === sent ? 'cookie' : 'rebalanced') : hashing ? 'hash' : 'algorithm';
    if (step.routedBy === 'cookie') s.cookieRouted++;
    if (step.routedBy === 'rebalanced') s.rebalanced++;

    // What happened to the session: compare with what this user had before the request.
    // A login rotates the session id (and keeps the cart); any other change of id means the session
    // was not found where the request landed: a fresh, empty one replaced it.
    const lost = m.session !== null && (op.does === 'login' ? who.cart.length < m.cart : who.session !== m.session);
    if (lost) {
      s.sessionsLost++;
      step.cartLost = m.cart;
      s.cartItemsLost += step.cartLost;
      if (m.loggedIn && !who.loggedIn) {
        step.loggedOut = true;
        s.relogins++;
        if (!m.loggedOutOnce) {
          m.loggedOutOnce = true;
          s.usersLoggedOut++;
        }
      }
    }
    if (op.does === 'login') s.logins++;
    if (op.does === 'cart') s.cartItemsAdded++;
    step.moved = m.lastBackend !== null && m.lastBackend !== who.backend;
    if (step.moved) {
      s.moves++;
      if (!m.moved) {
        m.moved = true;
        s.usersMoved++;
      }
    }
    step.session = who.session;
    step.loggedIn = who.loggedIn;
    step.cart = who.cart.length;
    m.session = who.session;
    m.loggedIn = who.loggedIn;
    m.cart = who.cart.length;
    m.lastBackend = who.backend;
    if (predicted && predicted.server === who.backend) step.override = step.routedBy === 'cookie' && predicted.override;
    onStep(step);
  }

  const state = (await admin.get('/_lab/state', adminHeaders)).json<LabState>();
  const counts = new Map(state.backends.map((b) => [b.name, 0]));
  for (const st of steps) if (st.type === 'request' && st.backend) counts.set(st.backend, (counts.get(st.backend) ?? 0) + 1);
  const served = [...counts.values()].reduce((a, b) => a + b, 0);
  let busiest = state.backends[0]?.name ?? '';
  for (const [name, c] of counts) if (c > (counts.get(busiest) ?? 0)) busiest = name;
  s.busiest = busiest;
  s.imbalance = served > 0 ? Math.round(((counts.get(busiest) ?? 0) / (served / counts.size)) * 1000) / 1000 : 0;
  s.storeRoundTrips = state.storeRoundTrips - state0.storeRoundTrips;

  // The simulator's prediction for the same sequence and events (prepdeck simulate --sequence …).
  let simulator: ScriptResult['simulator'] = null;
  if (comparable) {
    simulator = { compared: 0, matched: 0, mismatches: [] };
    let overrides = 0;
    for (const st of steps) {
      if (st.type !== 'request' || st.predicted === null) continue;
      simulator.compared++;
      if (st.predicted === st.backend) simulator.matched++;
      else simulator.mismatches.push(st.n);
      if (st.override) overrides++;
    }
    s.overrides = overrides;
  }

  return {
    script,
    point: SCRIPT_POINTS[script],
    balancer: state.balancer,
    store: state.store,
    strategy: state.strategy,
    rrMode: state.rrMode,
    steps,
    backends: state.backends.map((b) => ({ name: b.name, state: b.state, requests: counts.get(b.name) ?? 0 })),
    summary: s,
    simulator,
    conclusion: conclude(script, state, steps, s),
  };
}

function emptySummary(): Summary {
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

function conclude(script: ScriptName, state: LabState, steps: Step[], s: Summary): string {
  const requests = steps.filter((x): x is RequestStep => x.type === 'request');
  if (script === 'sticky') {
    if (state.strategy !== 'sticky-cookie') {
      return `With ${state.strategy} there is no balancer cookie: ${s.moves} of the requests after a user's first went to a different backend than the one before.`;
    }
    return `${s.cookieRouted} requests were routed by their SRV cookie${s.overrides ? `, ${s.overrides} of them against round-robin's own pick` : ''}; every user stayed on its first backend (${s.moves} moves).`;
  }
  if (script === 'failover') {
    const kill = steps.find((x): x is ActionStep => x.type === 'action');
    const lostWord = s.sessionsLost === 0 ? 'no session was lost' : `${s.sessionsLost} sessions were lost (${s.usersLoggedOut} users logged out, ${s.cartItemsLost} cart items gone)`;
    return `${kill?.backend ?? 'A backend'} died; ${s.rebalanced} requests were re-balanced to another backend and ${lostWord}${
      state.store === 'redis' ? ': the sessions live in Redis, any backend can serve them.' : ': the sessions lived in its memory.'
    }`;
  }
  const add = steps.find((x): x is ActionStep => x.type === 'action');
  const name = add?.backend ?? '';
  const pinnedAfter = requests.filter((r) => !['G', 'H', 'I', 'J'].includes(r.user) && add && r.n >= add.before && r.backend === name).length;
  const newcomers = requests.filter((r) => ['G', 'H', 'I', 'J'].includes(r.user) && r.backend === name).length;
  return `${name} joined: ${pinnedAfter} requests of the users already pinned reached it, ${newcomers} of the newcomers' did.`;
}
