// What the simulator predicts for a sequence of requests: the routing `prepdeck simulate --sequence`
// would show, used by the scripted walk-throughs (to print "round-robin alone would pick …" and to
// check the live balancer against the model) and by the tests comparing HAProxy with the model.
import { simulate } from '../sim/engine.js';
import type { EventKind, Reason, RrMode, Strategy } from '../sim/model.js';

export interface PredictedRow {
  server: string | null;
  algorithmPick: string | null;
  reason: Reason;
  override: boolean;
}

export interface PredictInput {
  backends: readonly string[];
  /** One weight per backend, in order (default 1 each). */
  weights?: readonly number[];
  strategy: Strategy;
  rrMode: RrMode;
  /** User names in request order. */
  sequence: readonly string[];
  /** Events just before request `at` (1-based). */
  events: readonly { kind: EventKind; server: string; at: number }[];
}

/**
 * The simulator's routing for the sequence, or null where live traffic cannot be compared with it:
 * ip-hash and consistent-hash key on the client address (every lab client is 127.0.0.1, every
 * simulated user has its own), least-connections counts requests in flight (the lab's are sequential).
 */
export function predictRouting(p: PredictInput): PredictedRow[] | null {
  if (p.strategy !== 'sticky-cookie' && p.strategy !== 'round-robin') return null;
  if (p.sequence.length === 0) return [];
  const result = simulate(
    {
      servers: p.backends.map((name, i) => ({ name, weight: p.weights?.[i] ?? 1 })),
      strategy: p.strategy,
      rrMode: p.rrMode,
      store: 'local',
      replicas: 0,
      events: p.events.map((e) => ({ ...e })),
      maxIdle: 0,
      traffic: { kind: 'sequence', sequence: [...p.sequence], cart: 0, seed: 1 },
    },
    { trace: true },
  );
  return (result.rows ?? []).map((r) => ({ server: r.server, algorithmPick: r.algorithmPick, reason: r.reason, override: r.override }));
}
