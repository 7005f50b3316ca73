// The terminal as the rest of the program sees it: where text goes, how wide it is, whether to colour.
import { createColors } from 'picocolors';
import { displayWidth, hang, stripAnsi, wrapIndented } from './text.js';

export type Colors = ReturnType<typeof createColors>;

export interface Output {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Columns to wrap to: the terminal's width, or 80 when unknown. */
  readonly columns: number;
  /** The terminal's height, when known (practice fits a card's back to it). */
  readonly rows?: number;
  readonly color: boolean;
  readonly c: Colors;
  /** Calls `listener` whenever the terminal is resized (a terminal only); returns the unsubscribe. */
  onResize?(listener: () => void): () => void;
}

interface WritableLike {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
  rows?: number;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

/** Colour only on a terminal without NO_COLOR; FORCE_COLOR (other than 0/false) forces it on. */
export function wantsColor(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (force === '0' || force === 'false') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

export function terminalWidth(columns: number | undefined, env: Record<string, string | undefined>): number {
  const fromEnv = Number(env.COLUMNS);
  const width = columns && columns > 0 ? columns : Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80;
  return Math.max(20, Math.min(width, 200));
}

// Cursor movement and erasing (a redraw in place, a progress line): such a line is passed through.
// eslint-disable-next-line no-control-regex
const CONTROL = /\r|\u001b\[[0-9;?]*[A-HJKSTfhlsu]/;
// The same at the start of a line (clear the screen, then draw): what follows starts at column 0.
// eslint-disable-next-line no-control-regex
const CONTROL_PREFIX = /^(?:\r|\u001b\[[0-9;?]*[A-HJKSTfhlsu])+/;

// A URL (or an absolute path) alone on its line is passed through whole even when wider than the
// terminal: the terminal soft-wraps it and still copies and opens it as one line; broken, it could not be.
const URL_ALONE = /^ *(?:https?:\/\/|\/)\S+$/;

/**
 * The last step of every screen on a terminal: a line wider than the terminal is wrapped at word
 * boundaries (its indent and list marker kept as a hanging indent) instead of being broken by the
 * terminal at the last column, mid-word. Screens lay their text out themselves; this catches
 * whatever one missed. Text written in pieces is laid out from the column the previous piece
 * ended at. JSON documents (a write starting with { or [) are never touched.
 */
export function layoutWriter(columns: () => number, write: (text: string) => void): (text: string) => void {
  let col = 0; // columns already used on the current line
  return (text) => {
    if (text.startsWith('{') || text.startsWith('[')) {
      write(text);
      col = text.endsWith('\n') ? 0 : col;
      return;
    }
    const width = columns();
    const laid = text.split('\n').map((line, i) => {
      const start = i === 0 ? col : 0;
      const prefix = CONTROL_PREFIX.exec(line)?.[0] ?? '';
      const rest = line.slice(prefix.length);
      if (CONTROL.test(rest)) return line;
      const from = prefix ? 0 : start;
      if (from + displayWidth(rest) <= width || (from === 0 && URL_ALONE.test(stripAnsi(rest)))) return line;
      // A continued line: its first piece goes after what is already on screen.
      if (from > 0) return from < width - 10 ? hang(' '.repeat(from), rest, width, { minBody: 1 }).slice(from) : '\n' + wrapIndented(rest, width);
      return prefix + wrapIndented(rest, width);
    });
    const out = laid.join('\n');
    write(out);
    col = lastLineWidth(out, text.includes('\n') ? 0 : col);
  };
}

/** Where the cursor is after `out`: the width of its last line (after any control prefix). */
function lastLineWidth(out: string, before: number): number {
  const nl = out.lastIndexOf('\n');
  const last = out.slice(nl + 1);
  const prefix = CONTROL_PREFIX.exec(last)?.[0] ?? '';
  if (CONTROL.test(last.slice(prefix.length))) return 0;
  const base = nl >= 0 || prefix ? 0 : before;
  return base + displayWidth(last.slice(prefix.length));
}

export function makeOutput(stream: WritableLike, env: Record<string, string | undefined>): Output {
  const isTTY = Boolean(stream.isTTY);
  const color = wantsColor(isTTY, env);
  const raw = (text: string) => void stream.write(text);
  const width = () => terminalWidth(stream.columns, env);
  return {
    // Piped output is never re-wrapped: the reader's width is unknown and data must stay intact.
    write: isTTY ? layoutWriter(width, raw) : raw,
    isTTY,
    // Read on every use, not once at start: a terminal resized while the menu is open lays out
    // the next screen to its new width (as inquirer's prompts do).
    get columns() {
      return width();
    },
    get rows() {
      return isTTY && stream.rows && stream.rows > 0 ? stream.rows : undefined;
    },
    color,
    c: createColors(color),
    ...(isTTY && stream.on && stream.off
      ? {
          onResize(listener: () => void): () => void {
            stream.on!('resize', listener);
            return () => void stream.off!('resize', listener);
          },
        }
      : {}),
  };
}

/** An Output that collects text; for tests and for rendering into a string. */
export function memoryOutput(opts: { color?: boolean; columns?: number; rows?: number; isTTY?: boolean } = {}): Output & { text(): string } {
  let buf = '';
  const color = opts.color ?? false;
  return {
    write: (t) => void (buf += t),
    isTTY: opts.isTTY ?? false,
    columns: opts.columns ?? 80,
    ...(opts.rows ? { rows: opts.rows } : {}),
    color,
    c: createColors(color),
    text: () => buf,
  };
}
