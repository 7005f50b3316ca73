// The second round of review-loop rules (issue 9 QA): one source for every count, suspended cards
// never shown (cram too), extra new cards outside the daily limit, and the words and key lines
// of the session screens.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { schedule } from '../../../src/cards/schedule.js';
import { buildSession, newAllowance, newCardsToday, todayCounts } from '../../../src/cards/session.js';
import { tallyKeys } from '../../../src/cards/counts.js';
import { suspendCard, buryCard } from '../../../src/progress/card-ops.js';
import { addReview, emptyProgress, type Grade, type ProgressDoc, type Review } from '../../../src/progress/model.js';
import { progressReport } from '../../../src/report/stats.js';
import { backKeysLine, frontKeysLine, gradeMessage, lastLine, nextDueLine, packItems, renderNothingDue, reviewedLine, unsuspendNote, whenInWords } from '../../../src/ui/cards-render.js';
import { renderProgress } from '../../../src/ui/progress-render.js';
import { questionDescription } from '../../../src/commands/home-practise.js';
import { cardsOf } from '../../../src/cards/question-card.js';
import { stripAnsi } from '../../../src/ui/text.js';
import { question } from '../quiz/fixtures.js';

const questions = [question('q1', { deck: 'd1', cards: ['a', 'b', 'c'] }), question('q2', { deck: 'd2', cards: ['d', 'e'] })];
const now = new Date(2024, 2, 10, 12, 0);
const min = 60_000;
const c = createColors(false);

function graded(doc: ProgressDoc, key: string, grade: Grade, at: Date, extra: Partial<Review> = {}): ProgressDoc {
  const review: Review = { id: `${key}@${at.toISOString()}`, at: at.toISOString(), deck: 'd1', question: key.split('/')[0]!, key, grade, ...extra };
  return addReview(doc, review, review.cram ? undefined : schedule(doc.cards[key], grade, at));
}

describe('one source of counts: progress figures are the Today figures', () => {
  // Three new cards graded Good just now: in learning steps, none a review due today.
  let doc = emptyProgress();
  for (const key of ['q1/@question', 'q1/a', 'q2/d']) doc = graded(doc, key, 3, new Date(now.getTime() - min));
  doc = graded(doc, 'q1/b', 4, new Date(2024, 2, 1, 12)); // Easy days ago: a review card due by now
  doc = graded(doc, 'gone/x', 1, new Date(now.getTime() - min), { deck: 'old', question: 'gone' }); // a question not loaded
  doc = graded(doc, 'q1/retired', 1, new Date(now.getTime() - min)); // a card no longer in q1
  const report = progressReport(questions, doc, now);

  it('the decks add up to the Today line: learning cards are never counted as due', () => {
    expect(report.today).toEqual({ new: 3, learning: 3, due: 1 });
    expect(report.decks.map((d) => [d.deck, d.cards.due])).toEqual([
      ['d1', 1],
      ['d2', 0],
    ]);
    expect(report.cards.due).toBe(report.today.due);
    expect(report.cards.learning).toBe(report.today.learning);
  });

  it('cards of questions not loaded, and retired cards, are counted nowhere, only reported apart', () => {
    expect(report.cards.total).toBe(cardsOf(questions[0]!).length + cardsOf(questions[1]!).length);
    expect(report.cards).toMatchObject({ total: 7, new: 3, learning: 3, young: 1 });
    expect(report.totals).toMatchObject({ cardsSeen: 6, reviews: 6 }); // totals are the whole file's history
    expect(report.notLoaded).toEqual({ cards: 2, reviews: 2 });
    expect(report.decks.map((d) => d.deck)).toEqual(['d1', 'd2']);
    const text = stripAnsi(renderProgress(report, '/p', c, 100));
    expect(text).toContain('Not counted above: 2 reviews of 2 cards not in the content loaded now');
    expect(text).toMatch(/deck \/ question\s+unseen\s+learn\s+due/);
  });

  it.each([
    ['nothing hidden', (d: ProgressDoc) => d, { new: 2, learning: 2, due: 1 }],
    ['the due card suspended', (d: ProgressDoc) => suspendCard(d, 'q1/b', now), { new: 2, learning: 2, due: 0 }],
    ['the learning card buried', (d: ProgressDoc) => buryCard(d, 'q1/a', new Date(now.getTime() + 24 * 60 * min)), { new: 2, learning: 1, due: 1 }],
  ])('tallyKeys (%s) is countCards without the new-card cap', (_, change, counts) => {
    expect(tallyKeys(['q1/@question', 'q1/a', 'q1/b', 'q1/c', 'q2/e'], change(doc), now)).toEqual(counts);
  });

  it.each([
    [['q1/a'], 'to bring it back: prepdeck practice --unsuspend q1/a)'],
    [["q1/it's", 'q1/a'], "to bring one back: prepdeck practice --unsuspend 'q1/it'\\''s', or the menu's Practise → Suspended cards"],
  ])('progress names a real suspended key (%o), shell-quoted', (keys, shown) => {
    const text = stripAnsi(renderProgress({ ...report, suspended: keys }, '/p', c, 200));
    expect(text).toContain(shown);
    expect(text).not.toContain('KEY');
  });

  it("the menu's One-question picker counts the question's own card, as progress does", () => {
    expect(questionDescription(questions[0]!)).toBe('d1 · 4 cards');
    expect(report.decks[0]!.questions[0]!.cards.total).toBe(4);
  });
});

