// `prepdeck import PATH…`: plain-text interview documents (files, or folders searched recursively)
// to content files that pass `validate`, with derived flashcards and quiz items. One bad document is
// reported and the others go on; exit 4 at the end if any failed. Existing files are never
// overwritten unless asked: `--update` merges (ids and progress kept), `--force` replaces.
import type { Context } from '../context.js';
import { mergeImport } from '../content/derive-merge.js';
import { importDocument, type ImportedQuestion } from '../content/import.js';
import { parseQuestion } from '../content/parse.js';
import { ContentError, ExitCode, formatProblem, InterruptedError, type Problem, UsageError, UserError } from '../errors.js';
import { sanitizeInline, shellCommand } from '../content/sanitize.js';
import { type ImportRow, progressLine, renderSummary } from '../ui/import-render.js';
import { wrap } from '../ui/text.js';
import { checkOutputFolder, collectInputs, ImportFailure, type Input, readDocument, targetIn, writeAtomically } from './import-files.js';

export interface ImportArgs {
  paths: string[];
  deck?: string;
  out: string;
  glob: string;
  force: boolean;
  update: boolean;
}

/** Asks whether to update existing files; only in a terminal. Tests pass their own. */
export interface ImportDeps {
  confirm?: (message: string) => Promise<boolean>;
}

interface Converted {
  row: ImportRow;
  doc: ImportedQuestion;
  target: { path: string; exists: boolean };
}

// More documents than this get a progress bar (on a terminal).
const BAR_FROM = 5;

export async function run(args: ImportArgs, ctx: Context, deps: ImportDeps = {}): Promise<void> {
  checkOutputFolder(args.out);
  const files = collectInputs(args.paths, args.glob);
  const rows: ImportRow[] = [];
  const converted = convertAll(files, args, ctx, rows);
  const mode = await decideMode(converted, args, ctx, deps);
  for (const c of converted) write(c, mode);
  ctx.stdout.write(renderSummary(rows, ctx.stdout));
  const failed = rows.filter((r) => r.failed).length;
  if (converted.length > 0) {
    const deck = converted[0]!.doc.deck;
    const use = `Use it with: ${shellCommand(['prepdeck', '--content', args.out, 'list'])} (then quiz --deck ${deck}, practice --deck ${deck})`;
    ctx.stdout.write(ctx.stdout.c.dim(wrap(use, ctx.stdout.columns - 1)) + '\n');
  }
  if (failed > 0) throw new UserError(failureMessage(failed, rows.length), ExitCode.invalidContent);
}

/**
 * The converter's output failed the content checks: a bug in it. The row already names the source
 * document; the problems name the derived item. Their lines are of a file never written: left out.
 */
export function conversionFailure(problems: readonly Problem[]): ImportFailure {
  return new ImportFailure(`its converted question would not validate (a bug in prepdeck import): ${problems.map((p) => p.message).join('; ')}`);
}

/** Every question is a card of its own (`<id>/@question`), besides the cards derived from its lists. */
export function cardCount(derived: number): number {
  return derived + 1;
}

/** The closing line when documents failed, worded for one, some or all of them. */
export function failureMessage(failed: number, total: number): string {
  if (failed === total) return total === 1 ? 'The document could not be imported (see above).' : `None of the ${total} documents could be imported (see above).`;
  const others = total - failed;
  const were = others === 1 ? 'the other one was' : `the other ${others} were`;
  return `${failed} of ${total} documents could not be imported (see above); ${were}.`;
}

