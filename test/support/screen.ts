// A small terminal emulator for pseudo-terminal tests: replays what a program wrote (text, CR/LF,
// the cursor movements and erasing that prompts use) into rows, the way xterm would draw them,
// and records which rows the terminal had to wrap because a line was wider than the screen.
// Enough of VT100/xterm for our CLI and inquirer; other sequences are ignored.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayWidth } from '../../src/ui/text.js';

export interface Row {
  text: string;
  /** True when this row continues the one above because the terminal wrapped a too-long line. */
  wrapped: boolean;
}

export interface ScreenState {
  /** Every row written, scrollback included, trailing spaces trimmed. */
  rows: Row[];
}

export function emulate(raw: string, cols: number, height: number): ScreenState {
  const lines: { cells: string[]; wrapped: boolean }[] = [{ cells: [], wrapped: false }];
  let row = 0;
  let col = 0;
  let pending = false; // xterm's "last column" flag: the next character wraps
  let saved = { row: 0, col: 0 };
  const top = () => Math.max(0, lines.length - height);
  const ensure = (r: number) => {
    while (lines.length <= r) lines.push({ cells: [], wrapped: false });
  };
  const put = (ch: string) => {
    const w = displayWidth(ch);
    if (w === 0) return;
    if (pending || col + w > cols) {
      row++;
      ensure(row);
      lines[row]!.wrapped = true;
      lines[row]!.cells = [];
      col = 0;
      pending = false;
    }
    const cells = lines[row]!.cells;
    while (cells.length < col) cells.push(' ');
    cells[col] = ch;
    if (w === 2) cells[col + 1] = '';
    col += w;
    if (col >= cols) {
      col = cols - 1;
      pending = true;
    }
  };
  const csi = (params: string, final: string) => {
    const nums = params.replace(/^\?/, '').split(';').map((p) => (p === '' ? NaN : Number(p)));
    const n = Number.isNaN(nums[0]!) ? 1 : Math.max(1, nums[0]!);
    pending = false;
    switch (final) {
      case 'A':
        row = Math.max(top(), row - n);
        break;
      case 'B':
        row += n;
        ensure(row);
        break;
      case 'C':
        col = Math.min(cols - 1, col + n);
        break;
      case 'D':
        col = Math.max(0, col - n);
        break;
      case 'E':
        row += n;
        ensure(row);
        col = 0;
        break;
      case 'F':
        row = Math.max(top(), row - n);
        col = 0;
        break;
      case 'G':
        col = Math.min(cols - 1, n - 1);
        break;
      case 'H':
      case 'f': {
        const r = Number.isNaN(nums[0]!) ? 1 : nums[0]!;
        const c = Number.isNaN(nums[1] ?? NaN) ? 1 : nums[1]!;
        row = top() + r - 1;
        ensure(row);
        col = Math.min(cols - 1, c - 1);
        break;
      }
      case 'J': {
        const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
        if (mode === 0) {
          lines[row]!.cells.length = Math.min(lines[row]!.cells.length, col);
          lines.splice(row + 1);
        } else if (mode === 2 || mode === 3) {
          for (let r = top(); r < lines.length; r++) lines[r] = { cells: [], wrapped: false };
        }
        break;
      }
      case 'K': {
        const mode = Number.isNaN(nums[0]!) ? 0 : nums[0]!;
        const cells = lines[row]!.cells;
        if (mode === 0) cells.length = Math.min(cells.length, col);
        else if (mode === 1) for (let i = 0; i <= col && i < cells.length; i++) cells[i] = ' ';
        else cells.length = 0;
        break;
      }
      case 's':
        saved = { row, col };
        break;
      case 'u':
        ({ row, col } = saved);
        break;
      default: // m (colours), h/l (modes) and the rest: nothing to draw
    }
  };
  // eslint-disable-next-line no-control-regex
  const TOKEN = /\u001b\[([0-?]*)[ -/]*([@-~])|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b([78])|\u001b[@-Z\\-_]|[\s\S]/gu;
  for (const m of raw.matchAll(TOKEN)) {
    const [tok, params, final, dec] = m;
    if (final !== undefined) csi(params ?? '', final);
    else if (dec === '7') saved = { row, col };
    else if (dec === '8') ({ row, col } = saved);
    else if (tok.startsWith('\u001b')) continue;
    else if (tok === '\r') {
      col = 0;
      pending = false;
    } else if (tok === '\n') {
      row++;
      ensure(row);
      pending = false;
    } else if (tok === '\b') col = Math.max(0, col - 1);
    else if (tok === '\t') col = Math.min(cols - 1, (Math.floor(col / 8) + 1) * 8);
    else if (tok >= ' ' || tok > '\u007f') put(tok);
  }
  return { rows: lines.map((l) => ({ text: l.cells.join('').trimEnd(), wrapped: l.wrapped })) };
}

// Words are compared piece by piece: letters only, lower case (numbers, ids and marks are skipped).
const PIECE = /[a-z]+/g;

export function vocabulary(texts: Iterable<string>): Set<string> {
  const words = new Set<string>();
  for (const t of texts) for (const w of t.toLowerCase().match(PIECE) ?? []) words.add(w);
  return words;
}

/**
 * Problems with a screen: rows the terminal had to wrap (a line wider than the screen), and words
 * split across rows — a piece that is no known word, or two pieces at a row break that make a known
 * word when one of them is not a word by itself. Text cut with … is allowed: that is also how a
 * code-block line wider than the screen is shown (cut, never reflowed), so code lines are exempt.
 */
export function layoutProblems(state: ScreenState, words: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const known = (w: string) => w.length < 2 || words.has(w);
  // A word by itself: known, and longer than one letter unless it is "a" or "i".
  const whole = (w: string) => words.has(w) && (w.length > 1 || w === 'a' || w === 'i');
  const urlRows = urlAloneRows(state);
  state.rows.forEach((r, i) => {
    // A URL alone on its line is the one line allowed wider than the screen: soft-wrapped by the
    // terminal, it stays one line to copy and click (breaking it ourselves would not).
    if (urlRows.has(i)) return;
    if (r.wrapped) problems.push(`row ${i} wrapped by the terminal (line wider than the screen): ${JSON.stringify(state.rows[i - 1]?.text)} + ${JSON.stringify(r.text)}`);
    for (const token of r.text.split(/\s+/)) {
      // Text cut with …, and paths (a temporary home's random name) are not words.
      if (token.includes('…') || token.includes('/tmp/')) continue;
      for (const piece of token.toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ')) {
        if (/\d/.test(piece) || known(piece)) continue;
        problems.push(`row ${i}: unknown word piece ${JSON.stringify(piece)} in ${JSON.stringify(r.text)}`);
      }
    }
    const prev = state.rows[i - 1]?.text.trimEnd().split(/\s+/).at(-1) ?? '';
    const first = r.text.trimStart().split(/\s+/)[0] ?? '';
    // Letters only next to the break (s1, @15 are ids and numbers, not word pieces).
    const a = /(?<![0-9@=])[a-z]+$/i.exec(prev)?.[0]?.toLowerCase();
    const b = /^[a-z]+(?![0-9])/i.exec(first)?.[0]?.toLowerCase();
    if (a && b && /[a-z]$/i.test(prev) && /^[a-z]/i.test(first) && words.has(a + b) && (!whole(a) || !whole(b))) {
      problems.push(`rows ${i - 1}/${i}: "${a}" + "${b}" looks like the word "${a + b}" split: ${JSON.stringify(state.rows[i - 1]!.text)} / ${JSON.stringify(r.text)}`);
    }
  });
  return problems;
}

/** Rows of lines that are a URL alone (http(s):// or an absolute path), soft-wrapped by the terminal or not. */
function urlAloneRows(state: ScreenState): Set<number> {
  const rows = new Set<number>();
  for (let start = 0; start < state.rows.length; ) {
    let end = start + 1;
    while (state.rows[end]?.wrapped) end++;
    const line = state.rows.slice(start, end).map((r) => r.text).join('');
    if (/^ *(?:https?:\/\/|\/)\S+$/.test(line)) for (let i = start; i < end; i++) rows.add(i);
    start = end;
  }
  return rows;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * The words the program may print: the content's and its own (its strings live in src/), and
 * `library`, words of other programs' text on screen (inquirer's key help: "↑↓ navigate • ⏎ select").
 */
export function programVocabulary(library: string): Set<string> {
  const files = [...filesUnder(join(ROOT, 'content'), '.md'), ...filesUnder(join(ROOT, 'src'), '.ts')];
  return vocabulary([library, ...files.map((f) => readFileSync(f, 'utf8'))]);
}
