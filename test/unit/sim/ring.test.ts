// The consistent-hash ring is sorted as packed numbers (hash, then owner); the order must be the one
// a plain comparator sort gives, whatever the weights (up to 256, HAProxy's largest).
import { describe, expect, it } from 'vitest';
import { HashRing, VNODES_PER_WEIGHT, hashString } from '../../../src/sim/index.js';

/** The ring as a comparator sort of every (hash, owner) point builds it. */
function reference(names: string[], weights: number[]): { points: number[]; owners: number[] } {
  const all: [number, number][] = [];
  names.forEach((name, i) => {
    for (let v = 0; v < weights[i]! * VNODES_PER_WEIGHT; v++) all.push([hashString(`${name}#${v}`), i]);
  });
  all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { points: all.map((p) => p[0]), owners: all.map((p) => p[1]) };
}

describe('HashRing.build', () => {
  it.each([
    [['s1', 's2', 's3'], [1, 1, 1]],
    [['a', 'b', 'c'], [2, 1, 3]],
    [['s1', 's2'], [256, 255]],
    [['x', 'y', 'z', 'w'], [256, 1, 100, 17]],
  ])('%j with weights %j: every point in order, each with its owner', (names, weights) => {
    const ring = new HashRing();
    ring.build(names, Int32Array.from(weights), names.length);
    const want = reference(names, weights);
    expect(Array.from(ring.points)).toEqual(want.points);
    expect(Array.from(ring.owners)).toEqual(want.owners);
  });
});
