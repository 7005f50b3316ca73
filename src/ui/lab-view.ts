// The running lab in the terminal: what was started, then a live per-backend request count. On a
// terminal a few lines are redrawn in place; piped, a line is printed whenever the counts change.
import type { Output } from './terminal.js';
import { displayWidth, hang, stripAnsi, wrap } from './text.js';

export interface LabBanner {
  url: string;
  token: string;
  balancer: 'builtin' | 'haproxy';
  strategy: string;
  rrMode: string;
  store: 'memory' | 'redis';
  redisUrl?: string;
  backends: { name: string; port: number; weight?: number }[];
  haproxyConfig?: string | null;
  haproxyPid?: number;
}

export interface BackendLine {
  name: string;
  port: number;
  state: 'up' | 'down' | 'draining';
  requests: number;
  sessions: number | null;
}

export function renderBanner(b: LabBanner, out: Output): string {
  const { c } = out;
  const balancer =
    b.balancer === 'haproxy'
      ? `HAProxy${b.haproxyPid ? ` (pid ${b.haproxyPid})` : ''}, ${b.strategy}`
      : `built-in, ${b.strategy}${b.strategy === 'sticky-cookie' ? ` (rr-mode ${b.rrMode})` : ''}`;
  const store = b.store === 'redis' ? `Redis at ${b.redisUrl ?? ''}` : "each backend's memory";
  // [label, value, whole]: `whole` (a URL, a path) is printed first and never broken (see bannerRow).
  const rows: [string, string, string?][] = [
    ['Shop:', '', b.url],
    ['Admin panel:', c.dim('(open this one; the token stays in the URL fragment, never in a server log)'), `${b.url}#token=${b.token}`],
    ['Admin token:', `${b.token}  ${c.dim('(header X-Lab-Token for /_lab/…)')}`],
    ['Balancer:', balancer],
    ['Sessions:', store],
    ['Backends:', b.backends.map((x) => `${x.name} 127.0.0.1:${x.port}`).join(' · ')],
  ];
  // Weights get their own row (short, so it does not wrap) once any differs from 1.
  if (b.backends.some((x) => (x.weight ?? 1) !== 1)) rows.push(['Weights:', b.backends.map((x) => `${x.name} ${x.weight ?? 1}`).join(' · ')]);
  if (b.haproxyConfig) rows.push(['HAProxy config:', '', b.haproxyConfig]);
  const title = `${c.bold('prepdeck lab')} ${c.dim('· everything on your machine; Ctrl+C stops it all')}`;
  return [out.isTTY ? wrap(title, out.columns) : title, ...rows.map(([label, value, whole]) => bannerRow(label, value, out, whole))].join('\n') + '\n\n';
}

/**
 * `  Label:  whole  value`. On a terminal the value wraps beside the label at word boundaries, or goes
 * on the lines under it when its longest word would not fit beside it. `whole` (a URL or a path, to
 * copy or click) is never broken: when it does not fit indented it gets a line of its own, unindented,
 * which the terminal soft-wraps if need be and still copies and opens as one line. Piped, each row
 * stays one line: scripts read the banner (the URL, the token, the backends' ports).
 */
function bannerRow(label: string, value: string, out: Output, whole?: string): string {
  const head = `  ${label.padEnd(13)} `;
  const text = whole === undefined ? value : [out.c.cyan(whole), value].filter(Boolean).join('  ');
  if (!out.isTTY) return head + text;
  const indent = 4;
  if (whole !== undefined && displayWidth(whole) > out.columns - indent) {
    const rest = value ? wrap(value, out.columns - indent).split('\n').map((l) => ' '.repeat(indent) + l) : [];
    return [head.trimEnd(), out.c.cyan(whole), ...rest].join('\n');
  }
  const longest = Math.max(...stripAnsi(text).split(/\s+/).map(displayWidth));
  return hang(head, text, out.columns, { minBody: Math.min(longest, out.columns - indent), indent });
}

export function remoteWarning(host: string, out: Output): string {
  return `${out.c.yellow('warning:')} the lab listens on ${host}: other machines may reach the shop and, with the token, its admin API. It has no TLS and no real accounts.\n`;
}

function stateWord(line: BackendLine, width: number, out: Output): string {
  const { c } = out;
  const w = line.state.padEnd(width);
  return line.state === 'up' ? c.green(w) : line.state === 'down' ? c.red(w) : c.yellow(w);
}

/** How one layout of the live rows looks: each narrower than the one before, nothing cut. */
interface CountsLayout {
  port: boolean;
  /** Numbers padded to a fixed width (columns stay put as counts grow) or to the widest now. */
  fixed: boolean;
  /** "3 req", "1 sess" instead of "3 requests", "1 session". */
  short: boolean;
}

// Tried in order until the rows fit: the port goes first, then the numbers' spare padding, then the
// labels are shortened. Below that (a very narrow terminal) each row wraps with a hanging indent.
const LAYOUTS: readonly CountsLayout[] = [
  { port: true, fixed: true, short: false },
  { port: false, fixed: true, short: false },
  { port: false, fixed: false, short: false },
  { port: false, fixed: false, short: true },
];

