// Build step (run by scripts/build.mjs): parse the built-in content once and write the index that
// loadLibrary reads at start-up. Exits non-zero when the content has problems.
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { formatProblem } from '../src/errors.js';
import { fingerprint, type ContentIndex } from '../src/content/index-file.js';
import { loadLibrary } from '../src/content/load.js';

export async function buildIndex(contentDir: string, outFile: string): Promise<number> {
  const lib = await loadLibrary([contentDir], { useIndex: false });
  if (lib.problems.length > 0) {
    process.stderr.write(`content index not written; the built-in content has problems:\n${lib.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const questions = lib.questions.map((q) => ({ ...q, file: relative(contentDir, resolve(q.file)) }));
  const index: ContentIndex = { version: 2, files: fingerprint(contentDir), questions };
  writeFileSync(outFile, JSON.stringify(index));
  return 0;
}
