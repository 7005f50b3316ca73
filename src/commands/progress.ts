// `prepdeck progress` (alias `stats`): figures per deck and question; `--json`; `--path`;
// `progress reset [--deck D] [--yes]`; `progress export FILE [--force]`; `progress import FILE`.
import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { quoteForDisplay, sanitizeInline } from '../content/sanitize.js';
import type { Context } from '../context.js';
import { ContentError, ExitCode, InterruptedError, NotFoundError, UsageError, UserError } from '../errors.js';
import { replay } from '../cards/schedule.js';
import { checkProgress, mergeProgress, resetProgress, upgrade, type ProgressDoc } from '../progress/model.js';
import { progressReport } from '../report/stats.js';
import { fsReason, isStorageFailure, TOO_LARGE } from '../progress/store/fs-errors.js';
import { MAX_READ_BYTES, readRegularFile, writeFileDurably } from '../progress/store/files.js';
import { prompterFor, questionsFor, storeFor, type Deps } from './activity.js';
import { PromptInterrupted } from '../ui/prompts.js';
import { plural } from '../ui/text.js';

export interface ProgressArgs {
  /** Checked by the command line's parser (src/cli.ts). */
  action?: 'show' | 'reset' | 'export' | 'import';
  file?: string;
  json?: boolean;
  path?: boolean;
  deck?: string;
  yes?: boolean;
  /** export: overwrite an existing FILE. */
  force?: boolean;
  content?: unknown;
}

export async function run(args: ProgressArgs, ctx: Context, deps: Deps = {}): Promise<void> {
  const action = args.action ?? 'show';
  if (args.path) {
    const { progressPath } = await import('../progress/store.js');
    ctx.stdout.write((deps.store?.path ?? progressPath(ctx.env)) + '\n');
    return;
  }
  switch (action) {
    case 'show':
      return show(args, ctx, deps);
    case 'reset':
      return reset(args, ctx, deps);
    case 'export':
      return exportTo(needFile(args, 'export'), Boolean(args.force), ctx, deps);
    case 'import':
      return importFrom(needFile(args, 'import'), ctx, deps);
  }
}

function needFile(args: ProgressArgs, action: string): string {
  if (!args.file) throw new UsageError(`prepdeck progress ${action} needs a FILE, e.g. 'prepdeck progress ${action} progress-backup.json'.`);
  return args.file;
}

async function show(args: ProgressArgs, ctx: Context, deps: Deps): Promise<void> {
  const questions = await questionsFor(args, ctx, deps);
  const store = await storeFor(ctx, deps);
  const now = ctx.now();
  const report = progressReport(questions, store.read(), now);
  if (args.deck !== undefined) {
    report.decks = report.decks.filter((d) => d.deck === args.deck);
    if (report.decks.length === 0) throw new NotFoundError(`No deck '${args.deck}' in the content or in your progress.`);
  }
  if (args.json) {
    ctx.stdout.write(JSON.stringify({ path: store.path, generatedAt: now.toISOString(), ...report }, null, 2) + '\n');
    return;
  }
  const { renderProgress } = await import('../ui/progress-render.js');
  ctx.stdout.write(renderProgress(report, store.path, ctx.stdout.c, ctx.stdout.columns));
}

async function reset(args: ProgressArgs, ctx: Context, deps: Deps): Promise<void> {
  const store = await storeFor(ctx, deps);
  const doc = store.read();
  let only: Set<string> | undefined;
  if (args.deck !== undefined) {
    const questions = await questionsFor(args, ctx, deps);
    only = new Set([
      ...questions.filter((q) => q.deck === args.deck).map((q) => q.id),
      ...[...doc.quiz, ...doc.reviews].filter((e) => e.deck === args.deck).map((e) => e.question),
    ]);
    if (only.size === 0) throw new NotFoundError(`No deck '${args.deck}' in the content or in your progress.`);
  }
  const answers = doc.quiz.filter((a) => !only || only.has(a.question)).length;
  const reviews = doc.reviews.filter((r) => !only || only.has(r.question)).length;
  const what = `${plural(answers, 'quiz answer')} and ${plural(reviews, 'flashcard review')}${args.deck !== undefined ? ` in deck '${args.deck}'` : ''}`;
  if (answers + reviews === 0) {
    ctx.stdout.write(`Nothing to reset: no progress${args.deck !== undefined ? ` in deck ${quoteForDisplay(args.deck)}` : ''}.\n`);
    return;
  }
  if (!args.yes) {
    if (!ctx.interactive && !deps.prompter) {
      throw new UsageError(`prepdeck progress reset would delete ${what}; not in a terminal, so pass --yes to confirm.`);
    }
    const prompter = await prompterFor(ctx, deps);
    let sure: boolean;
    try {
      sure = await prompter.confirm({ message: `Delete ${what}? Schedules go back to new.`, default: false });
    } catch (err) {
      if (err instanceof PromptInterrupted) throw new InterruptedError('Nothing was reset.');
      throw err;
    }
    if (!sure) {
      ctx.stdout.write('Nothing was reset.\n');
      return;
    }
  }
  const backup = store.backup('before-reset');
  store.update((d) => resetProgress(d, only));
  ctx.stdout.write(`Reset: deleted ${what}.${backup ? ` A copy of the previous file: ${sanitizeInline(backup)}` : ''}\n`);
}

