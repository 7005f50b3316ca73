// Scripted walk-throughs against a live lab: real HTTP through the balancer, one cookie jar per user,
// admin calls through /_lab/ with the token. Each request's routing is read from what a client can
// see (the cookie it sent, the backend that answered, any Set-Cookie), and the figures at the end are
// the simulator's summary figures, counted from the live responses.
import { busiestOf } from '../sim/results.js';
import { Browser, type Reply } from './client.js';
import type { Whoami } from './backend.js';
import type { LabState } from './lab.js';
import type { ScriptName } from './options.js';
import { predictRouting, type PredictedRow } from './predict.js';
import { BALANCER_COOKIE } from './routing.js';
import { blankStep, emptySummary, servedBy, SCRIPT_POINTS, type ActionStep, type Does, type RequestStep, type ScriptResult, type Step } from './script-steps.js';

const USERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const NEWCOMERS = ['G', 'H', 'I', 'J'];
/** The simulator's seed-example sequence. */
const STICKY_SEQUENCE = ['A', 'B', 'C', 'D', 'A', 'B', 'A', 'C', 'A', 'D'];

interface UserModel {
  browser: Browser;
  session: string | null;
  loggedIn: boolean;
  cart: number;
  lastBackend: string | null;
  moved: boolean;
  loggedOutOnce: boolean;
}

/**
 * One walk-through in progress: the users' browsers and what each last saw, the steps so far, the
 * events for the simulator's prediction, and the summary figures counted from the live responses.
 */
class Walk {
  readonly steps: Step[] = [];
  readonly summary = emptySummary();
  private readonly admin: Browser;
  private readonly adminHeaders: Record<string, string>;
  private readonly users = new Map<string, UserModel>();
  private readonly sequence: string[] = [];
  private readonly events: { kind: 'fail' | 'add'; server: string; at: number }[] = [];
  private item = 0;
  private comparable = true;

  private constructor(
    private readonly base: string,
    token: string,
    readonly initial: LabState,
    private readonly onStep: (step: Step) => void,
  ) {
    this.admin = new Browser(base);
    this.adminHeaders = { 'x-lab-token': token };
  }

  static async start(base: string, token: string, onStep: (step: Step) => void): Promise<Walk> {
    const state = (await new Browser(base).get('/_lab/state', { 'x-lab-token': token })).json<LabState>();
    return new Walk(base, token, state, onStep);
  }

  /** The request number the next request will have. */
  private get next(): number {
    return this.sequence.length + 1;
  }

  private user(name: string): UserModel {
    let m = this.users.get(name);
    if (!m) {
      m = { browser: new Browser(this.base), session: null, loggedIn: false, cart: 0, lastBackend: null, moved: false, loggedOutOnce: false };
      this.users.set(name, m);
    }
    return m;
  }

  state(): Promise<LabState> {
    return this.admin.get('/_lab/state', this.adminHeaders).then((r) => r.json<LabState>());
  }

  private record(step: Step): void {
    this.steps.push(step);
    this.onStep(step);
  }

  /** Each of `who` does the same, in order. */
  async each(does: Does, who: readonly string[]): Promise<void> {
    for (const user of who) await this.request(user, does);
  }

  /** Kills the backend `user` was last served by. */
  async killBackendOf(user: string): Promise<void> {
    const victim = this.user(user).lastBackend ?? this.initial.backends[0]!.name;
    const r = await this.admin.post(`/_lab/backends/${encodeURIComponent(victim)}/kill`, undefined, this.adminHeaders);
    if (r.status !== 200) throw new Error(`kill ${victim}: HTTP ${r.status} ${r.body}`);
    this.events.push({ kind: 'fail', server: victim, at: this.next });
    this.record({ type: 'action', before: this.next, action: 'kill', backend: victim, note: `${victim} (user ${user}'s backend) is killed` });
  }

  async addBackend(): Promise<void> {
    const r = await this.admin.post('/_lab/backends', undefined, this.adminHeaders);
    if (r.status !== 201) throw new Error(`add a backend: HTTP ${r.status} ${r.body}`);
    const name = r.json<{ name: string }>().name;
    this.events.push({ kind: 'add', server: name, at: this.next });
    this.record({ type: 'action', before: this.next, action: 'add', backend: name, note: `${name} is added` });
  }

