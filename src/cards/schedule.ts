// The flashcard schedule: a thin wrapper around ts-fsrs (the FSRS scheduler Anki uses). Pure: the
// time of every review is passed in. Fuzz is off, so the same reviews always give the same schedule.
import { createEmptyCard, fsrs, type Card, type Grade as FsrsGrade, State } from 'ts-fsrs';
import type { CardState, Grade, Review } from '../progress/model.js';
import { byCodePoint } from '../compare.js';

const scheduler = fsrs({ enable_fuzz: false });

export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Cards whose interval reached this many days count as mature (as in Anki). */
export const MATURE_DAYS = 21;

export function toCard(s: CardState): Card {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsed_days,
    scheduled_days: s.scheduled_days,
    learning_steps: s.learning_steps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state as State,
    ...(s.last_review ? { last_review: new Date(s.last_review) } : {}),
  };
}

export function fromCard(c: Card): CardState {
  return {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as CardState['state'],
    ...(c.last_review ? { last_review: c.last_review.toISOString() } : {}),
  };
}

/** The card's schedule after grading it at `now` (a never-seen card starts empty). */
export function schedule(state: CardState | undefined, grade: Grade, now: Date): CardState {
  const card = state ? toCard(state) : createEmptyCard(now);
  return fromCard(scheduler.next(card, now, grade as FsrsGrade).card);
}

/** When the card would next be due for each grade, for showing next to the grade keys. */
export function preview(state: CardState | undefined, now: Date): Record<Grade, Date> {
  const card = state ? toCard(state) : createEmptyCard(now);
  const r = scheduler.repeat(card, now);
  return { 1: r[1].card.due, 2: r[2].card.due, 3: r[3].card.due, 4: r[4].card.due };
}

/** A card's schedule from its reviews (cram reviews skipped), in time order. */
export function replay(reviews: readonly Review[]): CardState | undefined {
  let state: CardState | undefined;
  for (const r of [...reviews].sort((a, b) => byCodePoint(a.at, b.at))) {
    if (!r.cram) state = schedule(state, r.grade, new Date(r.at));
  }
  return state;
}

export type CardBucket = 'new' | 'learning' | 'young' | 'mature';

/** new: never reviewed · learning: in (re)learning steps · young / mature: reviewing, by interval. */
export function bucketOf(state: CardState | undefined): CardBucket {
  if (!state || state.state === State.New) return 'new';
  if (state.state === State.Learning || state.state === State.Relearning) return 'learning';
  return state.scheduled_days >= MATURE_DAYS ? 'mature' : 'young';
}

export function isDue(state: CardState | undefined, at: Date): boolean {
  return state !== undefined && state.state !== State.New && new Date(state.due).getTime() <= at.getTime();
}
