// Flags of `prepdeck lab`, declared (cheap, for --help) and checked here: src/lab receives typed
// values (LabOptions). Single values are checked by `coerce` as yargs parses; the checks between
// flags are in `labPlan`. --backends and --port are read as text, so a mistake is quoted as typed.
import type { Argv } from 'yargs';
import { RR_MODES, STRATEGIES, type RrMode, type Strategy } from '../sim/model.js';
import { BALANCERS, LAB_DEFAULTS, LAB_LIMITS, LAB_STORES, SCRIPTS, isLoopback, type BalancerKind, type LabOptions, type LabStore, type ScriptName } from '../lab/options.js';
import { UsageError } from '../errors.js';
import { mustBe } from '../lib/flag-message.js';
import { coerce, oneOf, text, wholeNumber, wholeNumbers } from './flag-checks.js';

/** What yargs hands the lab command once `labFlags` has checked each flag on its own. */
export interface LabFlags {
  backends?: number;
  weights?: number[];
  port?: number;
  host?: string;
  allowRemote?: boolean;
  balancer?: BalancerKind;
  printConfig?: boolean;
  store?: LabStore;
  redisUrl?: string;
  strategy?: Strategy;
  rrMode?: RrMode;
  script?: ScriptName;
  json?: boolean;
}

export interface LabPlan {
  options: LabOptions;
  printConfig: boolean;
  script: ScriptName | null;
  json: boolean;
}

export function labFlags(y: Argv): Argv<LabFlags> {
  return y
    .option('backends', { type: 'string', requiresArg: true, coerce: wholeNumber('backends', 1, LAB_LIMITS.backends), describe: `Backend app servers to start (1-${LAB_LIMITS.backends}; default ${LAB_DEFAULTS.backends})` })
    .option('weights', { type: 'string', requiresArg: true, coerce: wholeNumbers('weights', 1, LAB_LIMITS.weight, '2,1,1'), describe: `Weight of each backend, in order (e.g. 2,1,1: s1 takes twice the share of s2 or s3; 1-${LAB_LIMITS.weight}; default all 1)` })
    .option('port', { type: 'string', requiresArg: true, coerce: wholeNumber('port', 0, 65535), describe: `Port of the load balancer (default ${LAB_DEFAULTS.port}; 0 = any free port, the default with --script)` })
    .option('host', { type: 'string', coerce: text('host', 'an address or host name', hostName), describe: 'Address the balancer listens on (default 127.0.0.1; others need --allow-remote)' })
    .option('allow-remote', { type: 'boolean', describe: 'Allow a --host that other machines can reach (prints a warning)' })
    .option('balancer', { type: 'string', choices: BALANCERS, coerce: oneOf('balancer', BALANCERS), describe: 'builtin (nothing to install) or a real haproxy (Debian package haproxy)' })
    .option('print-config', { type: 'boolean', describe: 'With --balancer haproxy: print the generated HAProxy configuration and exit' })
    .option('store', { type: 'string', choices: LAB_STORES, coerce: oneOf('store', LAB_STORES), describe: "Session storage: each backend's memory, or a shared Redis" })
    .option('redis-url', { type: 'string', coerce: coerce(checkRedisUrl), describe: `With --store redis (default ${LAB_DEFAULTS.redisUrl})` })
    .option('strategy', { type: 'string', choices: STRATEGIES, coerce: oneOf('strategy', STRATEGIES), describe: `Balancing strategy, as in prepdeck simulate (default ${LAB_DEFAULTS.strategy})` })
    .option('rr-mode', { type: 'string', choices: RR_MODES, coerce: oneOf('rr-mode', RR_MODES), describe: 'Round-robin under stickiness: haproxy (default) or nginx, as in prepdeck simulate' })
    .option('script', { type: 'string', choices: SCRIPTS, coerce: oneOf('script', SCRIPTS), describe: 'Run a scripted walk-through against the live lab, then stop' })
    .option('json', { type: 'boolean', describe: 'With --script: print the steps and figures as JSON' });
}

/** The checks between flags, and the defaults: what `prepdeck lab` was asked to start. */
export function labPlan(f: LabFlags): LabPlan {
  const script = f.script ?? null;
  const json = f.json === true;
  const printConfig = f.printConfig === true;
  const allowRemote = f.allowRemote === true;
  const backends = f.backends ?? LAB_DEFAULTS.backends;
  const options: LabOptions = {
    backends,
    // A script runs its own lab next to anything already on 8080: a free port unless one is asked for.
    port: f.port ?? (script ? 0 : LAB_DEFAULTS.port),
    host: f.host ?? LAB_DEFAULTS.host,
    allowRemote,
    balancer: f.balancer ?? LAB_DEFAULTS.balancer,
    store: f.store ?? LAB_DEFAULTS.store,
    redisUrl: f.redisUrl ?? LAB_DEFAULTS.redisUrl,
    strategy: f.strategy ?? LAB_DEFAULTS.strategy,
    rrMode: f.rrMode ?? LAB_DEFAULTS.rrMode,
    weights: f.weights ?? Array.from({ length: backends }, () => 1),
  };
  checkTogether(f, options, script, printConfig);
  return { options, printConfig, script, json };
}

function checkTogether(f: LabFlags, o: LabOptions, script: ScriptName | null, printConfig: boolean): void {
  const refuse = (message: string) => {
    throw new UsageError(message);
  };
  if (f.json && !script) refuse('--json goes with --script (it prints the walk-through\'s figures as JSON).');
  if (!isLoopback(o.host) && !o.allowRemote) {
    refuse(`--host ${o.host} would let other machines reach the lab (a shop with an admin API). It binds to 127.0.0.1 by default; to listen elsewhere anyway, add --allow-remote.`);
  }
  if (f.redisUrl !== undefined && o.store !== 'redis') refuse('--redis-url goes with --store redis.');
  if (printConfig && o.balancer !== 'haproxy') refuse('--print-config shows the HAProxy configuration: add --balancer haproxy.');
  if (printConfig && script) refuse('--print-config and --script do not go together.');
  if (o.balancer === 'haproxy' && f.rrMode !== undefined && o.rrMode !== 'haproxy') {
    refuse("--rr-mode nginx models nginx's sticky module; HAProxy always behaves as --rr-mode haproxy. Use --balancer builtin to try nginx's.");
  }
  if (f.weights !== undefined && f.weights.length !== o.backends) {
    refuse(`--weights gives ${f.weights.length} weight${f.weights.length === 1 ? '' : 's'} for ${o.backends} backends: one per backend, in order (--backends ${o.backends}).`);
  }
  if (script && o.backends < 2) refuse(`--script ${script} needs at least 2 backends (--backends 2 or more).`);
  if (script === 'scale-out' && o.backends >= LAB_LIMITS.backends) refuse(`--script scale-out adds a backend: start with at most ${LAB_LIMITS.backends - 1}.`);
}

function hostName(v: string): string | null {
  return /^[A-Za-z0-9.:-]{1,253}$/.test(v) ? v : null;
}

/** A redis:// or rediss:// URL, as typed. */
function checkRedisUrl(v: unknown): string {
  let url: URL | null;
  try {
    url = typeof v === 'string' ? new URL(v) : null;
  } catch {
    url = null;
  }
  if (url === null) throw new UsageError(mustBe('--redis-url', `a URL like ${LAB_DEFAULTS.redisUrl}`, v));
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new UsageError(mustBe('--redis-url', `a redis:// or rediss:// URL, like ${LAB_DEFAULTS.redisUrl}`, v));
  return v as string;
}
