// The plain-text interview format (see DESIGN.md) to a content file. Pure: text in, Markdown out.
import { stringify } from 'yaml';
import { ContentError, type Problem } from '../errors.js';
import type { Level } from './model.js';
import { sanitizeText } from './sanitize.js';
import { escapeMarkdown, normalizePunctuation, slugify } from './derive-text.js';
import { type Derived, deriveItems } from './derive.js';
import { CONTENT_LIMITS } from './limits.js';
import { listsOf, titleTopic, topicOf } from './derive-lists.js';
import { blockHash, emptyMarker, type Marker, renderCard, renderQuizItem, renderSection } from './derive-render.js';

export { escapeMarkdown, normalizePunctuation, slugify };

const SECTION_NAMES = {
  question: 'Question',
  'brief answer': 'Brief Answer',
  'super brief answer': 'Super Brief Answer',
  'detailed answer': 'Detailed Answer',
} as const;
type SectionName = keyof typeof SECTION_NAMES;

const LEVEL_WORDS: Record<string, Level> = {
  entry: 'junior',
  junior: 'junior',
  mid: 'mid',
  middle: 'mid',
  intermediate: 'mid',
  senior: 'senior',
  lead: 'senior',
  staff: 'senior',
  principal: 'senior',
};

export interface ImportedQuestion {
  id: string;
  deck: string;
  order?: number;
  title: string;
  level: Level;
  markdown: string;
  /** The parts of `markdown`, for a re-import that merges them with the file already there. */
  frontMatter: Record<string, unknown>;
  body: string;
  derived: Derived;
}

interface TitleInfo {
  deck?: string;
  order?: number;
  level?: Level;
  question: string;
}

/** "Load Balancing Q4: Explain … ? Question For: Mid Level Developer" */
export function parseTitleLine(line: string): TitleInfo {
  let rest = line.trim();
  let level: Level | undefined;
  const lv = /\s*Question\s+For:\s*(\w+)(?:\s+Level)?(?:\s+Developer)?\s*$/i.exec(rest);
  if (lv) {
    level = LEVEL_WORDS[lv[1]!.toLowerCase()];
    rest = rest.slice(0, lv.index).trim();
  }
  let deck: string | undefined;
  let order: number | undefined;
  const head = /^(.{1,60}?)\s+Q(\d+)\s*[:.)-]\s*/i.exec(rest);
  if (head) {
    deck = slugify(head[1]!) || undefined;
    order = Number(head[2]) || undefined;
    rest = rest.slice(head[0].length);
  }
  return { deck, order, level, question: rest.replace(/\s+([?!.,;:])/g, '$1').trim() };
}

function isSectionLine(line: string): SectionName | undefined {
  const k = line.trim().toLowerCase().replace(/[\s-]+/g, ' ');
  return k in SECTION_NAMES ? (k as SectionName) : undefined;
}

/** A line inside the detailed answer that reads as a sub-heading: short, not a list item, no final punctuation. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 80 || t.startsWith('- ')) return false;
  if (/[.,;:!]$/.test(t)) return false;
  if (t.split(/\s+/).length > 12) return false;
  return /^[A-Z0-9"'(]/.test(t);
}

function convertBody(lines: string[], headings: boolean): string {
  const out: string[] = [];
  let inList = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('- ')) {
      if (!inList) out.push('');
      out.push(`- ${escapeMarkdown(line.slice(2).trim())}`);
      inList = true;
      continue;
    }
    inList = false;
    out.push('');
    out.push(headings && looksLikeHeading(line) ? `## ${escapeMarkdown(line)}` : escapeMarkdown(line));
  }
  return out.join('\n').trim();
}

interface PlainDocument {
  info: TitleInfo;
  deck: string;
  sections: Record<SectionName, { line: number; body: string[] }>;
}

/** Title line and the four sections; every problem found at once, as a ContentError. */
function readPlainDocument(source: string, file: string, deckOverride?: string): PlainDocument {
  const text = normalizePunctuation(sanitizeText(source));
  const lines = text.split('\n');
  const problems: Problem[] = [];
  const titleIndex = lines.findIndex((l) => l.trim() !== '');
  if (titleIndex < 0) throw new ContentError([{ file, line: 1, message: 'empty document: expected a title line' }]);

  const sections: Partial<Record<SectionName, { line: number; body: string[] }>> = {};
  let current: string[] | undefined;
  lines.forEach((l, i) => {
    if (i === titleIndex) return;
    const name = isSectionLine(l);
    if (name && !sections[name]) {
      sections[name] = { line: i + 1, body: [] };
      current = sections[name].body;
    } else if (current) current.push(l);
  });
  // A missing section is missed at the end of the file: its last line (a final newline starts no line).
  const lastLine = Math.max(1, text.endsWith('\n') ? lines.length - 1 : lines.length);
  for (const [key, label] of Object.entries(SECTION_NAMES) as [SectionName, string][]) {
    const s = sections[key];
    if (!s) problems.push({ file, line: lastLine, message: `missing section '${label}'` });
    else if (s.body.every((l) => !l.trim())) problems.push({ file, line: s.line, message: `section '${label}' is empty` });
  }
  const info = parseTitleLine(lines[titleIndex]!);
  if (!info.level) problems.push({ file, line: titleIndex + 1, message: "title line must end with 'Question For: <Junior|Mid|Senior> Level Developer'" });
  const deck = deckOverride ? slugify(deckOverride) : info.deck;
  if (!deck) problems.push({ file, line: titleIndex + 1, message: "cannot read the deck from the title line (expected '<Deck name> Q<n>: …'); pass --deck" });
  if (problems.length > 0) throw new ContentError(problems);
  return { info, deck: deck!, sections: sections as PlainDocument['sections'] };
}

