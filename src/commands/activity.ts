// What the practice commands (quiz, practice, progress, config, home) share on the shell side:
// loading content and progress, the prompter and the Markdown renderer. Flags are checked before
// a command runs, by the parser (src/cli.ts with commands/flag-checks.ts).
import { sanitizeText } from '../content/sanitize.js';
import type { Context } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import type { Depth, Question } from '../content/model.js';
import type { ProgressStore } from '../progress/store.js';
import type { Prompter } from '../ui/prompts.js';
import type { Md } from '../ui/quiz-render.js';

/** Injected in tests; a command run from the CLI builds what it needs. */
export interface Deps {
  prompter?: Prompter;
  store?: ProgressStore;
  questions?: Question[];
}

export interface CommonArgs {
  content?: unknown;
}

export async function questionsFor(args: CommonArgs, ctx: Context, deps: Deps): Promise<Question[]> {
  if (deps.questions) return deps.questions;
  const { libraryFor } = await import('../content/library.js');
  return libraryFor(args, ctx);
}

export async function storeFor(ctx: Context, deps: Deps): Promise<ProgressStore> {
  if (deps.store) return deps.store;
  const { openStore } = await import('../progress/store.js');
  return openStore({ env: ctx.env, now: ctx.now, warn: (line) => ctx.stderr.write(sanitizeText(line) + '\n') });
}

export async function prompterFor(ctx: Context, deps: Deps): Promise<Prompter> {
  if (deps.prompter) return deps.prompter;
  const { terminalPrompter } = await import('../ui/prompts.js');
  const out = ctx.stdout;
  const resize = out.onResize ? { onResize: (listener: () => void) => out.onResize!(listener) } : {};
  return terminalPrompter({ dim: out.c.dim, cursor: out.c.cyan, columns: () => out.columns, rows: () => out.rows, ...resize });
}

export async function markdownFor(ctx: Context): Promise<Md> {
  const { renderMarkdown } = await import('../ui/markdown.js');
  return (markdown) => renderMarkdown(markdown, ctx.stdout);
}

/** Interactive commands refuse at once without a terminal: a prompt on a closed stdin would hang or exit 0. */
export function requireTerminal(ctx: Context, deps: Deps, what: string): void {
  if (!deps.prompter && !ctx.interactive) {
    throw new UsageError(`prepdeck ${what} needs an interactive terminal (stdin and stdout must be a TTY).`);
  }
}

export function checkDeck(deck: string | undefined, questions: readonly Question[]): void {
  if (deck === undefined) return;
  const decks = [...new Set(questions.map((q) => q.deck))];
  if (!decks.includes(deck)) throw new NotFoundError(`No deck '${deck}'. Decks: ${decks.join(', ') || '(none)'}.`);
}

export const DEPTH_KEYS: { key: string; depth: Depth }[] = [
  { key: 's', depth: 'super-brief' },
  { key: 'b', depth: 'brief' },
  { key: 'd', depth: 'detailed' },
];