describe('suspended cards are never shown, in any mode', () => {
  const doc = buryCard(suspendCard(emptyProgress(), 'q1/a', now), 'q2/d', new Date(now.getTime() + 60 * min));
  it.each([
    ['cram', { cram: true, newLimit: 0 }],
    ['new cards', { newLimit: 50 }],
  ])('%s', (_, opts) => {
    const keys = buildSession(questions, doc, { now, ...opts }).map((x) => x.card.key);
    expect(keys).not.toContain('q1/a');
    expect(keys).not.toContain('q2/d');
    expect(keys).toContain('q1/b');
  });
});

describe('extra new cards do not use up the daily limit', () => {
  it.each([
    ['two under the daily limit', [{}, {}], 2, 8],
    ['two extra', [{ extra: true }, { extra: true }], 0, 10],
    ['one of each', [{}, { extra: true }], 1, 9],
    ['extra, then reviewed again normally', [{ extra: true }], 0, 10],
  ] as const)('%s', (_, flags, counted, left) => {
    let doc = emptyProgress();
    flags.forEach((f, i) => (doc = graded(doc, `q1/${'ab'[i]!}`, 3, new Date(now.getTime() - 10 * min), f)));
    if (flags.length === 1) doc = graded(doc, 'q1/a', 3, now);
    expect(newCardsToday(doc.reviews, now)).toBe(counted);
    expect(newAllowance(doc.reviews, now, 10)).toBe(left);
    expect(todayCounts(questions, { ...doc, settings: { newPerDay: 3 } }, now).new).toBe(Math.max(0, 3 - counted));
  });
});

