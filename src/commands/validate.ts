// `prepdeck validate [PATH…]`: every problem as file:line: message; exit 4 if any.
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { contentDirs, displayPath, findContentFiles, loadLibrary } from '../content/load.js';
import { ContentError } from '../errors.js';
import { contentFlags } from '../content/library.js';
import { balanceWarnings } from '../content/balance.js';
import { wrap } from '../ui/text.js';

export async function run(args: { paths?: string[]; content?: unknown }, ctx: Context): Promise<void> {
  const library = contentDirs(contentFlags(args), ctx.env);
  const given = args.paths && args.paths.length > 0 ? args.paths : undefined;
  // Ids must be unique and `related` must resolve across everything installed, so the given
  // files are checked together with the library (loaded first, so that a clash is reported on the
  // given file); only problems in the given files are reported.
  const targets = given ? findContentFiles(given) : findContentFiles(library);
  const targetSet = new Set(targets.map((f) => resolve(f)));
  const others = given ? findContentFiles(library).filter((f) => !targetSet.has(resolve(f))) : [];
  const lib = await loadLibrary([...others, ...targets], { useIndex: false });
  const shownTargets = new Set(targets.map((f) => displayPath(f)));
  const problems = lib.problems.filter((p) => shownTargets.has(p.file));
  if (problems.length > 0) throw new ContentError(problems);
  const checked = lib.questions.filter((q) => shownTargets.has(q.file));
  for (const w of balanceWarnings(checked)) ctx.stderr.write(wrap(`warning: ${w}`, ctx.stderr.columns) + '\n');
  const quiz = checked.reduce((n, q) => n + q.quiz.length, 0);
  const cards = checked.reduce((n, q) => n + q.cards.length, 0);
  ctx.stdout.write(
    ctx.stdout.c.green('✓ ') +
      `${targets.length} file(s), ${checked.length} question(s), ${quiz} quiz item(s), ${cards} flashcard(s): no problems.\n`,
  );
}
