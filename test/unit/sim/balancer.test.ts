// The per-request routing API a live reverse proxy uses: names, cookie values and client addresses.
import { describe, expect, it } from 'vitest';
import { createBalancer, hashString, ipHashBytes } from '../../../src/sim/index.js';

const three = [{ name: 's1' }, { name: 's2' }, { name: 's3' }];

/** nginx's ip_hash, written out independently from its C source for comparison. */
function nginxIpHash(ip: string, weights: number[], down: Set<number> = new Set()): number {
  const addr = ip.split('.').map(Number).slice(0, 3);
  const total = weights.reduce((a, b) => a + b, 0);
  let hash = 89;
  for (let tries = 0; tries <= 20; tries++) {
    for (const b of addr) hash = (hash * 113 + b!) % 6271;
    let w = hash % total;
    let p = 0;
    while (w >= weights[p]!) w -= weights[p++]!;
    if (!down.has(p)) return p;
  }
  return -1;
}

describe('createBalancer', () => {
  it('sticky-cookie: balances a request without a cookie, then follows the cookie', () => {
    const lb = createBalancer({ servers: three, strategy: 'sticky-cookie' });
    const a = lb.route({ ip: '198.51.100.7', userKey: 'A' });
    expect(a).toEqual({ server: 's1', reason: 'algorithm', algorithmPick: 's1', setCookie: 'SRV=s1; Path=/' });
    expect(lb.route({ ip: '198.51.100.8', userKey: 'B' }).server).toBe('s2');
    expect(lb.route({ cookie: 's1', ip: '198.51.100.7', userKey: 'A' })).toEqual({ server: 's1', reason: 'cookie', algorithmPick: 's3' });
  });

  it('an unknown cookie value is ignored; a cookie for a down server re-balances with a new cookie', () => {
    const lb = createBalancer({ servers: three, strategy: 'sticky-cookie' });
    expect(lb.route({ cookie: 'nope', ip: '1.2.3.4', userKey: 'A' })).toMatchObject({ server: 's1', reason: 'algorithm' });
    lb.setState('s2', 'down');
    expect(lb.route({ cookie: 's2', ip: '1.2.3.4', userKey: 'B' })).toEqual({
      server: 's3',
      reason: 'rebalanced-after-failure',
      algorithmPick: 's3',
      setCookie: 'SRV=s3; Path=/',
    });
    lb.setState('s2', 'draining');
    expect(lb.route({ cookie: 's2', ip: '1.2.3.4', userKey: 'B' })).toMatchObject({ server: 's2', reason: 'cookie' });
    expect(lb.route({ ip: '1.2.3.4', userKey: 'C' }).server).not.toBe('s2');
  });

  it('nginx mode sends the cookie on every response; the cookie name is configurable', () => {
    const lb = createBalancer({ servers: three, strategy: 'sticky-cookie', rrMode: 'nginx', cookieName: 'srv_id' });
    lb.route({ ip: '1.2.3.4', userKey: 'A' });
    expect(lb.route({ cookie: 's1', ip: '1.2.3.4', userKey: 'A' }).setCookie).toBe('srv_id=s1; Path=/');
  });

  it('addServer joins the rotation; servers() reports state and connections', () => {
    const lb = createBalancer({ servers: three, strategy: 'least-connections' });
    lb.addServer('s4', 2);
    lb.connectionOpened('s1');
    lb.connectionOpened('s2');
    lb.connectionOpened('s3');
    expect(lb.route({ ip: '1.1.1.1', userKey: 'x' }).server).toBe('s4');
    lb.connectionOpened('s4');
    lb.connectionOpened('s4');
    // s4 has weight 2: two connections count like one. All four tie, and like nginx least_conn the tie
    // goes by weighted round-robin: s4 (weight 2) first, then s1.
    expect(lb.route({ ip: '1.1.1.1', userKey: 'x' }).server).toBe('s4');
    expect(lb.route({ ip: '1.1.1.1', userKey: 'x' }).server).toBe('s1');
    lb.connectionClosed('s1');
    expect(lb.servers()).toEqual([
      { name: 's1', weight: 1, state: 'up', connections: 0 },
      { name: 's2', weight: 1, state: 'up', connections: 1 },
      { name: 's3', weight: 1, state: 'up', connections: 1 },
      { name: 's4', weight: 2, state: 'up', connections: 2 },
    ]);
    expect(() => lb.addServer('s1')).toThrow(/already exists/);
    expect(() => lb.setState('s9', 'down')).toThrow(/no server named s9/);
  });

  it('ip-hash is nginx ip_hash: only the first three octets count, weights included', () => {
    const weights = [2, 1, 3, 1];
    const lb = createBalancer({ servers: weights.map((weight, i) => ({ name: `s${i + 1}`, weight })), strategy: 'ip-hash' });
    for (const ip of ['10.0.0.1', '192.168.77.200', '203.0.113.9', '8.8.8.8', '172.16.254.3']) {
      expect(lb.route({ ip, userKey: 'k' }).server).toBe(`s${nginxIpHash(ip, weights) + 1}`);
    }
    // A whole office behind one NAT: the last octet is ignored.
    const office = new Set(Array.from({ length: 50 }, (_, i) => lb.route({ ip: `203.0.113.${i}`, userKey: String(i) }).server));
    expect(office.size).toBe(1);
    lb.setState('s1', 'down');
    for (const ip of ['10.0.0.1', '192.168.77.200', '203.0.113.9']) {
      const d = lb.route({ ip, userKey: 'k' });
      expect(d.server).toBe(`s${nginxIpHash(ip, weights, new Set([0])) + 1}`);
    }
  });

  it('parses IPv6 and IPv4-mapped addresses like nginx', () => {
    const out = new Uint8Array(16);
    expect(ipHashBytes('::ffff:10.1.2.3', out)).toBe(3);
    expect(Array.from(out.subarray(0, 3))).toEqual([10, 1, 2]);
    expect(ipHashBytes('2001:db8::1', out)).toBe(16);
    expect(Array.from(out)).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('consistent-hash: the same key always reaches the same server', () => {
    const lb = createBalancer({ servers: three, strategy: 'consistent-hash' });
    const first = lb.route({ ip: '1.1.1.1', userKey: 'user-42' });
    expect(first.reason).toBe('hash');
    for (let i = 0; i < 5; i++) expect(lb.route({ ip: `9.9.9.${i}`, userKey: 'user-42' }).server).toBe(first.server);
  });

  it('no server up: server null, reason unavailable', () => {
    const lb = createBalancer({ servers: [{ name: 'a', state: 'down' }], strategy: 'round-robin' });
    expect(lb.route({ ip: '1.1.1.1', userKey: 'x' })).toEqual({ server: null, reason: 'unavailable', algorithmPick: null });
  });

  it('hashString is FNV-1a with a murmur finaliser (stable values)', () => {
    expect(hashString('')).toBe(hashString(''));
    expect(hashString('A')).not.toBe(hashString('B'));
    expect(hashString('user-1') >>> 0).toBe(hashString('user-1'));
  });
});
