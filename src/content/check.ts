// Checks across files: ids unique over every content folder, related ids that exist.
import type { Problem } from '../errors.js';
import type { Question } from './model.js';
import { byCodePoint } from '../compare.js';

export function checkLibrary(questions: readonly Question[]): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, Question>();
  for (const q of questions) {
    const first = byId.get(q.id);
    if (first) problems.push({ file: q.file, line: q.lines.id, message: `duplicate question id '${q.id}' (also in ${first.file})` });
    else byId.set(q.id, q);
  }
  for (const q of questions) {
    for (const rel of q.related) {
      if (rel === q.id) problems.push({ file: q.file, line: q.lines.related, message: `'related' names the question itself ('${rel}')` });
      else if (!byId.has(rel)) problems.push({ file: q.file, line: q.lines.related, message: `'related' names an unknown question id '${rel}'` });
    }
  }
  return problems;
}

/** Deck by deck (in order of their first question's file), then `order`, then title. */
export function sortQuestions(questions: readonly Question[]): Question[] {
  const deckRank = new Map<string, number>();
  for (const q of questions) if (!deckRank.has(q.deck)) deckRank.set(q.deck, deckRank.size);
  return [...questions].sort(
    (a, b) =>
      deckRank.get(a.deck)! - deckRank.get(b.deck)! ||
      (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) ||
      byCodePoint(a.title, b.title),
  );
}
