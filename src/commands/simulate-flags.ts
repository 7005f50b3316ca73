// Flags of `prepdeck simulate`, declared (cheap, for --help: loaded with the command registry on
// every start) and turned into a plan here: src/sim receives typed values only. Choices are checked
// by yargs; numbers, server lists and events are read as text by the simulator's one plan parser
// (sim/plan.ts, which also checks a question's `simulate:` field), so an error quotes what was typed
// (`--seed abc`, not `--seed NaN`) and the rules exist once.
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { planSim, type SimPlan } from '../sim/plan.js';
import { RR_MODES, SCENARIO_NAMES, STORES, STRATEGIES, type RrMode, type ScenarioName, type Store, type Strategy } from '../sim/model.js';
import type { SimFlags } from '../sim/scenarios.js';
import { lastText, oneOf } from './flag-checks.js';

/** What yargs hands the simulate command once `simulateFlags` has read the flags. */
export interface SimulateArgs extends Omit<SimFlags, 'strategy' | 'rrMode' | 'store'> {
  scenario?: ScenarioName;
  list?: boolean;
  strategy?: Strategy;
  rrMode?: RrMode;
  store?: Store;
  json?: boolean;
  trace?: boolean;
  step?: boolean;
  config?: string;
}

/** The flags the plan parser reads (the rest say what to print or which configuration to run). */
export const PLAN_FLAGS = [
  'servers', 'users', 'requests', 'hot', 'cart', 'strategy', 'rrMode', 'store', 'replicas',
  'fail', 'recover', 'drain', 'add', 'maxIdle', 'seed', 'sequence', 'compare',
] as const satisfies readonly (keyof SimFlags)[];

/** A repeatable flag: every value, as text. */
const allTexts = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).map(String);

const value = (describe: string) => ({ type: 'string', requiresArg: true, coerce: lastText, describe }) as const;
const event = (what: string, example: string) =>
  ({ type: 'string', array: true, requiresArg: true, coerce: allTexts, describe: `${what} at a request number, e.g. ${example} (repeatable)` }) as const;

export function simulateFlags(y: Argv): Argv<SimulateArgs> {
  return y
    .option('scenario', { type: 'string', choices: SCENARIO_NAMES, coerce: oneOf('scenario', SCENARIO_NAMES), describe: 'Run a named scenario (see --list); other flags override it' })
    .option('list', { type: 'boolean', describe: 'List the scenarios and the point each one demonstrates' })
    .option('servers', value('A count (3 → s1,s2,s3) or names with weights 1-256, e.g. a:2,b:1,c:1 (default 3)'))
    .option('users', value('Number of users (default 6)'))
    .option('requests', value('Number of requests (default 30, or 20 past the last event; at most 100,000 with --trace)'))
    .option('hot', value("One hot user's (A's) share of the requests, with the % sign, e.g. 40% (needs 2 users or more)"))
    .option('cart', value('Chance that a later request adds a cart item, with the % sign (default 50%)'))
    .option('strategy', { type: 'string', choices: STRATEGIES, coerce: oneOf('strategy', STRATEGIES), describe: 'Balancing strategy (default sticky-cookie)' })
    .option('rr-mode', {
      type: 'string',
      choices: RR_MODES,
      coerce: oneOf('rr-mode', RR_MODES),
      describe: 'Round-robin under stickiness: haproxy (cookie-routed requests do not move it; default) or nginx (they are charged)',
    })
    .option('store', { type: 'string', choices: STORES, coerce: oneOf('store', STORES), describe: 'Session storage: local (server memory; default), shared (e.g. Redis), replicated' })
    .option('replicas', value('Peers each session is copied to with --store replicated (default 1)'))
    .option('fail', event('Fail a server', 's2@40'))
    .option('recover', event('Bring a server back up', 's2@80'))
    .option('drain', event('Drain a server (pinned users stay, no new ones)', 's1@10'))
    .option('add', event('Add a server (optionally weighted: s4:2@60)', 's4@60'))
    .option('max-idle', value('Cookie expires after this many requests without a visit from its user (HAProxy maxidle)'))
    .option('seed', value('Seed of the traffic generator (default 1)'))
    .option('sequence', value('Explicit order of requests by user, e.g. A,B,C,A,A,D'))
    .option('compare', {
      type: 'string',
      array: true,
      requiresArg: true,
      // Repeated --compare flags make one list (as the scenario list prints them).
      coerce: (v: unknown) => allTexts(v).join(','),
      describe: 'Same traffic through several configurations: STRATEGY/STORE[/RR-MODE],… (repeatable)',
    })
    .option('json', { type: 'boolean', describe: 'Print JSON: { runs: [{ label, config, result }] }, one run per configuration (add --trace for every request)' })
    .option('trace', { type: 'boolean', describe: 'Keep every request: in JSON, and as a full table in text (up to 100,000 requests)' })
    .option('step', { type: 'boolean', describe: 'In a terminal: one request per key press, with an explanation (with --compare: one configuration, asked or --config)' })
    .option('config', value('With --compare (or a comparison scenario): run only configuration N (1 = the first), e.g. with --step'));
}

/** The checked plan for these arguments; what is wrong with them is a UsageError (exit 2). */
export function simulatePlan(args: SimulateArgs): SimPlan {
  const flags: Record<string, string | string[]> = {};
  for (const key of PLAN_FLAGS) {
    const v = args[key];
    // Absent flags stay absent: a scenario's preset fills them.
    if (v !== undefined) flags[key] = v;
  }
  const planned = planSim(flags as SimFlags, { scenario: args.scenario, list: args.list, json: args.json, trace: args.trace, step: args.step });
  if (!planned.ok) throw new UsageError(planned.problems.join('\n'));
  return planned.plan;
}
