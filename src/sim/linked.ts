// A content-linked run: the `simulate:` front-matter field of a question, e.g.
// `--scenario failover --servers 4`. It is printed as a command to copy and run from the menu, so it
// is checked when the content is loaded: it must be a list of `prepdeck simulate` flags that the
// simulator's own rules (plan) accept, written only with characters that mean nothing to a shell,
// and small enough to run at once.
import { EVENT_KINDS } from './model.js';
import { PlanProblem } from './plan-values.js';
import { planSim, type PlanOptions, type SimPlan } from './plan.js';
import type { SimFlags } from './scenarios.js';

/** What a run started from a question may ask for (the command line itself allows far more). */
export const LINKED_LIMITS = {
  /** Servers, counting --add. */
  servers: 32,
  users: 10_000,
  requests: 20_000,
};

// Flags that take a value; the repeatable ones (events) collect every value.
const VALUE_FLAGS = new Set([
  'scenario', 'servers', 'users', 'requests', 'hot', 'cart', 'strategy', 'rr-mode', 'store', 'replicas',
  'max-idle', 'seed', 'sequence', 'compare', ...EVENT_KINDS,
]);
// Switches that change how a run is shown; --json and --list do not show a run, so they are not offered.
const SWITCHES = new Set(['trace', 'step']);
const SAFE = /^[A-Za-z0-9_.,:@%/=+-]+$/;

export interface LinkedRun {
  /** The flags as separate arguments, ready for `prepdeck simulate` (or for printing, shell-quoted). */
  argv: string[];
  plan: SimPlan;
}

export type LinkedResult = { ok: true; run: LinkedRun } | { ok: false; problem: string };

/** Parses and checks a `simulate:` field: the run, or what is wrong with it. */
export function linkedRun(field: string): LinkedResult {
  const argv = field.trim().split(/\s+/).filter(Boolean);
  if (argv.length === 0) return { ok: false, problem: 'give the flags of a simulate run, e.g. --scenario seed-example' };
  try {
    const { flags, opts } = flagsOf(argv);
    const planned = planSim(flags, opts);
    if (!planned.ok) return { ok: false, problem: planned.problems.join('\n') };
    checkSize(planned.plan);
    return { ok: true, run: { argv, plan: planned.plan } };
  } catch (err) {
    if (err instanceof PlanProblem) return { ok: false, problem: err.message };
    throw err;
  }
}

const KEYS: Record<string, keyof SimFlags> = { 'rr-mode': 'rrMode', 'max-idle': 'maxIdle' };

/** The flags as typed values, as the command line would hand them over (events as lists, the last of a repeated flag). */
function flagsOf(argv: readonly string[]): { flags: SimFlags; opts: PlanOptions } {
  const flags: Record<string, string | string[]> = {};
  const opts: PlanOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!SAFE.test(token)) throw new PlanProblem(`'${token}': only letters, digits and _ . , : @ % / = + - may be used`);
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(token);
    if (!m) throw new PlanProblem(`'${token}' is not a flag (flags start with --, e.g. --scenario seed-example)`);
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (SWITCHES.has(name)) {
      if (inline !== undefined) throw new PlanProblem(`--${name} takes no value`);
      opts[name as 'trace' | 'step'] = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new PlanProblem(`--${name} is not a simulate flag a question can link to`);
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) throw new PlanProblem(`--${name} needs a value`);
      if (!SAFE.test(next)) throw new PlanProblem(`'${next}': only letters, digits and _ . , : @ % / = + - may be used`);
      value = next;
      i++;
    }
    if (name === 'scenario') opts.scenario = value;
    else if ((EVENT_KINDS as readonly string[]).includes(name)) flags[name] = [...((flags[name] as string[] | undefined) ?? []), value];
    else flags[KEYS[name] ?? name] = value;
  }
  return { flags: flags as SimFlags, opts };
}

function checkSize(plan: SimPlan): void {
  const { config } = plan;
  const servers = config.servers.length + config.events.filter((e) => e.kind === 'add').length;
  const users = config.traffic.kind === 'random' ? config.traffic.users : new Set(config.traffic.sequence).size;
  const requests = config.traffic.kind === 'random' ? config.traffic.requests : config.traffic.sequence.length;
  const over: string[] = [];
  if (servers > LINKED_LIMITS.servers) over.push(`${servers} servers (at most ${LINKED_LIMITS.servers})`);
  if (users > LINKED_LIMITS.users) over.push(`${users.toLocaleString('en-US')} users (at most ${LINKED_LIMITS.users.toLocaleString('en-US')})`);
  if (requests > LINKED_LIMITS.requests) {
    over.push(`${requests.toLocaleString('en-US')} requests (at most ${LINKED_LIMITS.requests.toLocaleString('en-US')})`);
  }
  if (over.length > 0) throw new PlanProblem(`too big to run from a question: ${over.join(', ')}`);
}