describe('session words', () => {
  it.each([
    [[], 0, 'Nothing was reviewed.'],
    [[1, 3, 3], 1, '3 reviews of 1 card: Again 1 · Hard 0 · Good 2 · Easy 0'],
    [[1, 3], 2, 'Reviewed 2 cards: Again 1 · Hard 0 · Good 1 · Easy 0'],
    [[4], 1, 'Reviewed 1 card: Again 0 · Hard 0 · Good 0 · Easy 1'],
  ] as const)('%o over %i cards -> %s', (grades, cards, line) => {
    expect(reviewedLine({ grades, cards })).toBe(line);
  });

  it.each([
    [undefined, false, 'No card is scheduled yet: new cards are waiting.'],
    [now, false, "A card is due now: run 'prepdeck practice' again to review it."],
    [now, true, "A card is due now: choose Practise → Today's review again to review it."],
    [new Date(now.getTime() + 8 * min), false, 'Next card due: in 8 minutes.'],
  ])('next due %s (menu %s) -> %s', (due, menu, line) => {
    expect(nextDueLine(due, now, menu)).toBe(line);
    expect(nextDueLine(due, now, menu)).not.toContain('now.');
  });

  it.each([
    [new Date(2024, 2, 18, 9, 0), 'in 8 days'],
    [new Date(2024, 3, 30, 9, 0), 'in 51 days'],
  ])('far dates in relative words: %s -> %s', (due, words) => {
    expect(whenInWords(due, now)).toBe(words);
  });

  it('nothing to review points to the menu entries inside the menu, to commands outside', () => {
    const inMenu = renderNothingDue(undefined, now, true, c, 200);
    expect(inMenu).toContain('Practise → Extra new cards');
    expect(inMenu).toContain('Practise → Cram');
    expect(inMenu).not.toContain('prepdeck practice');
    expect(renderNothingDue(undefined, now, false, c, 200)).toContain("'prepdeck practice --new 5'");
    expect(inMenu).toContain("Nothing to review right now. No card is scheduled yet, and today's new-card limit is reached.");
  });

  it.each([
    [false, { kind: 'suspended' as const, key: 'a b/@question' }, ['No cards are due; the other cards are suspended.', "  prepdeck practice --unsuspend 'a b/@question'"]],
    [true, { kind: 'suspended' as const, key: 'q/@question' }, ['No cards are due; the other cards are suspended.', 'To bring one back: Practise → Suspended cards.']],
    [false, { kind: 'buried' as const }, ['No cards are due; the other cards are buried until tomorrow.']],
  ])('nothing due and the rest hidden (menu %s, %j): says what is true and the way on', (menu, hidden, says) => {
    const text = renderNothingDue(undefined, now, menu, c, 60, undefined, hidden);
    for (const s of says) expect(s.startsWith('  ') ? text.split('\n') : text.replace(/\s+/g, ' ')).toContain(s);
    expect(text).not.toMatch(/limit is reached|--new|Cram|--cram/);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(60);
    // With a card scheduled later, when it is due is what matters.
    expect(renderNothingDue(new Date(now.getTime() + 60 * 60_000), now, menu, c, 60, undefined, hidden)).toContain('Next card due');
  });

  it.each([
    [undefined, undefined, "No card is scheduled yet, and today's new-card limit is reached.", "More new cards: 'prepdeck practice --new 5'."],
    [undefined, 0, 'No cards are due, and --new 0 asked for no new cards.', "New cards: 'prepdeck practice' (up to today's limit) or 'prepdeck practice --new 5'."],
    [undefined, 5, "No card is scheduled yet, and today's new-card limit is reached.", "More new cards: 'prepdeck practice --new 5'."],
    [new Date(now.getTime() + 8 * 60_000), 0, 'Next card due: in 8 minutes.', "More new cards: 'prepdeck practice --new 5'."],
  ])('nothing to review, next due %s, --new %s: %s', (due, asked, why, next) => {
    const text = renderNothingDue(due, now, false, c, 200, asked);
    expect(text).toContain(`Nothing to review right now. ${why}`);
    expect(text).toContain(next);
    expect(text).toContain("Review anyway without changing schedules: 'prepdeck practice --cram'.");
  });

  it.each([
    ['what-is-a-load-balancer/@question', '--unsuspend what-is-a-load-balancer/@question (or'],
    ["it's/@question", "--unsuspend 'it'\\''s/@question' (or"],
  ])('the unsuspend note names the real key, shell-quoted: %s', (key, shown) => {
    expect(unsuspendNote(key)).toContain(shown);
    expect(unsuspendNote(key)).not.toContain('KEY');
  });
});

describe('key lines: no dangling separator, a key stays with its label', () => {
  const intervals = { 1: new Date(now.getTime() + min), 2: new Date(now.getTime() + 6 * min), 3: new Date(now.getTime() + 10 * min), 4: new Date(2024, 2, 18, 12) } as const;
  const lines = (cols: number) => [
    ...gradeMessage(intervals, now, cols).split('\n'),
    ...backKeysLine(3, false, false, 'super-brief', cols).split('\n'),
    ...backKeysLine(1, true, true, 'detailed', cols).split('\n'),
    ...frontKeysLine(true, cols).split('\n'),
    ...packItems(lastLine({ kind: 'suspend', key: 'a/@question' }), cols, ' · ').split('\n'),
    ...packItems(lastLine({ kind: 'graded', grade: 4, at: now, due: intervals[4] }), cols, ' · ').split('\n'),
  ];
  it.each([40, 60, 80, 100])('at %i columns', (cols) => {
    for (const line of lines(cols)) {
      expect(line.length, line).toBeLessThanOrEqual(cols);
      expect(line, line).not.toMatch(/(^·|·\s*$)/);
      expect(line, line).not.toMatch(/(^|\s)[!\-uq]:\s*$/);
      expect(line, line).not.toMatch(/^(suspend|bury|undo|stop)\b/);
    }
    expect(lines(cols).some((l) => l.includes('u: undo'))).toBe(true);
  });

  it('Easy says its interval in words', () => {
    expect(lastLine({ kind: 'graded', grade: 4, at: now, due: intervals[4] })).toEqual(['Last card: 4 Easy', 'due again in 8 days', 'u: undo']);
  });
});