  /** One request of one user, through the balancer, compared with what that user had before. */
  async request(user: string, does: Does): Promise<void> {
    const m = this.user(user);
    const n = this.next;
    const sent = m.browser.jar.get(BALANCER_COOKIE) ?? null;
    const reply = await this.send(m.browser, user, does);
    this.sequence.push(user);
    this.summary.requests++;
    const setCookie = reply.setCookies.get(BALANCER_COOKIE) || null;
    if (setCookie) this.summary.setCookies++;
    const step = blankStep(n, user, does, sent, reply.status, setCookie);
    const predicted = this.predictLast();
    step.predicted = predicted?.server ?? null;
    step.algorithmPick = predicted?.algorithmPick ?? null;
    if (reply.status === 200) this.served(step, m, reply.json<Whoami>(), predicted);
    else if (reply.status === 503) this.summary.unavailable++;
    this.record(step);
  }

  private send(b: Browser, user: string, does: Does): Promise<Reply> {
    if (does === 'login') return b.post('/login', { user });
    if (does === 'cart') return b.post('/cart', { item: `item-${++this.item}` });
    return b.get('/api/whoami');
  }

  /** Fills in a step that got an answer: how it was routed, what happened to the session. */
  private served(step: RequestStep, m: UserModel, who: Whoami, predicted: PredictedRow | null): void {
    const s = this.summary;
    step.backend = who.backend;
    this.routing(step, who.backend);
    this.sessionFate(step, m, who);
    if (step.does === 'login') s.logins++;
    if (step.does === 'cart') s.cartItemsAdded++;
    step.moved = m.lastBackend !== null && m.lastBackend !== who.backend;
    if (step.moved) {
      s.moves++;
      if (!m.moved) s.usersMoved++;
      m.moved = true;
    }
    step.session = who.session;
    step.loggedIn = who.loggedIn;
    step.cart = who.cart.length;
    Object.assign(m, { session: who.session, loggedIn: who.loggedIn, cart: who.cart.length, lastBackend: who.backend });
    if (predicted && predicted.server === who.backend) step.override = step.routedBy === 'cookie' && predicted.override;
  }

  /** How the request was routed, read from what the client sees: the cookie it sent and who answered. */
  private routing(step: RequestStep, backend: string): void {
    const hashing = this.initial.strategy === 'ip-hash' || this.initial.strategy === 'consistent-hash';
    if (step.cookie === null) step.routedBy = hashing ? 'hash' : 'algorithm';
    else step.routedBy = backend === step.cookie ? 'cookie' : 'rebalanced-after-failure';
    if (step.routedBy === 'cookie') this.summary.cookieRouted++;
    if (step.routedBy === 'rebalanced-after-failure') this.summary.rebalanced++;
  }

  /**
   * Whether the user's session was lost, from what the user had before the request. A login issues a
   * new id (and keeps the cart); any other change of id means the session was not found where the
   * request landed: no session (a read) or a new, empty one (a write) took its place.
   */
  private sessionFate(step: RequestStep, m: UserModel, who: Whoami): void {
    if (m.session === null) return;
    const lost = step.does === 'login' ? who.cart.length < m.cart : who.session !== m.session;
    if (!lost) return;
    const s = this.summary;
    s.sessionsLost++;
    step.cartLost = m.cart;
    s.cartItemsLost += m.cart;
    if (!m.loggedIn || who.loggedIn) return;
    step.loggedOut = true;
    s.relogins++;
    if (!m.loggedOutOnce) s.usersLoggedOut++;
    m.loggedOutOnce = true;
  }

  /** The simulator's routing for the latest request, or null once the strategy is not comparable. */
  private predictLast(): PredictedRow | null {
    if (!this.comparable) return null;
    try {
      const rows = predictRouting({
        backends: this.initial.backends.map((b) => b.name),
        weights: this.initial.backends.map((b) => b.weight ?? 1),
        strategy: this.initial.strategy,
        rrMode: this.initial.rrMode,
        sequence: this.sequence,
        events: this.events,
      });
      if (rows === null) this.comparable = false;
      return rows?.[rows.length - 1] ?? null;
    } catch {
      this.comparable = false;
      return null;
    }
  }

