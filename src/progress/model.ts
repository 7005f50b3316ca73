// The progress document: what prepdeck remembers about a candidate. Pure: schema, migrations,
// and the operations that change a document (each returns a new one).
//
// Everything the candidate does is an event with its own id (a quiz answer, a flashcard review).
// Events are only ever added, so merging two documents is a union by id: that is how `progress
// import` avoids duplicates. The FSRS state of each card is a cache of its reviews, recomputed
// from them whenever a merge adds reviews.
import * as v from 'valibot';
import { DEPTHS } from '../content/model.js';
import { byCodePoint } from '../compare.js';

export const CURRENT_VERSION = 1;

// Progress files can be imported from anywhere: text that may reach the terminal carries no
// control characters (so no escape sequences).
// eslint-disable-next-line no-control-regex
const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/;
const Text = v.pipe(v.string(), v.maxLength(2000), v.regex(NO_CONTROL, 'contains control characters'));
const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const Key = v.pipe(v.string(), v.minLength(1), v.maxLength(300), v.regex(NO_CONTROL, 'contains control characters'));
const Id = v.pipe(v.string(), v.minLength(1), v.maxLength(100), v.regex(NO_CONTROL, 'contains control characters'));

export const SettingsSchema = v.object({
  depth: v.optional(v.picklist(DEPTHS)),
  newPerDay: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
});

export const QuizAnswerSchema = v.object({
  id: Id,
  at: Timestamp,
  /** The quiz run this answer belongs to; answers of one run share it. */
  attempt: Id,
  /** What the run covered (`all`, `deck:<d>`, `question:<q>`): attempts compare within a scope. */
  scope: Text,
  deck: Text,
  question: Key,
  /** `<question-id>/<item-id>` */
  key: Key,
  correct: v.boolean(),
  /** The option texts chosen. */
  chosen: v.optional(v.array(Text)),
});

export const ReviewSchema = v.object({
  id: Id,
  at: Timestamp,
  deck: Text,
  question: Key,
  /** `<question-id>/<card-id>` */
  key: Key,
  grade: v.picklist([1, 2, 3, 4]),
  /** A cram review: counted in the history, never in the schedule. */
  cram: v.optional(v.boolean()),
  /** Key points ticked, of how many. */
  covered: v.optional(v.tuple([v.number(), v.number()])),
});

/** ts-fsrs's Card, with dates as ISO strings. */
export const CardStateSchema = v.object({
  due: Timestamp,
  stability: v.number(),
  difficulty: v.number(),
  elapsed_days: v.number(),
  scheduled_days: v.number(),
  learning_steps: v.number(),
  reps: v.number(),
  lapses: v.number(),
  state: v.picklist([0, 1, 2, 3]),
  last_review: v.optional(Timestamp),
});

export const ProgressSchema = v.object({
  version: v.literal(CURRENT_VERSION),
  settings: SettingsSchema,
  quiz: v.array(QuizAnswerSchema),
  reviews: v.array(ReviewSchema),
  cards: v.record(Key, CardStateSchema),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type QuizAnswer = v.InferOutput<typeof QuizAnswerSchema>;
export type Review = v.InferOutput<typeof ReviewSchema>;
export type CardState = v.InferOutput<typeof CardStateSchema>;
export type ProgressDoc = v.InferOutput<typeof ProgressSchema>;
export type Grade = Review['grade'];

/** The document if valid; throws (a bug: an operation produced an invalid document) otherwise. */
export function checkProgress(doc: ProgressDoc): ProgressDoc {
  return v.parse(ProgressSchema, doc);
}

export function emptyProgress(): ProgressDoc {
  return { version: CURRENT_VERSION, settings: {}, quiz: [], reviews: [], cards: {} };
}

// ---------------------------------------------------------------------------------------------
// Migrations. Each takes the document at version N (as plain JSON) and returns version N+1.

type Json = Record<string, unknown>;

export const MIGRATIONS: Record<number, (doc: Json) => Json> = {
  // Version 0: no `version` key. conf creates `{}` for a new file; a document may also carry
  // only settings. Fill in the collections.
  0: (doc) => ({
    version: 1,
    settings: isObject(doc.settings) ? doc.settings : {},
    quiz: Array.isArray(doc.quiz) ? doc.quiz : [],
    reviews: Array.isArray(doc.reviews) ? doc.reviews : [],
    cards: isObject(doc.cards) ? doc.cards : {},
  }),
};

export type LoadResult =
  | { ok: true; doc: ProgressDoc; migratedFrom?: number }
  | { ok: false; reason: string; newer?: boolean };

/** Parsed JSON in, a valid current document out (or why not). Pure. */
export function upgrade(raw: unknown): LoadResult {
  if (!isObject(raw)) return { ok: false, reason: 'not a JSON object' };
  let doc: Json = raw;
  const from = doc.version === undefined ? 0 : doc.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return { ok: false, reason: `unknown version ${JSON.stringify(doc.version)}` };
  }
  if (from > CURRENT_VERSION) {
    return { ok: false, newer: true, reason: `written by a newer prepdeck (document version ${from}, this one reads up to ${CURRENT_VERSION})` };
  }
  for (let version = from; version < CURRENT_VERSION; version++) {
    const migrate = MIGRATIONS[version];
    if (!migrate) return { ok: false, reason: `no migration from version ${version}` };
    doc = migrate(doc);
  }
  const parsed = v.safeParse(ProgressSchema, doc);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, reason: `${where ? where + ': ' : ''}${issue.message}` };
  }
  return from === CURRENT_VERSION ? { ok: true, doc: parsed.output } : { ok: true, doc: parsed.output, migratedFrom: from };
}

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

