// Scoring quiz answers and summing up a quiz. Pure.
import type { Question, QuizItem } from '../content/model.js';
import type { QuizAnswer } from '../progress/model.js';
import { byCodePoint } from '../compare.js';

/** right: chosen and correct · wrong: chosen but not correct · missed: correct but not chosen. */
export type OptionMark = 'right' | 'wrong' | 'missed' | 'none';

export interface ScoredOption {
  index: number;
  text: string;
  correct: boolean;
  chosen: boolean;
  mark: OptionMark;
}

export interface ItemScore {
  /** All or nothing: exactly the correct options were chosen. */
  correct: boolean;
  options: ScoredOption[];
}

/** Scores an answer given as indices into `item.options`. Multi-select is all-or-nothing. */
export function scoreItem(item: QuizItem, chosen: readonly number[]): ItemScore {
  const picked = new Set(chosen);
  const options = item.options.map((o, index): ScoredOption => {
    const isChosen = picked.has(index);
    const mark: OptionMark = isChosen ? (o.correct ? 'right' : 'wrong') : o.correct ? 'missed' : 'none';
    return { index, text: o.text, correct: o.correct, chosen: isChosen, mark };
  });
  const correct = options.every((o) => o.chosen === o.correct) && picked.size > 0;
  return { correct, options };
}

export interface Attempt {
  attempt: string;
  scope: string;
  startedAt: string;
  answered: number;
  correct: number;
  percent: number;
}

/**
 * Quiz runs in the order they started. Runs in `stopped` (quit before their last item) are left
 * out: their answers count as right or missed, but a stopped run is not a score.
 */
export function quizAttempts(answers: readonly QuizAnswer[], stopped: ReadonlySet<string> = new Set()): Attempt[] {
  const byId = new Map<string, Attempt>();
  for (const a of answers) {
    if (stopped.has(a.attempt)) continue;
    let t = byId.get(a.attempt);
    if (!t) byId.set(a.attempt, (t = { attempt: a.attempt, scope: a.scope, startedAt: a.at, answered: 0, correct: 0, percent: 0 }));
    if (a.at < t.startedAt) t.startedAt = a.at;
    t.answered++;
    if (a.correct) t.correct++;
  }
  return [...byId.values()]
    .map((t) => ({ ...t, percent: percentOf(t.correct, t.answered) }))
    .sort((a, b) => byCodePoint(a.startedAt, b.startedAt) || byCodePoint(a.attempt, b.attempt));
}

export function percentOf(correct: number, total: number): number {
  return total === 0 ? 0 : Math.round((correct / total) * 100);
}

export interface Accuracy {
  name: string;
  correct: number;
  answered: number;
  percent: number;
}

export interface AnsweredItem {
  item: QuizItem;
  question: Question;
  correct: boolean;
}

export interface QuizSummary {
  answered: number;
  correct: number;
  percent: number;
  byDeck: Accuracy[];
  byTag: Accuracy[];
  missed: AnsweredItem[];
  /** The previous attempt in the same scope, if any. */
  previous?: Attempt;
  /** Percentage points against the previous attempt. */
  change?: number;
}

/**
 * The end-of-quiz summary. `earlier` is the answer history before this attempt; the previous
 * attempt is the latest finished one there with the same scope (`stopped` runs are skipped).
 */
export function summarizeQuiz(results: readonly AnsweredItem[], earlier: readonly QuizAnswer[], scope: string, stopped: ReadonlySet<string> = new Set()): QuizSummary {
  const correct = results.filter((r) => r.correct).length;
  const percent = percentOf(correct, results.length);
  const previous = quizAttempts(earlier.filter((a) => a.scope === scope), stopped).at(-1);
  return {
    answered: results.length,
    correct,
    percent,
    byDeck: accuracyBy(results, (r) => [r.question.deck]),
    byTag: accuracyBy(results, (r) => r.question.tags),
    missed: results.filter((r) => !r.correct),
    ...(previous && results.length > 0 ? { previous, change: percent - previous.percent } : {}),
  };
}

export function accuracyBy<T extends { correct: boolean }>(results: readonly T[], groups: (r: T) => readonly string[]): Accuracy[] {
  const acc = new Map<string, { correct: number; answered: number }>();
  for (const r of results) {
    for (const name of new Set(groups(r))) {
      const a = acc.get(name) ?? { correct: 0, answered: 0 };
      a.answered++;
      if (r.correct) a.correct++;
      acc.set(name, a);
    }
  }
  return [...acc.entries()]
    .map(([name, a]) => ({ name, ...a, percent: percentOf(a.correct, a.answered) }))
    .sort((a, b) => a.percent - b.percent || b.answered - a.answered || byCodePoint(a.name, b.name));
}
