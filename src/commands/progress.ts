// `prepdeck progress` (alias `stats`): figures per deck and question; `--json`; `--path`;
// `progress reset [--deck D] [--yes]`; `progress export FILE [--force]`; `progress import FILE`.
import { existsSync, linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Context } from '../context.js';
import { ContentError, InterruptedError, NotFoundError, UsageError } from '../errors.js';
import { replay } from '../cards/schedule.js';
import { mergeProgress, resetProgress, upgrade, type ProgressDoc } from '../progress/model.js';
import { progressReport } from '../progress/stats.js';
import { fsReason } from '../progress/store.js';
import { prompterFor, questionsFor, storeFor, type Deps } from '../ui/activity.js';
import { PromptInterrupted } from '../ui/prompts.js';
import { plural } from '../ui/text.js';

export const ACTIONS = ['show', 'reset', 'export', 'import'] as const;

export interface ProgressArgs {
  action?: string;
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
    default:
      throw new UsageError(`Unknown progress action '${action}': use ${ACTIONS.join(', ')}.`);
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
    ctx.stdout.write(`Nothing to reset: no progress${args.deck !== undefined ? ` in deck '${args.deck}'` : ''}.\n`);
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
  ctx.stdout.write(`Reset: deleted ${what}.${backup ? ` A copy of the previous file: ${backup}` : ''}\n`);
}

async function exportTo(file: string, force: boolean, ctx: Context, deps: Deps): Promise<void> {
  checkExportTarget(file, force);
  const store = await storeFor(ctx, deps);
  const doc = store.read();
  writeFileAtomically(file, JSON.stringify(doc, null, 2) + '\n', force);
  ctx.stdout.write(`Exported ${plural(doc.quiz.length, 'quiz answer')} and ${plural(doc.reviews.length, 'flashcard review')} to ${file}.\n`);
}

/** Refuses, before anything is written, a target that is a folder, or an existing file without --force. */
function checkExportTarget(file: string, force: boolean): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(file).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // the usual case; a missing folder is reported on writing
    throw cannot('write', file, err);
  }
  if (isFolder) throw new UsageError(`Cannot export to ${file}: it is a folder; give a file name, e.g. ${join(file, 'progress-backup.json')}.`);
  if (!force) throw new UsageError(`${file} already exists; pass --force to overwrite it, or choose another name.`);
}

/**
 * Writes a temporary file beside `file`, then moves it into place: a reader never sees half a file,
 * and a failed write leaves the old one as it was. Without `force`, an existing file is never replaced,
 * even one created a moment ago (a hard link fails if the name is taken).
 */
function writeFileAtomically(file: string, text: string, force: boolean): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    if (force) renameSync(temp, file);
    else placeNew(temp, file);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // never written, or already moved into place
    }
    if (err instanceof UsageError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError(`Cannot write ${file}: its folder does not exist.`);
    throw cannot('write', file, err);
  }
}

/** Moves `temp` to `file` unless `file` exists. */
function placeNew(temp: string, file: string): void {
  try {
    linkSync(temp, file);
    unlinkSync(temp);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists; pass --force to overwrite it, or choose another name.`);
    // File systems without hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
  }
  if (existsSync(file)) throw new UsageError(`${file} already exists; pass --force to overwrite it, or choose another name.`);
  renameSync(temp, file);
}

/** A file-system error on a path the user gave, as a UsageError naming the path and why (rethrows others). */
function cannot(doing: 'read' | 'write', file: string, err: unknown): Error {
  const why = fsReason(err);
  return why === undefined ? (err as Error) : new UsageError(`Cannot ${doing} ${file}: ${why}.`);
}

/** Reads and validates an exported file (or a copy of progress.json). */
export function readProgressFile(file: string): ProgressDoc {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
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
    return merged.doc;
  });
  const skipped = summary.duplicates > 0 ? ` (${summary.duplicates} already there, skipped)` : '';
  ctx.stdout.write(`Imported ${plural(summary.addedAnswers, 'quiz answer')} and ${plural(summary.addedReviews, 'flashcard review')} from ${file}${skipped}.\n`);
}