async function exportTo(file: string, force: boolean, ctx: Context, deps: Deps): Promise<void> {
  checkExportTarget(file, force);
  const store = await storeFor(ctx, deps);
  const doc = store.read();
  try {
    writeFileDurably(file, JSON.stringify(doc, null, 2) + '\n', { replace: force });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists(file);
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`Cannot write ${file}: its folder does not exist.`);
    throw cannot('write', file, err);
  }
  ctx.stdout.write(`Exported ${plural(doc.quiz.length, 'quiz answer')} and ${plural(doc.reviews.length, 'flashcard review')} to ${sanitizeInline(file)}.\n`);
}

const exists = (file: string) => new UsageError(`${file} already exists; pass --force to overwrite it, or choose another name.`);

/**
 * Refuses, before anything is written, a target that is a folder, a special file (a FIFO or a
 * device: --force must never replace /dev/null), or an existing file without --force.
 */
function checkExportTarget(file: string, force: boolean): void {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // the usual case; a missing folder is reported on writing
    throw cannot('write', file, err);
  }
  if (stat.isDirectory()) throw new UsageError(`Cannot export to ${file}: it is a folder; give a file name, e.g. ${join(file, 'progress-backup.json')}.`);
  if (!stat.isFile()) throw new UsageError(`Cannot export to ${file}: it is not a regular file (a FIFO, device or socket); give a new file name.`);
  if (!force) throw exists(file);
}

/**
 * A file-system error on a path the user gave, naming the path and why: the wrong kind of path is
 * a usage error (exit 2); a full or failing disk, or a file too large to read, is exit 4. Rethrows
 * errors that are not about the file.
 */
function cannot(doing: 'read' | 'write', file: string, err: unknown): Error {
  const why = fsReason(err);
  if (why === undefined) return err as Error;
  if (isStorageFailure(err) || (err as NodeJS.ErrnoException).code === TOO_LARGE) {
    const kept = doing === 'write' ? ' Nothing was written.' : '';
    return new UserError(`Cannot ${doing} ${file}: ${why}.${kept}`, ExitCode.invalidContent);
  }
  return new UsageError(`Cannot ${doing} ${file}: ${why}.`);
}

/** Reads and validates an exported file (or a copy of progress.json): at most MAX_READ_BYTES, a regular file only. */
export function readProgressFile(file: string): ProgressDoc {
  let text: string;
  try {
    text = readRegularFile(file, MAX_READ_BYTES);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`No such file: ${file}`);
    throw cannot('read', file, err);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : 1;
    throw new ContentError([{ file, line, message: `not a prepdeck progress file: invalid JSON (${message})` }]);
  }
  const result = upgrade(raw);
  if (!result.ok) throw new ContentError([{ file, line: 1, message: `not a valid prepdeck progress file: ${result.reason}` }]);
  return result.doc;
}

async function importFrom(file: string, ctx: Context, deps: Deps): Promise<void> {
  const incoming = readProgressFile(file);
  const store = await storeFor(ctx, deps);
  let summary = { addedAnswers: 0, addedReviews: 0, duplicates: 0 };
  store.update((doc) => {
    const merged = mergeProgress(doc, incoming, replay);
    summary = merged;
    return schedulable(merged.doc, file);
  });
  const skipped = summary.duplicates > 0 ? ` (${summary.duplicates} already there, skipped)` : '';
  ctx.stdout.write(`Imported ${plural(summary.addedAnswers, 'quiz answer')} and ${plural(summary.addedReviews, 'flashcard review')} from ${sanitizeInline(file)}${skipped}.\n`);
}

/**
 * The merged document if every date in it can be stored. Dates are ISO timestamps up to year 9999;
 * a review late in 9999 schedules its card into year 10000, which cannot be: the file is refused.
 */
function schedulable(doc: ProgressDoc, file: string): ProgressDoc {
  try {
    return checkProgress(doc);
  } catch (err) {
    if ((err as Error).name !== 'ValiError') throw err;
    const why = (err as Error).message;
    throw new ContentError([{ file, line: 1, message: `cannot import: its reviews schedule a card beyond year 9999 (${why}); nothing was imported` }]);
  }
}
