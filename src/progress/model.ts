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

export const CURRENT_VERSION = 2;

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
  /** A new card's first review in an "extra new cards" session: it does not use up the day's new-card limit. */
  extra: v.optional(v.boolean()),
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

/** One quiz run. Only a finished run is a score; a stopped one still counts its answers as missed or not. */
export const AttemptSchema = v.object({
  id: Id,
  scope: Text,
  at: Timestamp,
  /** Items the run had. */
  items: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** True once the last item was answered. */
  finished: v.boolean(),
});

export const ProgressSchema = v.object({
  version: v.literal(CURRENT_VERSION),
  settings: SettingsSchema,
  quiz: v.array(QuizAnswerSchema),
  /** Since version 2: every quiz run (answers name theirs by `attempt`). */
  attempts: v.array(AttemptSchema),
  reviews: v.array(ReviewSchema),
  cards: v.record(Key, CardStateSchema),
  /** Since version 2: cards never shown until unsuspended, with when they were suspended. */
  suspended: v.record(Key, Timestamp),
  /** Since version 2: cards hidden until the given time (the start of the next day). */
  buried: v.record(Key, Timestamp),
  /** Since version 2: ids of reviews taken back with undo, so that merging a copy never brings them back. */
  undone: v.array(Id),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type QuizAnswer = v.InferOutput<typeof QuizAnswerSchema>;
export type Review = v.InferOutput<typeof ReviewSchema>;
export type CardState = v.InferOutput<typeof CardStateSchema>;
export type ProgressDoc = v.InferOutput<typeof ProgressSchema>;
export type Attempt = v.InferOutput<typeof AttemptSchema>;
export type Grade = Review['grade'];

/** The document if valid; throws (a bug: an operation produced an invalid document) otherwise. */
export function checkProgress(doc: ProgressDoc): ProgressDoc {
  return v.parse(ProgressSchema, doc);
}

export function emptyProgress(): ProgressDoc {
  return { version: CURRENT_VERSION, settings: {}, quiz: [], attempts: [], reviews: [], cards: {}, suspended: {}, buried: {}, undone: [] };
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
  // Version 1 -> 2: suspended and buried cards, undone reviews, and quiz runs as records of their
  // own (so a stopped run is not a score). Every run of a version-1 file counted as a score, so
  // each becomes a finished run: best, last and trend stay what they were.
  1: (doc) => ({
    ...doc,
    version: 2,
    attempts: attemptsFromAnswers(Array.isArray(doc.quiz) ? (doc.quiz as unknown[]) : []),
    suspended: {},
    buried: {},
    undone: [],
  }),
};

/** One finished run per attempt id found in version-1 answers, dated by its first answer. */
function attemptsFromAnswers(answers: readonly unknown[]): Json[] {
  const runs = new Map<string, { id: string; scope: unknown; at: string; items: number; finished: true }>();
  for (const a of answers) {
    if (!isObject(a) || typeof a.attempt !== 'string' || typeof a.at !== 'string') continue;
    const run = runs.get(a.attempt);
    if (!run) runs.set(a.attempt, { id: a.attempt, scope: a.scope, at: a.at, items: 1, finished: true });
    else {
      run.items++;
      if (a.at < run.at) run.at = a.at;
    }
  }
  return [...runs.values()];
}

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

/**
 * Records a quiz answer and its run in one change: the run is stopped until its last item is
 * answered (`finished`), so a quiz quit midway, however it ends, is never a score.
 */
export function addQuizRunAnswer(doc: ProgressDoc, answer: QuizAnswer, run: Omit<Attempt, 'finished'>, finished: boolean): ProgressDoc {
  const withAnswer = addQuizAnswer(doc, answer);
  const others = withAnswer.attempts.filter((t) => t.id !== run.id);
  return { ...withAnswer, attempts: [...others, { ...run, finished }] };
}

/** Ids of quiz runs stopped before their last item (runs without a record, from merges, count as finished). */
export function stoppedRuns(doc: Pick<ProgressDoc, 'attempts'>): Set<string> {
  return new Set(doc.attempts.filter((t) => !t.finished).map((t) => t.id));
}

export function setSettings(doc: ProgressDoc, patch: Settings): ProgressDoc {
  return { ...doc, settings: { ...doc.settings, ...patch } };
}

/** Forget answers, reviews and schedules: all of them, or those of the given question ids. Settings stay. */
export function resetProgress(doc: ProgressDoc, questions?: ReadonlySet<string>): ProgressDoc {
  if (!questions) return { ...emptyProgress(), settings: doc.settings };
  const quiz = doc.quiz.filter((a) => !questions.has(a.question));
  const runs = new Set(quiz.map((a) => a.attempt));
  const keep = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([key]) => !questions.has(questionOf(key))));
  return {
    ...doc,
    quiz,
    attempts: doc.attempts.filter((t) => runs.has(t.id)),
    reviews: doc.reviews.filter((r) => !questions.has(r.question)),
    cards: keep(doc.cards),
    suspended: keep(doc.suspended),
    buried: keep(doc.buried),
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
  const undone = new Set([...base.undone, ...incoming.undone]);
  const answerIds = new Set(base.quiz.map((a) => a.id));
  const reviewIds = new Set(base.reviews.map((r) => r.id));
  const newAnswers = incoming.quiz.filter((a) => !answerIds.has(a.id) && answerIds.add(a.id));
  const newReviews = incoming.reviews.filter((r) => !reviewIds.has(r.id) && reviewIds.add(r.id) && !undone.has(r.id));
  const duplicates = incoming.quiz.length + incoming.reviews.length - newAnswers.length - newReviews.length;
  const byTime = <T extends { at: string }>(a: T, b: T) => byCodePoint(a.at, b.at);
  const quiz = [...base.quiz, ...newAnswers].sort(byTime);
  // A review undone in either copy stays undone: its card is replayed without it.
  const dropped = base.reviews.filter((r) => undone.has(r.id));
  const reviews = [...base.reviews.filter((r) => !undone.has(r.id)), ...newReviews].sort(byTime);
  const touched = [...new Set([...newReviews, ...dropped].filter((r) => !r.cram).map((r) => r.key))].sort();
  const cards = { ...base.cards };
  for (const key of touched) {
    const state = replay(reviews.filter((r) => r.key === key && !r.cram));
    if (state) cards[key] = state;
    else delete cards[key];
  }
  const attempts = mergeAttempts(base.attempts, incoming.attempts);
  const extra = { attempts, suspended: { ...incoming.suspended, ...base.suspended }, buried: { ...incoming.buried, ...base.buried }, undone: [...undone] };
  return {
    doc: { ...base, ...extra, quiz, reviews, cards },
    addedAnswers: newAnswers.length,
    addedReviews: newReviews.length,
    duplicates,
    touchedCards: touched,
  };
}

/** Runs of both copies by id; a run finished in either copy is finished. */
function mergeAttempts(base: readonly Attempt[], incoming: readonly Attempt[]): Attempt[] {
  const byId = new Map(base.map((t) => [t.id, t]));
  for (const t of incoming) {
    const mine = byId.get(t.id);
    byId.set(t.id, mine ? { ...mine, finished: mine.finished || t.finished, items: Math.max(mine.items, t.items) } : t);
  }
  return [...byId.values()].sort((a, b) => byCodePoint(a.at, b.at) || byCodePoint(a.id, b.id));
}
