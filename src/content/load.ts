// Reading content folders from disk: the only file in src/content that does I/O.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import { ExitCode, NotFoundError, UserError, type Problem } from '../errors.js';
import { builtInContentDir, packageRoot } from '../paths.js';
import { listMarkdown, readFreshIndex } from './index-file.js';
import { checkLibrary, sortQuestions } from './check.js';
import { CONTENT_LIMITS } from './limits.js';
import { quoteForDisplay, sanitizeInline } from './sanitize.js';
import type { Question } from './model.js';
import type { ParseResult } from './parse.js';

export interface Library {
  questions: Question[];
  problems: Problem[];
}

/** Built-in content, then folders from PREPDECK_CONTENT, then --content flags. */
export function contentDirs(flags: readonly string[] | undefined, env: Record<string, string | undefined>): string[] {
  const fromEnv = (env.PREPDECK_CONTENT ?? '').split(delimiter).filter(Boolean);
  // A folder named twice (in PREPDECK_CONTENT and --content, or the built-in one) is read once:
  // read twice, each of its questions was a problem, an id reused by itself.
  const seen = new Set<string>();
  return [builtInContentDir(), ...fromEnv, ...(flags ?? [])].filter((dir) => !seen.has(resolve(dir)) && seen.add(resolve(dir)));
}

/** What a path given by the user is; a path that is not there is a NotFoundError naming it. */
export function statOrNotFound(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new NotFoundError(`No such file or folder: ${sanitizeInline(path)}`);
  }
}

/** Every question file (`*.md` but README.md) under the given files or folders, in a stable order. */
export function findContentFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const st = statOrNotFound(p);
    if (st.isFile()) files.push(p);
    else if (st.isDirectory()) files.push(...listFolder(p));
    else throw new UserError(`${quoteForDisplay(p)} is ${kindOf(st)}, not a content file or folder.`, ExitCode.invalidContent);
  }
  // Folders inside one another (content and content/caching) name a file twice: it is read once.
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
}

function listFolder(dir: string): string[] {
  try {
    return listMarkdown(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'an error';
    throw new UserError(`Cannot read the content folder ${quoteForDisplay(dir)} (${code}).`, ExitCode.invalidContent);
  }
}

function kindOf(st: Stats): string {
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The text of one content file, or the problem that keeps it from being read: only regular files
 * (a FIFO would block forever, a device never ends), at most CONTENT_LIMITS.fileBytes. Opened
 * non-blocking so that a file swapped for a FIFO after the folder was listed cannot hang the read.
 */
export function readContentFile(file: string, shown: string): { text: string } | { problem: Problem } {
  const fail = (message: string) => ({ problem: { file: shown, line: 1, message } });
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return fail(`cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return fail(`is ${kindOf(st)}, not a content file`);
    const max = CONTENT_LIMITS.fileBytes;
    const buf = Buffer.alloc(max + 1);
    let got = 0;
    for (let n = -1; n !== 0 && got <= max; got += n) n = readSync(fd, buf, got, max + 1 - got, null);
    if (got > max) return fail(`is larger than ${max / 1024 / 1024} MiB, the most a content file may hold`);
    return { text: buf.toString('utf8', 0, got) };
  } catch (err) {
    return fail(`cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}

/** One file's question and problems. Never throws: whatever a hostile file does, it is that file's problem. */
function loadFile(file: string, parse: (source: string, file: string) => ParseResult): ParseResult {
  const shown = displayPath(file);
  const read = readContentFile(file, shown);
  if ('problem' in read) return { problems: [read.problem] };
  try {
    return parse(read.text, shown);
  } catch (err) {
    const why = err instanceof RangeError ? 'too deeply nested to read' : 'could not be read';
    return { problems: [{ file: shown, line: 1, message: `${why} (${err instanceof Error ? err.message : String(err)})` }] };
  }
}

/** File names in problems are shown relative to the working directory when that is shorter. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(file));
  // File names are untrusted too: one holding escape sequences must not reach the terminal raw.
  return sanitizeInline(rel.length < file.length && !rel.startsWith('..') ? rel : file);
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
  // With the index, a built-in file reached through a user folder (--content content/x) is in already.
  const files = indexed ? findContentFiles(paths.filter((p) => p !== builtIn)).filter((f) => !resolve(f).startsWith(builtIn + sep)) : findContentFiles(paths);
  // The parser (YAML, valibot) is loaded only when some file is not covered by the index.
  const { parseQuestion } = files.length > 0 ? await import('./parse.js') : { parseQuestion: undefined };
  for (const file of files) {
    const result = loadFile(file, parseQuestion!);
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
