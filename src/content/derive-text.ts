// Text helpers shared by the importer and the derivation of cards and quiz items. Pure.

/** Curly quotes, ellipses and odd spaces to plain ASCII; dashes stay (they read well in a terminal). */
export function normalizePunctuation(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B\u2060]/g, '');
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Characters Markdown would read as syntax, escaped so that imported prose renders as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|&~]/g, (ch) => `\\${ch}`)
    .replace(/^(\s*)(\d+)([.)])(\s)/, '$1$2\\$3$4')
    .replace(/^(\s*)([-+=])(\s|$)/, '$1\\$2$3');
}

/** The longest key point derived from a list item, in characters (code points), `…` included. */
export const POINT_MAX = 90;

// Words a cut line must not end on: "… an external store wins" reads as unfinished, "… and" worse.
const DANGLING = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'of', 'on', 'or', 'so', 'than', 'that', 'the', 'then', 'to', 'which', 'while', 'who', 'with']);
// Where a clause ends inside a sentence: a comma, a dash between spaces, an opening parenthesis.
const CLAUSE_END = /,\s|\s[-\u2013\u2014]\s|\s\(/g;

const length = (text: string): number => [...text].length;
const bare = (text: string): string => text.trim().replace(/[\s.,;:\-\u2013\u2014(]+$/, '');

/**
 * A list item as a short key point (at most POINT_MAX characters): its first sentence when short
 * enough; else its longest run of whole clauses that fits ("X trades A for B, and an external store
 * wins both back" -> "X trades A for B"), which needs no ellipsis; else cut after a whole word that
 * can end a phrase, with one `…`. Only a single word longer than the limit is cut inside.
 */
export function keyPointOf(text: string): string {
  const sentence = bare(text.split(/(?<=[.;:!?])\s/)[0]!);
  if (length(sentence) <= POINT_MAX) return sentence;
  return clauses(sentence) ?? wordCut(sentence);
}

/** The longest prefix of `sentence` ending at a clause boundary that fits, if it says something (3+ words). */
function clauses(sentence: string): string | undefined {
  let best: string | undefined;
  for (const m of sentence.matchAll(CLAUSE_END)) {
    const prefix = bare(sentence.slice(0, m.index));
    if (length(prefix) > POINT_MAX) break;
    if (prefix.split(/\s+/).length >= 3) best = prefix;
  }
  return best;
}

/** Whole words up to the limit, minus any that would leave the phrase hanging, then `…`. */
function wordCut(sentence: string): string {
  const chars = [...sentence];
  const words = chars.slice(0, POINT_MAX).join('').split(/\s+/);
  // The last word is cut off unless a space (or the end) follows it.
  if (chars.length > POINT_MAX && !/\s/.test(chars[POINT_MAX]!)) words.pop();
  while (words.length > 0 && length(`${bare(words.join(' '))}\u2026`) > POINT_MAX) words.pop();
  while (words.length > 1 && DANGLING.has(bare(words.at(-1)!).toLowerCase())) words.pop();
  const kept = bare(words.join(' '));
  // One word longer than the limit (a URL, a long identifier): cut inside it, as a last resort.
  return kept ? `${kept}\u2026` : `${chars.slice(0, POINT_MAX - 1).join('')}\u2026`;
}
