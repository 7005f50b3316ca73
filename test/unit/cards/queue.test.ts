// The review queue as rules over data: order of learning, due and new cards; learn-ahead;
// suspend and bury; undo restoring the exact previous document.
import { describe, expect, it } from 'vitest';
import { countCards, LEARN_AHEAD_MS } from '../../../src/cards/counts.js';
import { nextCard, nextDueAfter } from '../../../src/cards/queue.js';
import { schedule } from '../../../src/cards/schedule.js';
import { cardsInScope, newCardsToday } from '../../../src/cards/session.js';
import { applyUndo, flagStep, gradeStep } from '../../../src/cards/undo.js';
import { buryCard, suspendCard, unsuspendCard } from '../../../src/progress/card-ops.js';
import { addReview, emptyProgress, type Grade, type ProgressDoc } from '../../../src/progress/model.js';
import { question } from '../quiz/fixtures.js';

const questions = [question('q1', { cards: ['a', 'b', 'c'] }), question('q2', { cards: ['d', 'e'] })];
// Hand-written flashcards only (each question's own card is tested in content/key-points.test.ts).
const scope = questions.flatMap((question) => question.cards.map((card) => ({ card, question })));
const t0 = new Date(2024, 2, 10, 12, 0);
const min = 60_000;
const at = (minutes: number) => new Date(t0.getTime() + minutes * min);

function graded(doc: ProgressDoc, key: string, grade: Grade, when: Date): ProgressDoc {
  const review = { id: `${key}@${when.toISOString()}`, at: when.toISOString(), deck: 'd1', question: key.split('/')[0]!, key, grade };
  return addReview(doc, review, schedule(doc.cards[key], grade, when));
}

/** Documents built from a list of [key, grade, minutes after t0]. */
function docOf(steps: [string, Grade, number][]): ProgressDoc {
  return steps.reduce((doc, [key, grade, m]) => graded(doc, key, grade, at(m)), emptyProgress());
}

const days = (n: number) => n * 24 * 60;

describe('nextCard: order', () => {
  it.each<[string, [string, Grade, number][], number, number, string | undefined, boolean?]>([
    ['nothing reviewed: new cards in content order', [], 0, 10, 'q1/a'],
    ['no new allowance and nothing due: nothing', [], 0, 0, undefined],
    ['a learning step due comes before new cards', [['q2/e', 1, 0]], 5, 10, 'q2/e'],
    ['a review due today comes before new cards', [['q2/d', 4, -days(20)]], 0, 10, 'q2/d'],
    ['learning due before review due', [['q2/d', 4, -days(20)], ['q1/c', 1, 0]], 5, 10, 'q1/c'],
    ['of two learning steps due, the earlier', [['q1/c', 1, 0], ['q1/b', 1, 2]], 10, 10, 'q1/c'],
    ['a learning step not yet due waits while new cards remain', [['q1/a', 1, 0]], 0.5, 10, 'q1/b'],
    ['only a learning card left: shown early within learn-ahead', [['q1/a', 1, 0]], 0.5, 0, 'q1/a', true],
    ['a card that graduated to review: nothing until its day', [['q1/a', 3, 0], ['q1/a', 3, 11]], 12, 0, undefined],
  ])('%s', (_, steps, minutes, newLimit, key, early = false) => {
    const pick = nextCard(scope, docOf(steps), at(minutes), newLimit);
    expect(pick?.card.key).toBe(key);
    if (pick) expect(pick.early).toBe(early);
  });

  it('a card graded Again in a one-card deck comes back (early) in the same session', () => {
    const one = cardsInScope([question('solo')]);
    let doc = emptyProgress();
    expect(nextCard(one, doc, t0, 10)?.card.key).toBe('solo/@question');
    doc = graded(doc, 'solo/@question', 1, t0);
    expect(nextCard(one, doc, t0, 9)).toMatchObject({ card: { key: 'solo/@question' }, kind: 'learning', early: true });
    expect(Date.parse(doc.cards['solo/@question']!.due) - t0.getTime()).toBeLessThanOrEqual(LEARN_AHEAD_MS);
  });
});

