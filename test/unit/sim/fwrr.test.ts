// HAProxy's fast weighted round-robin (src/sim/fwrr.ts), the model behind --rr-mode haproxy. The
// sequences here were checked against a real HAProxy 2.6 (test/e2e/haproxy-wrr.test.ts does so on
// every run, with maintenance and servers added at run time).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fwrr } from '../../../src/sim/fwrr.js';
import { DOWN, UP } from '../../../src/sim/rr.js';

function start(weights: number[]): { rr: Fwrr; state: Uint8Array } {
  const rr = new Fwrr(weights.length);
  const state = new Uint8Array(weights.length).fill(UP);
  weights.forEach((w, i) => rr.added(i, w));
  rr.seal(state);
  return { rr, state };
}

const letters = (picks: number[]): string => picks.map((p) => 'abcdefgh'[p] ?? '-').join(' ');

function picks(rr: Fwrr, state: Uint8Array, count: number): number[] {
  return Array.from({ length: count }, () => rr.pick(state));
}

describe("HAProxy's balance roundrobin (fast weighted round-robin)", () => {
  it.each([
    [[1, 1, 1], 6, 'a b c a b c'],
    [[2, 1, 1], 8, 'a b a c a b a c'], // nginx's smooth WRR would give a b c a
    [[5, 1, 1], 7, 'a a a b a a c'], // nginx: a a b a c a a
    [[3, 2, 1], 12, 'a b a c a b a b a c a b'],
    [[1, 2], 6, 'b b a b b a'], // the heaviest server starts, whatever its place
  ])('weights %j give %s', (weights, count, expected) => {
    const { rr, state } = start(weights);
    expect(letters(picks(rr, state, count))).toBe(expected);
  });

  it('a server in maintenance is skipped; back in service it is booked about a window ahead', () => {
    const { rr, state } = start([2, 1, 1]);
    expect(letters(picks(rr, state, 3))).toBe('a b a');
    rr.changed(0, UP, DOWN);
    state[0] = DOWN;
    expect(letters(picks(rr, state, 4))).toBe('c b c b');
    rr.changed(0, DOWN, UP);
    state[0] = UP;
    expect(letters(picks(rr, state, 6))).toBe('c a b a c a');
  });

  it('a server added at run time joins a few places later, not at once', () => {
    const { rr, state } = start([1, 1, 1]);
    expect(letters(picks(rr, state, 4))).toBe('a b c a');
    rr.grow(4);
    rr.added(3, 1);
    const all = Uint8Array.from([...state, UP]);
    expect(letters(picks(rr, all, 6))).toBe('b c a d b c');
  });

  it('with no server up there is no pick', () => {
    const { rr, state } = start([1, 1]);
    rr.changed(0, UP, DOWN);
    rr.changed(1, UP, DOWN);
    state.fill(DOWN);
    expect(rr.pick(state)).toBe(-1);
    expect(rr.peek(state)).toBe(-1);
  });

  it('weights 8,5,9 over 352 picks: 128, 79 and 145, as HAProxy 2.6 counts them', () => {
    const { rr, state } = start([8, 5, 9]);
    const counts = [0, 0, 0];
    for (const p of picks(rr, state, 352)) counts[p]!++;
    expect(counts).toEqual([128, 79, 145]);
  });

  it('over 16 x (sum of weights) picks every server gets 16 x its weight, give or take one', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 8 }), (weights) => {
        const { rr, state } = start(weights);
        const total = weights.reduce((a, b) => a + b, 0) * 16;
        const counts = new Array<number>(weights.length).fill(0);
        for (const p of picks(rr, state, total)) counts[p]!++;
        counts.forEach((c, i) => expect(Math.abs(c - weights[i]! * 16)).toBeLessThanOrEqual(1));
      }),
    );
  });

  it('peek tells the next pick; picks only ever go to servers that are up', () => {
    const op = fc.oneof(fc.record({ kind: fc.constant('pick' as const) }), fc.record({ kind: fc.constantFrom('down' as const, 'up' as const, 'add' as const), server: fc.nat(7), weight: fc.integer({ min: 1, max: 5 }) }));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }), fc.array(op, { maxLength: 80 }), (weights, ops) => {
        const rr = new Fwrr(2);
        let state = new Uint8Array(0);
        const add = (w: number): void => {
          const s = new Uint8Array(state.length + 1);
          s.set(state);
          state = s;
          state[state.length - 1] = UP;
          if (state.length > 2) rr.grow(state.length);
          rr.added(state.length - 1, w);
        };
        // Up to two servers in the configuration, the rest at run time (grow() on the way).
        weights.forEach((w, i) => {
          if (i === 2) rr.seal(state);
          add(w);
        });
        rr.seal(state);
        for (const o of ops) {
          if (o.kind === 'pick') {
            const want = rr.peek(state);
            const got = rr.pick(state);
            expect(got).toBe(want);
            if (got >= 0) expect(state[got]).toBe(UP);
            else expect(state.every((s) => s !== UP)).toBe(true);
          } else if (o.kind === 'add') {
            if (state.length < 8) add(o.weight);
          } else if (o.server < state.length) {
            const to = o.kind === 'up' ? UP : DOWN;
            rr.changed(o.server, state[o.server]!, to);
            state[o.server] = to;
          }
        }
      }),
    );
  });
});
