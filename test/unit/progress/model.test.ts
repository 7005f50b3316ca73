import { describe, expect, it } from 'vitest';
import { replay, schedule } from '../../../src/cards/schedule.js';
import {
  addQuizAnswer,
  addReview,
  CURRENT_VERSION,
  emptyProgress,
  mergeProgress,
  MIGRATIONS,
  resetProgress,
  setSettings,
  upgrade,
  type Grade,
  type ProgressDoc,
  type QuizAnswer,
  type Review,
} from '../../../src/progress/model.js';

function answer(id: string, key: string, at: string, correct = true, deck = 'd1'): QuizAnswer {
  return { id, at, attempt: 'a1', scope: 'all', deck, question: key.split('/')[0]!, key, correct };
}

function review(id: string, key: string, grade: Grade, at: string, deck = 'd1'): Review {
  return { id, at, deck, question: key.split('/')[0]!, key, grade };
}

function withReview(doc: ProgressDoc, r: Review): ProgressDoc {
  return addReview(doc, r, schedule(doc.cards[r.key], r.grade, new Date(r.at)));
}

describe('migrations', () => {
  it.each([
    ['an empty object (a file conf just created)', {}],
    ['settings only', { settings: { depth: 'detailed' } }],
    ['partial collections', { quiz: [answer('x', 'q/i', '2024-01-01T00:00:00.000Z')] }],
  ])('version 0 -> current: %s', (_name, raw) => {
    const result = upgrade(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    expect(result.doc.version).toBe(CURRENT_VERSION);
    expect(result.doc).toMatchObject(raw);
  });

  it('a version-1 file loads with nothing lost: answers, reviews, schedules, settings; each quiz run a finished attempt', () => {
    const r1 = review('r1', 'q/c', 3, '2024-01-01T10:00:00.000Z');
    const v1 = {
      version: 1,
      settings: { depth: 'detailed', newPerDay: 15 },
      quiz: [
        { ...answer('x1', 'q/i', '2024-01-02T10:00:05.000Z'), attempt: 'run1' },
        { ...answer('x2', 'q/j', '2024-01-02T10:00:00.000Z', false), attempt: 'run1' },
        { ...answer('x3', 'q/i', '2024-01-03T10:00:00.000Z'), attempt: 'run2', scope: 'deck:d1' },
      ],
      reviews: [r1],
      cards: { 'q/c': schedule(undefined, 3, new Date(r1.at)) },
    };
    const raw = structuredClone(v1);
    const result = upgrade(raw);
    expect(result).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!result.ok) return;
    expect(raw).toEqual(v1); // the input is not changed
    const { version, ...kept } = v1;
    expect(version).toBe(1);
    expect(result.doc).toMatchObject({ ...kept, version: CURRENT_VERSION, suspended: {}, buried: {}, undone: [] });
    expect(result.doc.attempts).toEqual([
      { id: 'run1', scope: 'all', at: '2024-01-02T10:00:00.000Z', items: 2, finished: true },
      { id: 'run2', scope: 'deck:d1', at: '2024-01-03T10:00:00.000Z', items: 1, finished: true },
    ]);
  });

  it('migrations are pure: the input is not changed', () => {
    const raw = { settings: { depth: 'brief' } };
    const copy = structuredClone(raw);
    MIGRATIONS[0]!(raw);
    expect(raw).toEqual(copy);
  });

  it('a current document passes through unchanged', () => {
    const doc = setSettings(emptyProgress(), { depth: 'brief' });
    expect(upgrade(JSON.parse(JSON.stringify(doc)))).toEqual({ ok: true, doc });
  });

  it.each([
    ['not an object', [1, 2], /not a JSON object/],
    ['null', null, /not a JSON object/],
    ['a bad version', { version: 'two' }, /unknown version/],
    ['a bad depth', { version: 1, settings: { depth: 'huge' }, quiz: [], reviews: [], cards: {} }, /settings\.depth/],
    ['an answer without a key', { version: 1, settings: {}, quiz: [{ id: 'x', at: '2024-01-01T00:00:00.000Z' }], reviews: [], cards: {} }, /quiz/],
    ['a grade of 5', { version: 1, settings: {}, quiz: [], reviews: [review('r', 'q/c', 5 as Grade, '2024-01-01T00:00:00.000Z')], cards: {} }, /reviews/],
    ['a bad timestamp', { version: 1, settings: {}, quiz: [answer('x', 'q/i', 'yesterday')], reviews: [], cards: {} }, /quiz/],
  ])('rejects %s', (_name, raw, reason) => {
    const result = upgrade(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('refuses a document from a newer version (without calling it corrupt)', () => {
    const result = upgrade({ version: CURRENT_VERSION + 1 });
    expect(result).toMatchObject({ ok: false, newer: true });
  });
});

describe('operations', () => {
  it('adding the same answer twice keeps one', () => {
    const a = answer('x', 'q/i', '2024-01-01T00:00:00.000Z');
    expect(addQuizAnswer(addQuizAnswer(emptyProgress(), a), a).quiz).toEqual([a]);
  });

  it('a cram review is recorded without touching the schedule', () => {
    const r = { ...review('r', 'q/c', 3, '2024-01-01T00:00:00.000Z'), cram: true };
    const doc = addReview(emptyProgress(), r, undefined);
    expect(doc.reviews).toEqual([r]);
    expect(doc.cards).toEqual({});
  });

  it('reset forgets everything but settings, or only some questions', () => {
    let doc = setSettings(emptyProgress(), { depth: 'detailed' });
    doc = addQuizAnswer(doc, answer('a1', 'q1/i', '2024-01-01T00:00:00.000Z'));
    doc = addQuizAnswer(doc, answer('a2', 'q2/i', '2024-01-01T00:00:00.000Z', true, 'd2'));
    doc = withReview(doc, review('r1', 'q1/c', 3, '2024-01-01T00:00:00.000Z'));
    doc = withReview(doc, review('r2', 'q2/c', 3, '2024-01-01T00:00:00.000Z', 'd2'));
    expect(resetProgress(doc)).toEqual({ ...emptyProgress(), settings: { depth: 'detailed' } });
    const some = resetProgress(doc, new Set(['q1']));
    expect(some.quiz.map((a) => a.id)).toEqual(['a2']);
    expect(some.reviews.map((r) => r.id)).toEqual(['r2']);
    expect(Object.keys(some.cards)).toEqual(['q2/c']);
    expect(some.settings).toEqual({ depth: 'detailed' });
  });
});

describe('mergeProgress (export/import)', () => {
  const t = (h: number) => new Date(Date.UTC(2024, 0, 1, h)).toISOString();
  let mine = emptyProgress();
  mine = addQuizAnswer(mine, answer('a1', 'q/i', t(1)));
  mine = withReview(mine, review('r1', 'q/c', 3, t(1)));
  let theirs = emptyProgress();
  theirs = addQuizAnswer(theirs, answer('a1', 'q/i', t(1))); // the same answer, exported earlier
  theirs = addQuizAnswer(theirs, answer('a2', 'q/j', t(2), false));
  theirs = withReview(theirs, review('r1', 'q/c', 3, t(1)));
  theirs = withReview(theirs, review('r2', 'q/c', 1, t(30)));
  theirs = withReview(theirs, review('r3', 'q/d', 4, t(5)));
  theirs = setSettings(theirs, { depth: 'super-brief' });

  it('adds what is new, skips duplicates, keeps local settings', () => {
    const m = mergeProgress(setSettings(mine, { depth: 'brief' }), theirs, replay);
    expect(m.addedAnswers).toBe(1);
    expect(m.addedReviews).toBe(2);
    expect(m.duplicates).toBe(2);
    expect(m.doc.quiz.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(m.doc.reviews.map((r) => r.id)).toEqual(['r1', 'r3', 'r2']);
    expect(m.doc.settings).toEqual({ depth: 'brief' });
  });

  it('recomputes the schedule of cards that got reviews, from all their reviews in time order', () => {
    const m = mergeProgress(mine, theirs, replay);
    expect(m.touchedCards).toEqual(['q/c', 'q/d']);
    expect(m.doc.cards['q/c']).toEqual(replay([review('r1', 'q/c', 3, t(1)), review('r2', 'q/c', 1, t(30))]));
    expect(m.doc.cards['q/d']).toEqual(schedule(undefined, 4, new Date(t(5))));
  });

  it('is idempotent: importing the same file twice adds nothing the second time', () => {
    const once = mergeProgress(mine, theirs, replay).doc;
    const twice = mergeProgress(once, theirs, replay);
    expect(twice.addedAnswers + twice.addedReviews).toBe(0);
    expect(twice.doc).toEqual(once);
  });

  it('merging is symmetric in the events it keeps', () => {
    const ab = mergeProgress(mine, theirs, replay).doc;
    const ba = mergeProgress(theirs, mine, replay).doc;
    expect(ab.quiz.map((a) => a.id).sort()).toEqual(ba.quiz.map((a) => a.id).sort());
    expect(ab.reviews.map((r) => r.id).sort()).toEqual(ba.reviews.map((r) => r.id).sort());
    expect(ab.cards).toEqual(ba.cards);
  });
});

describe('untrusted progress files', () => {
  it('rejects control characters (escape sequences) in text that may be printed', () => {
    const evil = { version: 1, settings: {}, quiz: [answer('x', 'q\u001b[2J/i', '2024-01-01T00:00:00.000Z')], reviews: [], cards: {} };
    const result = upgrade(evil);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('control characters');
    const evilDeck = { ...evil, quiz: [{ ...answer('x', 'q/i', '2024-01-01T00:00:00.000Z'), deck: 'd\u0007' }] };
    expect(upgrade(evilDeck).ok).toBe(false);
  });
});

describe('merging after an undo', () => {
  it('a review undone in this copy is not brought back by importing an older copy', async () => {
    const { undoReview } = await import('../../../src/progress/card-ops.js');
    const older = withReview(emptyProgress(), review('r1', 'q/c', 3, '2024-01-01T10:00:00.000Z'));
    const mine = undoReview(older, 'r1', 'q/c', undefined);
    const merged = mergeProgress(mine, older, replay);
    expect(merged.doc.reviews).toEqual([]);
    expect(merged.doc.cards).toEqual({});
    // and the other way round: the undo travels with the copy
    const theirs = mergeProgress(older, mine, replay);
    expect(theirs.doc.reviews).toEqual([]);
    expect(theirs.doc.cards).toEqual({});
  });
});
