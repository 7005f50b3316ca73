// A content-linked run: the `simulate:` front-matter field of a question, e.g.
// `--scenario failover --servers 4`. It is printed as a command to copy and run from the menu, so it
// is checked when the content is loaded: it must be a list of `prepdeck simulate` flags that the
// simulator's own rules (plan) accept, written only with characters that mean nothing to a shell,
// and small enough to run at once.
import { UsageError } from '../errors.js';
import { planFromArgs, type SimPlan } from './flags.js';
import { EVENT_KINDS } from './model.js';

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

/** Parses and checks a `simulate:` field; a UsageError says what is wrong with it. */
export function linkedRun(field: string): LinkedRun {
  const argv = field.trim().split(/\s+/).filter(Boolean);
  if (argv.length === 0) throw new UsageError('give the flags of a simulate run, e.g. --scenario seed-example');
  const args = argsOf(argv);
  const plan = planFromArgs(args);
  checkSize(plan);
  return { argv, plan };
}

/** The arguments as yargs would hand them over (kebab-case keys, events as lists). */
function argsOf(argv: readonly string[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (!SAFE.test(token)) throw new UsageError(`'${token}': only letters, digits and _ . , : @ % / = + - may be used`);
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(token);
    if (!m) throw new UsageError(`'${token}' is not a flag (flags start with --, e.g. --scenario seed-example)`);
    const [, name, inline] = m as unknown as [string, string, string | undefined];
    if (SWITCHES.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      args[name] = true;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) throw new UsageError(`--${name} is not a simulate flag a question can link to`);
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) throw new UsageError(`--${name} needs a value`);
      if (!SAFE.test(next)) throw new UsageError(`'${next}': only letters, digits and _ . , : @ % / = + - may be used`);
      value = next;
      i++;
    }
    if ((EVENT_KINDS as readonly string[]).includes(name)) args[name] = [...((args[name] as string[] | undefined) ?? []), value];
    else args[name] = value;
  }
  return args;
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
  if (over.length > 0) throw new UsageError(`too big to run from a question: ${over.join(', ')}`);
}
