// The one place that says how many cards are new, in learning and due: the home menu, the practice
// header, `progress` and `progress --json` all call `countCards`, so they always agree. Pure.
//
// As in Anki: a review card is due for the whole calendar day it falls on; a card in (re)learning
// counts once its step is due, or due within the learn-ahead window; new cards count up to what
// is left of the day's (or the session's) new-card limit.
import { State } from 'ts-fsrs';
import type { Flashcard, Question } from '../content/model.js';
import { endOfDay } from '../progress/days.js';
import { isHidden } from '../progress/card-ops.js';
import type { CardState, ProgressDoc } from '../progress/model.js';

/** Anki's learn-ahead limit: a learning card due this soon is shown now when nothing else is left. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface Counts {
  new: number;
  learning: number;
  due: number;
}

export type CardKind = keyof Counts;

/** What a card is today: undefined when it is not to be shown now (reviewed, not due yet). */
export function kindOf(state: CardState | undefined, now: Date): CardKind | undefined {
  if (!state || state.state === State.New) return 'new';
  const due = Date.parse(state.due);
  if (state.state === State.Learning || state.state === State.Relearning) return due <= now.getTime() + LEARN_AHEAD_MS ? 'learning' : undefined;
  return due < endOfDay(now).getTime() ? 'due' : undefined;
}

export interface CountOptions {
  deck?: string;
  /** How many new cards may still be shown (what is left of the daily limit, or of `--new N`). */
  newLimit: number;
}

/** Counts over the cards in scope (see `kindOf`; suspended and buried cards never count); new cards are capped by `newLimit`. */
export function countCards(cards: readonly { card: Flashcard; question: Question }[], doc: ProgressDoc, now: Date, opts: CountOptions): Counts {
  const keys = cards.filter(({ question }) => opts.deck === undefined || question.deck === opts.deck).map(({ card }) => card.key);
  const counts = tallyKeys(keys, doc, now);
  counts.new = Math.min(counts.new, Math.max(0, opts.newLimit));
  return counts;
}

/**
 * The same rule over card keys, new cards not capped: what `progress` shows per deck and question,
 * so that a deck's `due` is exactly what the Today line would count for it.
 */
export function tallyKeys(keys: readonly string[], doc: ProgressDoc, now: Date): Counts {
  const counts: Counts = { new: 0, learning: 0, due: 0 };
  for (const key of keys) {
    if (isHidden(doc, key, now)) continue;
    const kind = kindOf(doc.cards[key], now);
    if (kind) counts[kind]++;
  }
  return counts;
}

/** `new 7 · learning 2 · due 13`, as Anki shows them. */
export function formatCounts(c: Counts): string {
  return `new ${c.new} · learning ${c.learning} · due ${c.due}`;
}
