import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuizAnswer } from '../../../src/progress/model.js';
import { randomSource, seedFrom, shuffle } from '../../../src/quiz/random.js';
import { optionOrder, quizPool, scopeOf, selectItems, standingOf, standings } from '../../../src/quiz/select.js';
import { item, question } from './fixtures.js';

const questions = [question('q1', { deck: 'd1', quiz: ['a', 'b', 'c'] }), question('q2', { deck: 'd2', quiz: ['d', 'e', 'f', 'g'] })];
const pool = quizPool(questions);
const keys = (xs: { item: { key: string } }[]) => xs.map((x) => x.item.key);

function answered(key: string, correct: boolean, at: string): QuizAnswer {
  return { id: `${key}@${at}`, at, attempt: 'x', scope: 'all', deck: 'd1', question: key.split('/')[0]!, key, correct };
}

describe('random source', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = randomSource(seedFrom('42'));
    const b = randomSource(seedFrom('42'));
    const c = randomSource(seedFrom('43'));
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect([c(), c(), c()]).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('shuffle is a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (xs, seed) => {
        const out = shuffle(xs, randomSource(seedFrom(seed)));
        expect([...out].sort()).toEqual([...xs].sort());
      }),
    );
  });
});

describe('quizPool and scopeOf', () => {
  it('filters by deck and question', () => {
    expect(keys(quizPool(questions, { deck: 'd2' }))).toEqual(['q2/d', 'q2/e', 'q2/f', 'q2/g']);
    expect(keys(quizPool(questions, { question: 'q1' }))).toEqual(['q1/a', 'q1/b', 'q1/c']);
    expect([scopeOf({}), scopeOf({ deck: 'd1' }), scopeOf({ question: 'q1', deck: 'd1' })]).toEqual(['all', 'deck:d1', 'question:q1']);
  });
});

describe('selectItems', () => {
  it('the same seed gives the same quiz; another seed another order', () => {
    const a = selectItems(pool, [], { count: 7, seed: 's1', missedFirst: true });
    const b = selectItems(pool, [], { count: 7, seed: 's1', missedFirst: true });
    const c = selectItems(pool, [], { count: 7, seed: 's2', missedFirst: true });
    expect(keys(a)).toEqual(keys(b));
    expect(keys(c)).not.toEqual(keys(a));
    expect([...keys(a)].sort()).toEqual([...keys(pool)].sort());
  });

  it('takes at most count items', () => {
    expect(selectItems(pool, [], { count: 3, seed: 's', missedFirst: true })).toHaveLength(3);
    expect(selectItems(pool, [], { count: 100, seed: 's', missedFirst: true })).toHaveLength(7);
  });

  it('puts items missed last time first, then unseen, then those answered right', () => {
    const history = [
      answered('q1/a', true, '2024-01-01T00:00:00.000Z'),
      answered('q2/e', false, '2024-01-01T00:01:00.000Z'),
      answered('q1/c', false, '2024-01-01T00:02:00.000Z'),
      answered('q1/c', true, '2024-01-02T00:00:00.000Z'), // fixed since: no longer missed
      answered('q2/g', true, '2024-01-01T00:03:00.000Z'),
      answered('q2/g', false, '2024-01-03T00:00:00.000Z'), // missed most recently
    ];
    for (const seed of ['1', '2', '3', 'abc']) {
      const order = keys(selectItems(pool, history, { count: 7, seed, missedFirst: true }));
      expect(new Set(order.slice(0, 2))).toEqual(new Set(['q2/e', 'q2/g']));
      expect(new Set(order.slice(2, 5))).toEqual(new Set(['q1/b', 'q2/d', 'q2/f']));
      expect(new Set(order.slice(5))).toEqual(new Set(['q1/a', 'q1/c']));
    }
    // With a count smaller than the missed items, only missed ones are asked.
    expect(new Set(keys(selectItems(pool, history, { count: 2, seed: 'z', missedFirst: true })))).toEqual(new Set(['q2/e', 'q2/g']));
  });

  it('without missedFirst (an explicit --seed) ignores the history', () => {
    const history = [answered('q2/e', false, '2024-01-01T00:01:00.000Z')];
    const plain = selectItems(pool, [], { count: 7, seed: 'k', missedFirst: false });
    expect(keys(selectItems(pool, history, { count: 7, seed: 'k', missedFirst: false }))).toEqual(keys(plain));
  });

  it('standings follow the latest answer', () => {
    const s = standings([answered('q1/a', false, '2024-01-02T00:00:00.000Z'), answered('q1/a', true, '2024-01-01T00:00:00.000Z')]);
    expect(standingOf('q1/a', s)).toBe('missed');
    expect(standingOf('q1/b', s)).toBe('unseen');
  });
});

describe('optionOrder', () => {
  const multi = item('q', 'm', 'multi', [
    ['a', true],
    ['b', false],
    ['c', true],
    ['d', false],
    ['e', false],
  ]);

  it('is a seeded permutation, stable for an item whatever its position', () => {
    const a = optionOrder(multi, 'seed-1');
    expect(optionOrder(multi, 'seed-1')).toEqual(a);
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4]);
    const orders = new Set(['1', '2', '3', '4', '5', '6'].map((s) => optionOrder(multi, s).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps True before False', () => {
    const tf = item('q', 't', 'true-false', [
      ['True', false],
      ['False', true],
    ]);
    for (const s of ['1', '2', '3']) expect(optionOrder(tf, s)).toEqual([0, 1]);
  });
});
