import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { predictRouting } from '../../../src/lab/predict.js';
import { LabRouter, stripCookie } from '../../../src/lab/routing.js';

const names = ['s1', 's2', 's3'];

describe('LabRouter (the simulator\'s balancer behind a live proxy)', () => {
  it('balances a request without a cookie and sets SRV=<backend>; a valid cookie routes without a new one', () => {
    const r = new LabRouter({ backends: names, strategy: 'sticky-cookie', rrMode: 'haproxy' });
    const first = r.route(undefined, '127.0.0.1');
    expect(first).toMatchObject({ backend: 's1', reason: 'algorithm', setCookie: 'SRV=s1; Path=/' });
    const again = r.route('sid=x; SRV=s1', '127.0.0.1');
    expect(again).toMatchObject({ backend: 's1', reason: 'cookie', cookieValid: true, setCookie: null });
  });

  // New users (no cookie) over weights 5,1,1: HAProxy's own weighted round-robin, or nginx's smooth one.
  it.each([
    ['haproxy', 'a a a b a a c'],
    ['nginx', 'a a b a c a a'],
  ] as const)('weights 5,1,1 with --rr-mode %s send new users %s', (rrMode, order) => {
    const r = new LabRouter({ backends: ['a', 'b', 'c'], weights: [5, 1, 1], strategy: 'sticky-cookie', rrMode });
    const picks = Array.from({ length: 7 }, () => r.route(undefined, '127.0.0.1').backend);
    expect(picks.join(' ')).toBe(order);
    expect(r.states().map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('ignores unknown and malformed balancer cookies and re-balances', () => {
    const r = new LabRouter({ backends: names, strategy: 'sticky-cookie', rrMode: 'haproxy' });
    for (const bad of ['s9', 'S1', 'nope', '../s1', 's1\r\nX: y', '"s1"', 'x'.repeat(100), '']) {
      const d = r.route(`SRV=${bad}`, '127.0.0.1');
      expect(d.cookieValid).toBe(false);
      expect(d.reason).toBe('algorithm');
      expect(names).toContain(d.backend);
      expect(d.setCookie).toBe(`SRV=${d.backend}; Path=/`);
    }
    expect(r.counters.badCookies).toBe(8);
  });

  it('a cookie naming a down backend is re-balanced; a draining one is honoured', () => {
    const r = new LabRouter({ backends: names, strategy: 'sticky-cookie', rrMode: 'haproxy' });
    r.setState('s1', 'down');
    expect(r.route('SRV=s1', '::1')).toMatchObject({ reason: 'rebalanced-after-failure', setCookie: expect.stringMatching(/^SRV=s[23]; /) });
    r.setState('s1', 'up');
    r.setState('s2', 'draining');
    expect(r.route('SRV=s2', '::1')).toMatchObject({ backend: 's2', reason: 'cookie' });
    for (let i = 0; i < 6; i++) expect(r.route(undefined, '::1').backend).not.toBe('s2');
  });

  it('an added backend is known to the cookie check and gets new users', () => {
    const r = new LabRouter({ backends: names, strategy: 'sticky-cookie', rrMode: 'haproxy' });
    expect(r.route('SRV=s4', '::1').cookieValid).toBe(false);
    r.add('s4');
    expect(r.route('SRV=s4', '::1')).toMatchObject({ backend: 's4', reason: 'cookie' });
    const seen = new Set(Array.from({ length: 4 }, () => r.route(undefined, '::1').backend));
    expect(seen).toContain('s4');
  });

  it('without cookies (round-robin) the SRV cookie is ignored and never set', () => {
    const r = new LabRouter({ backends: names, strategy: 'round-robin', rrMode: 'haproxy' });
    expect(['s1', 's2', 's3', 's1'].map(() => r.route('SRV=s3', '::1').backend)).toEqual(['s1', 's2', 's3', 's1']);
    expect(r.counters.setCookies).toBe(0);
  });

  it('every loopback client hashes to one backend with ip-hash (the NAT\'d office effect)', () => {
    const r = new LabRouter({ backends: names, strategy: 'ip-hash', rrMode: 'haproxy' });
    const b = r.route(undefined, '127.0.0.1').backend;
    for (let i = 0; i < 5; i++) expect(r.route(undefined, '127.0.0.1')).toMatchObject({ backend: b, reason: 'hash' });
  });

  it('least-connections counts requests in flight', () => {
    const r = new LabRouter({ backends: names, strategy: 'least-connections', rrMode: 'haproxy' });
    const a = r.route(undefined, '::1').backend!;
    r.opened(a);
    for (let i = 0; i < 5; i++) expect(r.route(undefined, '::1').backend).not.toBe(a);
    r.closed(a);
    for (const other of names.filter((n) => n !== a)) r.opened(other);
    expect(r.route(undefined, '::1').backend).toBe(a);
  });

  it('routes exactly as the batch simulator does for the same sequence and weights (one engine)', () => {
    const user = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G');
    const weights = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(fc.array(user, { minLength: 1, maxLength: 40 }), fc.constantFrom('haproxy' as const, 'nginx' as const), weights, (sequence, rrMode, w) => {
        const r = new LabRouter({ backends: names, weights: w, strategy: 'sticky-cookie', rrMode });
        const jar = new Map<string, string>();
        const live = sequence.map((u) => {
          const c = jar.get(u);
          const d = r.route(c ? `SRV=${c}` : undefined, '127.0.0.1');
          if (d.setCookie) jar.set(u, d.backend!);
          return d.backend;
        });
        const model = predictRouting({ backends: names, weights: w, strategy: 'sticky-cookie', rrMode, sequence, events: [] })!;
        expect(live).toEqual(model.map((m) => m.server));
      }),
      { numRuns: 150 },
    );
  });
});

describe('stripCookie (HAProxy\'s `indirect`: the backend never sees SRV)', () => {
  it.each([
    ['SRV=s1', undefined],
    ['sid=a.b; SRV=s1', 'sid=a.b'],
    ['SRV=s1; sid=a.b; other=1', 'sid=a.b; other=1'],
    ['sid=a.b', 'sid=a.b'],
    ['XSRV=1; SRV2=2', 'XSRV=1; SRV2=2'],
  ])('%s -> %s', (input, out) => expect(stripCookie(input)).toBe(out));
});
