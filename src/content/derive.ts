// Flashcards and quiz items derived from an imported document's own structure (see
// content/README.md, "Derived flashcards and quiz items"). Pure: lists in, items out; ids come from
// the words of a term or a list's intro, never from a position, so that re-importing keeps them.
import type { ListItem, SourceList } from './derive-lists.js';
import { escapeMarkdown, keyPointOf, slugify } from './derive-text.js';

export interface DerivedCard {
  id: string;
  front: string;
  back: string;
  keyPoints: string[];
}

export interface DerivedQuizItem {
  id: string;
  type: 'single' | 'multi';
  prompt: string;
  options: { text: string; correct: boolean }[];
  explanation: string;
}

export interface Derived {
  cards: DerivedCard[];
  quiz: DerivedQuizItem[];
  /** For the question card (front matter `key-points:`): the points of the brief answer's lists. */
  keyPoints: string[];
}

const MAX_QUESTION_POINTS = 8;

interface Term {
  term: string;
  explanation: string;
  list: SourceList;
  /** keyWords(term), computed once. */
  words: Set<string>;
}

// Bounds on what one document gives, so that a huge or odd document stays quick and its deck usable.
const MOST = {
  singlesPerList: 3,
  lists: 40,
  terms: 120,
  /** A list longer than this is not asked for as a whole (no list card, no select-all item). */
  listItems: 12,
  right: 5,
  wrong: 3,
} as const;

/** An id from words: lowercase slug, at most 48 characters, cut at a dash. */
export function idFrom(text: string, prefix = ''): string {
  const slug = slugify(text.replace(/\([^)]*\)/g, ' ')) || 'item';
  const cut = slug.length > 48 ? slug.slice(0, 48).replace(/-[^-]*$/, '') : slug;
  return prefix + cut;
}

/** "Reduced Fault Tolerance" -> "reduced fault tolerance"; acronyms (LRU, TTL) keep their case. */
export function termInText(term: string): string {
  return term
    .split(/\s+/)
    .map((w) => (/^[A-Z][a-z']*(?:-[A-Za-z][a-z']*)*$/.test(w) ? w.toLowerCase() : w))
    .join(' ');
}

// Words that say nothing about the answer.
const STOP = new Set(
  ('that this with from into which what when where while their there these those they them than then have been ' +
    'does some more most such each other only also very your about after before over under between through ' +
    'because until once here term matches description answer lists named select among item items').split(' '),
);

/** Content words of a text, crudely stemmed, for the "readable off the wording" check. */
export function keyWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 4 && !STOP.has(w)).map((w) => w.replace(/(?:ing|ed|es|s)$/, '')));
}

function shares(a: Set<string>, b: Set<string>): boolean {
  for (const w of a) if (b.has(w)) return true;
  return false;
}

/** Options of similar length: none more than three times as long as the shortest (or as 7 characters). */
export function similarLengths(options: readonly string[]): boolean {
  const lengths = options.map((o) => o.length);
  return Math.max(...lengths) <= 3 * Math.max(7, Math.min(...lengths));
}

/** A stable pseudo-random order (FNV-1a of the text and a salt): no global randomness, same every import. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

function shuffled<T extends { text: string }>(options: T[], salt: string): T[] {
  return [...options].sort((a, b) => hash(salt + a.text) - hash(salt + b.text));
}

/** Lists that repeat an earlier one (the super-brief answer often restates the brief one) are dropped. */
export function distinctLists(lists: readonly SourceList[]): SourceList[] {
  const seenTerms = new Set<string>();
  const seenIntros = new Set<string>();
  const out: SourceList[] = [];
  for (const list of lists) {
    const terms = list.items.filter((i) => i.term).map((i) => idFrom(i.term!));
    const intro = list.intro ? idFrom(list.intro) : undefined;
    const repeats = terms.length > 0 ? terms.every((t) => seenTerms.has(t)) : intro !== undefined && seenIntros.has(intro);
    terms.forEach((t) => seenTerms.add(t));
    if (intro) seenIntros.add(intro);
    if (!repeats) out.push(list);
  }
  return out;
}

function termsOf(lists: readonly SourceList[]): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const list of lists) {
    for (const item of list.items) {
      if (!item.term || seen.has(idFrom(item.term))) continue;
      seen.add(idFrom(item.term));
      out.push({ term: item.term, explanation: item.explanation!, list, words: keyWords(item.term) });
      if (out.length >= MOST.terms) return out;
    }
  }
  return out;
}

/** Document text quoted inside Markdown: escaped, with its own double quotes made single. */
function quote(text: string): string {
  return `"${escapeMarkdown(text.replace(/"/g, "'").replace(/[.:]$/, ''))}"`;
}

const md = escapeMarkdown;

