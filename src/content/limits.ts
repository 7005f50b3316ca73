// Bounds on what one content file may ask of the reader. Content folders come from anyone, and the
// Markdown renderer recurses once per nesting level (thousands of `>` overflow its stack) and its
// cost grows with the text, so files, sections and nesting are capped before anything renders.
// Documented in content/README.md ("Limits").
import type { Problem } from '../errors.js';
import type { Line } from './blocks.js';

export const CONTENT_LIMITS = {
  /** Bytes read from one content file; a longer file is refused, not cut. */
  fileBytes: 1024 * 1024,
  /** Characters of YAML front matter: YAML parsing slows down sharply on large, deeply nested or key-heavy input. */
  frontMatterChars: 16 * 1024,
  /** Characters in one `#` section (the question, an answer depth, tips, the quiz, the flashcards). */
  sectionChars: 64 * 1024,
  /** Nested block quotes and list levels on one line, together. */
  nesting: 16,
};

// A backtick fence's info string holds no backtick (CommonMark); a line that only looks like a fence
// must not hide the lines after it from the check.
const FENCE = /^\s{0,3}(?:(`{3,})[^`]*$|(~{3,}))/;
// One container marker at the start of what is left of the line: `>`, or a list item marker.
// The one space that belongs to the marker is part of it, not indentation.
const CONTAINER = /^(?:> ?|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * How deeply the line nests block containers, counted generously: every `>` and list marker that
 * opens it, plus one level per two columns of indentation before them (a nested list item is
 * indented by at least two columns per level). Only lines that open a container count.
 */
export function nestingDepth(text: string): number {
  let depth = 0;
  let indent = 0;
  let i = 0;
  for (;;) {
    let col = 0;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) {
      col += text[i] === '\t' ? 4 - (col % 4) : 1;
      i++;
    }
    const m = CONTAINER.exec(text.slice(i, i + 12));
    if (!m) break;
    indent += col;
    depth++;
    i += m[0].length;
  }
  return depth === 0 ? 0 : depth + Math.floor(indent / 2);
}

/** The first line nested deeper than the limit, outside fenced code blocks. */
export function tooDeep(lines: readonly Line[]): Line | undefined {
  let fence: string | undefined;
  for (const line of lines) {
    const f = FENCE.exec(line.text);
    if (f) {
      const mark = (f[1] ?? f[2])!;
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence === undefined && nestingDepth(line.text) > CONTENT_LIMITS.nesting) return line;
  }
  return undefined;
}

/** Problems with a section's size and nesting; `name` is how the section is shown ('# Detailed answer'). */
export function checkSection(name: string, heading: number, body: readonly Line[], file: string): Problem[] {
  const problems: Problem[] = [];
  const chars = body.reduce((n, l) => n + l.text.length + 1, 0);
  if (chars > CONTENT_LIMITS.sectionChars) {
    problems.push({
      file,
      line: heading,
      message: `section '${name}' is too long (${chars.toLocaleString('en-US')} characters; at most ${CONTENT_LIMITS.sectionChars.toLocaleString('en-US')})`,
    });
  }
  const deep = tooDeep(body);
  if (deep) {
    problems.push({
      file,
      line: deep.n,
      message: `nesting too deep: more than ${CONTENT_LIMITS.nesting} levels of block quotes and lists`,
    });
  }
  return problems;
}
