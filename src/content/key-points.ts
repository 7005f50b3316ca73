// Key points of a question's answer, for its question card: the items of the answer's top-level
// lists (`- item`, `* item`, `1. item` at the start of a line; indented lines continue an item).
// An explicit `key-points:` list in the front matter is used instead when present. Pure.
import type { Question } from './model.js';

const ITEM = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/;

export function listItems(markdown: string): string[] {
  const items: string[] = [];
  let current: string[] | undefined;
  const flush = () => {
    const text = current?.join(' ').replace(/\*\*|__|`/g, '').trim();
    if (text) items.push(text);
    current = undefined;
  };
  for (const line of markdown.split('\n')) {
    const item = ITEM.exec(line);
    if (item) {
      flush();
      current = [item[1]!.trim()];
    } else if (!current || line.trim() === '') {
      continue;
    } else if (/^\s/.test(line)) {
      // An indented line continues the item; a nested list item is part of it, not a point of its own.
      if (!ITEM.test(line.trim())) current.push(line.trim());
    } else {
      flush(); // a paragraph after the list ends it
    }
  }
  flush();
  return items;
}

/** The question's key points: front matter `key-points:`, else the brief answer's list items, else the super-brief's. */
export function questionKeyPoints(q: Pick<Question, 'answers'> & { 'key-points'?: string[] | undefined }): string[] {
  if (q['key-points'] && q['key-points'].length > 0) return q['key-points'];
  const brief = listItems(q.answers.brief);
  return brief.length > 0 ? brief : listItems(q.answers['super-brief']);
}
