// The file side of `prepdeck import`: finding documents under folders, reading them safely (regular
// files only, at most MAX_DOCUMENT_BYTES, UTF-8), and writing question files into the output folder
// without ever following a link out of it (temp file + fsync + rename).
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join, relative, resolve, sep } from 'node:path';
import { displayPath, statOrNotFound } from '../content/load.js';
import { quoteForDisplay, sanitizeInline } from '../content/sanitize.js';
import { NotFoundError, UsageError } from '../errors.js';

/** The largest document `import` reads: plain-text interview answers are a few kilobytes. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Why one document could not be imported; the others go on. */
export class ImportFailure extends Error {}

/** `*.txt`, `**\/*.md`, `q{1,2}.txt`: a glob as a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '{') re += '(?:';
    else if (ch === '}') re += ')';
    else if (ch === ',' && re.includes('(?:')) re += '|';
    else re += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export interface Input {
  file: string;
  /** How to name it to the user: as given, or relative to the folder it was found in. */
  shown: string;
}

/** Documents to import: files as given, folders searched recursively for names matching the glob (dot-folders skipped). */
export function collectInputs(paths: readonly string[], glob: string): Input[] {
  const match = globToRegExp(glob);
  const byPath = glob.includes('/');
  const files: Input[] = [];
  for (const p of paths) {
    const st = statOrNotFound(p);
    if (!st.isDirectory()) {
      files.push({ file: p, shown: displayPath(p) });
      continue;
    }
    const found = walk(p).filter((f) => match.test(byPath ? relative(p, f).split(sep).join('/') : basename(f)));
    if (found.length === 0) throw new NotFoundError(`No files matching ${quoteForDisplay(glob)} under ${sanitizeInline(p)}`);
    files.push(...found.map((f) => ({ file: f, shown: relative(p, f) })));
  }
  const seen = new Set<string>();
  return files.filter((f) => !seen.has(resolve(f.file)) && seen.add(resolve(f.file)));
}

// Names in natural order (q1, q2, …, q10), the same on every machine: numbers compared as numbers,
// then plain code-point order so that the sort never depends on the locale.
const NATURAL = new Intl.Collator('en', { numeric: true, sensitivity: 'variant' });

export function naturalCompare(a: string, b: string): number {
  return NATURAL.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Regular files under a folder, in natural order; symbolic links to folders are not followed (no loops). */
function walk(dir: string): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => naturalCompare(a.name, b.name));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(full));
    else if (e.isFile()) out.push(full);
    else if (e.isSymbolicLink() && isRegularFile(full)) out.push(full);
  }
  return out;
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A document's text. Opened without blocking and checked on the open descriptor, so that a FIFO or
 * a device is refused instead of hanging or reading forever; larger than MAX_DOCUMENT_BYTES refused.
 */
export function readDocument(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    throw new ImportFailure(`cannot open it (${codeOf(err)})`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new ImportFailure(`not a regular file (${kindOf(st)}): refused`);
    if (st.size > MAX_DOCUMENT_BYTES) throw new ImportFailure(`larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB: refused`);
    const buf = Buffer.alloc(Math.min(st.size, MAX_DOCUMENT_BYTES) + 1);
    let length = 0;
    for (let n; length < buf.length && (n = readSync(fd, buf, length, buf.length - length, null)) > 0; ) length += n;
    if (length > MAX_DOCUMENT_BYTES) throw new ImportFailure(`larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB: refused`);
    const bytes = buf.subarray(0, length);
    if (bytes.includes(0)) throw new ImportFailure('a binary file, not a text document');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new ImportFailure('not UTF-8 text');
    }
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: { isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; isDirectory(): boolean }): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'a special file';
}

function codeOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EROFS: 'the file system is read-only',
    EIO: 'an input/output error',
    ENOENT: 'no such file',
    ENOTDIR: 'part of the path is a file, not a folder',
    ELOOP: 'too many symbolic links',
  };
  return (code && known[code]) ?? (code || 'unknown error');
}

/** The output folder: it may not exist yet, but if something is there it must be a folder. */
export function checkOutputFolder(out: string): void {
  let st;
  try {
    st = statSync(out);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`Cannot use --out ${sanitizeInline(out)}: ${codeOf(err)}.`);
  }
  if (!st.isDirectory()) throw new UsageError(`Cannot use --out ${sanitizeInline(out)}: it is a file, not a folder. Give a folder to write <deck>/<id>.md into.`);
}

/** The path `<out>/<deck>/<id>.md`, after checking that nothing on the way is a symbolic link or leads outside `out`. */
export function targetIn(out: string, deck: string, id: string): { path: string; exists: boolean } {
  let root = resolve(out);
  try {
    root = realpathSync(out);
  } catch {
    // Not created yet: nothing in it can be a link.
  }
  const dir = join(root, deck);
  const dirSt = lstatOrUndefined(dir);
  if (dirSt?.isSymbolicLink()) throw new ImportFailure(`${join(out, deck)} is a symbolic link: refusing to write through it`);
  if (dirSt && !dirSt.isDirectory()) throw new ImportFailure(`${join(out, deck)} is not a folder`);
  const path = join(dir, `${id}.md`);
  const st = lstatOrUndefined(path);
  if (st?.isSymbolicLink()) throw new ImportFailure(`${join(out, deck, `${id}.md`)} is a symbolic link: refusing to write through it`);
  if (st && !st.isFile()) throw new ImportFailure(`${join(out, deck, `${id}.md`)} exists and is not a regular file`);
  if (!resolve(path).startsWith(root + sep)) throw new ImportFailure(`${path} is outside the output folder`);
  return { path, exists: st !== undefined };
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** Write by temp file + fsync + rename: a reader sees the old file or the new one, never half of one. */
export function writeAtomically(path: string, text: string): void {
  const dir = resolve(path, '..');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new ImportFailure(`cannot create ${dir} (${codeOf(err)})`);
  }
  // The deck folder may have been swapped for a link since it was checked.
  if (lstatSync(dir).isSymbolicLink()) throw new ImportFailure(`${dir} is a symbolic link: refusing to write through it`);
  const temp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    const data = Buffer.from(text, 'utf8');
    for (let off = 0; off < data.length; ) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (err) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Not created, or already renamed.
    }
    throw new ImportFailure(`cannot write ${path} (${codeOf(err)})`);
  }
}
