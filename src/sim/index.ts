// The simulator's public surface: the batch engine, the per-request balancer, scenarios and flags.
export * from './model.js';
export { simulate, compare, type RunOptions } from './engine.js';
export {
  createBalancer,
  BalancerCore,
  type Balancer,
  type BalancerOptions,
  type BalancerServer,
  type RouteDecision,
  type RouteRequest,
  type ServerStatus,
} from './balancer.js';
export { hashString, fmix32, ipHashBytes, parseIPv4, formatIPv4 } from './hash.js';
export { Mulberry32, deriveSeed } from '../lib/prng.js';
export { HashRing, VNODES_PER_WEIGHT } from './ring.js';
export { Traffic, userName } from './traffic.js';
export { checkEvents, eventLabel, eventFlag, sortEvents } from './events.js';
export { SCENARIOS, findScenario, scenarioCommand, type Scenario } from './scenarios.js';
export { planSim, parseServers, parseEvents, parseCompare, parseSequence, PlanProblem, DEFAULTS, LIMITS, type PlanResult, type PlanOptions, type SimPlan } from './plan.js';
export type { SimFlags } from './scenarios.js';
