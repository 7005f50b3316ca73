// The lab's flags, checked: what `prepdeck lab` was asked to start. Pure: no I/O, cheap to import.
import { UsageError } from '../errors.js';
import { RR_MODES, STRATEGIES, type RrMode, type Strategy } from '../sim/model.js';

export const BALANCERS = ['builtin', 'haproxy'] as const;
export type BalancerKind = (typeof BALANCERS)[number];

export const LAB_STORES = ['memory', 'redis'] as const;
export type LabStore = (typeof LAB_STORES)[number];

export const SCRIPTS = ['sticky', 'failover', 'scale-out'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

export const LAB_DEFAULTS = {
  backends: 3,
  port: 8080,
  host: '127.0.0.1',
  balancer: 'builtin' as BalancerKind,
  store: 'memory' as LabStore,
  redisUrl: 'redis://127.0.0.1:6379',
  strategy: 'sticky-cookie' as Strategy,
  rrMode: 'haproxy' as RrMode,
};

export const LAB_LIMITS = {
  /** Backends at most, counting the ones added while the lab runs (HAProxy gets this many server slots). */
  backends: 16,
  /** Request bodies larger than this are refused with 413. */
  bodyBytes: 16 * 1024,
  /** Cart item names. */
  itemChars: 40,
  userChars: 32,
  cartItems: 50,
  /** Sessions a backend keeps in memory; the oldest are dropped beyond this. */
  memorySessions: 10_000,
};

export interface LabOptions {
  backends: number;
  port: number;
  host: string;
  allowRemote: boolean;
  balancer: BalancerKind;
  store: LabStore;
  redisUrl: string;
  strategy: Strategy;
  rrMode: RrMode;
}

export interface LabPlan {
  options: LabOptions;
  printConfig: boolean;
  script: ScriptName | null;
  json: boolean;
}

/** Raw yargs arguments (kebab-case or camelCase keys). */
export function labPlan(args: Record<string, unknown>): LabPlan {
  const get = (key: string): unknown => {
    const camel = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const v = args[key] ?? args[camel];
    // A repeated flag arrives as an array: the last one wins, as usual on command lines.
    return Array.isArray(v) ? v[v.length - 1] : v;
  };
  const script = choice('script', get('script'), SCRIPTS, null);
  const json = get('json') === true;
  if (json && !script) throw new UsageError('--json goes with --script (it prints the walk-through\'s figures as JSON).');

  const balancer = choice('balancer', get('balancer'), BALANCERS, LAB_DEFAULTS.balancer);
  const strategy = choice('strategy', get('strategy'), STRATEGIES, LAB_DEFAULTS.strategy);
  const rrMode = choice('rr-mode', get('rr-mode'), RR_MODES, LAB_DEFAULTS.rrMode);
  const store = choice('store', get('store'), LAB_STORES, LAB_DEFAULTS.store);
  const backends = integer('backends', get('backends'), LAB_DEFAULTS.backends, 1, LAB_LIMITS.backends);
  // A script runs its own lab next to anything already on 8080: a free port unless one is asked for.
  const port = integer('port', get('port'), script ? 0 : LAB_DEFAULTS.port, 0, 65535);
  const allowRemote = get('allow-remote') === true;
  const host = hostFlag(get('host'), allowRemote);
  const printConfig = get('print-config') === true;

  const redisRaw = get('redis-url');
  if (redisRaw !== undefined && store !== 'redis') throw new UsageError('--redis-url goes with --store redis.');
  const redisUrl = redisRaw === undefined ? LAB_DEFAULTS.redisUrl : redisUrlFlag(redisRaw);

  if (printConfig && balancer !== 'haproxy') throw new UsageError('--print-config shows the HAProxy configuration: add --balancer haproxy.');
  if (printConfig && script) throw new UsageError('--print-config and --script do not go together.');
  if (balancer === 'haproxy' && get('rr-mode') !== undefined && rrMode !== 'haproxy') {
    throw new UsageError("--rr-mode nginx models nginx's sticky module; HAProxy always behaves as --rr-mode haproxy. Use --balancer builtin to try nginx's.");
  }
  if (script && backends < 2) throw new UsageError(`--script ${script} needs at least 2 backends (--backends 2 or more).`);
  if (script === 'scale-out' && backends >= LAB_LIMITS.backends) {
    throw new UsageError(`--script scale-out adds a backend: start with at most ${LAB_LIMITS.backends - 1}.`);
  }
  return {
    options: { backends, port, host, allowRemote, balancer, store, redisUrl, strategy, rrMode },
    printConfig,
    script,
    json,
  };
}

function choice<T extends string, D extends T | null>(flag: string, v: unknown, allowed: readonly T[], dflt: D): T | D {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got '${String(v)}').`);
}

function integer(flag: string, v: unknown, dflt: number, min: number, max: number): number {
  if (v === undefined || v === null) return dflt;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max} (got '${String(v)}').`);
  return n;
}

/** 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '[::1]' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^(?:::ffff:)?127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((p) => Number(p) <= 255);
}

function hostFlag(v: unknown, allowRemote: boolean): string {
  if (v === undefined || v === null) return LAB_DEFAULTS.host;
  if (typeof v !== 'string' || !/^[A-Za-z0-9.:-]{1,253}$/.test(v)) throw new UsageError(`--host must be an address or host name (got '${String(v)}').`);
  const host = v === '[::1]' ? '::1' : v;
  if (!isLoopback(host) && !allowRemote) {
    throw new UsageError(
      `--host ${host} would let other machines reach the lab (a shop with an admin API). It binds to 127.0.0.1 by default; ` +
        'to listen elsewhere anyway, add --allow-remote.',
    );
  }
  return host;
}

function redisUrlFlag(v: unknown): string {
  if (typeof v !== 'string') throw new UsageError(`--redis-url must be a URL like ${LAB_DEFAULTS.redisUrl}.`);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new UsageError(`--redis-url must be a URL like ${LAB_DEFAULTS.redisUrl} (got '${v}').`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError(`--redis-url must start with redis:// or rediss:// (got '${v}').`);
  }
  return v;
}

/** The URL without any password, for messages. */
export function redactUrl(u: string): string {
  try {
    const url = new URL(u);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return u;
  }
}

/** Backend names: s1, s2, … as in `prepdeck simulate --servers N`. */
export function backendName(i: number): string {
  return `s${i + 1}`;
}
