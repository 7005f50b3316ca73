// Re-importing a changed document into the file an earlier import wrote (`import --update`): the
// answers are replaced, the question id and everything the user wrote are kept, and derived items
// keep their ids when their text is unchanged or lightly edited, so that no review is lost. Derived
// items whose source is gone are retired: left out of the file (so never shown) and listed in the
// marker, while their progress stays in the progress file. Pure: text in, text out.
import { parse as parseYaml } from 'yaml';
import { ContentError } from '../errors.js';
import { type Block, joinText, type Line, splitByHeading } from './blocks.js';
import { blockHash, emptyMarker, type Marker, parseMarker, renderCard, renderQuizItem, renderSection } from './derive-render.js';
import type { ImportedQuestion } from './import.js';
import { assemble } from './import.js';
import { sanitizeText } from './sanitize.js';

/** A fresh derived item: its wanted id, and its Markdown block under any id. */
interface FreshItem {
  id: string;
  render(id: string): string;
}

export interface SectionReport {
  /** Derived items whose id (and progress) carried over, including lightly edited ones. */
  kept: number;
  /** Of those, items whose text changed enough for a new id but were matched to the old one. */
  renamed: number;
  added: number;
  retired: string[];
}

export interface MergeResult {
  markdown: string;
  id: string;
  cards: SectionReport;
  quiz: SectionReport;
}

// Front-matter keys the document decides; every other key (id, tags, related, simulate…) is the file's.
const FROM_DOCUMENT = new Set(['deck', 'title', 'level', 'order', 'source', 'key-points']);
const LIGHT_EDIT = 0.6;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]{3,}/g) ?? []);
}

// Word sets of block texts, computed once per text (closest() compares every old item with each new one).
const wordCache = new Map<string, Set<string>>();
function bodyWords(block: string): Set<string> {
  let w = wordCache.get(block);
  if (!w) {
    if (wordCache.size > 10_000) wordCache.clear();
    w = words(block.split('\n').slice(1).join('\n'));
    wordCache.set(block, w);
  }
  return w;
}

/** Share of words in common (Jaccard), ignoring the heading line with the id. */
export function similarity(a: string, b: string): number {
  const wa = bodyWords(a);
  const wb = bodyWords(b);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  const union = wa.size + wb.size - common;
  return union === 0 ? 1 : common / union;
}

function blockText(block: Block): string {
  return [`## ${block.heading}`, ...block.body.map((l) => l.text)].join('\n').trim();
}

/** The old items of a section: the marker, and each `## id…` block's text. */
function readSection(block: Block | undefined): { marker: Marker; items: { id: string; text: string }[] } {
  if (!block) return { marker: emptyMarker(), items: [] };
  const { preamble, blocks } = splitByHeading(block.body, 2);
  const marker = preamble.map((l) => parseMarker(l.text)).find((m) => m !== undefined) ?? emptyMarker();
  return { marker, items: blocks.map((b) => ({ id: b.heading.split(/\s+/)[0] ?? '', text: blockText(b) })) };
}

/** Merge one section (quiz or flashcards): see the file comment. */
export function mergeSection(old: ReturnType<typeof readSection>, fresh: readonly FreshItem[]): { blocks: string[]; marker: Marker; report: SectionReport } {
  const { marker, items } = old;
  const present = new Set(items.map((i) => i.id));
  const untouched = new Map(items.filter((i) => marker.ids.get(i.id) === blockHash(i.text)).map((i) => [i.id, i.text]));
  const userOwned = items.filter((i) => !untouched.has(i.id));
  const removed = new Set([...marker.removed, ...[...marker.ids.keys()].filter((id) => !present.has(id))]);
  const taken = new Set(userOwned.map((i) => i.id));
  const report: SectionReport = { kept: 0, renamed: 0, added: 0, retired: [] };
  const out: { id: string; text: string }[] = [];
  const matched = new Set<string>();

  // Derived once, edited by the user since: theirs now, kept as they wrote it.
  const editedByUser = (f: FreshItem) => taken.has(f.id) && marker.ids.has(f.id);
  const live = fresh.filter((f) => !removed.has(f.id));
  const ids = matchOldIds(live.filter((f) => !editedByUser(f)), untouched);
  const edited = new Set(live.filter(editedByUser));
  for (const f of live) {
    if (edited.has(f)) {
      report.kept++;
      continue;
    }
    let id = ids.get(f);
    if (id !== undefined) {
      report.kept++;
      if (id !== f.id) report.renamed++;
    } else {
      report.added++;
      id = f.id;
      for (let n = 2; taken.has(id) || untouched.has(id) || matched.has(id); n++) id = `${f.id}-${n}`;
    }
    matched.add(id);
    taken.add(id);
    out.push({ id, text: f.render(id) });
  }
  report.retired = [...untouched.keys()].filter((id) => !matched.has(id));
  const next = emptyMarker();
  for (const o of out) next.ids.set(o.id, blockHash(o.text));
  next.retired = [...new Set([...marker.retired, ...report.retired])].filter((id) => !matched.has(id));
  next.removed = [...removed];
  return { blocks: [...userOwned.map((i) => i.text), ...out.map((o) => o.text)], marker: next, report };
}

