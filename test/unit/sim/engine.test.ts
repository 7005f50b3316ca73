// The batch engine's semantics, request by request, as real balancers behave.
import { describe, expect, it } from 'vitest';
import { compare, simulate, type SimResult } from '../../../src/sim/index.js';
import { config, ev } from './helpers.js';

const servers = (r: SimResult): string => r.rows!.map((x) => x.server ?? '-').join(' ');
const trace = { trace: true };

describe('sticky cookie', () => {
  it('haproxy mode: cookie-routed requests do not move round-robin; Set-Cookie only when balanced', () => {
    const r = simulate(config({ sequence: 'A,B,C,D,A,B,A,C,A,D' }), trace);
    expect(servers(r)).toBe('s1 s2 s3 s1 s1 s2 s1 s3 s1 s1');
    expect(r.rows!.map((x) => x.algorithmPick).join(' ')).toBe('s1 s2 s3 s1 s2 s2 s2 s2 s2 s2');
    expect(r.rows!.map((x) => x.setCookie ?? '-').join(' ')).toBe('s1 s2 s3 s1 - - - - - -');
    expect(r.summary).toMatchObject({ overrides: 5, cookieRouted: 6, setCookies: 4 });
  });

  it('nginx mode: sticky hits are charged to round-robin (unless at the floor) and every response sets the cookie', () => {
    const r = simulate(config({ sequence: 'A,B,C,D,A,B,A,C,A,D', rrMode: 'nginx' }), trace);
    expect(servers(r)).toBe('s1 s2 s3 s1 s1 s2 s1 s3 s1 s1');
    // Worked by hand: weights 1,1,1; after D the current weights are -2,1,1 and s1 sits at the floor -2.
    expect(r.rows!.map((x) => x.algorithmPick).join(' ')).toBe('s1 s2 s3 s1 s2 s2 s3 s3 s2 s2');
    expect(r.rows!.every((x) => x.setCookie === x.server)).toBe(true);
    expect(r.summary).toMatchObject({ overrides: 4, setCookies: 10 });
  });

  it('after sticky traffic the next new user lands elsewhere under nginx than under HAProxy', () => {
    const [haproxy, nginx] = compare(config({ sequence: 'A,B,C,A,D' }), [
      { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' },
      { strategy: 'sticky-cookie', store: 'local', rrMode: 'nginx' },
    ], trace);
    expect(haproxy!.rows![4]!.server).toBe('s1');
    expect(nginx!.rows![4]!.server).toBe('s2');
  });

  it('a cookie naming a down server is ignored: re-balanced with a new cookie, and the user stays after recovery', () => {
    const r = simulate(config({ sequence: 'A,B,C,B,A,B,B', events: [ev('fail', 's2', 4), ev('recover', 's2', 6)] }), trace);
    expect(r.rows![3]).toMatchObject({ user: 'B', cookie: 's2', server: 's1', reason: 'rebalanced-after-failure', setCookie: 's1', loggedOut: true, action: 'relogin' });
    expect(r.rows![3]!.events).toEqual(['s2 fails']);
    expect(r.rows![5]).toMatchObject({ user: 'B', cookie: 's1', server: 's1', reason: 'cookie', events: ['s2 recovers'] });
    expect(r.rows![6]!.server).toBe('s1');
    expect(r.summary).toMatchObject({ sessionsLost: 1, usersLoggedOut: 1, usersMoved: 1, rebalanced: 1 });
  });

  it('a user pinned to a failed server who comes back after recovery returns to it, logged out', () => {
    const r = simulate(config({ sequence: 'A,B,C,A,A,B', events: [ev('fail', 's2', 4), ev('recover', 's2', 6)], cart: 1 }), trace);
    expect(r.rows![5]).toMatchObject({ user: 'B', server: 's2', reason: 'cookie', loggedOut: true, action: 'relogin' });
  });

  it('draining keeps pinned users and takes no new ones', () => {
    const r = simulate(config({ sequence: 'A,B,C,D,A,E,F,D,A', events: [ev('drain', 's1', 5)] }), trace);
    expect(servers(r)).toBe('s1 s2 s3 s1 s1 s2 s3 s1 s1');
    expect(r.rows!.slice(4).filter((x) => x.server === 's1').every((x) => x.reason === 'cookie')).toBe(true);
    expect(r.servers[0]!.state).toBe('draining');
  });

  it('an added server receives only unpinned users', () => {
    const r = simulate(config({ sequence: 'A,B,C,A,B,C,D,E,F,G,A,B,C', events: [ev('add', 's4', 7)] }), trace);
    expect(servers(r)).toBe('s1 s2 s3 s1 s2 s3 s1 s2 s3 s4 s1 s2 s3');
    expect(r.servers.map((s) => s.addedAt)).toEqual([null, null, null, 7]);
  });

  it('--max-idle: a cookie idle for longer is ignored and the request balanced again', () => {
    const r = simulate(config({ sequence: 'A,B,C,D,E,A', maxIdle: 3 }), trace);
    expect(r.rows![5]).toMatchObject({ user: 'A', cookie: 's1', cookieExpired: true, reason: 'algorithm', server: 's3', setCookie: 's3' });
    // The session stayed on s1 (local): landing on s3 logs A out.
    expect(r.rows![5]!.loggedOut).toBe(true);
  });

  it('with every server down the request gets no server (503)', () => {
    const r = simulate(config({ servers: 2, sequence: 'A,B,A', events: [ev('fail', 's1', 3), ev('fail', 's2', 3)] }), trace);
    expect(r.rows![2]).toMatchObject({ server: null, reason: 'unavailable', action: 'none' });
    expect(r.summary.unavailable).toBe(1);
  });

  it('weighted servers get requests in proportion to their weights', () => {
    const r = simulate(config({ strategy: 'round-robin', servers: [{ name: 'a', weight: 2 }, { name: 'b', weight: 1 }, { name: 'c', weight: 1 }], users: 6, requests: 24 }), trace);
    expect(r.servers.map((s) => s.requests)).toEqual([12, 6, 6]);
    // HAProxy's roundrobin (rr-mode haproxy, the default) gives a twice as many turns, spread out.
    expect(servers(r).slice(0, 11)).toBe('a b a c a b');
  });
});

describe('session stores', () => {
  it('local: round-robin without affinity logs users out whenever they land on another server', () => {
    const r = simulate(config({ strategy: 'round-robin', sequence: 'A,A,A,A', cart: 1 }), trace);
    expect(r.rows!.map((x) => x.action).join(' ')).toBe('login relogin relogin relogin');
    expect(r.summary).toMatchObject({ sessionsLost: 3, usersLoggedOut: 1, relogins: 3, usersMoved: 1, moves: 3 });
  });

  it('shared: never loses a session; one round trip per request plus one per write', () => {
    const r = simulate(config({ strategy: 'round-robin', store: 'shared', sequence: 'A,A,A,A', cart: 1, events: [ev('fail', 's1', 3)] }), trace);
    expect(r.rows!.map((x) => x.action).join(' ')).toBe('login cart cart cart');
    expect(r.rows![3]!.cartItems).toBe(3);
    expect(r.summary).toMatchObject({ sessionsLost: 0, usersLoggedOut: 0, storeRoundTrips: 8 });
  });

  it('local: a failure destroys the sessions held by that server, with their carts', () => {
    const r = simulate(config({ sequence: 'A,B,C,B,B,A,B', cart: 1, events: [ev('fail', 's2', 6)] }), trace);
    expect(r.summary).toMatchObject({ sessionsLost: 1, cartItemsLost: 2 });
    expect(r.rows![6]).toMatchObject({ user: 'B', loggedOut: true, cartLost: 2, cartItems: 0 });
  });

  it('replicated: the session survives on a peer and is fetched by the new server; writes cost K messages', () => {
    const r = simulate(config({ store: 'replicated', replicas: 1, sequence: 'A,B,C,B,B', cart: 1, events: [ev('fail', 's2', 5)] }), trace);
    // B's session is on s2 and copied to s3. s2 fails; round-robin sends B to s1, which fetches it.
    expect(r.rows![4]).toMatchObject({ user: 'B', server: 's1', reason: 'rebalanced-after-failure', loggedOut: false, fetched: true, cartItems: 2 });
    expect(r.summary.sessionsLost).toBe(0);
    // logins A,B,C: 3 copies; B's cart: 1; B moves to s1: fetch 1 + copy 1 (+ its cart item in the same write).
    expect(r.summary.replicationMessages).toBe(6);
  });

  it('replicated: lost when every copy is gone', () => {
    const r = simulate(config({ store: 'replicated', replicas: 1, sequence: 'A,B,C,B', events: [ev('fail', 's2', 4), ev('fail', 's3', 4)] }), trace);
    expect(r.summary.sessionsLost).toBeGreaterThanOrEqual(1);
    expect(r.rows![3]).toMatchObject({ user: 'B', server: 's1', loggedOut: true });
  });
});

describe('hash strategies and least connections', () => {
  it('ip-hash keeps every user on one server while the pool is stable', () => {
    const r = simulate(config({ strategy: 'ip-hash', users: 20, requests: 200 }), trace);
    const where = new Map<string, Set<string>>();
    for (const x of r.rows!) (where.get(x.user) ?? where.set(x.user, new Set()).get(x.user)!).add(x.server!);
    expect([...where.values()].every((s) => s.size === 1)).toBe(true);
    expect(r.rows!.every((x) => x.reason === 'hash')).toBe(true);
  });

  it('consistent-hash: a failed server only moves its own users', () => {
    const before = simulate(config({ strategy: 'consistent-hash', servers: 4, users: 300, requests: 3000 }), trace);
    const after = simulate(config({ strategy: 'consistent-hash', servers: 4, users: 300, requests: 3000, events: [ev('fail', 's2', 1)] }), trace);
    for (let i = 0; i < before.rows!.length; i++) {
      const a = before.rows![i]!;
      const b = after.rows![i]!;
      if (a.server !== 's2') expect(b.server).toBe(a.server);
      else expect(b.reason).toBe('rebalanced-after-failure');
    }
  });

  it('least-connections sends each request to the server with the fewest requests in flight', () => {
    // With 3 servers a request is in flight while the next 3 arrive: request 4 finds s1 free again.
    const r = simulate(config({ strategy: 'least-connections', sequence: 'A,B,C,A,A,D' }), trace);
    expect(servers(r)).toBe('s1 s2 s3 s1 s2 s3');
    // A hot user does not pile up on one server: load follows requests, not users.
    const hot = simulate(config({ strategy: 'least-connections', users: 50, requests: 2000, hot: 0.4 }));
    expect(hot.summary.imbalance).toBeLessThan(1.05);
    const pinned = simulate(config({ strategy: 'ip-hash', users: 50, requests: 2000, hot: 0.4 }));
    expect(pinned.summary.imbalance).toBeGreaterThan(1.4);
  });

  it('keeps no rows without a trace, and the same seed gives the same result', () => {
    const a = simulate(config({ users: 50, requests: 500, hot: 0.3 }));
    const b = simulate(config({ users: 50, requests: 500, hot: 0.3 }));
    expect(a.rows).toBeUndefined();
    expect(a).toEqual(b);
    expect(simulate(config({ users: 50, requests: 500, hot: 0.3, seed: 2 }))).not.toEqual(a);
  });
});
