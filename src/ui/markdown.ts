// Markdown to terminal text with marked + marked-terminal, styled with our own colours so that
// NO_COLOR / FORCE_COLOR / piping decide (marked-terminal's chalk would guess from process.stdout).
import { Marked } from 'marked';
import { markedTerminal } from 'marked-terminal';
import Table from 'cli-table3';
import type { Output } from './terminal.js';
import { fits, visibleLength, wrap } from './text.js';

type Style = (s: string) => string;
type Out = Pick<Output, 'c' | 'color' | 'columns'>;

// One configured renderer per output: a screen renders several pieces (question, answer, tips).
const renderers = new WeakMap<Out, Marked>();

export function renderMarkdown(markdown: string, out: Out): string {
  let marked = renderers.get(out);
  if (!marked) renderers.set(out, (marked = makeRenderer(out)));
  const rendered = marked.parse(markdown, { async: false });
  return wrapLong(rendered.replace(/\n{3,}/g, '\n\n').trimEnd(), out.columns) + '\n';
}

function makeRenderer(out: Out): Marked {
  const c = out.c;
  const plain: Style = (s) => s;
  const both = (a: Style, b: Style): Style => (s) => a(b(s));
  const marked = new Marked();
  marked.use(
    markedTerminal({
      code: c.yellow,
      blockquote: both(c.gray, c.italic),
      html: c.gray,
      heading: both(c.green, c.bold),
      firstHeading: both(c.magenta, c.bold),
      hr: plain,
      listitem: plain,
      table: plain,
      paragraph: plain,
      strong: c.bold,
      em: c.italic,
      codespan: c.yellow,
      del: both(c.dim, c.strikethrough),
      link: c.blue,
      href: both(c.blue, c.underline),
      text: plain,
      emoji: false,
      width: out.columns,
      reflowText: true,
      showSectionPrefix: false,
      tab: 2,
      tableOptions: out.color ? {} : { style: { head: [], border: [] } },
    }),
  );
  // Setext headings (a line underlined with === or ---) are not part of the content format (headings
  // are `#`), and marked's rule for them re-scans every paragraph: the slowest step of a first render.
  marked.use({ tokenizer: { lheading: () => undefined } });
  // marked-terminal drops the inline tokens (bold, code) of tight list items; render them here.
  // Its tables never wrap; fit them to the width instead.
  marked.use({
    renderer: {
      text(token) {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false;
      },
      table(token) {
        const head = token.header.map((cell) => c.bold(this.parser.parseInline(cell.tokens)));
        const rows = token.rows.map((row) => row.map((cell) => this.parser.parseInline(cell.tokens)));
        const table = new Table({
          head,
          colWidths: fitColumns([head, ...rows], out.columns),
          wordWrap: true,
          wrapOnWordBoundary: true,
          style: out.color ? { head: [], border: ['gray'] } : { head: [], border: [] },
        });
        table.push(...rows);
        return table.toString() + '\n\n';
      },
    },
  });
  return marked;
}

// marked-terminal reflows paragraphs only: wrap long list items and table-free lines with a hanging indent.
// eslint-disable-next-line no-control-regex
const LEAD = /^((?:\u001b\[[0-9;]*m)*\s*(?:[*\-•]|\d+\.)?\s+)/;
function wrapLong(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      if (fits(line, width) || /[│┌└├]/.test(line)) return line;
      const lead = LEAD.exec(line)?.[1] ?? '';
      const indent = ' '.repeat(visibleLength(lead));
      const body = wrap(line.slice(lead.length), Math.max(10, width - indent.length));
      return body
        .split('\n')
        .map((l, i) => (i === 0 ? lead : indent) + l)
        .join('\n');
    })
    .join('\n');
}

/** Column widths (with padding) that fit `width`: natural widths, the widest shrunk first. */
export function fitColumns(rows: string[][], width: number): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const natural = Array.from({ length: n }, (_, i) => Math.max(3, ...rows.map((r) => visibleLength(r[i] ?? '') + 2)));
  const budget = Math.max(n * 6, width - (n + 1));
  const widths = [...natural];
  while (widths.reduce((a, b) => a + b, 0) > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= 6) break;
    widths[widest]!--;
  }
  return widths;
}