  /** Per-backend counts, imbalance and the comparison with the simulator, once the story is told. */
  async finish(script: ScriptName, conclude: (state: LabState, w: Walk) => string): Promise<ScriptResult> {
    const state = await this.state();
    const s = this.summary;
    const counts = servedBy(state, this.requests());
    Object.assign(s, busiestOf([...counts].map(([name, requests]) => ({ name, requests }))));
    s.storeRoundTrips = state.storeRoundTrips - this.initial.storeRoundTrips;
    const simulator = this.comparable ? this.compare() : null;
    return {
      script,
      point: SCRIPT_POINTS[script],
      balancer: state.balancer,
      store: state.store,
      strategy: state.strategy,
      rrMode: state.rrMode,
      steps: this.steps,
      backends: state.backends.map((b) => ({ name: b.name, state: b.state, requests: counts.get(b.name) ?? 0 })),
      summary: s,
      simulator,
      conclusion: conclude(state, this),
    };
  }

  requests(): RequestStep[] {
    return this.steps.filter((x): x is RequestStep => x.type === 'request');
  }

  action(): ActionStep | undefined {
    return this.steps.find((x): x is ActionStep => x.type === 'action');
  }

  /** The simulator's prediction for the same sequence and events (prepdeck simulate --sequence …). */
  private compare(): NonNullable<ScriptResult['simulator']> {
    const out = { compared: 0, matched: 0, mismatches: [] as number[] };
    let overrides = 0;
    for (const st of this.requests()) {
      if (st.predicted === null) continue;
      out.compared++;
      if (st.predicted === st.backend) out.matched++;
      else out.mismatches.push(st.n);
      if (st.override) overrides++;
    }
    this.summary.overrides = overrides;
    return out;
  }
}

interface Story {
  tell(w: Walk): Promise<void>;
  conclude(state: LabState, w: Walk): string;
}

/** The first request of each user is balanced; later ones follow the SRV cookie. */
const sticky: Story = {
  async tell(w) {
    const seen = new Set<string>();
    for (const user of STICKY_SEQUENCE) {
      await w.request(user, seen.has(user) ? 'cart' : 'login');
      seen.add(user);
    }
  },
  conclude(state, w) {
    const s = w.summary;
    if (state.strategy !== 'sticky-cookie') {
      return `With ${state.strategy} there is no balancer cookie: ${s.moves} of the requests after a user's first went to a different backend than the one before.`;
    }
    return `${s.cookieRouted} requests were routed by their SRV cookie${s.overrides ? `, ${s.overrides} of them against round-robin's own pick` : ''}; every user stayed on its first backend (${s.moves} moves).`;
  },
};

/** Users log in and fill carts; user A's backend dies; everyone comes back. */
const failover: Story = {
  async tell(w) {
    await w.each('login', USERS);
    await w.each('cart', USERS);
    await w.killBackendOf('A');
    await w.each('browse', USERS);
    await w.each('cart', USERS);
  },
  conclude(state, w) {
    const s = w.summary;
    const lostWord = s.sessionsLost === 0 ? 'no session was lost' : `${s.sessionsLost} sessions were lost (${s.usersLoggedOut} users logged out, ${s.cartItemsLost} cart items gone)`;
    const why = state.store === 'redis' ? ': the sessions live in Redis, any backend can serve them.' : ': the sessions lived in its memory.';
    return `${w.action()?.backend ?? 'A backend'} died; ${s.rebalanced} requests were re-balanced to another backend and ${lostWord}${why}`;
  },
};

/** Users are pinned, a backend is added, they come back; then newcomers arrive. */
const scaleOut: Story = {
  async tell(w) {
    await w.each('login', USERS);
    await w.addBackend();
    await w.each('cart', USERS);
    await w.each('login', NEWCOMERS);
    await w.each('browse', [...USERS, ...NEWCOMERS]);
  },
  conclude(_state, w) {
    const add = w.action();
    const name = add?.backend ?? '';
    const reached = w.requests().filter((r) => r.backend === name);
    const pinnedAfter = reached.filter((r) => !NEWCOMERS.includes(r.user) && add && r.n >= add.before).length;
    const newcomers = reached.filter((r) => NEWCOMERS.includes(r.user)).length;
    return `${name} joined: ${pinnedAfter} requests of the users already pinned reached it, ${newcomers} of the newcomers' did.`;
  },
};

const STORIES: Record<ScriptName, Story> = { sticky, failover, 'scale-out': scaleOut };

export async function runScript(script: ScriptName, base: string, token: string, onStep: (step: Step) => void = () => {}): Promise<ScriptResult> {
  const story = STORIES[script];
  const w = await Walk.start(base, token, onStep);
  await story.tell(w);
  return w.finish(script, (state, walk) => story.conclude(state, walk));
}
