// Builders for simulator tests.
import yargs from 'yargs';
import { simulateFlags, simulatePlan } from '../../../src/commands/simulate-flags.js';
import { UsageError } from '../../../src/errors.js';
import { numberedServers } from '../../../src/sim/plan-values.js';
import { planSim, type PlanOptions, type SimFlags, type SimPlan } from '../../../src/sim/index.js';
import type { ServerSpec, SimConfig, SimEvent, Strategy, Store, RrMode } from '../../../src/sim/index.js';

/** The plan for these flag values, its problems thrown as the command would (a UsageError). */
export function plan(flags: SimFlags = {}, opts: PlanOptions = {}): SimPlan {
  const planned = planSim(flags, opts);
  if (!planned.ok) throw new UsageError(planned.problems.join('\n'));
  return planned.plan;
}

/** The plan for a command line, read by the simulate command's own flags (yargs) and plan step. */
export function planFromArgv(argv: string[]): SimPlan {
  const args = simulateFlags(yargs(argv)).strict().exitProcess(false).fail((msg, err) => {
    throw err ?? new Error(msg);
  }).parseSync();
  return simulatePlan(args);
}

export interface Cfg {
  servers?: number | ServerSpec[];
  strategy?: Strategy;
  store?: Store;
  rrMode?: RrMode;
  replicas?: number;
  events?: SimEvent[];
  maxIdle?: number;
  sequence?: string;
  users?: number;
  requests?: number;
  hot?: number;
  cart?: number;
  seed?: number;
}

export function config(c: Cfg = {}): SimConfig {
  const servers = typeof c.servers === 'number' || c.servers === undefined ? numberedServers(c.servers ?? 3) : c.servers;
  return {
    servers,
    strategy: c.strategy ?? 'sticky-cookie',
    store: c.store ?? 'local',
    rrMode: c.rrMode ?? 'haproxy',
    replicas: c.replicas ?? 1,
    events: c.events ?? [],
    maxIdle: c.maxIdle ?? 0,
    traffic: c.sequence
      ? { kind: 'sequence', sequence: c.sequence.split(','), cart: c.cart ?? 0.5, seed: c.seed ?? 1 }
      : { kind: 'random', users: c.users ?? 6, requests: c.requests ?? 30, hot: c.hot ?? 0, cart: c.cart ?? 0.5, seed: c.seed ?? 1 },
  };
}

export const ev = (kind: SimEvent['kind'], server: string, at: number, weight?: number): SimEvent => (weight ? { kind, server, at, weight } : { kind, server, at });
