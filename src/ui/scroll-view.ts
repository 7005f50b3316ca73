// A result taller than the terminal, shown in place and scrolled with the keys (arrows, PgUp/PgDn,
// Home/End, space) until q, Enter or Esc; a shorter one is printed and waits for a key. Built on
// @inquirer/core like the other prompts, so Ctrl+C behaves the same everywhere.
import { createPrompt, isDownKey, isEnterKey, isUpKey, useKeypress, useState } from '@inquirer/core';

export interface ScrollViewConfig {
  /** A line kept above the text (fits the width). */
  title?: string;
  /** Laid out already: every line fits the width. */
  lines: readonly string[];
  /** Lines of text shown at a time. */
  height: number;
  columns: number;
  /** What closing returns to, e.g. `back to grading` (default: `close`). */
  closeHint?: string;
  /** Styles the footer (dim). */
  dim?: (s: string) => string;
}

const CLOSE = new Set(['q', 'escape', 'return', 'enter']);

/** The first line shown after a key, kept within [0, last]. */
export function scrollTo(top: number, key: string, page: number, total: number): number {
  const last = Math.max(0, total - page);
  const moves: Record<string, number> = { up: -1, down: 1, k: -1, j: 1, pageup: -page, pagedown: page, space: page, b: -page, home: -total, end: total };
  return Math.min(last, Math.max(0, top + (moves[key] ?? 0)));
}

export const scrollView = createPrompt<void, ScrollViewConfig>((config, done) => {
  const page = Math.max(1, config.height);
  const [top, setTop] = useState(0);
  const [closed, setClosed] = useState(false);
  const dim = config.dim ?? ((s: string) => s);
  useKeypress((key, rl) => {
    rl.clearLine(0);
    if (closed) return;
    const name = isUpKey(key) ? 'up' : isDownKey(key) ? 'down' : (key.name ?? '');
    if (CLOSE.has(name) || isEnterKey(key)) {
      setClosed(true);
      done();
      return;
    }
    setTop(scrollTo(top, name, page, config.lines.length));
  });
  if (closed) return '';
  const shown = config.lines.slice(top, top + page);
  const end = Math.min(config.lines.length, top + page);
  const close = config.closeHint ?? 'close';
  const long = `lines ${top + 1}–${end} of ${config.lines.length} · ↑↓ PgUp/PgDn: scroll · q: ${close}`;
  const footer = dim(long.length <= config.columns ? long : `${top + 1}–${end}/${config.lines.length} · ↑↓ PgUp/PgDn · q: ${close}`);
  return [...(config.title === undefined ? [] : [config.title]), ...shown, footer].join('\n');
});