function countsRows(lines: readonly BackendLine[], layout: CountsLayout, out: Output): string[] {
  const digits = (pick: (l: BackendLine) => number | null, fixed: number) =>
    layout.fixed ? fixed : Math.max(1, ...lines.map((l) => String(pick(l) ?? '').length));
  const [reqDigits, sessDigits] = [digits((l) => l.requests, 6), digits((l) => l.sessions, 4)];
  const stateWidth = layout.fixed ? 8 : Math.max(...lines.map((l) => l.state.length));
  const label = (n: number, word: 'request' | 'session') => (layout.short ? (word === 'request' ? 'req' : 'sess') : plural(n, word));
  const labelWidth = (word: 'request' | 'session') => (layout.short ? label(0, word).length : 8);
  return lines.map((l) => {
    const sessions = l.sessions === null ? '' : `  ${String(l.sessions).padStart(sessDigits)}${NB}${label(l.sessions, 'session').padEnd(labelWidth('session'))}`;
    const port = layout.port ? ` :${String(l.port).padEnd(6)}` : '';
    const requests = `${String(l.requests).padStart(reqDigits)}${NB}${label(l.requests, 'request').padEnd(labelWidth('request'))}`;
    return `  ${out.c.bold(l.name.padEnd(4))} ${stateWord(l, stateWidth, out)}${port} ${requests}${sessions}`;
  });
}

/**
 * The block redrawn on a terminal: one row per backend and a total. Words are never cut: the layout
 * narrows by a rule (see LAYOUTS), and a row that still does not fit wraps onto more rows, each
 * returned as its own row so that the in-place redraw counts every line it drew.
 */
export function renderCounts(lines: readonly BackendLine[], out: Output): string[] {
  const { c } = out;
  const max = Math.max(1, ...lines.map((l) => l.requests));
  const widest = (r: string[]) => Math.max(0, ...r.map(displayWidth));
  // The widest layout leaves room for a short bar (5) before a narrower one is chosen.
  const layouts = LAYOUTS.map((layout) => countsRows(lines, layout, out));
  let rows = layouts.find((r, i) => widest(r) + (i === 0 ? 5 : 0) <= out.columns) ?? layouts.at(-1)!;
  const room = Math.min(30, out.columns - widest(rows) - 3);
  rows = rows.map((row, i) => {
    const bar = room >= 3 ? '█'.repeat(Math.round((lines[i]!.requests / max) * room)) : '';
    return bar ? `${row}  ${c.cyan(bar)}` : row;
  });
  const total = lines.reduce((n, l) => n + l.requests, 0);
  rows.push(c.dim(`  ${glue(`${total} ${plural(total, 'request')} in all`)} ${glue('· Ctrl+C to stop')}`));
  return rows.flatMap((r) => (displayWidth(r) > out.columns ? wrapRow(r, out.columns) : [r])).map((r) => r.replaceAll(NB, ' '));
}

// A no-break space holds a count to its label ("3 req") and a phrase together when a row wraps.
const NB = '\u00a0';
const glue = (phrase: string) => phrase.replaceAll(' ', NB);

/** A row too wide even in the narrowest layout: wrapped at its spaces, continued under a hanging indent. */
function wrapRow(row: string, columns: number): string[] {
  const width = Math.max(1, columns - 4);
  // A glued phrase wider than a line is let go at its spaces, or wrap would break it mid-word.
  const words = row.trimStart().split(' ').map((w) => (displayWidth(w) > width ? w.replaceAll(NB, ' ') : w));
  return wrap(words.join(' '), width)
    .split('\n')
    .map((line, i) => (i === 0 ? '  ' : '    ') + line);
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** One line for piped output. */
export function countsLine(lines: readonly BackendLine[]): string {
  return 'requests: ' + lines.map((l) => `${l.name} ${l.requests}${l.state === 'up' ? '' : ` (${l.state})`}`).join(' · ');
}

/**
 * Lines that rows of these display widths take on a terminal `columns` wide. Rows are drawn to fit
 * the width they were drawn at; after the terminal narrows, a terminal that reflows its lines
 * (tmux, VTE, iTerm2, kitty, Windows Terminal…) wraps each wider row onto several lines.
 */
export function linesOnScreen(widths: readonly number[], columns: number): number {
  return widths.reduce((n, w) => n + Math.max(1, Math.ceil(w / Math.max(1, columns))), 0);
}

export class LiveView {
  /** Display widths of the rows on screen now: the redraw moves up by the lines they take at the current width. */
  private drawn: number[] = [];
  private lastLine = '';
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly out: Output,
    private readonly read: () => BackendLine[],
    private readonly intervalMs = 150,
  ) {
    // A resized terminal gets the block laid out to its new width at once, not at the next request.
    this.unsubscribe = out.isTTY && out.onResize ? out.onResize(() => this.changed()) : () => undefined;
  }

  /** Something changed: redraw soon (at most every intervalMs). */
  changed(): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.draw();
    }, this.intervalMs);
  }

  /** A log line, printed above the live block. */
  log(text: string): void {
    if (this.closed) return;
    if (this.out.isTTY) {
      this.erase();
      this.out.write(`${this.out.c.dim('·')} ${text}\n`);
      this.draw();
    } else {
      this.out.write(`${text}\n`);
    }
  }

  draw(): void {
    if (this.closed) return;
    const lines = this.read();
    if (this.out.isTTY) {
      this.erase();
      const rows = renderCounts(lines, this.out);
      this.out.write(rows.join('\n') + '\n');
      this.drawn = rows.map(displayWidth);
    } else {
      const line = countsLine(lines);
      if (line !== this.lastLine) {
        this.lastLine = line;
        this.out.write(line + '\n');
      }
    }
  }

  /** Final state and no more drawing. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.draw();
    this.closed = true;
    this.unsubscribe();
  }

  private erase(): void {
    // Counted at the width of now, not the one drawn at: rows wrapped by a narrower terminal take more lines.
    const up = linesOnScreen(this.drawn, this.out.columns);
    // From the line start: a ^C echoed by the terminal has moved the cursor.
    if (up > 0) this.out.write(`\r\x1b[${up}A\x1b[0J`);
    this.drawn = [];
  }
}
