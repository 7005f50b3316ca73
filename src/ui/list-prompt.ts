// The list prompt behind Prompter.select: @inquirer/select's look and keys (↑↓ and j/k move without
// wrapping around, a number jumps to that entry, Enter chooses), with one difference: its message
// and labels are laid out for the terminal's width at every redraw, not once when the list opens.
// inquirer's select keeps the labels it was given, so a terminal resized while a list was open broke
// them mid-word (QA: opened at 100 columns, resized to 50). A resize redraws the list at once, and
// first erases the rows the terminal added when it reflowed the old frame onto more lines.
import { styleText } from 'node:util';
import { createPrompt, isBackspaceKey, isDownKey, isEnterKey, isNumberKey, isUpKey, useEffect, useKeypress, usePagination, usePrefix, useRef, useState } from '@inquirer/core';
import { displayWidth } from './text.js';

export interface ListChoice<T> {
  /** Laid out for the width already (by `layout`). */
  name: string;
  value: T;
  description?: string;
  /** The answer line once chosen. */
  short: string;
}

export interface ListLayout<T> {
  message: string;
  choices: readonly ListChoice<T>[];
}

export interface ListPromptConfig<T> extends Resizable {
  /** The message and choices laid out for a width; called again whenever the width changed. */
  layout: (columns: number) => ListLayout<T>;
  default?: T;
  pageSize?: number;
}

const CURSOR_HIDE = '\u001b[?25l';
// j/k move too, as in the scroll view. No search by typing: inquirer's select moved to the first choice
// starting with what was typed, and Esc, ←, → or Tab searched for '' (Esc then Enter picked the first).
const KEYS = ['vim'] as const;
const HELP = [['↑↓', 'navigate'], ['⏎', 'select']] as const;

/**
 * Rows that lines of these display widths take once a terminal `columns` wide has reflowed them
 * (tmux, VTE, iTerm2, kitty and Windows Terminal wrap each wider line onto several rows).
 */
export function rowsAfterReflow(widths: readonly number[], columns: number): number {
  return widths.reduce((n, w) => n + Math.max(1, Math.ceil(w / Math.max(1, columns))), 0);
}

/** Moves up and erases `n` more rows: the part of the old frame the prompt's own erase does not know of. */
export function eraseAbove(n: number): string {
  return '\u001b[1A\u001b[2K'.repeat(Math.max(0, n));
}

/** The entry the next ↑/↓ moves to, never past either end. */
export function moveActive(active: number, down: boolean, count: number): number {
  return Math.min(count - 1, Math.max(0, active + (down ? 1 : -1)));
}

/** A terminal that may be resized while a prompt is open. */
export interface Resizable {
  /** The terminal's width now. */
  columns: () => number;
  /** The terminal's resizes: the prompt is redrawn for the new width at once. */
  onResize?: (listener: () => void) => () => void;
}

/**
 * Follows resizes: the width to lay out for, and `draw`, which a prompt's render returns its frame
 * through (it first erases the rows of the old frame the terminal added when it reflowed it).
 */
export function useReflow(terminal: Resizable): { columns: number; draw: (frame: string) => string } {
  const drawn = useRef<number[]>([]);
  const erase = useRef(0);
  const [columns, setColumns] = useState(terminal.columns());
  useEffect(() => {
    if (!terminal.onResize) return undefined;
    return terminal.onResize(() => {
      const now = terminal.columns();
      // The old frame's rows as the prompt counted them, and as the terminal shows them now.
      erase.current = rowsAfterReflow(drawn.current, now) - drawn.current.length;
      setColumns(now);
    });
  }, []);
  const draw = (frame: string) => {
    drawn.current = frame.split('\n').map(displayWidth);
    const before = eraseAbove(erase.current);
    erase.current = 0;
    return before + frame;
  };
  return { columns, draw };
}

/** `layout(columns)`, computed again only when the width changed (not at every key). */
export function useLayout<L>(layout: (columns: number) => L, columns: number): L {
  const laidOut = useRef<{ columns: number; layout: L } | undefined>(undefined);
  if (laidOut.current?.columns !== columns) laidOut.current = { columns, layout: layout(columns) };
  return laidOut.current.layout;
}

/** inquirer's key help ("↑↓ navigate • ⏎ select"), broken between hints when wider than `columns`. */
export function keysHelp(keys: readonly (readonly [string, string])[], columns: number): string {
  const lines: string[] = [];
  let width = -1;
  for (const [key, action] of keys) {
    const hint = `${styleText('bold', key)} ${styleText('dim', action)}`;
    const w = displayWidth(`${key} ${action}`);
    if (width >= 0 && width + 3 + w <= columns) {
      lines[lines.length - 1] += `${styleText('dim', ' • ')}${hint}`;
      width += 3 + w;
    } else {
      lines.push(hint);
      width = w;
    }
  }
  return lines.join('\n');
}

export const listPrompt = createPrompt<unknown, ListPromptConfig<unknown>>((config, done) => {
  const { columns, draw } = useReflow(config);
  const { message, choices } = useLayout(config.layout, columns);
  const start = choices.findIndex((c) => 'default' in config && c.value === config.default);
  const [active, setActive] = useState(Math.max(0, start));
  const [finished, setFinished] = useState(false);
  const prefix = usePrefix({ status: finished ? 'done' : 'idle' });
  const jump = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useKeypress((key, rl) => {
    clearTimeout(jump.current);
    if (finished) return;
    if (isEnterKey(key)) {
      setFinished(true);
      done(choices[active]!.value);
    } else if (isUpKey(key, KEYS) || isDownKey(key, KEYS)) {
      rl.clearLine(0);
      setActive(moveActive(active, isDownKey(key, KEYS), choices.length));
    } else if (isNumberKey(key) && !Number.isNaN(Number(rl.line))) {
      // Digits typed in a row make one number ("12"), as in inquirer's select.
      const n = Number(rl.line) - 1;
      if (n >= 0 && n < choices.length) setActive(n);
      jump.current = setTimeout(() => rl.clearLine(0), 700);
    } else if (isBackspaceKey(key)) rl.clearLine(0);
  });
  useEffect(() => () => clearTimeout(jump.current), []);
  return draw(render(prefix, styleText('bold', message), choices, active, finished, config.pageSize ?? 7, columns));
});

/** The page (the part of the list around the cursor), the cursor entry's description and the keys. */
function render(prefix: string, message: string, choices: readonly ListChoice<unknown>[], active: number, finished: boolean, pageSize: number, columns: number): string {
  const chosen = choices[active]!;
  const page = usePagination({
    items: choices,
    active,
    renderItem: ({ item, isActive }) => (isActive ? styleText('cyan', `❯ ${item.name}`) : `  ${item.name}`),
    pageSize,
    loop: false,
  });
  if (finished) return [prefix, message, styleText('cyan', chosen.short)].filter(Boolean).join(' ');
  const lines = [[prefix, message].filter(Boolean).join(' '), page, ' ', chosen.description ? styleText('cyan', chosen.description) : '', keysHelp(HELP, columns)];
  return `${lines.filter(Boolean).join('\n').trimEnd()}${CURSOR_HIDE}`;
}
