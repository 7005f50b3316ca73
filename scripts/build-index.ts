// Build step (run by scripts/build.mjs): parse the built-in content once and write the index that
// loadLibrary reads at start-up. Exits non-zero when the content has problems.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatProblem } from '../src/errors.js';
import { fingerprint, type ContentIndex } from '../src/content/index-file.js';
import { loadLibrary } from '../src/content/load.js';
import type { Question } from '../src/content/model.js';
import { textKey } from '../src/ui/lexed.js';
import { lexMarkdown } from '../src/ui/markdown.js';

/** The texts `read` renders as Markdown: prompt, answers and tips. */
export function markdownTexts(q: Question): string[] {
  return [q.prompt, ...Object.values(q.answers), ...(q.tips ? [q.tips] : [])];
}

/** Each text's tokens as lexedDir/<SHA-1 of the text>.json (see src/ui/lexed.ts). */
export function writeLexed(lexedDir: string, texts: readonly string[]): void {
  mkdirSync(lexedDir, { recursive: true });
  for (const t of new Set(texts)) writeFileSync(join(lexedDir, `${textKey(t)}.json`), JSON.stringify(lexMarkdown(t)));
}

/** Writes the index to outFile and, with lexedDir, the tokens of every text `read` renders. */
export async function buildIndex(contentDir: string, outFile: string, lexedDir?: string): Promise<number> {
  const lib = await loadLibrary([contentDir], { useIndex: false });
  if (lib.problems.length > 0) {
    process.stderr.write(`content index not written; the built-in content has problems:\n${lib.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const questions = lib.questions.map((q) => ({ ...q, file: relative(contentDir, resolve(q.file)) }));
  const index: ContentIndex = { version: 2, files: fingerprint(contentDir), questions };
  writeFileSync(outFile, JSON.stringify(index));
  if (lexedDir) writeLexed(lexedDir, lib.questions.flatMap(markdownTexts));
  return 0;
}
