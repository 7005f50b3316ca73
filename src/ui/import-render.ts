// What `prepdeck import` prints: a progress bar on stderr while it works, and a summary table
// (document -> deck/id, cards and quiz items derived, notes) fitted to the terminal width.
import { sanitizeText } from '../content/sanitize.js';
import { plural, truncate, visibleLength, wrap } from './text.js';
import type { Output } from './terminal.js';

export interface ImportRow {
  file: string;
  /** `deck/id` of the question written. */
  target?: string;
  action?: 'new' | 'updated' | 'replaced' | 'unchanged';
  cards?: number;
  quiz?: number;
  notes: string[];
  /** Why the document was not imported. */
  failed?: string;
}

/** One line: `[#####.....] 3/12 caching-q2.txt`, at most `columns - 1` wide. */
export function progressLine(done: number, total: number, label: string, columns: number): string {
  const count = `${done}/${total}`;
  const barWidth = Math.max(5, Math.min(30, Math.floor(columns / 3)));
  const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth;
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}]`;
  const room = columns - 1 - visibleLength(bar) - count.length - 2;
  return `${bar} ${count}${room >= 5 ? ' ' + truncate(clean(label), room) : ''}`;
}

function clean(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ');
}

function cells(row: ImportRow): [string, string, string, string, string] {
  if (row.failed) return [clean(row.file), 'not imported', '', '', clean(row.failed)];
  const notes = [row.action && row.action !== 'new' ? row.action : '', ...row.notes].filter(Boolean).join('; ');
  return [clean(row.file), row.target ?? '', String(row.cards ?? 0), String(row.quiz ?? 0), clean(notes)];
}

const HEAD: [string, string, string, string, string] = ['Document', 'Question', 'Cards', 'Quiz', 'Notes'];
const MIN_NOTES = 16;

/** Columns of the table: the question id whole; the document path cut at the front when room is short. */
function columnWidths(all: readonly string[][], columns: number): [number, number, number] | undefined {
  const width = (i: number) => Math.max(visibleLength(HEAD[i]!), ...all.map((r) => visibleLength(r[i]!)));
  const qW = width(1);
  const notesOf = (fileW: number) => columns - 1 - (fileW + qW + 5 + 4 + 4 * 2);
  // No document with notes: the column needs room for its heading only, not for notes to come.
  const minNotes = all.some((r) => r[4]) ? MIN_NOTES : HEAD[4].length;
  let fileW = Math.min(width(0), Math.max(12, Math.floor(columns * 0.3)));
  // Give up some of the document column before cutting an id or squeezing the notes.
  if (notesOf(fileW) < minNotes) fileW = Math.max(Math.min(width(0), 12), fileW - (minNotes - notesOf(fileW)));
  return notesOf(fileW) >= minNotes ? [fileW, qW, notesOf(fileW)] : undefined;
}

/** A table when it fits the width with room for notes, else one block per document. */
export function renderSummary(rows: readonly ImportRow[], out: Pick<Output, 'c' | 'columns'>): string {
  const all = rows.map(cells);
  const widths = columnWidths(all, out.columns);
  const lines = widths ? asTable(all, widths, out) : asBlocks(all, out);
  const ok = rows.filter((r) => !r.failed);
  const cards = ok.reduce((n, r) => n + (r.cards ?? 0), 0);
  const quiz = ok.reduce((n, r) => n + (r.quiz ?? 0), 0);
  const failed = rows.length - ok.length;
  const total = `${plural(ok.length, 'document')} imported: ${plural(cards, 'card')}, ${plural(quiz, 'quiz item')}${failed ? `; ${failed} not imported` : ''}.`;
  lines.push('', wrap(failed ? out.c.red(total) : out.c.green(total), out.columns - 1));
  return lines.join('\n') + '\n';
}

// Notes below a row start here and use the rest of the line; notes taller than this in their column go below.
const NOTE_INDENT = 4;
const MAX_NOTE_LINES = 2;

function asTable(all: string[][], [fileW, qW, notesW]: number[], out: Pick<Output, 'c' | 'columns'>): string[] {
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - visibleLength(s)));
  const row = (r: readonly string[], bold = false) => {
    // A word wider than the notes column (a path, usually) is never cut there, and long notes do not
    // make a tall thin column: either way the notes go below the row, across the whole width.
    const inColumn = r[4] ? wrap(r[4], notesW!).split('\n') : [''];
    const below = inColumn.length > MAX_NOTE_LINES || r[4]!.split(/\s+/).some((w) => visibleLength(w) > notesW!);
    const notes = below ? [''] : inColumn;
    const first = [pad(truncateLeft(r[0]!, fileW!), fileW!), pad(r[1]!, qW!), r[2]!.padStart(5), r[3]!.padStart(4), notes[0]!].join('  ');
    const rest = below
      ? wrap(r[4]!, out.columns - 1 - NOTE_INDENT).split('\n').map((n) => ' '.repeat(NOTE_INDENT) + n)
      : notes.slice(1).map((n) => ' '.repeat(fileW! + qW! + 5 + 4 + 8) + n);
    return [bold ? out.c.bold(first.trimEnd()) : first.trimEnd(), ...rest];
  };
  return [...row(HEAD, true), ...all.flatMap((r) => row(r))];
}

/** A path cut at the front (its file name is what tells documents apart): `…ching/caching-q2.txt`. */
export function truncateLeft(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 0 ? '' : '…' + chars.slice(chars.length - width + 1).join('');
}

function asBlocks(all: string[][], out: Pick<Output, 'c' | 'columns'>): string[] {
  const w = out.columns - 1;
  return all.flatMap((r) => {
    const head = wrap(`${r[0]} -> ${r[1]}`, w);
    const counts = r[2] ? `${plural(Number(r[2]), 'card')}, ${plural(Number(r[3]), 'quiz item')}` : '';
    const body = [counts, r[4]].filter(Boolean).join('; ');
    return [head, ...(body ? wrap(body, w - 4).split('\n').map((l) => '    ' + l) : [])];
  });
}
