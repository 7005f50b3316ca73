// Derived cards and quiz items as content-format Markdown, and the one-line marker comment that
// records which items of a section were derived (and retired), so that a re-import can update them
// without touching what the user wrote. Pure.
import { type DerivedCard, type DerivedQuizItem, hash } from './derive.js';

/**
 * `<!-- prepdeck-derived ids=a@1f2e3d4c,b@… retired=x,y removed=z -->`: each derived item's id with
 * the hash of its text as written (an item whose text no longer matches was edited by the user and is
 * theirs from then on); `retired`: derived items whose source is gone (their progress is kept);
 * `removed`: derived items the user deleted (never derived again).
 */
export interface Marker {
  ids: Map<string, string>;
  retired: string[];
  removed: string[];
}

const MARKER = /^<!--\s*prepdeck-derived\b(.*?)-->\s*$/;
const NOTE = "written by 'prepdeck import'; edit or delete these items freely";

export function emptyMarker(): Marker {
  return { ids: new Map(), retired: [], removed: [] };
}

export function renderMarker(m: Marker): string {
  const parts = [`ids=${[...m.ids].map(([id, h]) => `${id}@${h}`).join(',')}`];
  if (m.retired.length > 0) parts.push(`retired=${m.retired.join(',')}`);
  if (m.removed.length > 0) parts.push(`removed=${m.removed.join(',')}`);
  return `<!-- prepdeck-derived ${parts.join(' ')} (${NOTE}) -->`;
}

export function parseMarker(line: string): Marker | undefined {
  const m = MARKER.exec(line.trim());
  if (!m) return undefined;
  const list = (name: string) => (new RegExp(`\\b${name}=([a-z0-9@,-]*)`).exec(m[1]!)?.[1] ?? '').split(',').filter(Boolean);
  const ids = new Map<string, string>();
  for (const entry of list('ids')) {
    const [id, h] = entry.split('@');
    if (id) ids.set(id, h ?? '');
  }
  return { ids, retired: list('retired'), removed: list('removed') };
}

/** The hash that tells an untouched derived item from an edited one: whitespace does not count. */
export function blockHash(text: string): string {
  return hash(text.replace(/\s+/g, ' ').trim()).toString(16).padStart(8, '0');
}

// A generated line must not read as a field or option of the content format.
function safeLines(text: string): string {
  return text.replace(/^(\s*)(Explanation|Front|Back|Key points):/gim, '$1$2\\:').replace(/^(\s*)([-*])(\s+\[)/gm, '$1\\$2$3');
}

/** One line of plain text (options, key points are shown as written, not as Markdown). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function renderCard(card: DerivedCard): string {
  const lines = [`## ${card.id}`, '', `Front: ${safeLines(card.front)}`, '', card.back.includes('\n') ? `Back:\n${safeLines(card.back)}` : `Back: ${safeLines(card.back)}`];
  if (card.keyPoints.length > 0) lines.push('', 'Key points:', ...card.keyPoints.map((p) => `- ${oneLine(p)}`));
  return lines.join('\n');
}

export function renderQuizItem(item: DerivedQuizItem): string {
  return [
    `## ${item.id} (${item.type})`,
    '',
    safeLines(item.prompt),
    '',
    ...item.options.map((o) => `- [${o.correct ? 'x' : ' '}] ${oneLine(o.text)}`),
    '',
    `Explanation: ${safeLines(item.explanation)}`,
  ].join('\n');
}

/** `# Quiz` or `# Flashcards`: the marker (when anything was derived), then the items. */
export function renderSection(heading: string, marker: Marker | undefined, blocks: readonly string[]): string {
  const parts = [`# ${heading}`];
  if (marker && (marker.ids.size > 0 || marker.retired.length > 0 || marker.removed.length > 0)) parts.push(renderMarker(marker));
  parts.push(...blocks.map((b) => b.trim()));
  return parts.join('\n\n') + '\n';
}
