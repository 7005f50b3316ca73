// Turns the flags of `prepdeck simulate` (as yargs hands them over) into a checked plan: the
// configuration, the variants to compare, and what to print. Bad values throw UsageError (exit 2)
// naming the flag and the value.
import { UsageError } from '../errors.js';
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

/** Flag values as written on the command line (a scenario's preset uses the same shape). */
export interface SimFlags {
  servers?: string;
  users?: number;
  requests?: number;
  hot?: string;
  cart?: string;
  strategy?: string;
  rrMode?: string;
  store?: string;
  replicas?: number;
  fail?: string[];
  recover?: string[];
  drain?: string[];
  add?: string[];
  maxIdle?: number;
  seed?: number;
  sequence?: string;
  compare?: string;
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

export const LIMITS = { servers: 256, weight: 100, users: 5_000_000, requests: 100_000_000, sequence: 100_000, compare: 6 };

const NAME = /^[A-Za-z0-9_.-]{1,24}$/;

/** Reads the raw yargs arguments (kebab-case or camelCase keys) into a plan. */
export function planFromArgs(args: Record<string, unknown>): SimPlan {
  const get = (key: string): unknown => {
    const camel = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const v = args[key] ?? args[camel];
    return v;
  };
  const scalar = (key: string): unknown => {
    const v = get(key);
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  const str = (key: string): string | undefined => {
    const v = scalar(key);
    return v === undefined || v === null ? undefined : String(v);
  };
  const num = (key: string): number | undefined => {
    const v = scalar(key);
    if (v === undefined || v === null) return undefined;
    return typeof v === 'number' ? v : Number(v);
  };
  const list = (key: string): string[] | undefined => {
    const v = get(key);
    if (v === undefined || v === null) return undefined;
    return (Array.isArray(v) ? v : [v]).map(String);
  };
  const bool = (key: string): boolean => scalar(key) === true;
  const flags: SimFlags = {};
  const assign = <K extends keyof SimFlags>(k: K, v: SimFlags[K] | undefined): void => {
    if (v !== undefined) flags[k] = v;
  };
  assign('servers', str('servers'));
  assign('users', num('users'));
  assign('requests', num('requests'));
  assign('hot', str('hot'));
  assign('cart', str('cart'));
  assign('strategy', str('strategy'));
  assign('rrMode', str('rr-mode'));
  assign('store', str('store'));
  assign('replicas', num('replicas'));
  for (const k of EVENT_KINDS) assign(k, list(k));
  assign('maxIdle', num('max-idle'));
  assign('seed', num('seed'));
  assign('sequence', str('sequence'));
  assign('compare', str('compare'));
  return plan(flags, {
    scenario: str('scenario'),
    list: bool('list'),
    json: bool('json'),
    trace: bool('trace'),
    step: bool('step'),
  });
}

export function plan(
  given: SimFlags,
  opts: { scenario?: string; list?: boolean; json?: boolean; trace?: boolean; step?: boolean } = {},
): SimPlan {
  let scenario: Scenario | null = null;
  if (opts.scenario !== undefined) {
    scenario = findScenario(opts.scenario) ?? null;
    if (!scenario) throw usage('--scenario', opts.scenario, `no such scenario; choose one of ${SCENARIOS.map((s) => s.name).join(', ')}`);
  }
  // A scenario is a preset: flags given explicitly replace its values.
  const f: SimFlags = { ...(scenario?.flags ?? {}) };
  if (given.sequence !== undefined || given.users !== undefined || given.requests !== undefined || given.hot !== undefined) {
    if (given.sequence === undefined) delete f.sequence;
    else for (const k of ['users', 'requests', 'hot'] as const) delete f[k];
  }
  Object.assign(f, given);

  const servers = f.servers === undefined ? numberedServers(DEFAULTS.servers) : parseServers(f.servers);
  const strategy = choice('--strategy', f.strategy, STRATEGIES) ?? DEFAULTS.strategy;
  const rrMode = choice('--rr-mode', f.rrMode, RR_MODES) ?? DEFAULTS.rrMode;
  const store = choice('--store', f.store, STORES) ?? DEFAULTS.store;
  const seed = f.seed === undefined ? DEFAULTS.seed : integer('--seed', f.seed, 0, 0xffffffff);
  const cart = f.cart === undefined ? DEFAULTS.cart : percent('--cart', f.cart);
  const events: SimEvent[] = [];
  for (const kind of EVENT_KINDS) for (const v of f[kind] ?? []) events.push(...parseEvents(kind, v));
  const lastEvent = Math.max(0, ...events.map((e) => e.at));

  let traffic: TrafficSpec;
  if (f.sequence !== undefined) {
    for (const k of ['users', 'requests', 'hot'] as const) {
      if (given[k] !== undefined && given.sequence !== undefined) {
        throw new UsageError(`--sequence sets the users and requests itself; drop --${k}.`);
      }
    }
    traffic = { kind: 'sequence', sequence: parseSequence(f.sequence), cart, seed };
  } else {
    const users = f.users === undefined ? DEFAULTS.users : integer('--users', f.users, 1, LIMITS.users);
    const requests =
      f.requests === undefined ? Math.max(DEFAULTS.requests, lastEvent + DEFAULTS.afterLastEvent) : integer('--requests', f.requests, 1, LIMITS.requests);
    const hot = f.hot === undefined ? 0 : percent('--hot', f.hot);
    traffic = { kind: 'random', users, requests, hot, cart, seed };
  }
  const requests = traffic.kind === 'sequence' ? traffic.sequence.length : traffic.requests;

  const problems = checkEvents(servers, events, requests);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  const serverCount = servers.length + events.filter((e) => e.kind === 'add').length;
  if (serverCount > LIMITS.servers) throw new UsageError(`At most ${LIMITS.servers} servers (counting --add).`);

  const replicas = f.replicas === undefined ? Math.min(DEFAULTS.replicas, serverCount - 1) : integer('--replicas', f.replicas, 1, LIMITS.servers);
  if (f.replicas !== undefined && replicas > serverCount - 1) {
    throw usage('--replicas', String(f.replicas), `a session can be copied to at most ${serverCount - 1} other server${serverCount === 2 ? '' : 's'} here`);
  }
  const maxIdle = f.maxIdle === undefined ? 0 : integer('--max-idle', f.maxIdle, 1, LIMITS.requests);

  const variants = f.compare === undefined ? null : parseCompare(f.compare, { strategy, store, rrMode });
  if (opts.step) {
    if (opts.json) throw new UsageError('--step is interactive; it cannot be combined with --json.');
    if (variants) throw new UsageError('--step walks through one configuration; drop --compare (or run one of its configurations).');
  }
  return {
    config: { servers, strategy, rrMode, store, replicas, events, maxIdle, traffic },
    variants,
    scenario,
    list: opts.list ?? false,
    json: opts.json ?? false,
    trace: opts.trace ?? false,
    step: opts.step ?? false,
  };
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
  if (/^-?\d+$/.test(t)) {
    const count = Number(t);
    if (count < 1) throw usage('--servers', text, 'need at least 1 server');
    if (count > LIMITS.servers) throw usage('--servers', text, `at most ${LIMITS.servers} servers`);
    return numberedServers(count);
  }
  const out: ServerSpec[] = [];
  for (const part of t.split(',')) {
    const m = /^([^:]*)(?::(.*))?$/.exec(part.trim())!;
    const name = m[1]!;
    if (!NAME.test(name)) throw usage('--servers', text, `"${name}" is not a server name (letters, digits, _ . -)`);
    if (/^\d+$/.test(name)) throw usage('--servers', text, `"${name}": give a count alone (--servers 3) or names (--servers a,b,c)`);
    if (out.some((s) => s.name === name)) throw usage('--servers', text, `${name} is named twice`);
    const weight = m[2] === undefined ? 1 : weightOf('--servers', text, m[2]);
    out.push({ name, weight });
  }
  if (out.length > LIMITS.servers) throw usage('--servers', text, `at most ${LIMITS.servers} servers`);
  return out;
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

/** `40%`, `40` or `12.5%`: a share from 0 to 100 percent, returned as 0..1. */
export function parsePercent(flag: string, text: string): number {
  return percent(flag, text);
}

function percent(flag: string, text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text);
  const v = m ? Number(m[1]) : NaN;
  if (!(v >= 0 && v <= 100)) throw usage(flag, text, 'must be a percentage from 0% to 100%, e.g. 40%');
  return v / 100;
}

function integer(flag: string, v: number, min: number, max: number): number {
  if (!Number.isInteger(v) || v < min || v > max) {
    throw usage(flag, String(v), `must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}`);
  }
  return v;
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
