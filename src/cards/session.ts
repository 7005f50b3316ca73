// Which flashcards a practice session shows, the grade key points suggest, and the summary. Pure.
import type { Flashcard, Question } from '../content/model.js';
import { startOfDay } from '../progress/days.js';
import { isHidden } from '../progress/card-ops.js';
import type { CardState, Grade, ProgressDoc, Review } from '../progress/model.js';
import { isDue } from './schedule.js';
import { countCards, type Counts } from './counts.js';
import { cardsOf } from './question-card.js';
import { byCodePoint } from '../compare.js';

export const DEFAULT_NEW_PER_DAY = 10;

export interface SessionCard {
  card: Flashcard;
  question: Question;
  state: CardState | undefined;
  reason: 'due' | 'new' | 'cram';
}

export interface SessionOptions {
  now: Date;
  deck?: string;
  /** New cards to add after the due ones. */
  newLimit: number;
  /** Review every card in scope without touching the schedule. */
  cram?: boolean;
}

export function cardsInScope(questions: readonly Question[], deck?: string): { card: Flashcard; question: Question }[] {
  return questions.filter((q) => deck === undefined || q.deck === deck).flatMap((question) => cardsOf(question).map((card) => ({ card, question })));
}

/**
 * Due cards first (the longest overdue first), then up to `newLimit` never-reviewed cards in content
 * order. Cramming takes every card in scope: due ones first, then the rest in content order.
 */
export function buildSession(questions: readonly Question[], doc: ProgressDoc, opts: SessionOptions): SessionCard[] {
  // Suspended cards are never shown, in any mode; buried ones not before tomorrow.
  const all = cardsInScope(questions, opts.deck)
    .filter(({ card }) => !isHidden(doc, card.key, opts.now))
    .map(({ card, question }) => ({ card, question, state: doc.cards[card.key] }));
  const due = all
    .filter((c) => isDue(c.state, opts.now))
    .sort((a, b) => byCodePoint(a.state!.due, b.state!.due))
    .map((c): SessionCard => ({ ...c, reason: opts.cram ? 'cram' : 'due' }));
  if (opts.cram) {
    const dueKeys = new Set(due.map((c) => c.card.key));
    return [...due, ...all.filter((c) => !dueKeys.has(c.card.key)).map((c): SessionCard => ({ ...c, reason: 'cram' }))];
  }
  const fresh = all
    .filter((c) => c.state === undefined)
    .slice(0, Math.max(0, opts.newLimit))
    .map((c): SessionCard => ({ ...c, reason: 'new' }));
  return [...due, ...fresh];
}

/**
 * Cards first reviewed (outside cramming) since the start of `now`'s day, under the daily limit: a
 * card first reviewed as an extra new card (`practice --new N`) does not use up the limit.
 */
export function newCardsToday(reviews: readonly Review[], now: Date): number {
  const first = new Map<string, Review>();
  for (const r of reviews) {
    if (r.cram) continue;
    const seen = first.get(r.key);
    if (seen === undefined || r.at < seen.at) first.set(r.key, r);
  }
  const since = startOfDay(now).getTime();
  return [...first.values()].filter((r) => !r.extra && new Date(r.at).getTime() >= since).length;
}

/** How many new cards today's session may still introduce under a daily limit. */
export function newAllowance(reviews: readonly Review[], now: Date, perDay: number): number {
  return Math.max(0, perDay - newCardsToday(reviews, now));
}

/**
 * Today's figures over the cards in scope, with new cards capped by what is left of the daily
 * limit: what the menu, `progress` and a practice session without `--new` show.
 */
export function todayCounts(questions: readonly Question[], doc: ProgressDoc, now: Date, deck?: string): Counts {
  const newLimit = newAllowance(doc.reviews, now, doc.settings.newPerDay ?? DEFAULT_NEW_PER_DAY);
  return countCards(cardsInScope(questions, deck), doc, now, { newLimit });
}

/**
 * A grade suggested from the key points ticked: none → Again, under half → Hard, half or more →
 * Good, all → Easy. Undefined when the card lists no key points.
 */
export function suggestGrade(ticked: number, total: number): Grade | undefined {
  if (total <= 0) return undefined;
  if (ticked <= 0) return 1;
  if (ticked >= total) return 4;
  return ticked * 2 < total ? 2 : 3;
}
