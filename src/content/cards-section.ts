// The `# Flashcards` section: `## card-id`, then `Front:`, `Back:` and optional `Key points:` list.
import type { Problem } from '../errors.js';
import { joinText, type Line, type Block } from './blocks.js';
import type { Flashcard } from './model.js';
import { type At, parseEntries } from './subsections.js';

const HEADING = /^[a-z0-9][a-z0-9-]*$/;
const FIELD = /^(Front|Back|Key points):\s*(.*)$/i;
const ITEM = /^[-*]\s+(.*)$/;

export function parseCards(section: Block, questionId: string, file: string): { cards: Flashcard[]; problems: Problem[] } {
  const { entries, problems } = parseEntries(section, questionId, file, {
    stray: "text before the first flashcard: start each card with '## card-id'",
    heading: (id) => (HEADING.test(id) ? { id } : `flashcard heading must be '## card-id' (lowercase letters, digits, dashes), got '## ${id}'`),
    duplicate: (id) => `duplicate flashcard id '${id}'`,
    entry: (block, { id }, at) => parseCard(block, id, at),
  });
  return { cards: entries, problems };
}

function parseCard(block: Block, id: string, at: At): Omit<Flashcard, 'key'> | undefined {
  const fields: Record<'front' | 'back' | 'key points', Line[] | undefined> = { front: undefined, back: undefined, 'key points': undefined };
  let current: Line[] | undefined;
  for (const line of block.body) {
    const f = FIELD.exec(line.text);
    if (f) {
      const name = f[1]!.toLowerCase() as keyof typeof fields;
      if (fields[name]) at(line.n, `flashcard '${id}': '${f[1]}:' appears twice`);
      current = fields[name] = [];
      if (f[2]) current.push({ n: line.n, text: f[2] });
    } else if (current) {
      current.push(line);
    } else if (line.text.trim() !== '') {
      at(line.n, `flashcard '${id}': text before 'Front:'`);
    }
  }
  const front = joinText(fields.front ?? []);
  const back = joinText(fields.back ?? []);
  const keyPoints: string[] = [];
  for (const line of fields['key points'] ?? []) {
    if (line.text.trim() === '') continue;
    const m = ITEM.exec(line.text.trim());
    if (m && m[1]!.trim()) keyPoints.push(m[1]!.trim());
    else at(line.n, `flashcard '${id}': key points must be '- ' list items`);
  }
  if (!front) at(block.line, `flashcard '${id}': missing or empty 'Front:'`);
  if (!back) at(block.line, `flashcard '${id}': missing or empty 'Back:'`);
  if (fields['key points'] && keyPoints.length === 0) at(block.line, `flashcard '${id}': 'Key points:' has no items`);
  if (!front || !back) return undefined;
  return { id, front, back, keyPoints, line: block.line };
}
