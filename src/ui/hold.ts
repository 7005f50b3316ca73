// A result printed inside the home menu stays on screen until a key is pressed: the menu redraws
// below whatever was printed, so a screen taller than the terminal (progress, a quiz summary, a
// detailed answer) would scroll its top out of sight. Text taller than the terminal opens in the
// scroll view (prompter.pager) instead of being printed; shorter text is printed and, when asked,
// waits for a key.
import type { Context } from '../context.js';
import type { Prompter } from './prompts.js';
import { memoryOutput, type Output } from './terminal.js';

export interface ShowOptions {
  /** After printing text that fits, wait for Enter (the menu comes next and would push it away). */
  wait?: boolean;
  /** What closing the scroll view goes back to, e.g. `back to the menu`. */
  closeHint?: string;
  /** The wait's message (default `Enter: back to the menu`). */
  waitMessage?: string;
  /**
   * The text again for another width (as `text` is for the terminal's width now): the scroll view
   * lays it out again from this when the terminal is resized.
   */
  render?: (columns: number) => string | Promise<string>;
}

/** Rows left for text: the terminal's height less the footer and the line the prompt leaves. */
export function pageHeight(out: Pick<Output, 'rows'>): number {
  return Math.max(3, (out.rows ?? 24) - 2);
}

/** Shows `text` (laid out for the terminal already): in the scroll view when taller than the terminal. */
export async function showText(text: string, ctx: Pick<Context, 'stdout'>, prompter: Prompter, opts: ShowOptions = {}): Promise<void> {
  const lines = linesOf(text);
  const height = pageHeight(ctx.stdout);
  if (prompter.pager && lines.length > height) {
    const { render } = opts;
    await prompter.pager({
      lines,
      height,
      ...(opts.closeHint !== undefined ? { closeHint: opts.closeHint } : {}),
      ...(render ? { render: async (columns: number) => ({ lines: linesOf(await render(columns)) }) } : {}),
    });
    return;
  }
  ctx.stdout.write(lines.join('\n') + '\n');
  if (opts.wait) await waitForKey(prompter, opts.waitMessage);
}

function linesOf(text: string): string[] {
  return text.replace(/\n+$/, '').split('\n');
}

/** Waits for Enter (or Space, q, Esc) under `message`: what is on screen stays until then. */
export async function waitForKey(prompter: Prompter, message = 'Enter: back to the menu'): Promise<void> {
  await prompter.key({ message, choices: [{ keys: ['return', 'space', 'q', 'escape'], value: 'back', label: '' }] });
}

/** ShowOptions for a result held until a key, `Enter: back to X`: the scroll view's q says `back to X` too. */
export function holdOptions(waitMessage: string): ShowOptions {
  return { wait: true, waitMessage, closeHint: waitMessage.replace(/^Enter: /, '') };
}

/** Runs a command that only prints, collecting what it prints (laid out for this terminal, or `columns`). */
export async function capture(ctx: Context, run: (ctx: Context) => Promise<void>, columns = ctx.stdout.columns): Promise<string> {
  const out = ctx.stdout;
  const captured = memoryOutput({ color: out.color, columns, isTTY: out.isTTY, ...(out.rows ? { rows: out.rows } : {}) });
  await run({ ...ctx, stdout: captured });
  return captured.text();
}

/**
 * Shows what a command that only prints prints (see showText), held like every menu result; in the
 * scroll view, a resized terminal runs it again for the new width.
 */
export async function showCaptured(ctx: Context, prompter: Prompter, run: (ctx: Context) => Promise<void>, opts: ShowOptions = {}): Promise<void> {
  const text = await capture(ctx, run);
  await showText(text, ctx, prompter, { ...opts, render: (columns) => capture(ctx, run, columns) });
}
