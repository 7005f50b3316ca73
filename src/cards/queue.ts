// Which card comes next in a practice session, as Anki orders them. Pure: the document, the time
// and the new-card allowance are passed in; the session asks again after every grade.
//
// 1. learning cards whose step is due (earliest first);
// 2. review cards due today (earliest first);
// 3. new cards, in content order, while the allowance lasts;
// 4. when nothing else is left, a learning card due within the learn-ahead window (LEARN_AHEAD_MS),
//    shown early.
// Suspended cards and cards buried until a later time are never picked.
import { State } from 'ts-fsrs';
import type { Flashcard, Question } from '../content/model.js';
import { isHidden } from '../progress/card-ops.js';
import type { CardState, ProgressDoc } from '../progress/model.js';
import { byCodePoint } from '../compare.js';
import { kindOf, type CardKind } from './counts.js';

export interface QueueEntry {
  card: Flashcard;
  question: Question;
}

export interface Pick extends QueueEntry {
  kind: CardKind;
  state: CardState | undefined;
  /** A learning card shown before its step is due (learn-ahead). */
  early: boolean;
}

export function nextCard(entries: readonly QueueEntry[], doc: ProgressDoc, now: Date, newLimit: number): Pick | undefined {
  const live = entries.filter((e) => !isHidden(doc, e.card.key, now)).map((e) => ({ ...e, state: doc.cards[e.card.key] }));
  const dueFirst = <T extends { state: CardState | undefined }>(xs: T[]) => xs.sort((a, b) => byCodePoint(a.state!.due, b.state!.due));
  const learning = dueFirst(live.filter((e) => kindOf(e.state, now) === 'learning'));
  const stepDue = learning.filter((e) => Date.parse(e.state!.due) <= now.getTime());
  if (stepDue[0]) return { ...stepDue[0], kind: 'learning', early: false };
  const review = dueFirst(live.filter((e) => kindOf(e.state, now) === 'due'))[0];
  if (review) return { ...review, kind: 'due', early: false };
  const fresh = newLimit > 0 ? live.find((e) => kindOf(e.state, now) === 'new') : undefined;
  if (fresh) return { ...fresh, kind: 'new', early: false };
  return learning[0] ? { ...learning[0], kind: 'learning', early: true } : undefined;
}

/**
 * When the next card in scope comes due after the session: the earliest schedule of a card that is
 * not suspended (a buried card counts from when it is unburied). Undefined when none is scheduled.
 */
export function nextDueAfter(entries: readonly QueueEntry[], doc: ProgressDoc): Date | undefined {
  let next: number | undefined;
  for (const { card } of entries) {
    const state = doc.cards[card.key];
    if (!state || state.state === State.New || doc.suspended[card.key] !== undefined) continue;
    const buried = doc.buried[card.key];
    const at = Math.max(Date.parse(state.due), buried ? Date.parse(buried) : 0);
    if (next === undefined || at < next) next = at;
  }
  return next === undefined ? undefined : new Date(next);
}

/** What keeps the cards in scope from being picked once none is scheduled (see `hiddenRest`). */
export type HiddenRest = { kind: 'suspended'; key: string } | { kind: 'buried' };

/**
 * When no card is scheduled and no new card can be picked: undefined while a new card is waiting
 * (the new-card limit, or --new, holds it back); else what hides the rest: suspended (with the first
 * such card's key, to bring it back), or buried until tomorrow.
 */
export function hiddenRest(entries: readonly QueueEntry[], doc: ProgressDoc, now: Date): HiddenRest | undefined {
  const waiting = entries.some(({ card }) => kindOf(doc.cards[card.key], now) === 'new' && !isHidden(doc, card.key, now));
  if (waiting) return undefined;
  const suspended = entries.find(({ card }) => doc.suspended[card.key] !== undefined);
  if (suspended) return { kind: 'suspended', key: suspended.card.key };
  return entries.some(({ card }) => isHidden(doc, card.key, now)) ? { kind: 'buried' } : undefined;
}