/** The derived items of a document: lists of the brief answer first, then the detailed and super-brief ones. */
function deriveFrom(doc: PlainDocument, title: string): Derived {
  const s = doc.sections;
  const lists = [
    ...listsOf(s['brief answer'].body, 'brief'),
    ...listsOf(s['detailed answer'].body, 'detailed'),
    ...listsOf(s['super brief answer'].body, 'super-brief'),
  ];
  // Card fronts always carry a topic, as the built-in cards do: without one "what does X mean here?" has no "here".
  return deriveItems(lists, topicOf(s['brief answer'].body, titleTopic(title, doc.deck)));
}

/** A fresh marker for freshly derived items: each id with the hash of its text. */
export function markerFor(blocks: readonly { id: string; text: string }[]): Marker {
  const m = emptyMarker();
  for (const b of blocks) m.ids.set(b.id, blockHash(b.text));
  return m;
}

/**
 * Convert one document. Throws ContentError (file and line) for a missing title or section.
 * `deckOverride` replaces the deck read from the title line.
 */
export function importDocument(source: string, file: string, deckOverride?: string): ImportedQuestion {
  const doc = readPlainDocument(source, file, deckOverride);
  const { info, deck, sections } = doc;
  // The Question section repeats the title line; strip the same decorations from it.
  const questionText = parseTitleLine(sections.question.body.filter((l) => l.trim()).join(' ')).question || info.question;
  const title = info.question || questionText;
  const id = info.order && info.deck ? `${info.deck}-q${info.order}` : slugify(title).split('-').slice(0, 6).join('-');
  const frontMatter: Record<string, unknown> = {
    id,
    deck,
    ...(info.order ? { order: info.order } : {}),
    title,
    level: info.level!,
    tags: [deck],
    source: `imported from ${file.split(/[\\/]/).pop()}`,
  };
  const body = [
    '# Question',
    escapeMarkdown(questionText),
    '# Super-brief answer',
    convertBody(sections['super brief answer'].body, false),
    '# Brief answer',
    convertBody(sections['brief answer'].body, false),
    '# Detailed answer',
    convertBody(sections['detailed answer'].body, true),
  ].join('\n\n');
  const all = deriveFrom(doc, title);
  // The question card's key points: the terms (or first clauses) of the brief answer's lists.
  if (all.keyPoints.length > 0) frontMatter['key-points'] = all.keyPoints;
  const quizBlocks = withinBudget(all.quiz.map((q) => ({ id: q.id, item: q, text: renderQuizItem(q) })));
  const cardBlocks = withinBudget(all.cards.map((c) => ({ id: c.id, item: c, text: renderCard(c) })));
  const derived = { ...all, quiz: quizBlocks.map((b) => b.item), cards: cardBlocks.map((b) => b.item) };
  const markdown = assemble(
    frontMatter,
    body,
    renderSection('Quiz', markerFor(quizBlocks), quizBlocks.map((b) => b.text)),
    renderSection('Flashcards', markerFor(cardBlocks), cardBlocks.map((b) => b.text)),
  );
  return { id, deck, order: info.order, title, level: info.level!, markdown, frontMatter, body, derived };
}

// Derived items fill a section up to this many characters, well inside the content limit per section
// (the marker comment and later edits need room too).
const SECTION_BUDGET = CONTENT_LIMITS.sectionChars - 16 * 1024;

/** The leading blocks whose text (and marker entry) fits the section budget. */
function withinBudget<T extends { id: string; text: string }>(blocks: readonly T[]): T[] {
  let used = 0;
  const out: T[] = [];
  for (const b of blocks) {
    used += b.text.length + b.id.length + 16;
    if (used > SECTION_BUDGET) break;
    out.push(b);
  }
  return out;
}

/** A content file from its parts. */
export function assemble(frontMatter: Record<string, unknown>, body: string, ...sections: string[]): string {
  return ['---', stringify(frontMatter, { lineWidth: 0 }).trimEnd(), '---', '', body.trim(), '', ...sections.map((s) => s.trimEnd() + '\n')].join('\n');
}
