// Flags of `prepdeck simulate`. Loaded with the command registry on every start, so it imports only
// the constant lists; values are checked by src/sim/flags.ts when the command runs. Numeric flags are
// declared as strings so that an error quotes what was typed (`--seed abc`, not `--seed NaN`).
import type { Argv } from 'yargs';
import { RR_MODES, SCENARIO_NAMES, STORES, STRATEGIES } from './model.js';

const event = (what: string, example: string) =>
  ({ type: 'string', array: true, requiresArg: true, describe: `${what} at a request number, e.g. ${example} (repeatable)` }) as const;

export function simulateFlags(y: Argv): Argv {
  return y
    .option('scenario', { type: 'string', choices: [...SCENARIO_NAMES], describe: 'Run a named scenario (see --list); other flags override it' })
    .option('list', { type: 'boolean', describe: 'List the scenarios and the point each one demonstrates' })
    .option('servers', { type: 'string', requiresArg: true, describe: 'A count (3 → s1,s2,s3) or names with weights, e.g. a:2,b:1,c:1 (default 3)' })
    .option('users', { type: 'string', requiresArg: true, describe: 'Number of users (default 6)' })
    .option('requests', { type: 'string', requiresArg: true, describe: 'Number of requests (default 30, or 20 past the last event; at most 100,000 with --trace)' })
    .option('hot', { type: 'string', requiresArg: true, describe: "One hot user's (A's) share of the requests, with the % sign, e.g. 40% (needs 2 users or more)" })
    .option('cart', { type: 'string', requiresArg: true, describe: 'Chance that a later request adds a cart item, with the % sign (default 50%)' })
    .option('strategy', { type: 'string', choices: [...STRATEGIES], describe: 'Balancing strategy (default sticky-cookie)' })
    .option('rr-mode', {
      type: 'string',
      choices: [...RR_MODES],
      describe: 'Round-robin under stickiness: haproxy (cookie-routed requests do not move it; default) or nginx (they are charged)',
    })
    .option('store', { type: 'string', choices: [...STORES], describe: 'Session storage: local (server memory; default), shared (e.g. Redis), replicated' })
    .option('replicas', { type: 'string', requiresArg: true, describe: 'Peers each session is copied to with --store replicated (default 1)' })
    .option('fail', event('Fail a server', 's2@40'))
    .option('recover', event('Bring a server back up', 's2@80'))
    .option('drain', event('Drain a server (pinned users stay, no new ones)', 's1@10'))
    .option('add', event('Add a server (optionally weighted: s4:2@60)', 's4@60'))
    .option('max-idle', { type: 'string', requiresArg: true, describe: 'Cookie expires after this many requests without a visit from its user (HAProxy maxidle)' })
    .option('seed', { type: 'string', requiresArg: true, describe: 'Seed of the traffic generator (default 1)' })
    .option('sequence', { type: 'string', requiresArg: true, describe: 'Explicit order of requests by user, e.g. A,B,C,A,A,D' })
    .option('compare', { type: 'string', requiresArg: true, describe: 'Same traffic through several configurations: STRATEGY/STORE[/RR-MODE],…' })
    .option('json', { type: 'boolean', describe: 'Print JSON: { runs: [{ label, config, result }] }, one run per configuration (add --trace for every request)' })
    .option('trace', { type: 'boolean', describe: 'Keep every request: in JSON, and as a full table in text (up to 100,000 requests)' })
    .option('step', { type: 'boolean', describe: 'In a terminal: one request per key press, with an explanation (with --compare: one configuration, asked or --config)' })
    .option('config', { type: 'string', requiresArg: true, describe: 'With --compare (or a comparison scenario): run only configuration N (1 = the first), e.g. with --step' });
}
