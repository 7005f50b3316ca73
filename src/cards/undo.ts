// Taking back what a practice session did, step by step. Each step remembers exactly what it
// replaced, so undoing restores the review history, the card's schedule, its suspend/bury flags
// and with them the day's counts (new cards today are counted from the reviews). Pure.
import { flagsOf, setFlags, undoReview, type CardFlags } from '../progress/card-ops.js';
import type { CardState, Grade, ProgressDoc } from '../progress/model.js';

export type UndoStep =
  | { kind: 'grade'; key: string; reviewId: string; grade: Grade; before: CardState | undefined }
  | { kind: 'suspend' | 'bury'; key: string; before: CardFlags };

/** The step to remember before grading: the card's schedule as it is in `doc`. */
export function gradeStep(doc: ProgressDoc, key: string, reviewId: string, grade: Grade): UndoStep {
  return { kind: 'grade', key, reviewId, grade, before: doc.cards[key] };
}

export function flagStep(doc: ProgressDoc, key: string, kind: 'suspend' | 'bury'): UndoStep {
  return { kind, key, before: flagsOf(doc, key) };
}

export function applyUndo(doc: ProgressDoc, step: UndoStep): ProgressDoc {
  return step.kind === 'grade' ? undoReview(doc, step.reviewId, step.key, step.before) : setFlags(doc, step.key, step.before);
}
