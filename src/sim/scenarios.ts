// Named scenarios: each is a preset of `prepdeck simulate` flags that demonstrates one point of the
// session-persistence answer. Flags given on the command line override the preset.
import type { ScenarioName } from './model.js';

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

export interface Scenario {
  name: ScenarioName;
  /** The claim of the answer this run makes visible. */
  point: string;
  /** What to look at in the output. */
  watch: string;
  flags: SimFlags;
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'seed-example',
    point: 'The first request is balanced; later ones follow the cookie and override round-robin.',
    watch:
      'A, B and C land on s1, s2 and s3; D arrives and round-robin moves on to s2, yet A\'s next request (row 5) still goes to s1 by its cookie: the highlighted rows are the overrides.',
    flags: { servers: '3', strategy: 'sticky-cookie', store: 'local', sequence: 'A,B,C,D,A,B,A,C,A,D' },
  },
  {
    name: 'hot-user',
    point: 'Uneven load: a very active user overloads the server it is pinned to.',
    watch: 'With sticky cookies user A (half of all requests) drags its server far above the mean; without affinity and a shared store the load is even.',
    flags: { servers: '3', users: '6', requests: '40', hot: '50%', compare: 'sticky-cookie/local,round-robin/shared' },
  },
  {
    name: 'failover',
    point: 'Reduced fault tolerance: a failed server takes its in-memory sessions with it; a shared store loses none.',
    watch:
      's2 fails at request 15: with local sessions its users are re-balanced with a new cookie but logged out with empty carts; with a shared (or replicated) store they keep both. After s2 recovers at 30, moved users stay where they went.',
    flags: {
      servers: '3',
      users: '6',
      requests: '40',
      fail: ['s2@15'],
      recover: ['s2@30'],
      compare: 'sticky-cookie/local,sticky-cookie/shared,sticky-cookie/replicated',
    },
  },
  {
    name: 'scale-out',
    point: 'Poorer scaling: a new server only gets new users; users pinned to busy servers gain nothing.',
    watch:
      "s4 joins at request 20: with sticky cookies only users who arrive later can land on it, and HAProxy's round-robin gives a new server its first turn a few new users later (in this run no newcomer reaches it); without affinity it takes its quarter at once.",
    flags: { servers: '3', users: '12', requests: '40', hot: '30%', add: ['s4@20'], compare: 'sticky-cookie/local,round-robin/shared' },
  },
  {
    name: 'flash-sale',
    point: 'Sticky sessions versus a shared store under a burst (the answer\'s flash-sale example).',
    watch:
      'A flash sale: 12 shoppers buying fast, one of them sending 30% of the traffic. Sticky: s1 carries the busy shopper, the server added at request 15 gets only newcomers, and when s1 falls over at 30 its shoppers lose their carts. Shared store: even load, s4 helps at once, no cart lost, one store round trip per request and one per write.',
    flags: {
      servers: '3',
      users: '12',
      requests: '40',
      hot: '30%',
      cart: '80%',
      add: ['s4@15'],
      fail: ['s1@30'],
      compare: 'sticky-cookie/local,round-robin/shared',
    },
  },
];

export function findScenario(name: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.name === name);
}

/**
 * The command line a scenario stands for. Its --compare list is written one configuration per
 * --compare (the flag is repeatable), so that no argument is wider than a narrow terminal's line.
 */
export function scenarioCommand(s: Scenario): string {
  const parts = ['prepdeck simulate'];
  for (const [key, value] of Object.entries(s.flags)) {
    const flag = `--${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;
    const values = Array.isArray(value) ? value : key === 'compare' ? String(value).split(',') : [value];
    for (const v of values) parts.push(`${flag} ${String(v)}`);
  }
  return parts.join(' ');
}
