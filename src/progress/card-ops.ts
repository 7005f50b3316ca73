// Operations on a card beside grading it: suspend, bury, and taking back a grade (undo). Pure:
// each returns a new document; times are passed in.
import type { CardState, ProgressDoc } from './model.js';

/** What suspend and bury change for one card: restoring it undoes either. */
export interface CardFlags {
  suspended?: string;
  buried?: string;
}

export function flagsOf(doc: ProgressDoc, key: string): CardFlags {
  const flags: CardFlags = {};
  if (doc.suspended[key] !== undefined) flags.suspended = doc.suspended[key];
  if (doc.buried[key] !== undefined) flags.buried = doc.buried[key];
  return flags;
}

/** Sets a card's flags exactly (absent ones removed). */
export function setFlags(doc: ProgressDoc, key: string, flags: CardFlags): ProgressDoc {
  const { [key]: _s, ...suspended } = doc.suspended;
  const { [key]: _b, ...buried } = doc.buried;
  return {
    ...doc,
    suspended: flags.suspended !== undefined ? { ...suspended, [key]: flags.suspended } : suspended,
    buried: flags.buried !== undefined ? { ...buried, [key]: flags.buried } : buried,
  };
}

export function suspendCard(doc: ProgressDoc, key: string, at: Date): ProgressDoc {
  return setFlags(doc, key, { ...flagsOf(doc, key), suspended: at.toISOString() });
}

export function unsuspendCard(doc: ProgressDoc, key: string): ProgressDoc {
  const { suspended: _, ...rest } = flagsOf(doc, key);
  return setFlags(doc, key, rest);
}

/** Hides the card until `until` (the start of the next day). */
export function buryCard(doc: ProgressDoc, key: string, until: Date): ProgressDoc {
  return setFlags(doc, key, { ...flagsOf(doc, key), buried: until.toISOString() });
}

/** Suspended, or buried until after `now`: not shown, not counted. */
export function isHidden(doc: ProgressDoc, key: string, now: Date): boolean {
  if (doc.suspended[key] !== undefined) return true;
  const until = doc.buried[key];
  return until !== undefined && Date.parse(until) > now.getTime();
}

/**
 * Takes back a review: it leaves the history (and is remembered as undone, so that importing an
 * older copy never brings it back) and the card's schedule returns to `before` (undefined: new).
 */
export function undoReview(doc: ProgressDoc, reviewId: string, key: string, before: CardState | undefined): ProgressDoc {
  const review = doc.reviews.find((r) => r.id === reviewId);
  if (!review) return doc;
  const { [key]: _, ...rest } = doc.cards;
  const cards = review.cram ? doc.cards : before ? { ...rest, [key]: before } : rest;
  return { ...doc, reviews: doc.reviews.filter((r) => r.id !== reviewId), cards, undone: [...doc.undone, reviewId] };
}
