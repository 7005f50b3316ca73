import { describe, expect, it } from 'vitest';
import { countCards, formatCounts, kindOf, LEARN_AHEAD_MS } from '../../../src/cards/counts.js';
import { schedule } from '../../../src/cards/schedule.js';
import { cardsInScope, todayCounts } from '../../../src/cards/session.js';
import { addReview, emptyProgress, type CardState, type Grade, type ProgressDoc } from '../../../src/progress/model.js';
import { question } from '../quiz/fixtures.js';

const now = new Date(2024, 2, 10, 12, 0);
const min = 60_000;
const state = (s: CardState['state'], dueMs: number): CardState => ({
  due: new Date(now.getTime() + dueMs).toISOString(),
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: s === 2 ? 3 : 0,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: s,
});

describe('kindOf', () => {
  it.each([
    ['never seen', undefined, 'new'],
    ['learning, step due', state(1, -min), 'learning'],
    ['learning, due within learn-ahead', state(1, LEARN_AHEAD_MS), 'learning'],
    ['learning, due after learn-ahead', state(1, LEARN_AHEAD_MS + min), undefined],
    ['relearning, step due', state(3, 0), 'learning'],
    ['review, overdue', state(2, -3 * 24 * 60 * min), 'due'],
    ['review, due later today', state(2, 11 * 60 * min), 'due'],
    ['review, due tomorrow', state(2, 12 * 60 * min + min), undefined],
  ] as const)('%s -> %s', (_, s, kind) => {
    expect(kindOf(s, now)).toBe(kind);
  });
});

describe('countCards', () => {
  const questions = [question('q1', { deck: 'd1', cards: ['a', 'b', 'c'] }), question('q2', { deck: 'd2', cards: ['d', 'e'] })];
  const reviewed = (doc: ProgressDoc, key: string, grade: Grade, at: Date) =>
    addReview(doc, { id: `${key}@${at.toISOString()}`, at: at.toISOString(), deck: 'd1', question: key.split('/')[0]!, key, grade }, schedule(doc.cards[key], grade, at));
  const flashcards = questions.flatMap((question) => question.cards.map((card) => ({ card, question })));
  let doc = emptyProgress();
  doc = reviewed(doc, 'q1/a', 1, new Date(now.getTime() - 5 * min)); // Again: step of 1 minute, due
  doc = reviewed(doc, 'q2/d', 4, new Date(2024, 2, 1, 12)); // Easy days ago: a review card, due by now
  doc = reviewed(doc, 'q1/b', 3, now); // Good just now: learning, due in 10 minutes (within learn-ahead)

  it.each([
    [{ newLimit: 10 }, { new: 2, learning: 2, due: 1 }],
    [{ newLimit: 1 }, { new: 1, learning: 2, due: 1 }],
    [{ newLimit: 0 }, { new: 0, learning: 2, due: 1 }],
    [{ newLimit: 10, deck: 'd1' }, { new: 1, learning: 2, due: 0 }],
    [{ newLimit: 10, deck: 'd2' }, { new: 1, learning: 0, due: 1 }],
  ])('%o -> %o', (opts, counts) => {
    expect(countCards(flashcards, doc, now, opts)).toEqual(counts);
  });

  it('todayCounts counts every card in scope (question cards too), new ones capped by what is left of the daily limit', () => {
    expect(todayCounts(questions, { ...doc, settings: { newPerDay: 3 } }, now)).toEqual({ new: 1, learning: 2, due: 1 });
    expect(todayCounts(questions, doc, now)).toEqual({ new: 4, learning: 2, due: 1 });
    expect(cardsInScope(questions)).toHaveLength(7);
  });

  it('formats as Anki does', () => {
    expect(formatCounts({ new: 7, learning: 2, due: 13 })).toBe('new 7 · learning 2 · due 13');
  });
});