// ---------------------------------------------------------------------------------------------
// Operations.

export function addQuizAnswer(doc: ProgressDoc, answer: QuizAnswer): ProgressDoc {
  if (doc.quiz.some((a) => a.id === answer.id)) return doc;
  return { ...doc, quiz: [...doc.quiz, answer] };
}

/** Adds a review; `next` is the card's new schedule (undefined for a cram review). */
export function addReview(doc: ProgressDoc, review: Review, next: CardState | undefined): ProgressDoc {
  if (doc.reviews.some((r) => r.id === review.id)) return doc;
  const cards = next && !review.cram ? { ...doc.cards, [review.key]: next } : doc.cards;
  return { ...doc, reviews: [...doc.reviews, review], cards };
}

export function setSettings(doc: ProgressDoc, patch: Settings): ProgressDoc {
  return { ...doc, settings: { ...doc.settings, ...patch } };
}

/** Forget answers, reviews and schedules: all of them, or those of the given question ids. Settings stay. */
export function resetProgress(doc: ProgressDoc, questions?: ReadonlySet<string>): ProgressDoc {
  if (!questions) return { ...emptyProgress(), settings: doc.settings };
  return {
    ...doc,
    quiz: doc.quiz.filter((a) => !questions.has(a.question)),
    reviews: doc.reviews.filter((r) => !questions.has(r.question)),
    cards: Object.fromEntries(Object.entries(doc.cards).filter(([key]) => !questions.has(questionOf(key)))),
  };
}

/** The question id in a `<question-id>/<item-id>` key. */
export function questionOf(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? key : key.slice(0, slash);
}

export interface MergeResult {
  doc: ProgressDoc;
  addedAnswers: number;
  addedReviews: number;
  duplicates: number;
  /** Cards whose reviews changed: their schedules must be replayed. */
  touchedCards: string[];
}

/**
 * Union of two documents' events by id (settings of `base` win). The schedules of cards that
 * received reviews are recomputed with `replay` (the FSRS wrapper), from all their reviews in time
 * order.
 */
export function mergeProgress(
  base: ProgressDoc,
  incoming: ProgressDoc,
  replay: (reviews: readonly Review[]) => CardState | undefined,
): MergeResult {
  const answerIds = new Set(base.quiz.map((a) => a.id));
  const reviewIds = new Set(base.reviews.map((r) => r.id));
  const newAnswers = incoming.quiz.filter((a) => !answerIds.has(a.id) && answerIds.add(a.id));
  const newReviews = incoming.reviews.filter((r) => !reviewIds.has(r.id) && reviewIds.add(r.id));
  const duplicates = incoming.quiz.length + incoming.reviews.length - newAnswers.length - newReviews.length;
  const byTime = <T extends { at: string }>(a: T, b: T) => byCodePoint(a.at, b.at);
  const quiz = [...base.quiz, ...newAnswers].sort(byTime);
  const reviews = [...base.reviews, ...newReviews].sort(byTime);
  const touched = [...new Set(newReviews.filter((r) => !r.cram).map((r) => r.key))].sort();
  const cards = { ...base.cards };
  for (const key of touched) {
    const state = replay(reviews.filter((r) => r.key === key && !r.cram));
    if (state) cards[key] = state;
  }
  return {
    doc: { ...base, quiz, reviews, cards },
    addedAnswers: newAnswers.length,
    addedReviews: newReviews.length,
    duplicates,
    touchedCards: touched,
  };
}
