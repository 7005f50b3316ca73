// Every named scenario, with its exact routing and summary: the numbers the candidate sees.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, compare, scenarioCommand, SCENARIO_NAMES, type SimResult } from '../../../src/sim/index.js';
import { plan } from './helpers.js';

/** One token per request: the server, then * (cookie overrode the algorithm) or ! (re-balanced). */
function routing(r: SimResult): string {
  return r.rows!.map((x) => (x.server ?? '-') + (x.override ? '*' : x.reason === 'rebalanced-after-failure' ? '!' : '')).join(' ');
}

function runScenario(name: string): SimResult[] {
  const p = plan({}, { scenario: name });
  const variants = p.variants ?? [{ strategy: p.config.strategy, store: p.config.store, rrMode: p.config.rrMode }];
  return compare(p.config, variants, { trace: true });
}

interface Expected {
  users: string;
  runs: Record<string, { routing: string; summary: Record<string, number>; servers: string }>;
}

const EXPECTED: Record<string, Expected> = {
  'seed-example': {
    users: 'ABCDABACAD',
    runs: {
      'sticky-cookie/local': {
        routing: 's1 s2 s3 s1 s1* s2 s1* s3* s1* s1*',
        summary: { imbalance: 1.8, overrides: 5, cookieRouted: 6, setCookies: 4, sessionsLost: 0, usersLoggedOut: 0, usersMoved: 0, storeRoundTrips: 0, replicationMessages: 0 },
        servers: 's1:6/2 s2:2/1 s3:2/1',
      },
    },
  },
  'hot-user': {
    users: 'AABCAABACAAAAABAACDABAAAEAABAABACDAFFEDB',
    runs: {
      'sticky-cookie/local': {
        routing:
          's1 s1* s2 s3 s1 s1 s2* s1 s3* s1 s1 s1 s1 s1 s2* s1 s1 s3* s1 s1* s2 s1* s1* s1* s2 s1* s1* s2* s1* s1* s2* s1* s3 s1* s1* s3 s3* s2* s1 s2*',
        summary: { imbalance: 1.875, sessionsLost: 0, cartItemsLost: 0, usersLoggedOut: 0, usersMoved: 0, storeRoundTrips: 0, overrides: 21 },
        servers: 's1:25/2 s2:9/2 s3:6/2',
      },
      'round-robin/shared': {
        routing:
          's1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1',
        summary: { imbalance: 1.05, sessionsLost: 0, usersLoggedOut: 0, usersMoved: 6, storeRoundTrips: 59 },
        servers: 's1:14/4 s2:13/2 s3:13/3',
      },
    },
  },
  failover: {
    users: 'ABABCCABACDCECEEEDAEEFEBFABAACCDDACBACCF',
    runs: {
      'sticky-cookie/local': {
        routing:
          's1 s2 s1* s2* s3 s3* s1 s2* s1 s3* s1 s3* s2 s3 s3! s3* s3* s1 s1 s3* s3* s1 s3 s3! s1 s1 s3* s1 s1 s3* s3* s1 s1 s1 s3* s3* s1 s3* s3* s1',
        summary: { imbalance: 1.425, sessionsLost: 2, cartItemsLost: 2, usersLoggedOut: 2, usersMoved: 2, rebalanced: 2, storeRoundTrips: 0, replicationMessages: 0 },
        servers: 's1:17/3 s2:4/2 s3:19/3',
      },
      'sticky-cookie/shared': {
        routing:
          's1 s2 s1* s2* s3 s3* s1 s2* s1 s3* s1 s3* s2 s3 s3! s3* s3* s1 s1 s3* s3* s1 s3 s3! s1 s1 s3* s1 s1 s3* s3* s1 s1 s1 s3* s3* s1 s3* s3* s1',
        summary: { sessionsLost: 0, cartItemsLost: 0, usersLoggedOut: 0, usersMoved: 2, storeRoundTrips: 63, replicationMessages: 0 },
        servers: 's1:17/3 s2:4/2 s3:19/3',
      },
      'sticky-cookie/replicated': {
        routing:
          's1 s2 s1* s2* s3 s3* s1 s2* s1 s3* s1 s3* s2 s3 s3! s3* s3* s1 s1 s3* s3* s1 s3 s3! s1 s1 s3* s1 s1 s3* s3* s1 s1 s1 s3* s3* s1 s3* s3* s1',
        summary: { sessionsLost: 0, cartItemsLost: 0, usersLoggedOut: 0, usersMoved: 2, storeRoundTrips: 0, replicationMessages: 23 },
        servers: 's1:17/3 s2:4/2 s3:19/3',
      },
    },
  },
  'scale-out': {
    users: 'AABCAABADCEFAEEGABAAFBABAABACHGIGGFAAJBA',
    runs: {
      'sticky-cookie/local': {
        routing:
          's1 s1* s2 s3 s1 s1 s2* s1 s1 s3* s2 s3 s1 s2* s2* s1 s1* s2 s1* s1* s3* s2 s1* s2 s1* s1* s2 s1* s3* s2 s1* s3 s1 s1 s3* s1 s1 s1 s2* s1*',
        summary: { imbalance: 2.2, usersMoved: 0, sessionsLost: 0, overrides: 18 },
        servers: 's1:22/4 s2:11/3 s3:7/3 s4:0/0',
      },
      'round-robin/shared': {
        routing:
          's1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s4 s2 s3 s1 s4 s2 s3 s1 s4 s2 s3 s1 s4 s2 s3 s1 s4 s2',
        summary: { imbalance: 1.2, usersMoved: 6, sessionsLost: 0, storeRoundTrips: 63 },
        servers: 's1:12/4 s2:12/2 s3:11/5 s4:5/2',
      },
    },
  },
  'flash-sale': {
    users: 'AABCAABADCEFAEEGABAAFBABAABACHGIGGFAAJBA',
    runs: {
      'sticky-cookie/local': {
        routing:
          's1 s1* s2 s3 s1 s1 s2* s1 s1 s3* s2 s3 s1 s2* s2* s1 s1* s2 s1* s1* s3* s2 s1* s2 s1* s1* s2 s1* s3* s2 s3! s4 s3* s3* s3* s2! s2* s3 s2* s2*',
        summary: { imbalance: 1.5, sessionsLost: 3, cartItemsLost: 10, usersLoggedOut: 2, usersMoved: 2, storeRoundTrips: 0 },
        servers: 's1:15/3 s2:14/4 s3:10/4 s4:1/1',
      },
      'round-robin/shared': {
        routing:
          's1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s3 s1 s2 s4 s3 s1 s2 s4 s3 s1 s2 s4 s3 s1 s2 s4 s3 s2 s4 s3 s2 s4 s3 s2 s4 s3',
        summary: { imbalance: 1.2, sessionsLost: 0, cartItemsLost: 0, usersLoggedOut: 0, usersMoved: 6, storeRoundTrips: 74 },
        servers: 's1:9/4 s2:12/4 s3:12/5 s4:7/2',
      },
    },
  },
};

