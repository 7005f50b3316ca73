// True/false items that test knowledge, not wording: test-wise candidates learn that a statement with
// an absolute word ("always", "guarantees", "immediately", "without extra cost") is usually false.
// When a deck's absolute words sit mostly in its false statements, answering "False whenever a
// statement sounds absolute" scores well without knowing anything. This rule measures that shortcut
// per deck; `validate` reports it as a warning, not an error.
import type { Question, QuizItem } from './model.js';

/**
 * Words and phrases that overclaim (matched as whole words, case-insensitive). Restricting words such
 * as "only", "all" or "any" are left out: "only when the request was balanced" narrows a claim, it
 * doesn't stretch it, and true statements need them as often as false ones.
 */
export const ABSOLUTE_TERMS = [
  'always',
  'never',
  'every',
  'everyone',
  'everything',
  'none',
  'nothing',
  'nobody',
  'must',
  'cannot',
  "can't",
  'impossible',
  'guarantee',
  'guarantees',
  'guaranteed',
  'immediately',
  'instantly',
  'completely',
  'entirely',
  'fully',
  'totally',
  'fixed',
  'without extra cost',
  'without any cost',
  'no change',
] as const;

const ABSOLUTE = new RegExp(`(?<![\\w'-])(?:${ABSOLUTE_TERMS.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|')})(?![\\w'-])`, 'i');

/** Code spans and fenced code say what a config contains, not how sure the statement is. */
function prose(text: string): string {
  return text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
}

/** The absolute terms a statement contains (lower case, in order of first appearance). */
export function absoluteTerms(text: string): string[] {
  const found: string[] = [];
  const re = new RegExp(ABSOLUTE.source, 'gi');
  for (const m of prose(text).matchAll(re)) {
    const t = m[0].toLowerCase().replace(/\s+/g, ' ');
    if (!found.includes(t)) found.push(t);
  }
  return found;
}

export interface Balance {
  deck: string;
  /** True/false items whose right answer is True / False. */
  trueItems: number;
  falseItems: number;
  /** Of those, how many contain an absolute term. */
  trueAbsolute: number;
  falseAbsolute: number;
  /** Share a candidate scores by answering "False" exactly when the statement has an absolute term. */
  shortcutScore: number;
}

/** The right answer of a true/false item (null for other types or a malformed item). */
function answerOf(item: QuizItem): boolean | null {
  if (item.type !== 'true-false') return null;
  const right = item.options.find((o) => o.correct);
  return right ? right.text.trim().toLowerCase() === 'true' : null;
}

export function deckBalance(deck: string, items: readonly QuizItem[]): Balance {
  const b: Balance = { deck, trueItems: 0, falseItems: 0, trueAbsolute: 0, falseAbsolute: 0, shortcutScore: 0 };
  for (const item of items) {
    const answer = answerOf(item);
    if (answer === null) continue;
    const absolute = absoluteTerms(item.prompt).length > 0;
    if (answer) {
      b.trueItems++;
      if (absolute) b.trueAbsolute++;
    } else {
      b.falseItems++;
      if (absolute) b.falseAbsolute++;
    }
  }
  const total = b.trueItems + b.falseItems;
  b.shortcutScore = total === 0 ? 0 : (b.falseAbsolute + (b.trueItems - b.trueAbsolute)) / total;
  return b;
}

/** Fewer true/false items than this and the shortcut's score says little. */
export const MIN_ITEMS = 6;
/** The shortcut (or its reverse) may score at most this share before `validate` warns. */
export const MAX_SHORTCUT = 0.65;

export function balanceWarning(b: Balance): string | null {
  const total = b.trueItems + b.falseItems;
  if (total < MIN_ITEMS) return null;
  const score = Math.max(b.shortcutScore, 1 - b.shortcutScore);
  if (score <= MAX_SHORTCUT) return null;
  const rule = b.shortcutScore >= 0.5 ? '"False whenever a statement has an absolute word"' : '"True whenever a statement has an absolute word"';
  return (
    `deck ${b.deck}: absolute words (always, never, every, guarantees, immediately…) are in ` +
    `${b.falseAbsolute} of ${b.falseItems} false and ${b.trueAbsolute} of ${b.trueItems} true true/false statements; ` +
    `answering ${rule} scores ${Math.round(score * 100)}%. Reword so that they appear on both sides as often.`
  );
}

/** One warning per deck whose true/false items can be answered from their wording. */
export function balanceWarnings(questions: readonly Question[]): string[] {
  const byDeck = new Map<string, QuizItem[]>();
  for (const q of questions) byDeck.set(q.deck, [...(byDeck.get(q.deck) ?? []), ...q.quiz]);
  const out: string[] = [];
  for (const [deck, items] of [...byDeck].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const w = balanceWarning(deckBalance(deck, items));
    if (w) out.push(w);
  }
  return out;
}
