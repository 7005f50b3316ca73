// Reading the structure a plain-text interview document already has: its lists, the sentence that
// introduces each one, and the `- Term: explanation` items. Pure: lines in, lists out.
import type { Depth } from './model.js';

export interface ListItem {
  /** The whole item text, without the leading `- `. */
  text: string;
  /** For `- Term: explanation` items: the term and the explanation. */
  term?: string;
  explanation?: string;
}

export interface SourceList {
  /** Which answer section it came from. */
  section: Depth;
  /** The sentence (or sub-heading) right before the list, when there is one. */
  intro?: string;
  /** What one item of the list is, read from the intro ("drawbacks:" -> drawback / drawbacks). */
  kind?: { one: string; many: string };
  items: ListItem[];
}

const MAX_TERM_WORDS = 6;
const MAX_TERM_CHARS = 60;

/** `- Term: explanation`, when the term is short, has no sentence punctuation and the explanation says something. */
export function labelledItem(text: string): ListItem {
  const m = /^([^:]{1,80}?):\s+(.+)$/.exec(text);
  if (!m) return { text };
  const term = m[1]!.trim();
  const explanation = m[2]!.trim();
  const bare = term.replace(/\([^)]*\)/g, '').trim();
  const words = bare.split(/\s+/);
  const ok =
    words.length <= MAX_TERM_WORDS &&
    term.length <= MAX_TERM_CHARS &&
    /^[A-Za-z0-9"']/.test(term) &&
    bare !== '' &&
    !/[.;!?()]/.test(bare) &&
    explanation.split(/\s+/).length >= 3;
  return ok ? { text, term, explanation } : { text };
}

// Nouns that name what a list's items are. Only these give a list its kind: a guess from any plural
// ("…keep the state out of the web servers:") reads wrong on a card more often than not.
const KINDS = new Set(
  ('advantages disadvantages benefits drawbacks downsides upsides gains costs pros cons trade-offs tradeoffs limitations ' +
    'weaknesses strengths risks problems issues challenges pitfalls mistakes concerns alternatives options choices ' +
    'approaches patterns policies strategies techniques methods practices principles designs solutions mechanisms ' +
    'types kinds categories modes levels layers phases stages steps components parts properties features guarantees ' +
    'algorithms metrics signals causes symptoms reasons factors considerations requirements goals rules questions ' +
    'scenarios examples uses implications consequences')
    .split(' '),
);

export function singular(word: string): string {
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/sses$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** The last list-naming noun of the intro's main clause: "sticky sessions have significant drawbacks:" -> drawback(s). */
export function kindOf(intro: string): { one: string; many: string } | undefined {
  const words = mainClause(intro).toLowerCase().match(/[a-z][a-z-]*/g) ?? [];
  const many = words.reverse().find((w) => KINDS.has(w));
  return many ? { one: singular(many), many } : undefined;
}

/** The intro without its trailing colon and without a leading subordinate clause ("While X, ..."). */
export function mainClause(intro: string): string {
  const t = intro.trim().replace(/[:.]+$/, '');
  const comma = t.lastIndexOf(', ');
  return (comma >= 0 ? t.slice(comma + 2) : t).trim();
}

/** The last sentence of a paragraph. */
function lastSentence(paragraph: string): string {
  const parts = paragraph.trim().split(/(?<=[.!?])\s+(?=[A-Z"'])/);
  return parts.at(-1)!.trim();
}

/** A short line without final punctuation: a sub-heading of the detailed answer. */
function headingLike(line: string): boolean {
  return line.length <= 80 && !/[.,;:!?]$/.test(line) && line.split(/\s+/).length <= 8 && /^[A-Z0-9]/.test(line);
}

/** The lists of one answer section, each with the line that introduces it. Blank lines do not end a list. */
export function listsOf(lines: readonly string[], section: SourceList['section']): SourceList[] {
  const lists: SourceList[] = [];
  let previous: string | undefined;
  let current: SourceList | undefined;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('- ')) {
      const text = line.slice(2).trim();
      if (!text) continue;
      if (!current) {
        const intro = previous && (previous.endsWith(':') || headingLike(previous)) ? lastSentence(previous) : undefined;
        current = { section, ...(intro ? { intro, kind: kindOf(intro) } : {}), items: [] };
        if (!current.kind) delete current.kind;
        lists.push(current);
      }
      current.items.push(labelledItem(text));
    } else {
      current = undefined;
      previous = line;
    }
  }
  return lists.filter((l) => l.items.length >= 2);
}

// Verbs that end the subject of an answer's first sentence ("A message queue lets ...").
const SUBJECT_END =
  /\s(?:is|are|was|has|have|can|could|will|would|should|must|may|learns|handles|receives|forwards|balances|distributes|prevents|protects|replaces|removes|adds|lets|puts|keeps|decides|means|allows|ensures|refers|describes|helps|makes|stores|sends|holds|serves|collects|splits|moves|gives|takes|runs|uses|acts|works|provides|sits|maps|routes|tracks|spreads|copies|writes|reads)\s/i;

/**
 * What the question is about, for card fronts: the subject of the brief answer's first sentence, or
 * `fallback` ('' for none: the practice screen shows the question's title above the card anyway).
 */
export function topicOf(briefLines: readonly string[], fallback: string): string {
  const first = briefLines.find((l) => l.trim() && !l.trim().startsWith('- '))?.trim() ?? '';
  const cut = Math.min(...[first.search(SUBJECT_END), first.indexOf(','), first.indexOf(' ('), first.indexOf('. ')].filter((i) => i > 0), first.length);
  const subject = first
    .slice(0, cut)
    .replace(/^(?:a|an|the)\s+/i, '')
    .replace(/["']/g, '')
    .trim();
  const words = subject.split(/\s+/).filter(Boolean).length;
  const topic = words >= 1 && words <= 5 && cut < first.length ? subject : fallback;
  return topic.charAt(0).toUpperCase() + topic.slice(1);
}

const ASKING = /^(?:explain|describe|define|discuss|compare|what(?:'s| is| are)|how (?:does|do|is|are)|why (?:is|are|does|do))\s+(?:(?:a|an|the)\s+)?/i;

/**
 * The topic when the brief answer gives none: what the title asks about ("Explain session persistence
 * in load balancing" -> "Session persistence"), or else the deck's name ("load-balancing" -> "Load balancing").
 */
export function titleTopic(title: string, deck: string): string {
  const asked = ASKING.exec(title.trim());
  if (asked) {
    const rest = title.trim().slice(asked[0].length);
    const subject = rest.split(/[,?.!:;(]| (?:in|and|or|for|with|when|vs\.?|versus|between|work|works)\b/i)[0]!.replace(/["']/g, '').trim();
    const words = subject.split(/\s+/).filter(Boolean).length;
    if (words >= 1 && words <= 4) return subject.charAt(0).toUpperCase() + subject.slice(1);
  }
  const name = deck.replace(/-+/g, ' ').trim();
  return name.charAt(0).toUpperCase() + name.slice(1);
}