/** Read and convert every document; failures become rows with a reason, never an exception. */
function convertAll(files: readonly Input[], args: ImportArgs, ctx: Context, rows: ImportRow[]): Converted[] {
  const bar = ctx.stderr.isTTY && files.length > BAR_FROM;
  const converted: Converted[] = [];
  const byTarget = new Map<string, string>();
  files.forEach(({ file, shown }, i) => {
    if (bar) ctx.stderr.write(`\r${progressLine(i, files.length, shown, ctx.stderr.columns)}\u001b[K`);
    const row: ImportRow = { file: shown, notes: [] };
    rows.push(row);
    try {
      const doc = importDocument(readDocument(file), shown, args.deck);
      // The converter's own output must pass the content checks; if not, that is a bug in it. Nothing
      // was written yet: name the document and the derived item, not the file it would have become.
      const check = parseQuestion(doc.markdown, shown);
      if (check.problems.length > 0) throw conversionFailure(check.problems);
      const key = `${doc.deck}/${doc.id}`;
      const first = byTarget.get(key);
      if (first) throw new ImportFailure(`same deck and id (${key}) as ${first}; give one of them another Q number`);
      byTarget.set(key, shown);
      const target = targetIn(args.out, doc.deck, doc.id);
      Object.assign(row, { target: key, cards: cardCount(doc.derived.cards.length), quiz: doc.derived.quiz.length });
      if (doc.derived.cards.length === 0) row.notes.push('no lists to derive cards from');
      else if (doc.derived.quiz.length < 2) row.notes.push(`only ${doc.derived.quiz.length} quiz item(s): needs two lists of labelled items`);
      converted.push({ row, doc, target });
    } catch (err) {
      row.failed = reasonOf(err);
    }
  });
  if (bar) ctx.stderr.write('\r\u001b[K');
  return converted;
}

function reasonOf(err: unknown): string {
  if (err instanceof ContentError) return err.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ');
  if (err instanceof ImportFailure || err instanceof UserError) return err.message;
  throw err;
}

/** What to do with files already there: stop (nothing written), update in place, or replace. */
async function decideMode(converted: readonly Converted[], args: ImportArgs, ctx: Context, deps: ImportDeps): Promise<'update' | 'replace'> {
  if (args.force && args.update) throw new UsageError('Give --update (merge, progress kept) or --force (replace), not both.');
  if (args.force) return 'replace';
  const existing = converted.filter((c) => c.target.exists);
  if (args.update || existing.length === 0) return 'update';
  const list = existing.map((c) => `  ${sanitizeInline(c.target.path)}`).join('\n');
  if (ctx.interactive) {
    const ask = deps.confirm ?? (await terminalConfirm());
    ctx.stdout.write(wrap(`Already imported:\n${list}`, ctx.stdout.columns - 1) + '\n');
    if (await ask(`Update ${existing.length === 1 ? 'it' : `these ${existing.length}`} in place (ids and progress kept)?`)) return 'update';
  }
  throw new UsageError(`Not overwriting existing file(s):\n${list}\nUse --update to update them in place (ids and progress kept), or --force to replace them.`);
}

async function terminalConfirm(): Promise<(message: string) => Promise<boolean>> {
  const { terminalPrompter, PromptInterrupted } = await import('../ui/prompts.js');
  const prompter = terminalPrompter();
  return async (message) => {
    try {
      return await prompter.confirm({ message, default: true });
    } catch (err) {
      if (err instanceof PromptInterrupted) throw new InterruptedError('Nothing written.');
      throw err;
    }
  };
}

function write(c: Converted, mode: 'update' | 'replace'): void {
  try {
    c.row.action = c.target.exists ? (mode === 'update' ? 'updated' : 'replaced') : 'new';
    const text = c.row.action === 'updated' ? updatedText(c) : c.doc.markdown;
    if (text !== undefined) writeAtomically(c.target.path, text);
  } catch (err) {
    c.row.failed = reasonOf(err);
  }
}

/** The file already there merged with the new import (see derive-merge.ts); undefined when nothing changed. */
function updatedText(c: Converted): string | undefined {
  const before = readDocument(c.target.path);
  const merged = mergeImport(before, c.doc, c.target.path);
  const renamed = merged.cards.renamed + merged.quiz.renamed;
  const retired = merged.cards.retired.length + merged.quiz.retired.length;
  if (renamed > 0) c.row.notes.push(`${renamed} lightly edited item(s) kept their ids`);
  if (retired > 0) c.row.notes.push(`${retired} item(s) retired (source gone; progress kept)`);
  const check = parseQuestion(merged.markdown, c.target.path);
  if (check.problems.length > 0) throw new ImportFailure(`the updated file would not validate: ${check.problems.map(formatProblem).join('; ')}`);
  Object.assign(c.row, { cards: cardCount(check.question!.cards.length), quiz: check.question!.quiz.length });
  if (merged.markdown !== before) return merged.markdown;
  c.row.action = 'unchanged';
  return undefined;
}
