// Reading and writing whole files without surprises: a write either replaces the file with every
// byte of the new text or leaves it exactly as it was; a read never hangs on a FIFO or swallows a
// device.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { NOT_REGULAR, TOO_LARGE } from './fs-errors.js';
import { tempPrefixFor } from './paths.js';

/** What `progress import` reads at most (a progress file with ~200,000 events is about 60 MB). */
export const MAX_READ_BYTES = 64 * 2 ** 20;

function fail(code: string, message: string, extra: Record<string, unknown> = {}): never {
  throw Object.assign(new Error(message), { code, ...extra });
}

/**
 * The text of a regular file, without a leading UTF-8 byte-order mark. Opened non-blocking so a
 * FIFO does not wait for a writer; anything that is not a regular file, or is larger than
 * `maxBytes`, is refused with an error whose code fsReason() explains.
 */
export function readRegularFile(path: string, maxBytes = Infinity): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) fail('EISDIR', `${path} is a folder`);
    if (!stat.isFile()) fail(NOT_REGULAR, `${path} is not a regular file`);
    if (stat.size > maxBytes) fail(TOO_LARGE, `${path} is too large`, { limit: maxBytes });
    const text = readAll(fd, stat.size, maxBytes).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end (the file may have grown since fstat), refusing to pass `maxBytes`. */
function readAll(fd: number, sizeHint: number, maxBytes: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(sizeHint - total, 16 * 2 ** 20)));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    total += n;
    if (total > maxBytes) fail(TOO_LARGE, 'too large', { limit: maxBytes });
    chunks.push(chunk.subarray(0, n));
  }
}

export interface WriteOptions {
  /** Replace an existing file (default). Without it, an existing file, even one created a moment ago, is never replaced: EEXIST. */
  replace?: boolean;
}

/**
 * Writes `text` (or bytes) to `path` durably: a temporary file beside it (`<name>.tmp-<pid>-<random>`), every
 * byte checked as written (a short write on a full disk is an error, not a truncated file), fsync,
 * then a rename over the old file. On any failure the temporary file is removed and the error
 * rethrown: the old file is untouched. A path that is a symbolic link is written through to its
 * target, which keeps a symlinked progress file a symlink.
 */
export function writeFileDurably(path: string, text: string | Uint8Array, opts: WriteOptions = {}): void {
  const target = resolveTarget(path);
  const temp = join(dirname(target), `${tempPrefixFor(target)}${process.pid}-${randomBytes(4).toString('hex')}`);
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  try {
    writeTemp(temp, data, existingMode(target));
    if (opts.replace === false) placeNew(temp, target);
    else renameSync(temp, target);
  } catch (err) {
    removeQuietly(temp);
    throw err;
  }
  syncFolder(dirname(target));
}

function resolveTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return path; // new file (or a dangling link: replaced)
    throw err;
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function writeTemp(temp: string, data: Buffer, mode: number | undefined): void {
  const fd = openSync(temp, 'wx', 0o666);
  try {
    if (mode !== undefined) fchmodSync(fd, mode);
    for (let offset = 0; offset < data.length; ) {
      const n = writeSync(fd, data, offset, data.length - offset);
      // A short write is followed by the real error (ENOSPC) on the next call; 0 would loop forever.
      if (n <= 0) fail('EIO', `write to ${temp} made no progress`);
      offset += n;
    }
    // Some file systems report a full disk only when the data is flushed.
    fsyncSync(fd);
    if (fstatSync(fd).size !== data.length) fail('EIO', `${temp} has ${fstatSync(fd).size} of ${data.length} bytes`);
  } finally {
    closeSync(fd);
  }
}

/** Moves `temp` to `file` unless `file` exists (a hard link fails if the name is taken). */
function placeNew(temp: string, file: string): void {
  try {
    linkSync(temp, file);
    unlinkSync(temp);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // File systems without hard links: check, then rename.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw err;
  }
  try {
    statSync(file);
  } catch {
    renameSync(temp, file);
    return;
  }
  fail('EEXIST', `${file} exists`);
}

/** Makes the rename itself durable where the system allows (not on every file system). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // not supported here: the data itself is already synced
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or already gone
  }
}
