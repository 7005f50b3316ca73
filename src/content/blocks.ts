// Splitting Markdown into sections by heading level, ignoring headings inside fenced code blocks.

export interface Line {
  /** 1-based line number in the file. */
  n: number;
  text: string;
}

export interface Block {
  heading: string;
  /** Line of the heading itself. */
  line: number;
  body: Line[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/** Lines before the first heading of `level`, and one block per heading of that level. */
export function splitByHeading(lines: Line[], level: 1 | 2): { preamble: Line[]; blocks: Block[] } {
  const marker = '#'.repeat(level) + ' ';
  const preamble: Line[] = [];
  const blocks: Block[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const f = FENCE.exec(line.text);
    if (f) {
      const mark = f[1]!;
      if (fence === undefined) fence = mark;
      else if (mark[0] === fence[0] && mark.length >= fence.length) fence = undefined;
    } else if (fence === undefined && line.text.startsWith(marker)) {
      blocks.push({ heading: line.text.slice(marker.length).trim(), line: line.n, body: [] });
      continue;
    }
    (blocks.at(-1)?.body ?? preamble).push(line);
  }
  return { preamble, blocks };
}

/** The lines' text joined, without leading and trailing blank lines. */
export function joinText(lines: Line[]): string {
  return lines
    .map((l) => l.text)
    .join('\n')
    .replace(/^\s*\n/, '')
    .trim();
}

/** The first line with text; a line that is one whole HTML comment (e.g. the import's marker) does not count. */
export function firstNonBlank(lines: Line[]): Line | undefined {
  return lines.find((l) => l.text.trim() !== '' && !/^<!--.*-->$/.test(l.text.trim()));
}
