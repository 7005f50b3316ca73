// Build step (run by scripts/build.mjs): parse the built-in content once and write the index that
// loadLibrary reads at start-up. Exits non-zero when the content has problems.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatProblem } from '../src/errors.js';
import { fingerprint, type ContentIndex } from '../src/content/index-file.js';
import { loadLibrary } from '../src/content/load.js';
import type { Question } from '../src/content/model.js';
import { textKey, usePrebuiltDir, type Prebuilt } from '../src/ui/prebuilt.js';
import { lexMarkdown, renderUnwrapped, rendersAlike } from '../src/ui/markdown.js';
import { memoryOutput } from '../src/ui/terminal.js';

/** The texts `read` renders as Markdown: prompt, answers and tips. */
export function markdownTexts(q: Question): string[] {
  return [q.prompt, ...Object.values(q.answers), ...(q.tips ? [q.tips] : [])];
}

/**
 * Each text as dir/<SHA-1 of the text>.json (see src/ui/prebuilt.ts): its tokens, and its rendering
 * without and with colour when that depends on nothing else.
 */
export function writePrebuilt(dir: string, texts: readonly string[]): void {
  mkdirSync(dir, { recursive: true });
  usePrebuiltDir(null); // render from the text itself, never from an older build's output
  const plain = memoryOutput({ color: false });
  const color = memoryOutput({ color: true });
  for (const t of new Set(texts)) {
    const tokens = lexMarkdown(t);
    const entry: Prebuilt = { tokens };
    if (rendersAlike(tokens)) entry.rendered = { plain: renderUnwrapped(t, plain), color: renderUnwrapped(t, color) };
    writeFileSync(join(dir, `${textKey(t)}.json`), JSON.stringify(entry));
  }
  usePrebuiltDir(undefined);
}

/** Writes the index to outFile and, with prebuiltDir, what `read` needs of every text it renders. */
export async function buildIndex(contentDir: string, outFile: string, prebuiltDir?: string): Promise<number> {
  const lib = await loadLibrary([contentDir], { useIndex: false });
  if (lib.problems.length > 0) {
    process.stderr.write(`content index not written; the built-in content has problems:\n${lib.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const questions = lib.questions.map((q) => ({ ...q, file: relative(contentDir, resolve(q.file)) }));
  const index: ContentIndex = { version: 2, files: fingerprint(contentDir), questions };
  writeFileSync(outFile, JSON.stringify(index));
  if (prebuiltDir) writePrebuilt(prebuiltDir, lib.questions.flatMap(markdownTexts));
  return 0;
}
