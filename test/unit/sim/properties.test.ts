// Property tests over random configurations (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RR_MODES,
  STORES,
  STRATEGIES,
  createBalancer,
  simulate,
  sortEvents,
  type ServerState,
  type SimConfig,
  type SimEvent,
  type Strategy,
} from '../../../src/sim/index.js';

interface Gen {
  weights: number[];
  strategy: Strategy;
  store: SimConfig['store'];
  rrMode: SimConfig['rrMode'];
  users: number;
  requests: number;
  hot: number;
  seed: number;
  maxIdle: number;
  raw: { kind: SimEvent['kind']; server: number; at: number }[];
}

const genArb = (opts: { strategies?: readonly Strategy[]; events?: readonly SimEvent['kind'][]; equalWeights?: boolean; maxIdle?: boolean } = {}): fc.Arbitrary<Gen> =>
  fc.record({
    weights: fc.array(opts.equalWeights ? fc.constant(1) : fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 6 }),
    strategy: fc.constantFrom(...(opts.strategies ?? STRATEGIES)),
    store: fc.constantFrom(...STORES),
    rrMode: fc.constantFrom(...RR_MODES),
    users: fc.integer({ min: 1, max: 25 }),
    requests: fc.integer({ min: 1, max: 150 }),
    hot: fc.constantFrom(0, 0, 0.2, 0.6),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    maxIdle: opts.maxIdle === false ? fc.constant(0) : fc.constantFrom(0, 0, 3, 10),
    raw:
      opts.events?.length === 0
        ? fc.constant([])
        : fc.array(
            fc.record({ kind: fc.constantFrom(...(opts.events ?? (['fail', 'recover', 'drain', 'add'] as const))), server: fc.nat(5), at: fc.integer({ min: 1, max: 150 }) }),
            { maxLength: 6 },
          ),
  });

function toConfig(g: Gen): SimConfig {
  const servers = g.weights.map((weight, i) => ({ name: `s${i + 1}`, weight }));
  let added = 0;
  const events: SimEvent[] = [];
  for (const e of g.raw) {
    const at = Math.min(e.at, g.requests);
    if (e.kind === 'add') events.push({ kind: 'add', server: `n${++added}`, at, weight: 1 });
    else events.push({ kind: e.kind, server: servers[e.server % servers.length]!.name, at });
  }
  return {
    servers,
    strategy: g.strategy,
    store: g.store,
    rrMode: g.rrMode,
    replicas: 1,
    events,
    maxIdle: g.maxIdle,
    traffic: { kind: 'random', users: g.users, requests: g.requests, hot: g.hot, cart: 0.5, seed: g.seed },
  };
}

/** Server states just before each request, replaying the events. */
function* statesByRequest(cfg: SimConfig): Generator<Map<string, ServerState>> {
  const states = new Map<string, ServerState>(cfg.servers.map((s) => [s.name, 'up']));
  const events = sortEvents(cfg.events);
  let i = 0;
  const R = cfg.traffic.kind === 'random' ? cfg.traffic.requests : cfg.traffic.sequence.length;
  for (let n = 1; n <= R; n++) {
    for (; i < events.length && events[i]!.at === n; i++) {
      const e = events[i]!;
      states.set(e.server, e.kind === 'fail' ? 'down' : e.kind === 'drain' ? 'draining' : 'up');
    }
    yield states;
  }
}

describe('simulator properties', () => {
  it('every request goes to a server that is up, or draining for a user pinned to it', () => {
    fc.assert(
      fc.property(genArb(), (g) => {
        const cfg = toConfig(g);
        const r = simulate(cfg, { trace: true });
        let n = 0;
        for (const states of statesByRequest(cfg)) {
          const row = r.rows![n++]!;
          const anyUp = [...states.values()].includes('up');
          if (row.server === null) {
            expect(row.reason).toBe('unavailable');
            expect(anyUp).toBe(false);
          } else {
            const st = states.get(row.server);
            expect(st === 'up' || (st === 'draining' && row.reason === 'cookie')).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('sticky-cookie without failures: all of a user\'s requests reach one server', () => {
    fc.assert(
      fc.property(genArb({ strategies: ['sticky-cookie'], events: ['drain', 'add'], maxIdle: false }), (g) => {
        const cfg = toConfig(g);
        // Draining every server would leave new users nowhere to go: keep s1 up.
        cfg.events = cfg.events.filter((e) => !(e.kind === 'drain' && e.server === 's1'));
        const r = simulate(cfg, { trace: true });
        const where = new Map<string, string>();
        for (const row of r.rows!) {
          const first = where.get(row.user);
          if (first === undefined) where.set(row.user, row.server!);
          else expect(row.server).toBe(first);
        }
        expect(r.summary.usersMoved).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('plain round-robin with equal weights spreads requests within one of each other', () => {
    fc.assert(
      fc.property(genArb({ strategies: ['round-robin'], events: [], equalWeights: true }), (g) => {
        const r = simulate(toConfig(g));
        const counts = r.servers.map((s) => s.requests);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });

  it('the shared store never loses a session', () => {
    fc.assert(
      fc.property(genArb(), (g) => {
        const r = simulate({ ...toConfig(g), store: 'shared' });
        expect(r.summary).toMatchObject({ sessionsLost: 0, cartItemsLost: 0, usersLoggedOut: 0, relogins: 0 });
      }),
      { numRuns: 150 },
    );
  });

  it('adding an (n+1)-th server: consistent hashing moves about 1/(n+1) of users, all to the new server; ip-hash moves most', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.nat(255), fc.nat(255), fc.nat(255)), { minLength: 1500, maxLength: 1500 }),
        (n, users) => {
          const servers = Array.from({ length: n }, (_, i) => ({ name: `s${i + 1}` }));
          const moved = (strategy: Strategy): { moved: number; toNew: number } => {
            const lb = createBalancer({ servers, strategy });
            const reqs = users.map(([key, a, b, c], i) => ({ userKey: `${key}#${i}`, ip: `${a}.${b}.${c}.1` }));
            const before = reqs.map((q) => lb.route(q).server);
            lb.addServer('new');
            const after = reqs.map((q) => lb.route(q).server);
            let m = 0;
            let toNew = 0;
            after.forEach((s, i) => {
              if (s !== before[i]) {
                m++;
                if (s === 'new') toNew++;
              }
            });
            return { moved: m / reqs.length, toNew };
          };
          const ring = moved('consistent-hash');
          expect(ring.moved).toBeGreaterThan(0.5 / (n + 1));
          expect(ring.moved).toBeLessThan(1.6 / (n + 1));
          expect(ring.toNew).toBe(Math.round(ring.moved * users.length));
          expect(moved('ip-hash').moved).toBeGreaterThan(0.5);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('the same seed gives an identical result', () => {
    fc.assert(
      fc.property(genArb(), (g) => {
        const cfg = toConfig(g);
        expect(simulate(cfg, { trace: true })).toEqual(simulate(structuredClone(cfg), { trace: true }));
      }),
      { numRuns: 60 },
    );
  });
});
