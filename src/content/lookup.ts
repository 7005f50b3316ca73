// Finding a question from what the user typed: an id, a list number, or words from the title.
import { NotFoundError } from '../errors.js';
import type { Question } from './model.js';

export type Lookup = { found: Question } | { candidates: Question[] };

/** Pure: the matching question, or the candidates (all of them when nothing matched). */
export function findQuestion(ref: string, questions: readonly Question[]): Lookup {
  const wanted = ref.trim().toLowerCase();
  const byId = questions.find((q) => q.id === wanted);
  if (byId) return { found: byId };
  if (/^\d+$/.test(wanted)) {
    const q = questions[Number(wanted) - 1];
    return q ? { found: q } : { candidates: [...questions] };
  }
  const words = wanted.split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return { candidates: [...questions] };
  // Title and id first: a word that only appears in another question's tags should not make
  // `read sticky` ambiguous.
  const strong = questions.filter((q) => words.every((w) => `${q.id} ${q.title}`.toLowerCase().includes(w)));
  if (strong.length === 1) return { found: strong[0]! };
  if (strong.length > 1) return { candidates: strong };
  const weak = questions.filter((q) => words.every((w) => `${q.id} ${q.title} ${q.tags.join(' ')} ${q.deck}`.toLowerCase().includes(w)));
  if (weak.length === 1) return { found: weak[0]! };
  return { candidates: weak.length > 0 ? weak : [...questions] };
}

/** The question, or a NotFoundError (exit 3) that lists the candidates with their numbers. */
export function resolveQuestion(ref: string, questions: readonly Question[]): Question {
  const result = findQuestion(ref, questions);
  if ('found' in result) return result.found;
  const matched = result.candidates.length < questions.length;
  const lines = result.candidates.map((q) => `  ${questions.indexOf(q) + 1}. ${q.id}  ${q.title}`);
  const head = matched ? `'${ref}' matches several questions:` : `No question matches '${ref}'. Questions:`;
  throw new NotFoundError([head, ...lines, "Use an id or a number from 'prepdeck list'."].join('\n'));
}
