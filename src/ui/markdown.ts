// Markdown to terminal text with marked + marked-terminal, styled with our own colours so that
// NO_COLOR / FORCE_COLOR / piping decide (marked-terminal's chalk would guess from process.stdout).
import { Marked, type MarkedExtension, type Token } from 'marked';
import { markedTerminal } from 'marked-terminal';
import Table from 'cli-table3';
import { CODE_LINE, layoutMarkdown } from './markdown-layout.js';
import { prebuilt, prerendered } from './prebuilt.js';
import type { Output } from './terminal.js';
import { visibleLength } from './text.js';

type Style = (s: string) => string;
type Out = Pick<Output, 'c' | 'color' | 'columns'>;

// One configured renderer per output: a screen renders several pieces (question, answer, tips).
const renderers = new WeakMap<Out, Marked>();
function rendererFor(out: Out): Marked {
  let marked = renderers.get(out);
  if (!marked) renderers.set(out, (marked = makeRenderer(out)));
  return marked;
}

export function renderMarkdown(markdown: string, out: Out): string {
  return layoutMarkdown(prerendered(markdown, out.color) ?? renderUnwrapped(markdown, out), out);
}

/**
 * The text rendered for this output and not yet wrapped: what the build stores for texts whose
 * rendering depends on nothing but colour (see rendersAlike).
 */
export function renderUnwrapped(markdown: string, out: Out): string {
  const marked = rendererFor(out);
  // Tokens lexed at build time for this exact text (ui/prebuilt.ts), else lexed now.
  const tokens = prebuilt(markdown)?.tokens;
  const rendered = restoreColons(tokens ? marked.parser(tokens) : marked.parse(markdown, { async: false }));
  return rendered.replace(/\n{3,}/g, '\n\n').trimEnd();
}

/**
 * Tokens that render the same at every width and in every terminal: not a rule or a table (both
 * sized to the width) nor a link (a terminal hyperlink only where the terminal supports one).
 */
const WIDTH_FREE = new Set(['space', 'paragraph', 'text', 'strong', 'em', 'codespan', 'code', 'list', 'list_item', 'heading', 'br', 'escape', 'blockquote', 'del']);
export function rendersAlike(tokens: readonly Token[]): boolean {
  return tokens.every((t) => {
    if (!WIDTH_FREE.has(t.type)) return false;
    const inner = [...('tokens' in t && t.tokens ? t.tokens : []), ...('items' in t && Array.isArray(t.items) ? (t.items as Token[]) : [])];
    return rendersAlike(inner);
  });
}

// marked-terminal writes the colons of a code span as this placeholder (so that its emoji pass
// leaves `a:b:` alone) and restores them only in the renderers it runs itself; ours (paragraph,
// text, tables, parseInline) bypass that, so every rendered string is restored here.
const COLON_PLACEHOLDER = '*#COLON|*';
function restoreColons(text: string): string {
  return text.replaceAll(COLON_PLACEHOLDER, ':');
}

/**
 * One line of inline Markdown (`code`, *emphasis*, **strong**) styled for the terminal, unwrapped:
 * for quiz options and other labels that the caller lays out itself.
 */
export function renderInline(markdown: string, out: Out): string {
  const marked = rendererFor(out);
  return restoreColons(joinSoftBreaks(marked.parseInline(markdown, { async: false })));
}

// marked keeps the source's line breaks inside a paragraph; they are not line breaks on screen.
// A hard break (two spaces or a backslash at the end of a line) is kept.
const HARD_BREAK = '\u2028';
function joinSoftBreaks(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, ' ').replaceAll(HARD_BREAK, '\n');
}

// Setext headings (a line underlined with === or ---) are not part of the content format (headings
// are `#`), and marked's rule for them re-scans every paragraph: the slowest step of a first render.
const NO_SETEXT = { tokenizer: { lheading: () => undefined } };

/** The tokens renderMarkdown's lexer makes of a text: for the build's pre-lexed answers. */
export function lexMarkdown(markdown: string): Token[] {
  return new Marked().use(NO_SETEXT).lexer(markdown);
}

function makeRenderer(out: Out): Marked {
  const marked = new Marked();
  marked.use(markedTerminal(terminalStyles(out)));
  marked.use(NO_SETEXT);
  marked.use(layoutRenderer(out));
  return marked;
}

/** marked-terminal's styles, from this output's colours; its own wrapping is switched off. */
function terminalStyles(out: Out) {
  const c = out.c;
  const plain: Style = (s) => s;
  const both = (a: Style, b: Style): Style => (s) => a(b(s));
  return {
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
    // No wrapping here: marked-terminal's reflow counts a list item's text without its indent
    // (reflowed lines then overflow and break again, orphaning words) and its rule reads
    // process.stdout's width. All of it is laid out once, by wrapIndented, to the live width.
    reflowText: false,
    showSectionPrefix: false,
    tab: 2,
    tableOptions: out.color ? {} : { style: { head: [], border: [] } },
  };
}

/**
 * marked-terminal drops the inline tokens (bold, code) of tight list items; render them here.
 * Its tables never wrap; fit them to the width instead.
 */
function layoutRenderer(out: Out): MarkedExtension {
  const c = out.c;
  return {
    renderer: {
      text(token) {
        return 'tokens' in token && token.tokens ? joinSoftBreaks(this.parser.parseInline(token.tokens)) : false;
      },
      paragraph(token) {
        return joinSoftBreaks(this.parser.parseInline(token.tokens)) + '\n\n';
      },
      br() {
        return HARD_BREAK;
      },
      code(token) {
        const lines = token.text.replaceAll(CODE_LINE, '').replace(/\n+$/, '').split('\n');
        return lines.map((l) => `  ${CODE_LINE}${l}`).join('\n') + '\n\n';
      },
      hr() {
        return '─'.repeat(Math.max(1, Math.min(out.columns, 100))) + '\n\n';
      },
      table(token) {
        const head = token.header.map((cell) => c.bold(restoreColons(this.parser.parseInline(cell.tokens))));
        const rows = token.rows.map((row) => row.map((cell) => restoreColons(this.parser.parseInline(cell.tokens))));
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
  };
}

/**
 * Column widths (with padding) that fit `width`: natural widths, the widest shrunk first, but no
 * column below its longest word while another can still give (a narrower cell cuts that word
 * with …: `least_outstanding_requests` lost its end while a short column kept room to spare).
 */
export function fitColumns(rows: string[][], width: number): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const natural = Array.from({ length: n }, (_, i) => Math.max(3, ...rows.map((r) => visibleLength(r[i] ?? '') + 2)));
  const words = Array.from({ length: n }, (_, i) => Math.max(3, ...rows.flatMap((r) => (r[i] ?? '').split(/\s+/).map((w) => visibleLength(w) + 2))));
  const budget = Math.max(n * 6, width - (n + 1));
  const widths = [...natural];
  const shrink = (floor: (i: number) => number) => {
    while (widths.reduce((a, b) => a + b, 0) > budget) {
      const open = widths.map((w, i) => (w > floor(i) ? w : -1));
      const widest = open.indexOf(Math.max(...open));
      if (open[widest]! < 0) return;
      widths[widest]!--;
    }
  };
  shrink((i) => Math.max(6, words[i]!));
  shrink(() => 6);
  return widths;
}
