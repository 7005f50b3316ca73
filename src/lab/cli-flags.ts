// Flags of `prepdeck lab`. Declared here (cheap) for --help; src/lab/options.ts checks the values.
// --backends and --port are read as text, so a mistake is quoted as typed (`--port abc`), not as NaN.
import type { Argv } from 'yargs';
import { RR_MODES, STRATEGIES } from '../sim/model.js';
import { BALANCERS, LAB_DEFAULTS, LAB_LIMITS, LAB_STORES, SCRIPTS } from './options.js';

export function labFlags(y: Argv): Argv {
  return y
    .option('backends', { type: 'string', requiresArg: true, describe: `Backend app servers to start (1-${LAB_LIMITS.backends}; default ${LAB_DEFAULTS.backends})` })
    .option('port', { type: 'string', requiresArg: true, describe: `Port of the load balancer (default ${LAB_DEFAULTS.port}; 0 = any free port, the default with --script)` })
    .option('host', { type: 'string', describe: 'Address the balancer listens on (default 127.0.0.1; others need --allow-remote)' })
    .option('allow-remote', { type: 'boolean', describe: 'Allow a --host that other machines can reach (prints a warning)' })
    .option('balancer', { choices: BALANCERS, describe: 'builtin (nothing to install) or a real haproxy (Debian package haproxy)' })
    .option('print-config', { type: 'boolean', describe: 'With --balancer haproxy: print the generated HAProxy configuration and exit' })
    .option('store', { choices: LAB_STORES, describe: "Session storage: each backend's memory, or a shared Redis" })
    .option('redis-url', { type: 'string', describe: `With --store redis (default ${LAB_DEFAULTS.redisUrl})` })
    .option('strategy', { choices: STRATEGIES, describe: `Balancing strategy, as in prepdeck simulate (default ${LAB_DEFAULTS.strategy})` })
    .option('rr-mode', { choices: RR_MODES, describe: 'Round-robin under stickiness: haproxy (default) or nginx, as in prepdeck simulate' })
    .option('script', { choices: SCRIPTS, describe: 'Run a scripted walk-through against the live lab, then stop' })
    .option('json', { type: 'boolean', describe: 'With --script: print the steps and figures as JSON' });
}
