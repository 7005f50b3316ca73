// Text helpers shared by the practice screens (progress, config, quiz, flashcards): plural words,
// and fitting lines to the terminal width. Pure: strings in, strings out.
//
// Widths are counted in code points after removing ANSI escapes: the text these screens lay out
// (ids, numbers, box and block characters, Latin prose) is one column per code point. Wrapping
// itself is wrap-ansi's, which measures East Asian wide characters too.
import wrapAnsi from 'wrap-ansi';

// CSI and OSC sequences (colours, hyperlinks).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** "1 card", "2 cards", "0 quizzes" (with `many`). */
export function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** Columns the text takes on screen (one line; escapes count for nothing). */
export function visibleLength(text: string): number {
  return [...stripAnsi(text)].length;
}

/** The widest line of a block of text. */
export function maxLineLength(text: string): number {
  return Math.max(0, ...text.split('\n').map(visibleLength));
}

/**
 * Wraps prose to `width` columns at spaces; a word longer than a line (a path, a URL) is broken.
 * Keeps colours intact across the breaks. Existing line breaks are kept.
 */
export function wrap(text: string, width: number): string {
  return fits(text, width) ? text : wrapAnsi(text, Math.max(1, width), { hard: true, trim: true });
}

// Characters that may take two columns: Hangul, CJK, fullwidth forms, emoji and pictographs.
const MAYBE_WIDE = /[\u1100-\u115f\u231a-\u23ff\u25a0-\u27bf\u2b00-\u2bff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffef]|[\u{1f000}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/**
 * True when every line surely fits `width`: no character that may be wide, and no more code points
 * than columns. Checked first so that text that fits never reaches wrap-ansi's width measurement,
 * which loads ICU's grapheme segmenter (~15 ms) for any non-ASCII character such as "·" or "─".
 */
export function fits(text: string, width: number): boolean {
  return !MAYBE_WIDE.test(text) && text.split('\n').every((line) => visibleLength(line) <= width);
}

/**
 * `label` then `body` wrapped beside it; later lines are indented to the label's width
 * (a hanging indent). When that would leave fewer than `minBody` columns for the body, the body
 * goes on the lines below the label instead, indented by `indent`.
 */
export function hang(label: string, body: string, width: number, opts: { minBody?: number; indent?: number } = {}): string {
  const labelWidth = visibleLength(label);
  const minBody = opts.minBody ?? 20;
  if (width - labelWidth < minBody) {
    const indent = ' '.repeat(Math.min(opts.indent ?? 4, Math.max(0, width - 1)));
    const under = wrap(body, width - indent.length)
      .split('\n')
      .map((l) => indent + l);
    return [label.trimEnd(), ...under].join('\n');
  }
  const pad = ' '.repeat(labelWidth);
  return wrap(body, width - labelWidth)
    .split('\n')
    .map((l, i) => (i === 0 ? label : pad) + l)
    .join('\n');
}

/** Plain text cut to at most `width` columns, ending in … when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 0) return '';
  return chars.slice(0, width - 1).join('') + '…';
}
