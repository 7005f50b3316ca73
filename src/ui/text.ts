// The terminal layout rule, shared by every screen: text is measured by display width (ANSI escapes
// count for nothing, wide characters and emoji for two columns, combining marks for none) and wrapped
// at word boundaries to the terminal width, keeping a line's indentation (a list bullet, an option
// mark) as a hanging indent. Only a word longer than the whole line is ever broken.
//
// Why this is done here and never left to a library or to the terminal: the terminal breaks an
// over-long line at the last column, in the middle of a word; @inquirer/core re-breaks every prompt
// line at the width character by character (wordWrap: false); marked-terminal reflows paragraphs but
// not list items, and its list indentation pushes reflowed lines past the width. So every string is
// laid out here, to the live width, before anything else sees it.
//
// Pure: strings in, strings out.
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

// Characters that may take two columns: Hangul, CJK, fullwidth forms, emoji and pictographs.
const MAYBE_WIDE = /[\u1100-\u115f\u231a-\u23ff\u25a0-\u27bf\u2b00-\u2bff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe6f\uff00-\uffef]|[\u{1f000}-\u{1faff}\u{20000}-\u{3fffd}]/u;
// East Asian Wide / Fullwidth ranges and emoji presentation (the common cases; what terminals draw wide).
const WIDE = /[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6]|[\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f7e0}-\u{1f7eb}\u{1f90c}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]/u;
// Zero width: combining marks, variation selectors, zero-width joiner/space, other format characters.
// (Tested one code point at a time, so a mark in the class is never combined with a neighbour.)
// eslint-disable-next-line no-misleading-character-class
const ZERO = /[\p{Mn}\p{Me}\p{Cf}\u200b-\u200f\ufe00-\ufe0f]/u;

/** Columns one code point takes. */
function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