/** "Topic: what…", or "What…" when the document gave no topic. */
function withTopic(topic: string, text: string): string {
  return topic ? `${md(topic)}: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}

function termCard(t: Term, topic: string): Omit<DerivedCard, 'id'> {
  const term = `*${md(termInText(t.term))}*`;
  const what = t.list.kind ? `what is the ${term} ${md(t.list.kind.one)}?` : `what does ${term} mean here?`;
  return { front: withTopic(topic, what), back: md(t.explanation), keyPoints: [] };
}

/** A list item's key point: its term, else its first sentence or clause, cut short (derive-text.ts). */
function pointOf(item: ListItem): string {
  return keyPointOf(item.term ?? item.text);
}

function listCard(list: SourceList, topic: string): Omit<DerivedCard, 'id'> {
  const what = list.kind ? `name the ${list.items.length} ${list.kind.many}` : `name the ${list.items.length} points`;
  return {
    front: withTopic(topic, `${quote(list.intro!)} - ${md(what)}.`),
    back: list.items.map((i) => `- ${md(i.text)}`).join('\n'),
    keyPoints: list.items.map(pointOf),
  };
}

/** What makes two options the same to the validator and to a reader: case, spacing and asides do not count. */
export function optionKey(text: string): string {
  return idFrom(text);
}

/** A term as an option: without its parenthesised aside ("Distributed Caching (e.g., Redis)" -> "Distributed Caching"). */
export function optionText(term: string): string {
  return term.replace(/\s*\([^)]*\)/g, '').replace(/\s+/g, ' ').trim() || term.trim();
}

/**
 * Wrong options for a list: terms of the document's other lists that are not the same term as a right
 * one (the same word often recurs in the brief and detailed answers), come from no list of the same
 * kind or restating this one (a restated "drawbacks" list is not wrong about drawbacks), share no key word with the stem or another
 * option, and keep the lengths of all options similar.
 */
function wrongOptions(list: SourceList, right: readonly string[], others: readonly Term[], stem: Set<string>): Term[] {
  const rightKeys = new Set(right.map(optionKey));
  // Words of the options so far: an option that shares one reads as a variant of another ("Uneven Load").
  const usedWords = new Set(right.flatMap((r) => [...keyWords(r)]));
  const taken = new Set<string>();
  const out: Term[] = [];
  for (const o of others) {
    if (out.length >= MOST.wrong) break;
    const key = optionKey(o.term);
    if (o.list === list || rightKeys.has(key) || taken.has(key)) continue;
    if ((list.kind && o.list.kind?.many === list.kind.many) || sharesATerm(list, o.list)) continue;
    if (shares(o.words, stem) || shares(o.words, usedWords)) continue;
    if (!similarLengths([...right, ...out.map((w) => optionText(w.term)), optionText(o.term)])) continue;
    taken.add(key);
    o.words.forEach((w) => usedWords.add(w));
    out.push(o);
  }
  return out;
}

/** Two lists that name a term in common restate one another: the rest of either is of the same kind too. */
function sharesATerm(a: SourceList, b: SourceList): boolean {
  const keys = new Set(a.items.filter((i) => i.term).map((i) => optionKey(i.term!)));
  return b.items.some((i) => i.term !== undefined && keys.has(optionKey(i.term)));
}

/** Items of a list with a term, each term once (a list may repeat one), at most `n`, none named in the stem. */
function rightItems(list: SourceList, stem: Set<string>, n: number): ListItem[] {
  const seen = new Set<string>();
  return firstN(list.items, n, (i) => {
    const key = optionKey(i.term!);
    if (seen.has(key) || shares(keyWords(i.term!), stem)) return false;
    seen.add(key);
    return true;
  });
}

/** A multi-select item for a list of terms, with terms of the document's other lists as wrong options. */
function whichAre(list: SourceList, others: readonly Term[]): Omit<DerivedQuizItem, 'id'> | undefined {
  // The quiz shows the question's title above the prompt: the stem needs no topic of its own.
  const prompt = list.kind
    ? `Which of these are ${md(list.kind.many)} the answer names after ${quote(list.intro!)}? (select all)`
    : `Which of these does the answer list after ${quote(list.intro!)}? (select all)`;
  const stem = keyWords(prompt);
  const right = rightItems(list, stem, MOST.right);
  const rightTexts = right.map((i) => optionText(i.term!));
  if (right.length < 2 || !similarLengths(rightTexts)) return undefined;
  const wrong = wrongOptions(list, rightTexts, others, stem);
  if (wrong.length < 1) return undefined;
  const options = [...rightTexts.map((text) => ({ text, correct: true })), ...wrong.map((o) => ({ text: optionText(o.term), correct: false }))];
  const because = [...new Set(wrong.map((o) => o.list))].map((other) => {
    const names = wrong.filter((o) => o.list === other).map((o) => quote(o.term));
    const from = other.intro ? `: ${quote(other.intro)}` : '';
    return `${names.join(', ')} ${names.length === 1 ? 'belongs' : 'belong'} to another list${from}`;
  });
  return {
    type: 'multi',
    prompt,
    options: shuffled(options, prompt),
    explanation: `The answer lists: ${right.map((i) => quote(`${i.term}: ${i.explanation}`)).join('; ')}. ${because.join('; ')}.`,
  };
}

/** "Which term matches: "<description>"?" with the other terms of the same list as distractors. */
function whichTerm(t: Term, sameList: readonly Term[]): Omit<DerivedQuizItem, 'id'> | undefined {
  // The description is the question: it belongs in the stem, which is what a summary of missed items shows.
  const prompt = `Which term matches: ${quote(t.explanation)}?`;
  const stem = keyWords(prompt);
  if (shares(t.words, stem)) return undefined;
  const right = optionText(t.term);
  const distractors = firstN(
    sameList,
    MOST.wrong,
    (o) => o !== t && optionKey(o.term) !== optionKey(t.term) && !shares(o.words, stem),
  );
  const options = [{ text: right, correct: true }, ...distractors.map((o) => ({ text: optionText(o.term), correct: false }))];
  if (distractors.length < 2 || !similarLengths(options.map((o) => o.text))) return undefined;
  return {
    type: 'single',
    prompt,
    options: shuffled(options, prompt),
    explanation: `The answer says: ${quote(`${t.term}: ${t.explanation}`)}. ${distractors.map((d) => quote(d.term)).join(', ')} ${distractors.length === 1 ? 'is another item' : 'are other items'} of the same list.`,
  };
}

/** What the content validator would refuse in an item's options: fewer than two, none right, a repeat. */
export function validOptions(options: readonly { text: string; correct: boolean }[], type: DerivedQuizItem['type']): boolean {
  const texts = options.map((o) => o.text.replace(/\s+/g, ' ').trim());
  const keys = new Set(texts.map((t) => t.toLowerCase()));
  const right = options.filter((o) => o.correct).length;
  return options.length >= 2 && keys.size === texts.length && texts.every(Boolean) && right >= 1 && (type === 'multi' || right === 1);
}

/** The first `n` items that pass, without looking further. */
function firstN<T>(items: readonly T[], n: number, pass: (item: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= n) break;
    if (pass(item)) out.push(item);
  }
  return out;
}

/** Gives each item a unique id: the wanted one, or with -2, -3… when taken. */
function uniqueIds<T extends { id: string }>(items: readonly Omit<T, 'id'>[], ids: readonly string[], taken = new Set<string>()): T[] {
  return items.map((item, i) => {
    let id = ids[i]!;
    for (let n = 2; taken.has(id); n++) id = `${ids[i]}-${n}`;
    taken.add(id);
    return { ...item, id } as T;
  });
}

/** Every card and quiz item the document's lists give. `lists` in section order: brief, detailed, super-brief. */
export function deriveItems(allLists: readonly SourceList[], topic: string): Derived {
  const lists = distinctLists(allLists).slice(0, MOST.lists);
  const terms = termsOf(lists);
  const wholeLists = lists.filter((l) => l.intro && l.items.length <= MOST.listItems);
  const cards: Omit<DerivedCard, 'id'>[] = [];
  const cardIds: string[] = [];
  for (const t of terms) {
    cards.push(termCard(t, topic));
    cardIds.push(idFrom(t.term));
  }
  for (const list of wholeLists) {
    cards.push(listCard(list, topic));
    cardIds.push(idFrom(list.kind?.many ?? list.intro!, 'list-'));
  }
  const quiz: Omit<DerivedQuizItem, 'id'>[] = [];
  const quizIds: string[] = [];
  for (const list of wholeLists.filter((l) => l.items.every((i) => i.term))) {
    const item = whichAre(list, terms);
    if (item && validOptions(item.options, item.type)) {
      quiz.push(item);
      quizIds.push(idFrom(list.kind?.many ?? list.intro!, 'which-'));
    }
  }
  for (const list of lists) {
    const same = terms.filter((t) => t.list === list);
    if (same.length < 3) continue;
    let made = 0;
    for (const t of same) {
      const item = made < MOST.singlesPerList ? whichTerm(t, same) : undefined;
      if (!item || !validOptions(item.options, item.type)) continue;
      quiz.push(item);
      quizIds.push(idFrom(t.term, 'term-'));
      made++;
    }
  }
  const briefPoints = lists.filter((l) => l.section === 'brief').flatMap((l) => l.items.map(pointOf));
  const keyPoints = [...new Set(briefPoints.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean))].slice(0, MAX_QUESTION_POINTS);
  return { cards: uniqueIds<DerivedCard>(cards, cardIds), quiz: uniqueIds<DerivedQuizItem>(quiz, quizIds), keyPoints };
}
