import { describe, expect, it } from 'vitest';
import type { QuizAnswer } from '../../../src/progress/model.js';
import { quizAttempts, scoreItem, summarizeQuiz } from '../../../src/quiz/score.js';
import { item, question } from './fixtures.js';

const multi = item('q', 'm', 'multi', [
  ['A (right)', true],
  ['B (right)', true],
  ['C (wrong)', false],
  ['D (wrong)', false],
]);
const single = item('q', 's', 'single', [
  ['yes', true],
  ['no', false],
]);
const tf = item('q', 't', 'true-false', [
  ['True', false],
  ['False', true],
]);

describe('scoreItem', () => {
  it.each([
    // [item, chosen, correct, marks]
    ['multi: exactly the right ones', multi, [0, 1], true, ['right', 'right', 'none', 'none']],
    ['multi: right ones in another order', multi, [1, 0], true, ['right', 'right', 'none', 'none']],
    ['multi: one right missing (all or nothing)', multi, [0], false, ['right', 'missed', 'none', 'none']],
    ['multi: all right plus a wrong one', multi, [0, 1, 2], false, ['right', 'right', 'wrong', 'none']],
    ['multi: everything ticked', multi, [0, 1, 2, 3], false, ['right', 'right', 'wrong', 'wrong']],
    ['multi: nothing ticked', multi, [], false, ['missed', 'missed', 'none', 'none']],
    ['single: right', single, [0], true, ['right', 'none']],
    ['single: wrong', single, [1], false, ['missed', 'wrong']],
    ['true-false: right', tf, [1], true, ['none', 'right']],
    ['true-false: wrong', tf, [0], false, ['wrong', 'missed']],
  ] as const)('%s', (_name, it_, chosen, correct, marks) => {
    const score = scoreItem(it_, chosen);
    expect(score.correct).toBe(correct);
    expect(score.options.map((o) => o.mark)).toEqual(marks);
  });
});

function answer(attempt: string, at: string, key: string, correct: boolean, scope = 'all'): QuizAnswer {
  const [questionId] = key.split('/');
  return { id: `${attempt}-${key}-${at}`, at, attempt, scope, deck: 'd1', question: questionId!, key, correct };
}

describe('quizAttempts', () => {
  it('groups answers by attempt, oldest first, with percentages', () => {
    const attempts = quizAttempts([
      answer('b', '2024-01-02T10:00:00.000Z', 'q/1', true),
      answer('a', '2024-01-01T10:00:00.000Z', 'q/1', false),
      answer('a', '2024-01-01T10:01:00.000Z', 'q/2', true),
      answer('b', '2024-01-02T10:01:00.000Z', 'q/2', true),
      answer('b', '2024-01-02T10:02:00.000Z', 'q/3', false),
    ]);
    expect(attempts.map((a) => [a.attempt, a.answered, a.correct, a.percent])).toEqual([
      ['a', 2, 1, 50],
      ['b', 3, 2, 67],
    ]);
  });
});

describe('summarizeQuiz', () => {
  const q1 = question('q1', { deck: 'd1', tags: ['x', 'y'], quiz: ['a', 'b'] });
  const q2 = question('q2', { deck: 'd2', tags: ['y'], quiz: ['c'] });
  const results = [
    { item: q1.quiz[0]!, question: q1, correct: true },
    { item: q1.quiz[1]!, question: q1, correct: false },
    { item: q2.quiz[0]!, question: q2, correct: true },
  ];

  it('scores, breaks down by deck and tag, and lists the missed items', () => {
    const s = summarizeQuiz(results, [], 'all');
    expect([s.correct, s.answered, s.percent]).toEqual([2, 3, 67]);
    expect(s.byDeck).toEqual([
      { name: 'd1', correct: 1, answered: 2, percent: 50 },
      { name: 'd2', correct: 1, answered: 1, percent: 100 },
    ]);
    expect(s.byTag).toEqual([
      { name: 'x', correct: 1, answered: 2, percent: 50 },
      { name: 'y', correct: 2, answered: 3, percent: 67 },
    ]);
    expect(s.missed.map((m) => m.item.key)).toEqual(['q1/b']);
    expect(s.previous).toBeUndefined();
    expect(s.change).toBeUndefined();
  });

  it('compares with the latest earlier attempt in the same scope', () => {
    const earlier = [
      answer('old', '2024-01-01T10:00:00.000Z', 'q1/a', false),
      answer('old', '2024-01-01T10:01:00.000Z', 'q1/b', false),
      answer('mid', '2024-01-02T10:00:00.000Z', 'q1/a', true),
      answer('mid', '2024-01-02T10:01:00.000Z', 'q1/b', false),
      answer('other-scope', '2024-01-03T10:00:00.000Z', 'q1/a', true, 'deck:d1'),
    ];
    const s = summarizeQuiz(results, earlier, 'all');
    expect(s.previous).toMatchObject({ attempt: 'mid', percent: 50 });
    expect(s.change).toBe(17);
  });
});
