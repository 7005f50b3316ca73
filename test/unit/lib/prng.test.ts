// One mulberry32 for the whole program: the simulator's, which the quiz's shuffles use too.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomSource } from '../../../src/quiz/random.js';
import { Mulberry32 } from '../../../src/lib/prng.js';

const SRC = resolve(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('mulberry32', () => {
  it('gives the reference sequence (seeded runs and quizzes replay exactly)', () => {
    const m = new Mulberry32(1);
    expect([m.nextU32(), m.nextU32(), m.nextU32()]).toEqual([2693262067, 11749833, 2265367787]); // as the quiz's own copy gave before
    expect(new Mulberry32(0xffffffff).next()).toBeCloseTo(new Mulberry32(-1).next(), 15);
  });

  it("the quiz's random source is the simulator's generator", () => {
    for (const seed of [0, 1, 42, 0x7fffffff, 0x80000000, 0xffffffff, 123456789]) {
      const m = new Mulberry32(seed);
      const r = randomSource(seed);
      for (let i = 0; i < 50; i++) expect(r()).toBe(m.next());
    }
  });

  it('is implemented once, in src/lib/prng.ts', () => {
    const files = sources(SRC).filter((f) => /0x6d2b79f5/i.test(readFileSync(f, 'utf8')));
    expect(files.map((f) => relative(SRC, f))).toEqual([join('lib', 'prng.ts')]);
  });
});

describe('the simulator core', () => {
  it('is pure: no console, process, clock, Math.random or Node modules', () => {
    for (const f of sources(join(SRC, 'sim'))) {
      const code = readFileSync(f, 'utf8').replace(/^\s*(\/\/|\*|\/\*).*$/gm, '');
      expect(code, relative(SRC, f)).not.toMatch(/\bconsole\.|\bprocess\.|Date\.now|new Date\(|Math\.random|from 'node:/);
    }
  });
});