describe('suspend and bury', () => {
  const doc = docOf([['q2/d', 4, -days(20)]]);

  it.each<[string, (d: ProgressDoc) => ProgressDoc, Date, string | undefined, { new: number; learning: number; due: number }]>([
    ['suspended due card: skipped, not counted', (d) => suspendCard(d, 'q2/d', t0), t0, 'q1/a', { new: 4, learning: 0, due: 0 }],
    ['suspended new card: skipped', (d) => suspendCard(suspendCard(d, 'q2/d', t0), 'q1/a', t0), t0, 'q1/b', { new: 3, learning: 0, due: 0 }],
    ['buried until tomorrow: skipped today', (d) => buryCard(d, 'q2/d', new Date(2024, 2, 11)), t0, 'q1/a', { new: 4, learning: 0, due: 0 }],
    ['buried: back the next day', (d) => buryCard(d, 'q2/d', new Date(2024, 2, 11)), new Date(2024, 2, 11, 8), 'q2/d', { new: 4, learning: 0, due: 1 }],
    ['unsuspended: back', (d) => unsuspendCard(suspendCard(d, 'q2/d', t0), 'q2/d'), t0, 'q2/d', { new: 4, learning: 0, due: 1 }],
  ])('%s', (_, change, now, key, counts) => {
    const changed = change(doc);
    expect(nextCard(scope, changed, now, 10)?.card.key).toBe(key);
    expect(countCards(scope, changed, now, { newLimit: 10 })).toEqual(counts);
  });

  it('the next due date skips suspended cards and waits for buried ones', () => {
    const d = docOf([['q1/a', 3, 0], ['q1/b', 4, 0]]);
    expect(nextDueAfter(scope, d)).toEqual(new Date(d.cards['q1/a']!.due));
    expect(nextDueAfter(scope, suspendCard(d, 'q1/a', t0))).toEqual(new Date(d.cards['q1/b']!.due));
    expect(nextDueAfter(scope, buryCard(d, 'q1/a', new Date(2024, 2, 11)))).toEqual(new Date(2024, 2, 11));
  });
});

describe('undo', () => {
  /** Applies a grade and returns the document and its undo step. */
  function grade(doc: ProgressDoc, key: string, g: Grade, when: Date) {
    const id = `${key}@${when.toISOString()}`;
    return { step: gradeStep(doc, key, id, g), doc: graded(doc, key, g, when) };
  }
  const withoutUndone = (d: ProgressDoc) => ({ ...d, undone: [] });

  it.each<[string, [string, Grade, number][], string, Grade, number]>([
    ['a new card graded Good', [], 'q1/a', 3, 0],
    ['a learning card graded Again', [['q1/a', 1, 0]], 'q1/a', 1, 2],
    ['a review card graded Hard', [['q1/a', 4, -days(20)]], 'q1/a', 2, 0],
  ])('restores the exact previous document: %s', (_, steps, key, g, m) => {
    const before = docOf(steps);
    const { step, doc } = grade(before, key, g, at(m));
    const undone = applyUndo(doc, step);
    expect(withoutUndone(undone)).toEqual(before);
    expect(undone.undone).toEqual([`${key}@${at(m).toISOString()}`]);
    expect(newCardsToday(undone.reviews, at(m))).toBe(newCardsToday(before.reviews, at(m)));
  });

  it('several undos step back through a session, grades and flags', () => {
    const d0 = emptyProgress();
    const g1 = grade(d0, 'q1/a', 3, at(0));
    const s2 = flagStep(g1.doc, 'q1/b', 'suspend');
    const d2 = suspendCard(g1.doc, 'q1/b', at(1));
    const s3 = flagStep(d2, 'q1/c', 'bury');
    const d3 = buryCard(d2, 'q1/c', new Date(2024, 2, 11));
    const g4 = grade(d3, 'q1/a', 1, at(2));
    const back3 = applyUndo(g4.doc, g4.step);
    expect(withoutUndone(back3)).toEqual(d3);
    const back2 = applyUndo(back3, s3);
    expect(withoutUndone(back2)).toEqual(d2);
    const back1 = applyUndo(back2, s2);
    expect(withoutUndone(back1)).toEqual(g1.doc);
    expect(withoutUndone(applyUndo(back1, g1.step))).toEqual(d0);
  });
});
