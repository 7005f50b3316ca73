// Which quiz items to ask, in what order, with options in what order. Pure: the seed is given.
import type { Question, QuizItem } from '../content/model.js';
import type { QuizAnswer } from '../progress/model.js';
import { randomSource, seedFrom, shuffle } from './random.js';

export interface PoolItem {
  item: QuizItem;
  question: Question;
}

export interface QuizFilter {
  deck?: string;
  question?: string;
}

/** Every quiz item of the questions the filter keeps, in content order. */
export function quizPool(questions: readonly Question[], filter: QuizFilter = {}): PoolItem[] {
  return questions
    .filter((q) => (filter.deck === undefined || q.deck === filter.deck) && (filter.question === undefined || q.id === filter.question))
    .flatMap((question) => question.quiz.map((item) => ({ item, question })));
}

/** Attempts are compared within a scope: the whole library, one deck or one question. */
export function scopeOf(filter: QuizFilter): string {
  if (filter.question !== undefined) return `question:${filter.question}`;
  if (filter.deck !== undefined) return `deck:${filter.deck}`;
  return 'all';
}

export type ItemStanding = 'missed' | 'unseen' | 'right';

/** Each item's standing from its latest answer: missed (last answer wrong), unseen or right. */
export function standings(history: readonly QuizAnswer[]): Map<string, { correct: boolean; at: string }> {
  const last = new Map<string, { correct: boolean; at: string }>();
  for (const a of history) {
    const seen = last.get(a.key);
    if (!seen || seen.at <= a.at) last.set(a.key, { correct: a.correct, at: a.at });
  }
  return last;
}

export function standingOf(key: string, last: ReadonlyMap<string, { correct: boolean }>): ItemStanding {
  const seen = last.get(key);
  return seen === undefined ? 'unseen' : seen.correct ? 'right' : 'missed';
}

const RANK: Record<ItemStanding, number> = { missed: 0, unseen: 1, right: 2 };

export interface SelectOptions {
  count: number;
  seed: string;
  /** Put items whose last answer was wrong first, then unseen ones, then the rest. */
  missedFirst: boolean;
}

/**
 * The items to ask, in order. Shuffled from the seed; with `missedFirst`, items missed last time
 * come first, then items never answered, then items answered right (each group in seeded order).
 */
export function selectItems(pool: readonly PoolItem[], history: readonly QuizAnswer[], opts: SelectOptions): PoolItem[] {
  const shuffled = shuffle(pool, randomSource(seedFrom(opts.seed)));
  const count = Math.max(0, Math.floor(opts.count));
  if (!opts.missedFirst) return shuffled.slice(0, count);
  const last = standings(history);
  return shuffled
    .map((p, i) => ({ p, i, rank: RANK[standingOf(p.item.key, last)] }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, count)
    .map((x) => x.p);
}

/**
 * The order to show an item's options in, as indices into `item.options`. Seeded per item, so an
 * item's options appear in the same order whatever its position in the quiz. True/false items keep
 * True before False.
 */
export function optionOrder(item: QuizItem, seed: string): number[] {
  const indices = item.options.map((_, i) => i);
  if (item.type === 'true-false') return indices;
  return shuffle(indices, randomSource(seedFrom(`${seed}\u0000${item.key}`)));
}
