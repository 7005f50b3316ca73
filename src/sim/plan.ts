// Turns the flags of a simulate run, as typed values of text (from the command line through yargs,
// or from a question's `simulate:` field), into a checked plan: the configuration, the variants to
// compare, and what to print. Pure and the only place these rules live: a bad value comes back as a
// list of problems naming the flag and the value; the caller decides how to report them.
import { MEMORY_LIMIT_BYTES, memoryNeed } from './budget.js';
import { checkEvents } from './events.js';
import { EVENT_KINDS, RR_MODES, STORES, STRATEGIES, type RrMode, type ServerSpec, type SimConfig, type SimEvent, type Store, type Strategy, type TrafficSpec, type Variant } from './model.js';
import { LIMITS, PlanProblem, choice, count, integer, numberedServers, parseCompare, parseEvents, parseSequence, parseServers, percent, badValue, range } from './plan-values.js';
import { SCENARIOS, findScenario, type Scenario, type SimFlags } from './scenarios.js';

export { LIMITS, PlanProblem, numberedServers, parseCompare, parseEvents, parseSequence, parseServers };
export type { SimFlags };

export interface PlanOptions {
  scenario?: string;
  list?: boolean;
  json?: boolean;
  trace?: boolean;
  step?: boolean;
}

export interface SimPlan {
  config: SimConfig;
  /** Set for --compare: each runs the same traffic and events. */
  variants: Variant[] | null;
  scenario: Scenario | null;
  list: boolean;
  json: boolean;
  trace: boolean;
  step: boolean;
}

export const DEFAULTS = {
  servers: 3,
  users: 6,
  requests: 30,
  /** Without --requests, a run goes on at least this many requests after its last event. */
  afterLastEvent: 20,
  cart: 0.5,
  strategy: 'sticky-cookie' as Strategy,
  rrMode: 'haproxy' as RrMode,
  store: 'local' as Store,
  replicas: 1,
  seed: 1,
};

export type PlanResult = { ok: true; plan: SimPlan } | { ok: false; problems: string[] };

/** The plan for these flags, or what is wrong with them (the first flag found wrong, or every event that does not fit). */
export function planSim(given: SimFlags, opts: PlanOptions = {}): PlanResult {
  try {
    return { ok: true, plan: buildPlan(given, opts) };
  } catch (err) {
    if (err instanceof PlanProblem) return { ok: false, problems: err.problems };
    throw err;
  }
}

function buildPlan(given: SimFlags, opts: PlanOptions): SimPlan {
  const scenario = scenarioNamed(opts.scenario);
  const f = withPreset(scenario, given);
  const servers = f.servers === undefined ? numberedServers(DEFAULTS.servers) : parseServers(f.servers);
  const { strategy, rrMode, store } = variantFlags(f);
  const events = eventFlags(f);
  const traffic = trafficFlags(f, given, scenario, lastEventAt(events));
  const requests = traffic.kind === 'sequence' ? traffic.sequence.length : traffic.requests;
  const serverCount = checkTopology(servers, events, requests);
  const replicas = replicasFlag(f.replicas, serverCount);
  const maxIdle = f.maxIdle === undefined ? 0 : integer('--max-idle', f.maxIdle, 1, LIMITS.requests);
  const variants = f.compare === undefined ? null : parseCompare(f.compare, { strategy, store, rrMode });
  checkOutput(opts, variants, requests);
  const config: SimConfig = { servers, strategy, rrMode, store, replicas, events, maxIdle, traffic };
  checkMemory(config, variants, opts.trace || opts.step ? requests * (variants?.length ?? 1) : 0);
  return {
    config,
    variants,
    scenario,
    list: opts.list ?? false,
    json: opts.json ?? false,
    trace: opts.trace ?? false,
    step: opts.step ?? false,
  };
}

// ---- plan, step by step