/** Columns the text takes on screen (one line; escapes count for nothing). */
export function displayWidth(text: string): number {
  const plain = stripAnsi(text);
  // Fast path: ASCII and one-column punctuation (·, ─, …) are one column per code point.
  // eslint-disable-next-line no-misleading-character-class
  if (!MAYBE_WIDE.test(plain) && !/[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/.test(plain)) return [...plain].length;
  let n = 0;
  for (const ch of plain) n += charWidth(ch);
  return n;
}

/** Kept for the callers that say "length": the same as displayWidth. */
export const visibleLength = displayWidth;

/** The widest line of a block of text. */
export function maxLineLength(text: string): number {
  return Math.max(0, ...text.split('\n').map(displayWidth));
}

/**
 * True when every line surely fits `width`: no character that may be wide, and no more code points
 * than columns. Checked first so that text that fits never reaches wrap-ansi's width measurement,
 * which loads ICU's grapheme segmenter (~15 ms) for any non-ASCII character such as "·" or "─".
 */
export function fits(text: string, width: number): boolean {
  return !MAYBE_WIDE.test(text) && text.split('\n').every((line) => [...stripAnsi(line)].length <= width);
}

/**
 * Wraps prose to `width` columns at spaces; a word longer than a line (a path, a URL) is broken.
 * Keeps colours intact across the breaks. Existing line breaks are kept; leading spaces of a line
 * are dropped (use `wrapIndented` to keep them).
 */
export function wrap(text: string, width: number): string {
  return fits(text, width) ? text : wrapAnsi(text, Math.max(1, width), { hard: true, trim: true });
}

/** `wrap`, as a list of lines (none for no text). */
export function wrapLines(text: string, width: number): string[] {
  return text === '' ? [] : wrap(text, width).split('\n');
}

/**
 * `label` then `body` wrapped beside it; later lines are indented to the label's width
 * (a hanging indent). When that would leave fewer than `minBody` columns for the body, the body
 * goes on the lines below the label instead, indented by `indent`.
 */
export function hang(label: string, body: string, width: number, opts: { minBody?: number; indent?: number } = {}): string {
  const labelWidth = displayWidth(label);
  const minBody = opts.minBody ?? 20;
  if (width - labelWidth < Math.max(1, minBody)) {
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

// A line's lead: colour codes, spaces, and a list marker (•, *, -, 1., ✔, ✘, ○, ❯) with the spaces after it.
// eslint-disable-next-line no-control-regex
const LEAD = /^((?:\u001b\[[0-9;]*m)*[ \t]*(?:(?:[*\-•✔✘○❯?]|\d+\.)(?:\u001b\[[0-9;]*m)* +)?)/;

/**
 * Every line wrapped to `width`, its leading spaces and list marker kept as a hanging indent, so
 * that a list item's continuation lines sit under its text. At most half the width is given to the indent.
 */
export function wrapIndented(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (fits(line, width)) return line;
      const lead = LEAD.exec(line)?.[1] ?? '';
      const leadWidth = displayWidth(lead);
      if (leadWidth === 0 || leadWidth > width / 2) return wrap(line, width);
      return hang(lead, line.slice(lead.length), width, { minBody: 1 });
    })
    .join('\n');
}

/** Plain text cut to at most `width` columns, ending in … when something was cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const ch of stripAnsi(text)) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return out + '…';
}

/**
 * Plain text cut to at most `width` columns at a word boundary, ending in … when something was cut
 * (a title in a one-line row: never half a word). A first word longer than the width is cut.
 */
export function truncateWords(text: string, width: number): string {
  const plain = stripAnsi(text);
  if (displayWidth(plain) <= width) return text;
  const cut = truncate(plain, width);
  const kept = cut.slice(0, -1);
  const space = kept.lastIndexOf(' ');
  // Cut inside a word: go back to the last space.
  const boundary = /\s/.test(plain[kept.length] ?? ' ') ? kept.length : space;
  if (boundary <= 0) return cut;
  return kept.slice(0, boundary).replace(/[\s,;:·—-]+$/, '') + '…';
}

// A shell word as shellCommand prints it: bare characters, '…' or $'…' quoted parts, glued together.
const SHELL_WORD = /(?:[^\s'$]+|'[^']*'|\$'(?:[^'\\]|\\.)*'|\$)+/g;

/**
 * A command printed for copying, in lines of at most `width` columns. It breaks only between whole
 * arguments (a flag stays with its value: `--seed 565511`), every line but the last ends in ` \`
 * so that the lines pasted into a shell still make one command, and continuation lines are
 * indented by `indent`. A command that fits stays on one line; an argument wider than the width
 * gets a line of its own, without the indent if that lets it fit, and is cut with … only when it
 * is wider than the whole line (the one case where the lines no longer paste back).
 */
export function layoutCommand(command: string, width: number, indent = 2): string[] {
  if (displayWidth(command) <= width) return [command];
  const units = commandUnits(command, width, indent);
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const lead = lines.length === 0 ? '' : ' '.repeat(indent);
    const candidate = line === '' ? lead + unit : `${line} ${unit}`;
    // Room for the " \" that ends a continued line.
    if (line !== '' && displayWidth(candidate) + 2 > width) {
      lines.push(line);
      line = ' '.repeat(indent) + unit;
    } else line = candidate;
  }
  lines.push(line);
  // Every line but the last goes on with the shell's continuation.
  return lines.map((l, i) => fitLine(l, width, i < lines.length - 1));
}

/** Whether `layoutCommand` lays `command` out at `width` with every argument whole and indented. */
export function commandFits(command: string, width: number, indent = 2): boolean {
  if (displayWidth(command) <= width) return true;
  return (command.match(SHELL_WORD) ?? []).every((w) => indent + displayWidth(w) + 2 <= width);
}

/** The command's arguments, a flag glued to its value when the two fit a continuation line together. */
function commandUnits(command: string, width: number, indent: number): string[] {
  const units: string[] = [];
  for (const w of command.match(SHELL_WORD) ?? []) {
    const last = units.at(-1);
    const pair = `${last} ${w}`;
    if (last !== undefined && /^--?[a-z][\w-]*$/i.test(last) && !w.startsWith('-') && indent + displayWidth(pair) + 2 <= width) units[units.length - 1] = pair;
    else units.push(w);
  }
  return units;
}

/**
 * A laid-out line (` \` added after it when `continued`) that is too wide holds one argument alone:
 * without its indent if that is enough (a shell ignores it), else the argument cut with ….
 */
function fitLine(line: string, width: number, continued: boolean): string {
  const tail = continued ? ' \\' : '';
  if (displayWidth(line + tail) <= width) return line + tail;
  const alone = line.trimStart();
  if (displayWidth(alone + tail) <= width) return alone + tail;
  return truncate(alone, width - displayWidth(tail)) + tail;
}

/**
 * Hints or commands ("prepdeck read a · prepdeck read b") laid out in lines of `width` columns:
 * lines break only between items, never leaving the separator at the start or end of a line. An
 * item wider than the width is laid out alone (as a command with `commands`, else wrapped as prose).
 */
export function layoutHints(items: readonly string[], width: number, opts: { sep?: string; commands?: boolean } = {}): string[] {
  const sep = opts.sep ?? ' · ';
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (displayWidth(item) > width) {
      if (line !== '') lines.push(line);
      line = '';
      lines.push(...(opts.commands ? layoutCommand(item, width) : wrap(item, width).split('\n')));
      continue;
    }
    if (line !== '' && displayWidth(line + sep + item) > width) {
      lines.push(line);
      line = item;
    } else line = line === '' ? item : line + sep + item;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const NBSP = '\u00a0';

/**
 * Like `hang`, but breaks only between the phrases joined by `sep` (commands in a footer, key hints),
 * never inside one, as long as every phrase fits on a line by itself.
 */
export function hangPhrases(label: string, body: string, width: number, sep = ' · '): string {
  const room = width - displayWidth(label);
  const phrases = body.split(sep);
  if (phrases.length < 2 || phrases.some((p) => displayWidth(p) + sep.length > room)) return hang(label, body, width, { minBody: 1 });
  const glued = phrases.map((p) => p.replaceAll(' ', NBSP)).join(sep);
  return hang(label, glued, width, { minBody: 1 }).replaceAll(NBSP, ' ');
}
