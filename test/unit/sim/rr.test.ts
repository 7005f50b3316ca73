// nginx's smooth weighted round-robin and its sticky charge rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nginxStickyCharge, swrrPeek, swrrPick } from './reference-rr.js';
import { LazySwrr } from '../../../src/sim/rr.js';

/** The picks of the reference implementation, checked against the engine's LazySwrr on the way. */
function picks(weights: number[], count: number, state?: number[]): string {
  const n = weights.length;
  const w = Int32Array.from(weights);
  const st = Uint8Array.from(state ?? weights.map(() => 0));
  const cw = new Int32Array(n);
  const lazy = new LazySwrr(n);
  weights.forEach((weight, i) => {
    lazy.added(i, weight);
    lazy.changed(i, 0, st[i]!, weight);
  });
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = swrrPick(n, st, w, cw);
    expect(lazy.pick(n, st, w), `pick ${i + 1}`).toBe(p);
    out.push('abcdefgh'[p] ?? '-');
  }
  return out.join('');
}

describe('the simulator exports', () => {
  it('no test-only code: the reference round-robin lives with the tests', async () => {
    const sim = await import('../../../src/sim/index.js');
    for (const name of ['swrrPick', 'swrrPeek', 'nginxStickyCharge']) expect(sim).not.toHaveProperty(name);
  });
});

describe('smooth weighted round-robin', () => {
  it.each([
    [[1, 1, 1], 6, 'abcabc'],
    [[2, 1, 1], 8, 'abcaabca'], // a's two turns in four are spread out, not paired
    [[5, 1, 1], 7, 'aabacaa'], // the sequence nginx documents: a a b a c a a
    [[3, 2], 5, 'ababa'],
  ])('weights %j give %s', (weights, count, expected) => {
    expect(picks(weights, count)).toBe(expected);
  });

  it('skips servers that are not up and returns -1 when none is', () => {
    expect(picks([1, 1, 1], 4, [0, 2, 0])).toBe('acac');
    expect(picks([1, 1], 1, [2, 1])).toBe('-');
  });

  it('peek tells the next pick without changing the state', () => {
    const w = Int32Array.from([2, 1, 1]);
    const st = new Uint8Array(3);
    const cw = new Int32Array(3);
    for (let i = 0; i < 10; i++) {
      const before = Array.from(cw);
      const p = swrrPeek(3, st, w, cw);
      expect(Array.from(cw)).toEqual(before);
      expect(swrrPick(3, st, w, cw)).toBe(p);
    }
  });

  it('nginx charges a sticky hit: all grow, the sticky server drops by the total', () => {
    const w = Int32Array.from([1, 1, 1]);
    const st = new Uint8Array(3);
    const cw = Int32Array.from([0, 0, 0]);
    nginxStickyCharge(3, st, w, cw, 0);
    expect(Array.from(cw)).toEqual([-2, 1, 1]);
    // -2 <= -(3 - 1): at the floor, nothing is updated.
    nginxStickyCharge(3, st, w, cw, 0);
    expect(Array.from(cw)).toEqual([-2, 1, 1]);
    nginxStickyCharge(3, st, w, cw, 1);
    expect(Array.from(cw)).toEqual([-1, -1, 2]);
  });

  it('a draining sticky server is not charged', () => {
    const w = Int32Array.from([1, 1]);
    const st = Uint8Array.from([1, 0]);
    const cw = Int32Array.from([0, 0]);
    nginxStickyCharge(2, st, w, cw, 0);
    expect(Array.from(cw)).toEqual([0, 0]);
  });

  it('the lazy version (O(1) sticky charge) behaves exactly like the plain one', () => {
    type Op = { op: 'pick' | 'peek' | 'charge' | 'state' | 'add'; i: number; v: number };
    fc.assert(
      fc.property(
        fc.oneof(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }), fc.array(fc.constant(2), { minLength: 1, maxLength: 9 })),
        fc.array(fc.record({ op: fc.constantFrom('pick', 'pick', 'peek', 'charge', 'charge', 'state', 'add'), i: fc.nat(7), v: fc.integer({ min: 0, max: 2 }) }) as fc.Arbitrary<Op>, { maxLength: 80 }),
        (weights, ops) => {
          const cap = weights.length + ops.length;
          const w = new Int32Array(cap);
          const st = new Uint8Array(cap);
          const cw = new Int32Array(cap);
          const lazy = new LazySwrr(cap);
          let n = 0;
          const add = (weight: number) => {
            w[n] = weight;
            lazy.added(n, weight);
            n++;
          };
          weights.forEach(add);
          for (const o of ops) {
            const i = o.i % n;
            if (o.op === 'pick') expect(lazy.pick(n, st, w)).toBe(swrrPick(n, st, w, cw));
            else if (o.op === 'peek') expect(lazy.peek(n, st, w)).toBe(swrrPeek(n, st, w, cw));
            else if (o.op === 'charge') {
              lazy.charge(st, w, i);
              nginxStickyCharge(n, st, w, cw, i);
            } else if (o.op === 'state') {
              lazy.changed(i, st[i]!, o.v, w[i]!);
              st[i] = o.v;
            } else add(weights.every((x) => x === 2) ? 2 : 1 + o.v);
            for (let k = 0; k < n; k++) expect(lazy.current(k, st, w)).toBe(cw[k]);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
