// The prompts adapter: the only way commands ask the user anything. The terminal implementation
// wraps @inquirer/prompts (loaded on first use); tests pass a scripted Prompter instead.
// Ctrl+C (or a closed input) at any prompt becomes a PromptInterrupted error.
import type { KeyChoice, MenuChoice } from './key-prompt.js';
import { displayWidth, stripAnsi, truncate, truncateWords, wrapIndented } from './text.js';

export type { KeyChoice, MenuChoice };

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/**
 * A menu written as a table: each entry's label keyed by the value choosing it answers, listed in
 * the table's order (its keys are words, never integer-like, which objects would list first).
 */
export function choicesOf<K extends string>(labels: Readonly<Record<K, string>>): Choice<K>[] {
  return (Object.keys(labels) as K[]).map((value) => ({ name: labels[value], value }));
}

/** Numbers offered as they are written ("How many items?"). */
export function numberChoices(numbers: readonly number[]): Choice<number>[] {
  return numbers.map((n) => ({ name: String(n), value: n }));
}

export interface Prompter {
  /**
   * `clear`: remove the prompt once answered (the caller prints its own answer line).
   * `escape`: what Esc answers (a submenu's "Back"); without it, Esc does nothing.
   */
  select<T>(opts: { message: string; choices: readonly Choice<T>[]; default?: T; pageSize?: number; clear?: boolean; escape?: T }): Promise<T>;
  /**
   * `confirmEmpty`: Enter with nothing ticked shows this message once; Enter again submits nothing.
   * `clear`: as for select.
   */
  checkbox<T>(opts: { message: string; choices: readonly (Choice<T> & { checked?: boolean })[]; confirmEmpty?: string; clear?: boolean }): Promise<T[]>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  /** Waits for one of the keys. */
  key<K extends string>(opts: { message: string; choices: readonly KeyChoice<K>[] }): Promise<K>;
  /**
   * Text taller than the terminal shown in place (`lines` already wrapped, `height` at a time) and
   * scrolled with the keys until q, Escape or Enter. Optional: without it, callers print the text.
   */
  pager?(opts: PagerOptions): Promise<void>;
  /** An arrow-key menu whose badges are filled in after the first screen. */
  menu<T>(opts: {
    message: string;
    choices: readonly MenuChoice<T>[];
    default?: T;
    badges?: () => Promise<ReadonlyMap<T, string>>;
  }): Promise<T>;
}

export interface PagerOptions {
  title?: string;
  lines: readonly string[];
  height: number;
  closeHint?: string;
  /** The title and lines again for another width: the view follows a resized terminal with it. */
  render?: (columns: number) => { title?: string; lines: readonly string[] } | Promise<{ title?: string; lines: readonly string[] }>;
}

/** Ctrl+C, or the input closed, while a prompt was waiting. */
export class PromptInterrupted extends Error {
  constructor() {
    super('Interrupted at a prompt');
    this.name = 'PromptInterrupted';
  }
}

function isExit(err: unknown): boolean {
  return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError' || err.name === 'CancelPromptError');
}

async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isExit(err)) throw new PromptInterrupted();
    throw err;
  }
}

export interface TerminalPrompterOptions {
  dim?: (s: string) => string;
  cursor?: (s: string) => string;
  /** The terminal's width now (read at each prompt: the terminal may have been resized). */
  columns?: () => number;
  /** The terminal's height now, when known. */
  rows?: () => number | undefined;
  /** The terminal's resizes (see Output.onResize): the scroll view lays its text out again. */
  onResize?: (listener: () => void) => () => void;
}

// inquirer draws `? message`, `❯ name` (select) and `❯◯ name` (checkbox): the columns before the text.
const PREFIX = 2;
const SELECT_MARK = 2;
const CHECKBOX_MARK = 3;

/**
 * Text laid out for an inquirer prompt: wrapped at word boundaries to the width left after the
 * `lead` columns inquirer draws in front of it, later lines indented under the first. inquirer
 * itself breaks any longer line at the last column, mid-word.
 */
export function layoutForPrompt(text: string, columns: number, lead: number): string {
  const width = Math.max(10, columns - lead);
  return text
    .split('\n')
    // wrapIndented: a numbered or bulleted label ("4. Session persistence…") hangs under its text.
    .map((line) => unglue(wrapIndented(glue(line, width), width)))
    .join('\n')
    .split('\n')
    .map((line, i) => (i === 0 ? line : ' '.repeat(lead) + line))
    .join('\n');
}

// Key hints ("1 Again (1m) · 2 Hard (6m) · Enter: Again (suggested)") break between hints, not
// inside one: the spaces inside each hint become no-break spaces while wrapping, when every hint fits.
const NBSP = '\u00a0';
function glue(line: string, width: number): string {
  const hints = line.split(' · ');
  if (hints.length < 2 || hints.some((h) => displayWidth(h) + 2 > width)) return line;
  return hints.map((h) => h.replaceAll(' ', NBSP)).join(' · ');
}
function unglue(text: string): string {
  return text.replaceAll(NBSP, ' ');
}

/** The answer as one line of `room` columns: cut at a word boundary, or mid-word when that keeps far more. */
function shortAnswer(text: string, room: number): string {
  const byWords = truncateWords(text, room);
  return displayWidth(byWords) >= room / 2 ? byWords : truncate(text, room);
}

