// `prepdeck import FILE…`: plain-text interview documents to content files that pass `validate`.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { importDocument } from '../content/import.js';
import { displayPath } from '../content/load.js';
import { parseQuestion } from '../content/parse.js';
import { ContentError, NotFoundError, type Problem, UsageError } from '../errors.js';

export interface ImportArgs {
  files: string[];
  deck?: string;
  out: string;
  force: boolean;
}

export async function run(args: ImportArgs, ctx: Context): Promise<void> {
  // Convert everything first: one bad document means nothing is written.
  const problems: Problem[] = [];
  const converted = [];
  for (const file of args.files) {
    if (!existsSync(file)) throw new NotFoundError(`No such file: ${file}`);
    if (statSync(file).isDirectory()) throw new UsageError(`${file} is a folder; give the documents themselves (e.g. ${file}/*.txt)`);
    try {
      const doc = importDocument(readFileSync(file, 'utf8'), displayPath(file), args.deck);
      const target = join(args.out, doc.deck, `${doc.id}.md`);
      // The converter's own output must pass the content checks.
      const check = parseQuestion(doc.markdown, target);
      if (check.problems.length > 0) throw new ContentError(check.problems);
      converted.push({ doc, target });
    } catch (err) {
      if (err instanceof ContentError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new ContentError(problems);

  const targets = converted.map(({ target }) => target);
  const twice = targets.filter((t, i) => targets.indexOf(t) !== i);
  if (twice.length > 0) {
    throw new UsageError(`Several documents would be written to the same file (same deck and id):\n${[...new Set(twice)].map((t) => `  ${t}`).join('\n')}`);
  }
  const clashes = converted.filter(({ target }) => existsSync(target));
  if (clashes.length > 0 && !args.force) {
    throw new UsageError(
      `Not overwriting existing file(s) (use --force):\n${clashes.map(({ target }) => `  ${target}`).join('\n')}`,
    );
  }
  for (const { doc, target } of converted) {
    mkdirSync(join(args.out, doc.deck), { recursive: true });
    writeFileSync(target, doc.markdown);
    ctx.stdout.write(`${ctx.stdout.c.green('✓')} ${target}  (${doc.id}, deck ${doc.deck}, level ${doc.level})\n`);
  }
  const dir = args.out === '.' ? '.' : args.out;
  ctx.stdout.write(ctx.stdout.c.dim(`Read it with: prepdeck --content ${dir} read ${converted[0]?.doc.id ?? ''}\n`));
}
