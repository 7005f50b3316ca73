// Turns the flags of `prepdeck simulate` (as yargs hands them over) into a checked plan: the
// configuration, the variants to compare, and what to print. Bad values throw UsageError (exit 2)
// naming the flag and the value.
import { UsageError } from '../errors.js';
import { MEMORY_LIMIT_BYTES, memoryNeed } from './budget.js';
import { checkEvents } from './events.js';
import {
  EVENT_KINDS,
  RR_MODES,
  STORES,
  STRATEGIES,
  type EventKind,
  type RrMode,
  type ServerSpec,
  type SimConfig,
  type SimEvent,
  type Store,
  type Strategy,
  type TrafficSpec,
  type Variant,
} from './model.js';
import { SCENARIOS, findScenario, type Scenario } from './scenarios.js';

/**
 * Flag values as written on the command line, numbers included (a scenario's preset uses the same
 * shape), so that an error can quote exactly what the user typed.
 */
export interface SimFlags {
  servers?: string;
  users?: string;
  requests?: string;
  hot?: string;
  cart?: string;
  strategy?: string;
  rrMode?: string;
  store?: string;
  replicas?: string;
  fail?: string[];
  recover?: string[];
  drain?: string[];
  add?: string[];
  maxIdle?: string;
  seed?: string;
  sequence?: string;
  compare?: string;
}

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

export const LIMITS = {
  servers: 256,
  weight: 100,
  users: 5_000_000,
  requests: 100_000_000,
  sequence: 100_000,
  compare: 6,
  /** Requests kept (and printed) one by one with --trace or --step, all configurations together. */
  trace: 100_000,
};