/** Choices laid out for a list prompt; `short` (the answer line) is one line that fits after the message. */
function layoutChoices<C extends Choice<unknown>>(choices: readonly C[], message: string, columns: number, mark: number) {
  const lastLine = message.split('\n').at(-1) ?? '';
  const room = Math.max(10, columns - PREFIX - displayWidth(lastLine) - 1);
  return choices.map((c) => ({
    ...c,
    name: layoutForPrompt(c.name, columns, mark),
    short: shortAnswer(stripAnsi(c.name).replace(/\s+/g, ' '), room),
    ...(c.description !== undefined ? { description: layoutForPrompt(c.description, columns, 0) } : {}),
  }));
}

/**
 * Runs an inquirer prompt that Esc answers with `value`: inquirer's select has no Esc of its own, so
 * Esc (read from the same keypress events inquirer reads) aborts it through its signal.
 */
async function onEscape<T>(value: T, ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const abort = new AbortController();
  const listener = (_: unknown, key: { name?: string } | undefined) => {
    if (key?.name === 'escape') abort.abort();
  };
  process.stdin.on('keypress', listener);
  try {
    return await ask(abort.signal);
  } catch (err) {
    if (abort.signal.aborted) return value;
    throw err;
  } finally {
    process.stdin.off('keypress', listener);
  }
}

/** Prompts on the real terminal. Each inquirer module is imported the first time it is needed. */
export function terminalPrompter(style: TerminalPrompterOptions = {}): Prompter {
  const inquirer = () => import('@inquirer/prompts');
  const own = () => import('./key-prompt.js');
  const columns = () => style.columns?.() ?? process.stdout.columns ?? 80;
  const message = (text: string) => layoutForPrompt(text, columns(), PREFIX);
  return {
    select: (opts) =>
      guard(async () => {
        const { listPrompt } = await import('./list-prompt.js');
        // Laid out again at each redraw for the width then: the terminal may be resized while the list is open.
        const layout = (width: number) => {
          const msg = layoutForPrompt(opts.message, width, PREFIX);
          return { message: msg, choices: layoutChoices(opts.choices, msg, width, SELECT_MARK) };
        };
        // No `default` key at all when none is given: a choice whose value is undefined would be preselected.
        const config = { layout, columns, ...(style.onResize ? { onResize: style.onResize } : {}), ...('default' in opts && opts.default !== undefined ? { default: opts.default } : {}), pageSize: opts.pageSize ?? 10 };
        const ask = (context: { clearPromptOnDone: boolean; signal?: AbortSignal }) => listPrompt(config, context) as Promise<never>;
        if (!('escape' in opts) || opts.escape === undefined) return ask({ clearPromptOnDone: opts.clear ?? false });
        return onEscape(opts.escape, (signal) => ask({ clearPromptOnDone: true, signal }));
      }),
    checkbox: (opts) =>
      guard(async () => {
        const { checkboxPrompt } = await import('./checkbox-prompt.js');
        // Laid out again at each redraw for the width then, as for select.
        const layout = (width: number) => {
          const msg = layoutForPrompt(opts.message, width, PREFIX);
          const empty = opts.confirmEmpty === undefined ? {} : { confirmEmpty: layoutForPrompt(opts.confirmEmpty, width, 2) };
          return { message: msg, choices: layoutChoices(opts.choices, msg, width, CHECKBOX_MARK), ...empty };
        };
        const checked = opts.choices.flatMap((c, i) => (c.checked ? [i] : []));
        const config = { layout, columns, ...(style.onResize ? { onResize: style.onResize } : {}), checked, pageSize: 12 };
        return checkboxPrompt(config, { clearPromptOnDone: opts.clear ?? false }) as Promise<never>;
      }),
    confirm: (opts) =>
      guard(async () => {
        const { confirm } = await inquirer();
        // Room for the " (y/N) yes" inquirer adds after the message.
        return confirm({ message: layoutForPrompt(opts.message, columns() - 10, PREFIX), default: opts.default ?? false });
      }),
    key: <K extends string>(opts: { message: string; choices: readonly KeyChoice<K>[] }) =>
      guard(async () => {
        const { keyPrompt } = await own();
        return (await keyPrompt({ message: message(opts.message), choices: opts.choices }, { clearPromptOnDone: true })) as K;
      }),
    pager: (opts) =>
      guard(async () => {
        const { scrollView } = await import('./scroll-view.js');
        const onResize = style.onResize;
        const terminal = onResize ? { columns, rows: () => style.rows?.(), onResize } : undefined;
        await scrollView({ ...opts, columns: columns(), dim: style.dim, ...(terminal ? { terminal } : {}) }, { clearPromptOnDone: true });
      }),
    menu: <T>(opts: { message: string; choices: readonly MenuChoice<T>[]; default?: T; badges?: () => Promise<ReadonlyMap<T, string>> }) =>
      guard(async () => {
        const { menuPrompt } = await own();
        // Laid out at each redraw for the width then (see layoutForPrompt): the terminal may be resized.
        const terminal = { columns, ...(style.onResize ? { onResize: style.onResize } : {}) };
        return (await menuPrompt({ ...opts, dim: style.dim, cursor: style.cursor, terminal, fit: layoutForPrompt } as never)) as T;
      }),
  };
}