/**
 * Which old untouched item each fresh one continues, so that its id (and the progress under it)
 * carries over. In order of confidence, never one old item for two fresh ones:
 * 1. its own id, when the old text under that id is at least a light edit of the fresh one;
 * 2. the most similar old item (a light edit or closer), best pairs first: ids with a -2 suffix
 *    shift when an earlier namesake goes, and the words say where each item went;
 * 3. its own id, still free, however much the text changed (the item was rewritten in place).
 * Matching in this order, not item by item, keeps an unchanged item's id from being taken by an
 * earlier item that merely looks like it.
 */
function matchOldIds(fresh: readonly FreshItem[], untouched: ReadonlyMap<string, string>): Map<FreshItem, string> {
  const ids = new Map<FreshItem, string>();
  const used = new Set<string>();
  const give = (f: FreshItem, id: string) => {
    ids.set(f, id);
    used.add(id);
  };
  const text = new Map(fresh.map((f) => [f, f.render(f.id)]));
  for (const f of fresh) {
    const old = untouched.get(f.id);
    if (old !== undefined && similarity(text.get(f)!, old) >= LIGHT_EDIT) give(f, f.id);
  }
  const pairs: { f: FreshItem; id: string; score: number }[] = [];
  for (const f of fresh) {
    if (ids.has(f)) continue;
    for (const [id, old] of untouched) {
      if (used.has(id)) continue;
      const score = similarity(text.get(f)!, old);
      if (score >= LIGHT_EDIT) pairs.push({ f, id, score });
    }
  }
  // Stable sort: among equal scores the earlier fresh item, then the earlier old item, wins.
  for (const p of pairs.sort((x, y) => y.score - x.score)) if (!ids.has(p.f) && !used.has(p.id)) give(p.f, p.id);
  for (const f of fresh) if (!ids.has(f) && untouched.has(f.id) && !used.has(f.id)) give(f, f.id);
  return ids;
}

/** The existing file's front matter and sections; a ContentError when it is not a content file. */
function readExisting(existing: string, file: string): { fm: Record<string, unknown>; sections: Map<string, Block> } {
  const lines: Line[] = sanitizeText(existing).split('\n').map((text, i) => ({ n: i + 1, text }));
  const close = lines.findIndex((l, i) => i > 0 && l.text.trim() === '---');
  let fm: unknown;
  try {
    fm = lines[0]?.text.trim() === '---' && close > 0 ? parseYaml(lines.slice(1, close).map((l) => l.text).join('\n')) : undefined;
  } catch {
    fm = undefined;
  }
  if (!fm || typeof fm !== 'object' || Array.isArray(fm)) {
    throw new ContentError([{ file, line: 1, message: 'cannot update: the existing file has no readable front matter (use --force to replace it)' }]);
  }
  const sections = new Map<string, Block>();
  for (const b of splitByHeading(lines.slice(close + 1), 1).blocks) sections.set(b.heading.toLowerCase().trim(), b);
  return { fm: fm as Record<string, unknown>, sections };
}

/** The updated file for `fresh` (a new import of the document) over `existing` (the file there now). */
export function mergeImport(existing: string, fresh: ImportedQuestion, file: string): MergeResult {
  const { fm, sections } = readExisting(existing, file);
  const frontMatter: Record<string, unknown> = { ...fresh.frontMatter };
  for (const [k, v] of Object.entries(fm)) if (!FROM_DOCUMENT.has(k)) frontMatter[k] = v;
  const id = typeof fm.id === 'string' ? fm.id : fresh.id;
  const quiz = mergeSection(
    readSection(sections.get('quiz')),
    fresh.derived.quiz.map((q) => ({ id: q.id, render: (id: string) => renderQuizItem({ ...q, id }) })),
  );
  const cards = mergeSection(
    readSection(sections.get('flashcards')),
    fresh.derived.cards.map((c) => ({ id: c.id, render: (id: string) => renderCard({ ...c, id }) })),
  );
  const tips = sections.get('interview tips');
  const body = tips && joinText(tips.body) ? `${fresh.body}\n\n# Interview tips\n\n${joinText(tips.body)}` : fresh.body;
  const markdown = assemble(frontMatter, body, renderSection('Quiz', quiz.marker, quiz.blocks), renderSection('Flashcards', cards.marker, cards.blocks));
  return { markdown, id, cards: cards.report, quiz: quiz.report };
}