const NAME = /^[A-Za-z0-9_.-]{1,24}$/;
const SCALAR_FLAGS = ['servers', 'users', 'requests', 'hot', 'cart', 'strategy', 'rr-mode', 'store', 'replicas', 'max-idle', 'seed', 'sequence', 'compare'] as const;
const camel = (key: string): string => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Reads the raw yargs arguments (kebab-case or camelCase keys) into a plan. */
export function planFromArgs(args: Record<string, unknown>): SimPlan {
  const get = (key: string): unknown => args[key] ?? args[camel(key)];
  const scalar = (key: string): unknown => {
    const v = get(key);
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  const str = (key: string): string | undefined => {
    const v = scalar(key);
    return v === undefined || v === null ? undefined : String(v);
  };
  const list = (key: string): string[] | undefined => {
    const v = get(key);
    if (v === undefined || v === null) return undefined;
    return (Array.isArray(v) ? v : [v]).map(String);
  };
  const bool = (key: string): boolean => scalar(key) === true;
  const flags: Record<string, string | string[]> = {};
  for (const k of SCALAR_FLAGS) {
    const v = str(k);
    if (v !== undefined) flags[camel(k)] = v;
  }
  for (const k of EVENT_KINDS) {
    const v = list(k);
    if (v !== undefined) flags[k] = v;
  }
  return plan(flags as SimFlags, { scenario: str('scenario'), list: bool('list'), json: bool('json'), trace: bool('trace'), step: bool('step') });
}

export function plan(given: SimFlags, opts: PlanOptions = {}): SimPlan {
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
  if (!scenario) throw usage('--scenario', name, `no such scenario; choose one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
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
      if (given[k] !== undefined && given.sequence !== undefined) throw new UsageError(`--sequence sets the users and requests itself; drop --${k}.`);
    }
    return { kind: 'sequence', sequence: parseSequence(f.sequence), cart, seed };
  }
  const users = f.users === undefined ? DEFAULTS.users : integer('--users', f.users, 1, LIMITS.users);
  const requests =
    f.requests === undefined ? Math.max(DEFAULTS.requests, lastEvent + DEFAULTS.afterLastEvent) : integer('--requests', f.requests, 1, LIMITS.requests);
  const hot = f.hot === undefined ? 0 : percent('--hot', f.hot);
  if (hot > 0 && users < 2) {
    const preset = given.hot === undefined && scenario ? ` (the ${scenario.name} scenario sets --hot ${f.hot}; add --hot 0% to turn it off)` : '';
    throw usage('--hot', f.hot!, `needs 2 users or more; with ${count(users, 'user')}, A sends every request${preset}`);
  }
  return { kind: 'random', users, requests, hot, cart, seed };
}

/** Checks the events against the servers and the run length; returns how many servers the run will have. */
function checkTopology(servers: readonly ServerSpec[], events: readonly SimEvent[], requests: number): number {
  const problems = checkEvents(servers, events, requests);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  let serverCount = servers.length;
  for (const e of events) if (e.kind === 'add') serverCount++;
  if (serverCount > LIMITS.servers) throw new UsageError(`At most ${LIMITS.servers} servers (counting --add).`);
  return serverCount;
}

function replicasFlag(text: string | undefined, serverCount: number): number {
  if (text === undefined) return Math.min(DEFAULTS.replicas, serverCount - 1);
  const replicas = integer('--replicas', text, 1, LIMITS.servers);
  if (replicas > serverCount - 1) {
    throw usage('--replicas', text, `a session can be copied to at most ${count(serverCount - 1, 'other server')} here`);
  }
  return replicas;
}

/** What to print: --step is interactive and walks one configuration (of --compare: the one chosen); traces are capped in size. */
function checkOutput(opts: PlanOptions, variants: readonly Variant[] | null, requests: number): void {
  if (opts.step && opts.json) throw new UsageError('--step is interactive; it cannot be combined with --json.');
  if (!opts.trace && !opts.step) return;
  const runs = opts.step ? 1 : (variants?.length ?? 1);
  const rows = requests * runs;
  if (rows <= LIMITS.trace) return;
  const flag = opts.trace ? '--trace' : '--step';
  const what = runs > 1 ? `${count(requests, 'request')} × ${runs} configurations = ${rows.toLocaleString('en-US')}` : count(requests, 'request');
  throw new UsageError(
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
  throw new UsageError(
    `This run would need about ${gib(need.bytes)} of memory (${what}); a run may take at most ${gib(MEMORY_LIMIT_BYTES)}. ` +
      `Lower --users${need.replicas > 0 ? ' or --replicas' : ''}${config.maxIdle > 0 ? ' or --max-idle' : ''}.`,
  );
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function usage(flag: string, value: string, why: string): UsageError {
  return new UsageError(`${flag} ${value}: ${why}.`);
}

export function numberedServers(count: number): ServerSpec[] {
  return Array.from({ length: count }, (_, i) => ({ name: `s${i + 1}`, weight: 1 }));
}

/** `3` (servers s1..s3) or `a:2,b:1,c` (names with optional weights). */
export function parseServers(text: string): ServerSpec[] {
  const t = text.trim();
  if (/^[+-]?\d+$/.test(t)) {
    const count = Number(t);
    if (count < 1) throw usage('--servers', text, 'need at least 1 server');
    if (count > LIMITS.servers) throw usage('--servers', text, `at most ${LIMITS.servers} servers`);
    return numberedServers(count);
  }
  // A count is a bare whole number: 1e3, 2.5 or 0x10 would otherwise become one server with that name.
  if (looksNumeric(t)) throw usage('--servers', shown(text), 'a count must be a whole number, e.g. --servers 3 (or give names: --servers a,b,c)');
  const out: ServerSpec[] = [];
  for (const part of t.split(',')) {
    const m = /^([^:]*)(?::(.*))?$/.exec(part.trim())!;
    const name = m[1]!;
    if (!NAME.test(name)) throw usage('--servers', text, `"${name}" is not a server name (letters, digits, _ . -)`);
    if (looksNumeric(name)) throw usage('--servers', text, `"${name}": give a count alone (--servers 3) or names (--servers a,b,c)`);
    if (out.some((s) => s.name === name)) throw usage('--servers', text, `${name} is named twice`);
    const weight = m[2] === undefined ? 1 : weightOf('--servers', text, m[2]);
    out.push({ name, weight });
  }
  if (out.length > LIMITS.servers) throw usage('--servers', text, `at most ${LIMITS.servers} servers`);
  return out;
}

/** Text JavaScript would read as a number (1e3, 2.5, .5, 0x10, Infinity): never a server name. */
function looksNumeric(text: string): boolean {
  return text.trim() !== '' && !Number.isNaN(Number(text));
}

function weightOf(flag: string, text: string, w: string): number {
  if (!/^\d+$/.test(w) || Number(w) < 1 || Number(w) > LIMITS.weight) {
    throw usage(flag, text, `weight "${w}" must be a whole number from 1 to ${LIMITS.weight}`);
  }
  return Number(w);
}

/** `s2@40`, several separated by commas; `--add` also takes `s4:2@60` (a weight). */
export function parseEvents(kind: EventKind, text: string): SimEvent[] {
  const flag = `--${kind}`;
  return text.split(',').map((part) => {
    const m = /^([^@:]+)(?::([^@]*))?@(.*)$/.exec(part.trim());
    if (!m) throw usage(flag, text, `write SERVER@REQUEST, e.g. ${flag} s2@40`);
    const server = m[1]!;
    if (!NAME.test(server)) throw usage(flag, text, `"${server}" is not a server name`);
    if (m[2] !== undefined && kind !== 'add') throw usage(flag, text, 'only --add takes a weight');
    if (!/^\d+$/.test(m[3]!) || Number(m[3]) < 1) throw usage(flag, text, `"${m[3]!}" is not a request number (1 or more)`);
    const e: SimEvent = { kind, server, at: Number(m[3]) };
    if (kind === 'add') e.weight = m[2] === undefined ? 1 : weightOf(flag, text, m[2]);
    return e;
  });
}

/**
 * `40%` or `12.5%`: a share from 0% to 100%, returned as 0..1. The % sign is required: `0.4` could mean
 * 0.4% or a fraction (40%), so it is refused with a message that offers both readings.
 */
function percent(flag: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  const v = m ? Number(m[1]) : NaN;
  if (!(v >= 0 && v <= 100)) throw usage(flag, shown(text), 'must be a percentage from 0% to 100%, e.g. 40%');
  if (m![2] !== '%') {
    const digits = m![1]!;
    const why =
      v > 0 && v < 1
        ? `write a percentage with the % sign: ${flag} ${Math.round(v * 1e6) / 1e4}% for a fraction of ${digits}, or ${flag} ${digits}% for ${digits} percent`
        : `write a percentage with the % sign, e.g. ${flag} ${digits}%`;
    throw usage(flag, shown(text), why);
  }
  return v / 100;
}

/** A whole number from min to max, given as text: errors quote the text as typed. */
function integer(flag: string, text: string, min: number, max: number): number {
  const range = `from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`;
  const t = text.trim();
  if (!/^[+-]?\d+$/.test(t)) throw usage(flag, shown(text), `not a whole number; give one ${range}`);
  const v = Number(t);
  if (v < min || v > max) throw usage(flag, shown(text), `must be a whole number ${range}`);
  return v;
}

/** A value as the user typed it; quoted when it would otherwise be invisible or ambiguous. */
function shown(text: string): string {
  return text === '' || /\s/.test(text) ? JSON.stringify(text) : text;
}

function choice<T extends string>(flag: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw usage(flag, v, `choose one of ${allowed.join(', ')}`);
  return v as T;
}

export function parseSequence(text: string): string[] {
  const names = text.split(',').map((s) => s.trim());
  for (const n of names) if (!NAME.test(n)) throw usage('--sequence', text, `"${n}" is not a user name (letters, digits, _ . -)`);
  if (names.length > LIMITS.sequence) throw usage('--sequence', '…', `at most ${LIMITS.sequence.toLocaleString('en-US')} requests`);
  return names;
}

/** `sticky-cookie/local,round-robin/shared`; each part STRATEGY[/STORE][/RR-MODE]. */
export function parseCompare(text: string, defaults: Variant): Variant[] {
  const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length < 1) throw usage('--compare', text, 'give configurations like sticky-cookie/local,round-robin/shared');
  if (parts.length > LIMITS.compare) throw usage('--compare', text, `compare at most ${LIMITS.compare} configurations`);
  return parts.map((p) => {
    const [strategy, store, mode, ...rest] = p.split('/');
    const where = `"${p}"`;
    if (rest.length > 0) throw usage('--compare', text, `${where}: write STRATEGY/STORE or STRATEGY/STORE/RR-MODE`);
    if (!(STRATEGIES as readonly string[]).includes(strategy!)) throw usage('--compare', text, `${where}: strategy must be one of ${STRATEGIES.join(', ')}`);
    if (store !== undefined && !(STORES as readonly string[]).includes(store)) throw usage('--compare', text, `${where}: store must be one of ${STORES.join(', ')}`);
    if (mode !== undefined && !(RR_MODES as readonly string[]).includes(mode)) throw usage('--compare', text, `${where}: rr-mode must be one of ${RR_MODES.join(', ')}`);
    return { strategy: strategy as Strategy, store: (store as Store | undefined) ?? defaults.store, rrMode: (mode as RrMode | undefined) ?? defaults.rrMode };
  });
}