function scenarioNamed(name: string | undefined): Scenario | null {
  if (name === undefined) return null;
  const scenario = findScenario(name);
  if (!scenario) throw badValue('--scenario', name, `one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  return scenario;
}

/** A scenario is a preset: flags given explicitly replace its values (--sequence and --users/--requests/--hot exclude each other). */
function withPreset(scenario: Scenario | null, given: SimFlags): SimFlags {
  const f: SimFlags = { ...(scenario?.flags ?? {}) };
  if (given.sequence !== undefined) {
    for (const k of TRAFFIC_SHAPE) delete f[k];
  } else if (TRAFFIC_SHAPE.some((k) => given[k] !== undefined)) {
    delete f.sequence;
  }
  return Object.assign(f, given);
}

const TRAFFIC_SHAPE = ['users', 'requests', 'hot'] as const;

function variantFlags(f: SimFlags): Variant {
  return {
    strategy: choice('--strategy', f.strategy, STRATEGIES) ?? DEFAULTS.strategy,
    rrMode: choice('--rr-mode', f.rrMode, RR_MODES) ?? DEFAULTS.rrMode,
    store: choice('--store', f.store, STORES) ?? DEFAULTS.store,
  };
}

function eventFlags(f: SimFlags): SimEvent[] {
  const events: SimEvent[] = [];
  for (const kind of EVENT_KINDS) for (const v of f[kind] ?? []) for (const e of parseEvents(kind, v)) events.push(e);
  return events;
}

function lastEventAt(events: readonly SimEvent[]): number {
  let last = 0;
  for (const e of events) if (e.at > last) last = e.at;
  return last;
}

function trafficFlags(f: SimFlags, given: SimFlags, scenario: Scenario | null, lastEvent: number): TrafficSpec {
  const seed = f.seed === undefined ? DEFAULTS.seed : integer('--seed', f.seed, 0, 0xffffffff);
  const cart = f.cart === undefined ? DEFAULTS.cart : percent('--cart', f.cart);
  if (f.sequence !== undefined) {
    for (const k of TRAFFIC_SHAPE) {
      if (given[k] !== undefined && given.sequence !== undefined) throw new PlanProblem(`--sequence sets the users and requests itself; drop --${k}.`);
    }
    return { kind: 'sequence', sequence: parseSequence(f.sequence), cart, seed };
  }
  const users = f.users === undefined ? DEFAULTS.users : integer('--users', f.users, 1, LIMITS.users);
  const requests =
    f.requests === undefined ? Math.max(DEFAULTS.requests, lastEvent + DEFAULTS.afterLastEvent) : integer('--requests', f.requests, 1, LIMITS.requests);
  const hot = f.hot === undefined ? 0 : percent('--hot', f.hot);
  if (hot > 0 && users < 2) {
    const preset = given.hot === undefined && scenario ? `; the ${scenario.name} scenario sets --hot ${f.hot}: add --hot 0% to turn it off` : '';
    throw badValue('--hot', f.hot!, `0% with fewer than 2 users (with ${count(users, 'user')}, A sends every request${preset})`);
  }
  return { kind: 'random', users, requests, hot, cart, seed };
}

/** Checks the events against the servers and the run length; returns how many servers the run will have. */
function checkTopology(servers: readonly ServerSpec[], events: readonly SimEvent[], requests: number): number {
  const problems = checkEvents(servers, events, requests);
  if (problems.length > 0) throw new PlanProblem(problems);
  let serverCount = servers.length;
  for (const e of events) if (e.kind === 'add') serverCount++;
  if (serverCount > LIMITS.servers) throw new PlanProblem(`At most ${LIMITS.servers} servers (counting --add).`);
  return serverCount;
}

function replicasFlag(text: string | undefined, serverCount: number): number {
  if (text === undefined) return Math.min(DEFAULTS.replicas, serverCount - 1);
  const replicas = integer('--replicas', text, 1, LIMITS.servers);
  if (replicas > serverCount - 1) {
    const others = serverCount - 1;
    const what = others < 1 ? 'left out with 1 server (there is no other server to copy a session to)' : `a whole number ${range(1, others)} with ${count(serverCount, 'server')} (the other servers a session is copied to)`;
    throw badValue('--replicas', text, what);
  }
  return replicas;
}

/** What to print: --step is interactive and walks one configuration (of --compare: the one chosen); traces are capped in size. */
function checkOutput(opts: PlanOptions, variants: readonly Variant[] | null, requests: number): void {
  if (opts.step && opts.json) throw new PlanProblem('--step is interactive; it cannot be combined with --json.');
  if (!opts.trace && !opts.step) return;
  const runs = opts.step ? 1 : (variants?.length ?? 1);
  const rows = requests * runs;
  if (rows <= LIMITS.trace) return;
  const flag = opts.trace ? '--trace' : '--step';
  const what = runs > 1 ? `${count(requests, 'request')} × ${runs} configurations = ${rows.toLocaleString('en-US')}` : count(requests, 'request');
  throw new PlanProblem(
    `${flag} keeps every request in memory and prints it, so it takes at most ${LIMITS.trace.toLocaleString('en-US')} requests` +
      `${runs > 1 ? ' across all configurations' : ''}; this run has ${what}. ` +
      (opts.trace ? 'Drop --trace to get the per-server figures and the summary, or lower --requests.' : 'Lower --requests.'),
  );
}

/** Refuses a run whose tables would take more than MEMORY_LIMIT_BYTES, naming what makes it big. */
function checkMemory(config: SimConfig, variants: readonly Variant[] | null, keptRows: number): void {
  const need = memoryNeed(config, variants, keptRows);
  if (need.bytes <= MEMORY_LIMIT_BYTES) return;
  const gib = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GiB`;
  const what = need.replicas > 0 ? `${count(need.users, 'user')}, each session copied to ${count(need.replicas, 'replica')}` : count(need.users, 'user');
  throw new PlanProblem(
    `This run would need about ${gib(need.bytes)} of memory (${what}); a run may take at most ${gib(MEMORY_LIMIT_BYTES)}. ` +
      `Lower --users${need.replicas > 0 ? ' or --replicas' : ''}${config.maxIdle > 0 ? ' or --max-idle' : ''}.`,
  );
}
