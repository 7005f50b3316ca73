import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clearSessionCookie, MemoryStore, parseSessionData, SessionSigner, sessionCookie, shortId, type SessionData } from '../../../src/lab/session.js';

const data = (cart: string[] = []): SessionData => ({ loggedIn: true, user: 'ada', cart, createdBy: 's1', createdAt: 1 });

describe('SessionSigner', () => {
  const signer = new SessionSigner();

  it('ids are 128 random bits in base64url, all different', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => signer.newId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
  });

  it('verifies its own signatures, and only with its own key', () => {
    const id = signer.newId();
    const signed = signer.sign(id);
    expect(signer.verify(signed)).toBe(id);
    expect(new SessionSigner().verify(signed)).toBeNull(); // another run's key
  });

  it('any altered character breaks the signature', () => {
    const id = signer.newId();
    const signed = signer.sign(id);
    fc.assert(
      fc.property(fc.nat({ max: signed.length - 1 }), fc.constantFrom(...'ABCabc012_-.x'), (i, ch) => {
        fc.pre(signed[i] !== ch);
        const altered = signed.slice(0, i) + ch + signed.slice(i + 1);
        expect(signer.verify(altered)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('a signature whose last characters are swapped for any base64url character never verifies', () => {
    // The last base64url character carries spare bits: decoding both strings would compare equal.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let n = 0; n < 20; n++) {
      const signed = signer.sign(signer.newId());
      for (const i of [signed.length - 1, signed.length - 2]) {
        for (const ch of alphabet) {
          if (signed[i] === ch) continue;
          expect(signer.verify(signed.slice(0, i) + ch + signed.slice(i + 1))).toBeNull();
        }
      }
    }
  });

  it('random strings never verify', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(signer.verify(s)).toBeNull();
      }),
      { numRuns: 500 },
    );
    for (const s of [null, undefined, '', '.', 'a.b', `${'A'.repeat(22)}.${'A'.repeat(43)}`]) expect(signer.verify(s)).toBeNull();
  });

  it('the cookie is HttpOnly, SameSite=Lax, Path=/', () => {
    expect(sessionCookie('abc.def')).toBe('sid=abc.def; Path=/; HttpOnly; SameSite=Lax');
    expect(clearSessionCookie()).toBe('sid=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
    expect(shortId('abcdefghijkl')).toBe('abcdefgh');
  });
});

describe('MemoryStore', () => {
  it('keeps copies, so callers cannot change stored sessions by accident', async () => {
    const s = new MemoryStore();
    const d = data(['a']);
    await s.set('x', d);
    d.cart.push('b');
    const got = (await s.get('x'))!;
    expect(got.cart).toEqual(['a']);
    got.cart.push('c');
    expect((await s.get('x'))!.cart).toEqual(['a']);
  });

  it('is bounded: the least recently written sessions go first', async () => {
    const s = new MemoryStore(3);
    for (const k of ['a', 'b', 'c']) await s.set(k, data());
    await s.set('a', data()); // written again: now the newest
    await s.set('d', data());
    expect(s.size()).toBe(3);
    expect(await s.get('b')).toBeNull();
    expect(await s.get('a')).not.toBeNull();
  });
});

describe('parseSessionData', () => {
  it('reads what was written and refuses anything odd', () => {
    expect(parseSessionData(JSON.stringify(data(['x'])))).toEqual(data(['x']));
    for (const bad of [null, '', 'null', '[]', '{}', '{"loggedIn":"yes"}', JSON.stringify({ ...data(), cart: [1] }), 'not json']) {
      expect(parseSessionData(bad)).toBeNull();
    }
  });
});
