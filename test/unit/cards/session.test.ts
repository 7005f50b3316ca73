import { describe, expect, it } from 'vitest';
import { schedule } from '../../../src/cards/schedule.js';
import { buildSession, todayCounts, newAllowance, newCardsToday, suggestGrade } from '../../../src/cards/session.js';
import { addReview, emptyProgress, type Grade, type ProgressDoc, type Review } from '../../../src/progress/model.js';
import { question } from '../quiz/fixtures.js';

const questions = [question('q1', { deck: 'd1', cards: ['a', 'b', 'c'] }), question('q2', { deck: 'd2', cards: ['d', 'e'] })];
const keys = (xs: { card: { key: string } }[]) => xs.map((x) => x.card.key);

function graded(doc: ProgressDoc, key: string, grade: Grade, at: Date, cram = false): ProgressDoc {
  const review: Review = { id: `${key}@${at.toISOString()}`, at: at.toISOString(), deck: 'd1', question: key.split('/')[0]!, key, grade, ...(cram ? { cram } : {}) };
  return addReview(doc, review, cram ? undefined : schedule(doc.cards[key], grade, at));
}

describe('buildSession (cram)', () => {
  const day1 = new Date(2024, 2, 1, 9, 0);
  let doc = emptyProgress();
  doc = graded(doc, 'q1/b', 1, day1);
  doc = graded(doc, 'q2/d', 3, new Date(2024, 2, 1, 8, 0));

  it('cramming takes every card in scope (question cards too), due ones first', () => {
    const s = buildSession(questions, doc, { now: new Date(2024, 2, 3, 9, 0), newLimit: 0, cram: true });
    expect(keys(s)).toEqual(['q2/d', 'q1/b', 'q1/@question', 'q1/a', 'q1/c', 'q2/@question', 'q2/e']);
    expect(new Set(s.map((x) => x.reason))).toEqual(new Set(['cram']));
  });
});

describe('new cards a day', () => {
  it('counts cards first reviewed today (not cram reviews, not older cards)', () => {
    const today = new Date(2024, 2, 2, 15, 0);
    let doc = emptyProgress();
    doc = graded(doc, 'q1/a', 3, new Date(2024, 2, 1, 23, 59)); // yesterday
    doc = graded(doc, 'q1/a', 3, new Date(2024, 2, 2, 0, 5)); // again today: not new today
    doc = graded(doc, 'q1/b', 3, new Date(2024, 2, 2, 0, 1)); // new today
    doc = graded(doc, 'q1/c', 3, new Date(2024, 2, 2, 10, 0), true); // cram: does not count
    expect(newCardsToday(doc.reviews, today)).toBe(1);
    expect(newAllowance(doc.reviews, today, 10)).toBe(9);
    expect(newAllowance(doc.reviews, today, 1)).toBe(0);
    const perDay2 = { ...doc, settings: { newPerDay: 2 } };
    expect(todayCounts(questions, perDay2, today)).toMatchObject({ new: 1 });
    expect(todayCounts(questions, perDay2, new Date(2024, 2, 2, 0, 6))).toMatchObject({ new: 1 });
  });
});

describe('suggestGrade', () => {
  it.each([
    [0, 0, undefined],
    [0, 4, 1],
    [1, 4, 2],
    [2, 4, 3],
    [3, 4, 3],
    [4, 4, 4],
    [1, 3, 2],
    [2, 3, 3],
    [1, 1, 4],
  ] as const)('%i of %i key points -> %s', (ticked, total, grade) => {
    expect(suggestGrade(ticked, total)).toBe(grade);
  });
});
