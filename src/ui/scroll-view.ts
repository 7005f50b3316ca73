// A result taller than the terminal, shown in place and scrolled with the keys (arrows, PgUp/PgDn,
// Home/End, space) until q, Enter or Esc; a shorter one is printed and waits for a key. Built on
// @inquirer/core like the other prompts, so Ctrl+C behaves the same everywhere.
// When the terminal is resized the text is rendered again from its source for the new width (lines
// laid out for the old width would be broken mid-word by the terminal, and re-wrapping them leaves
// ragged text and broken rules), the same part of it stays in view, and the screen is redrawn clean.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useEffect, useKeypress, useRef, useState } from '@inquirer/core';
import { displayWidth } from './text.js';

/** What the view shows: a title kept above the text (fits the width) and the text's lines. */
export interface ScrollPage {
  title?: string;
  /** Laid out already: every line fits the width. */
  lines: readonly string[];
}

/** The terminal now, and its resizes. */
export interface LiveTerminal {
  columns(): number;
  rows(): number | undefined;
  /** Calls `listener` on every resize; returns the unsubscribe. */
  onResize(listener: () => void): () => void;
}

export interface ScrollViewConfig extends ScrollPage {
  /** Lines of text shown at a time. */
  height: number;
  columns: number;
  /** The page again for another width: called when the terminal is resized. */
  render?: (columns: number) => ScrollPage | Promise<ScrollPage>;
  /** Where resizes come from (with `render`, the view follows the terminal's size). */
  terminal?: LiveTerminal;
  /** What closing returns to, e.g. `back to grading` (default: `close`). */
  closeHint?: string;
  /** Styles the footer (dim). */
  dim?: (s: string) => string;
}

interface ViewState extends ScrollPage {
  columns: number;
  height: number;
  /** The first line shown. */
  top: number;
}

const CLOSE = new Set(['q', 'escape', 'return', 'enter']);

/** Clears the screen and homes the cursor: after a resize the terminal has reflowed the old frame. */
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';

/** The first line shown after a key, kept within [0, last]. */
export function scrollTo(top: number, key: string, page: number, total: number): number {
  const last = Math.max(0, total - page);
  const moves: Record<string, number> = { up: -1, down: 1, k: -1, j: 1, pageup: -page, pagedown: page, space: page, b: -page, home: -total, end: total };
  return Math.min(last, Math.max(0, top + (moves[key] ?? 0)));
}

/**
 * The first line to show once the text was laid out again (`before` lines became `after`): the
 * same fraction of the way through it, so the part being read stays in view; the top stays the
 * top and the end stays the end.
 */
export function keepPlace(top: number, before: number, after: number, page: number): number {
  const last = Math.max(0, after - page);
  if (top <= 0 || before <= 0) return 0;
  if (top >= Math.max(0, before - page)) return last;
  return Math.min(last, Math.max(0, Math.round((top / before) * after)));
}

/** Rows for text after a resize: the rows the view's title, footer and prompt line took stay theirs. */
export function heightFor(rows: number | undefined, reserved: number, fallback: number): number {
  return rows === undefined ? fallback : Math.max(3, rows - reserved);
}

/** The footer: where the view is and its keys, the longest form that fits (one line: it is the prompt line). */
export function footerText(top: number, page: number, total: number, columns: number, close: string): string {
  const end = Math.min(total, top + page);
  const forms = [
    `lines ${top + 1}–${end} of ${total} · ↑↓ PgUp/PgDn: scroll · q: ${close}`,
    `${top + 1}–${end}/${total} · ↑↓ PgUp/PgDn · q: ${close}`,
    `${top + 1}–${end}/${total} · q: ${close}`,
  ];
  return forms.find((f) => displayWidth(f) <= columns) ?? `${top + 1}–${end}/${total}`;
}

/** The view laid out again, from its source, for the terminal's size now; `now` is the view on screen once it is ready. */
async function relayout(config: ScrollViewConfig, terminal: LiveTerminal, reserved: number, now: () => ViewState): Promise<ViewState> {
  const columns = terminal.columns();
  const page = await config.render!(columns);
  // Read after the await: a key may have scrolled the view meanwhile.
  const before = now();
  const height = heightFor(terminal.rows(), reserved, before.height);
  const top = keepPlace(before.top, before.lines.length, page.lines.length, height);
  return { ...(page.title === undefined ? {} : { title: page.title }), lines: page.lines, columns, height, top };
}

/** Follows the terminal's resizes while the view is open: each one lays the view out again. */
function useResize(config: ScrollViewConfig, state: ViewState, apply: (next: ViewState) => void): void {
  const latest = useRef(state);
  latest.current = state;
  useEffect(() => {
    const { terminal, render } = config;
    if (!terminal || !render) return undefined;
    const reserved = (terminal.rows() ?? config.height) - config.height;
    let seq = 0;
    let open = true;
    const off = terminal.onResize(() => {
      const mine = ++seq;
      void relayout(config, terminal, reserved, () => latest.current).then(
        (next) => open && mine === seq && apply(next),
        () => undefined, // the text could not be laid out again: the view stays as it was
      );
    });
    return () => {
      open = false;
      off();
    };
  }, []);
}

export const scrollView = createPrompt<void, ScrollViewConfig>((config, done) => {
  const [state, setState] = useState<ViewState>(() => ({
    ...(config.title === undefined ? {} : { title: config.title }),
    lines: config.lines,
    columns: config.columns,
    height: Math.max(1, config.height),
    top: 0,
  }));
  const [closed, setClosed] = useState(false);
  // After a resize the next frame starts on a cleared screen: the terminal reflowed the old one.
  const clear = useRef(false);
  const dim = config.dim ?? ((s: string) => s);
  useResize(config, state, (next) => {
    clear.current = true;
    setState(next);
  });
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (closed) return;
    const name = isUpKey(key) ? 'up' : isDownKey(key) ? 'down' : (key.name ?? '');
    if (CLOSE.has(name) || isEnterKey(key)) {
      setClosed(true);
      done();
      return;
    }
    setState({ ...state, top: scrollTo(state.top, name, state.height, state.lines.length) });
  });
  if (closed) return '';
  const { top, height, lines } = state;
  const footer = dim(footerText(top, height, lines.length, state.columns, config.closeHint ?? 'close'));
  const prefix = clear.current ? CLEAR_SCREEN : '';
  clear.current = false;
  return prefix + [...(state.title === undefined ? [] : [state.title]), ...lines.slice(top, top + height), footer].join('\n');
});