describe('named scenarios', () => {
  it('every scenario name has a definition and an expectation here', () => {
    expect(SCENARIOS.map((s) => s.name)).toEqual([...SCENARIO_NAMES]);
    expect(Object.keys(EXPECTED).sort()).toEqual([...SCENARIO_NAMES].sort());
  });

  it.each(SCENARIOS.map((s) => [s.name] as const))('%s routes and sums up exactly as expected', (name) => {
    const expected = EXPECTED[name]!;
    const runs = runScenario(name);
    expect(runs.map((r) => r.label)).toEqual(Object.keys(expected.runs));
    expect(runs[0]!.rows!.map((r) => r.user).join('')).toBe(expected.users);
    for (const r of runs) {
      const want = expected.runs[r.label]!;
      expect(routing(r), r.label).toBe(want.routing);
      expect(r.summary, r.label).toMatchObject(want.summary);
      expect(r.servers.map((s) => `${s.name}:${s.requests}/${s.peakSessions}`).join(' '), r.label).toBe(want.servers);
    }
  });

  it('seed-example: row 5 is A staying on s1 by its cookie while round-robin alone would pick s2', () => {
    const [r] = runScenario('seed-example');
    expect(r!.rows!.slice(0, 4).map((x) => [x.user, x.server, x.reason, x.setCookie])).toEqual([
      ['A', 's1', 'algorithm', 's1'],
      ['B', 's2', 'algorithm', 's2'],
      ['C', 's3', 'algorithm', 's3'],
      ['D', 's1', 'algorithm', 's1'],
    ]);
    expect(r!.rows![4]).toMatchObject({ n: 5, user: 'A', cookie: 's1', algorithmPick: 's2', server: 's1', reason: 'cookie', setCookie: null, override: true });
  });

  it('failover: local sessions on the failed server are lost, shared and replicated ones are not', () => {
    const [local, shared, replicated] = runScenario('failover');
    expect(local!.summary.sessionsLost).toBeGreaterThan(0);
    expect(shared!.summary.sessionsLost).toBe(0);
    expect(replicated!.summary.sessionsLost).toBe(0);
    // After s2 recovers (request 30) nobody returns to it: moved users keep their new cookie.
    expect(local!.rows!.slice(29).every((x) => x.server !== 's2')).toBe(true);
  });

  it('scale-out: with sticky cookies the new server only gets users who first arrive after it joins', () => {
    const [sticky] = runScenario('scale-out');
    const firstSeen = new Map<string, number>();
    for (const x of sticky!.rows!) if (!firstSeen.has(x.user)) firstSeen.set(x.user, x.n);
    for (const x of sticky!.rows!.filter((x) => x.server === 's4')) expect(firstSeen.get(x.user)).toBeGreaterThanOrEqual(20);
  });

  it('each scenario names the point it demonstrates and the command it stands for', () => {
    for (const s of SCENARIOS) {
      expect(s.point.length).toBeGreaterThan(20);
      expect(scenarioCommand(s)).toMatch(/^prepdeck simulate --/);
    }
    expect(scenarioCommand(SCENARIOS.find((s) => s.name === 'failover')!)).toContain('--fail s2@15 --recover s2@30');
  });
});
