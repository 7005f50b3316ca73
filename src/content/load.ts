// Reading content folders from disk: the only file in src/content that does I/O.
import { readFileSync, statSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import { NotFoundError, type Problem } from '../errors.js';
import { builtInContentDir, packageRoot } from '../paths.js';
import { listMarkdown, readFreshIndex } from './index-file.js';
import { checkLibrary, sortQuestions } from './check.js';
import type { Question } from './model.js';

export interface Library {
  questions: Question[];
  problems: Problem[];
}

/** Built-in content, then folders from PREPDECK_CONTENT, then --content flags. */
export function contentDirs(flags: readonly string[] | undefined, env: Record<string, string | undefined>): string[] {
  const fromEnv = (env.PREPDECK_CONTENT ?? '').split(delimiter).filter(Boolean);
  return [builtInContentDir(), ...fromEnv, ...(flags ?? [])];
}

/** Every question file (`*.md` but README.md) under the given files or folders, in a stable order. */
export function findContentFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new NotFoundError(`No such file or folder: ${p}`);
    }
    if (st.isFile()) files.push(p);
    else files.push(...listMarkdown(p));
  }
  return files;
}


/** File names in problems are shown relative to the working directory when that is shorter. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(file));
  return rel.length < file.length && !rel.startsWith('..') ? rel : file;
}

/**
 * Parse every question under `paths`. The built-in folder comes from the build's pre-parsed index
 * when that is fresh, unless `useIndex` is false (as `validate` asks: it must read the files).
 */
export async function loadLibrary(paths: readonly string[], { useIndex = true } = {}): Promise<Library> {
  const questions: Question[] = [];
  const problems: Problem[] = [];
  const builtIn = builtInContentDir();
  const indexed = useIndex && paths.includes(builtIn) ? readFreshIndex(join(packageRoot(), 'dist', 'content-index.json'), builtIn) : undefined;
  if (indexed) {
    for (const q of indexed) questions.push({ ...q, file: displayPath(join(builtIn, q.file)) });
  }
  const files = findContentFiles(indexed ? paths.filter((p) => p !== builtIn) : paths);
  // The parser (YAML, valibot) is loaded only when some file is not covered by the index.
  const { parseQuestion } = files.length > 0 ? await import('./parse.js') : { parseQuestion: undefined };
  for (const file of files) {
    const shown = displayPath(file);
    const result = parseQuestion!(readFileSync(file, 'utf8'), shown);
    problems.push(...result.problems);
    if (result.question) questions.push(result.question);
  }
  problems.push(...checkLibrary(questions));
  // A reused id is reported above; only the first question with it (built-in content comes
  // first) is kept, so that progress keyed by the id stays unambiguous.
  const seen = new Set<string>();
  const unique = questions.filter((q) => !seen.has(q.id) && seen.add(q.id));
  return { questions: sortQuestions(unique), problems };
}
