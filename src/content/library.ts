// Loading the library for a command: problems in some files must not stop the reader from using the rest.
import type { Context } from '../context.js';
import { ContentError } from '../errors.js';
import { contentDirs, loadLibrary } from './load.js';
import type { Question } from './model.js';
import { shellCommand } from './sanitize.js';

/** `--content` given once is a string, given several times an array. */
export function contentFlags(args: { content?: unknown }): string[] {
  const c = args.content;
  return c === undefined ? [] : (Array.isArray(c) ? c : [c]).map(String);
}

/**
 * The questions from the built-in and user folders. Files with problems are left out and reported
 * in one line on stderr; with `strict`, any problem is a ContentError (exit 4).
 */
export async function libraryFor(args: { content?: unknown }, ctx: Context, strict = false): Promise<Question[]> {
  const lib = await loadLibrary(contentDirs(contentFlags(args), ctx.env));
  if (lib.problems.length > 0) {
    if (strict) throw new ContentError(lib.problems);
    ctx.stderr.write(problemSummary(lib.problems.map((p) => p.file), lib.problems.length, contentFlags(args)));
  }
  return lib.questions;
}

/** One line naming (up to three of) the files left out, so a bad file is found without running validate. */
export function problemSummary(files: readonly string[], count: number, content: readonly string[] = []): string {
  // The folders given with --content are named again: without them, validate would not look there.
  const validate = shellCommand(['prepdeck', ...content.flatMap((dir) => ['--content', dir]), 'validate']);
  const unique = [...new Set(files)];
  const named = unique.slice(0, 3).join(', ') + (unique.length > 3 ? ` and ${unique.length - 3} more` : '');
  return (
    `prepdeck: ${count} content problem(s) in ${unique.length} file(s) (${named}); questions with errors or a reused id are left out. ` +
    `Run ${validate} for the details.\n`
  );
}
