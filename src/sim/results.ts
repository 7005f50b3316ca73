// What a run reports once it is over: each server's figures and the run's summary, read from the
// engine's typed arrays and counters (engine.ts). The lab's walk-throughs count the same figures
// from live responses and share `busiestOf`.
import type { BalancerCore } from './balancer.js';
import type { ServerResult, Summary } from './model.js';
import type { Sessions } from './storage.js';

/** The engine's per-server arrays, indexed like the balancer's servers. */
export interface ServerTallies {
  addedAt: readonly (number | null)[];
  served: Float64Array;
  peak: Int32Array;
  attached: Int32Array;
  /** `slices` entries per server, one server after the other. */
  timeline: Int32Array;
  slices: number;
}

/** The engine's routing counters (the session figures come from `Sessions`). */
export type RoutingTallies = Pick<Summary, 'requests' | 'unavailable' | 'usersMoved' | 'moves' | 'cookieRouted' | 'overrides' | 'rebalanced' | 'setCookies'>;

export function serverResults(bal: BalancerCore, t: ServerTallies): ServerResult[] {
  let total = 0;
  for (let i = 0; i < bal.n; i++) total += t.served[i]!;
  const servers: ServerResult[] = [];
  for (let i = 0; i < bal.n; i++) {
    servers.push({
      name: bal.names[i]!,
      weight: bal.weight[i]!,
      state: bal.stateName(i),
      addedAt: t.addedAt[i] ?? null,
      requests: t.served[i]!,
      share: total > 0 ? t.served[i]! / total : 0,
      peakSessions: t.peak[i]!,
      sessions: t.attached[i]!,
      timeline: Array.from(t.timeline.subarray(i * t.slices, (i + 1) * t.slices)),
    });
  }
  return servers;
}

/**
 * The busiest server (the first of equals) and its load over the mean, rounded to three places:
 * 1 is perfectly even; 0 when nothing was served.
 */
export function busiestOf(servers: readonly { name: string; requests: number }[]): { busiest: string; imbalance: number } {
  let total = 0;
  let busiest = 0;
  servers.forEach((s, i) => {
    total += s.requests;
    if (s.requests > servers[busiest]!.requests) busiest = i;
  });
  const top = servers[busiest];
  if (!top) return { busiest: '', imbalance: 0 };
  return { busiest: top.name, imbalance: total > 0 ? Math.round((top.requests / (total / servers.length)) * 1000) / 1000 : 0 };
}

export function summarize(servers: readonly ServerResult[], r: RoutingTallies, s: Sessions): Summary {
  return {
    requests: r.requests,
    unavailable: r.unavailable,
    ...busiestOf(servers),
    logins: s.logins,
    cartItemsAdded: s.cartItemsAdded,
    sessionsLost: s.sessionsLost,
    cartItemsLost: s.cartItemsLost,
    usersLoggedOut: s.usersLoggedOut,
    relogins: s.relogins,
    usersMoved: r.usersMoved,
    moves: r.moves,
    cookieRouted: r.cookieRouted,
    overrides: r.overrides,
    rebalanced: r.rebalanced,
    setCookies: r.setCookies,
    storeRoundTrips: s.storeRoundTrips,
    replicationMessages: s.replicationMessages,
  };
}
