// The progress file on disk. The lock (store/lock.ts), the paths (store/paths.ts), the durable file
// writes (store/files.ts) and the error wording (store/fs-errors.ts) are their own modules; this one
// ties them into the ProgressStore the commands use.
//
// - Location: the per-user config folder, or $PREPDECK_HOME.
// - Every change is `update(fn)`: under a lock file, re-read the document, apply fn, write it
//   durably (temp file, every byte checked, fsync, rename). Two prepdeck processes therefore never
//   overwrite each other's answers, and a failed write (full disk, I/O error, read-only file system)
//   leaves the previous file exactly as it was and is reported (exit 4).
// - conf, which earlier versions wrote through, is no longer used here: its writer (atomically)
//   ignores the byte count of a short write, so on a full disk it renamed a truncated file over the
//   good one.
// - A file that is not JSON or does not match the schema is renamed aside to
//   `progress.corrupt-<timestamp>.json`, the user is told in one line, and progress starts fresh.
//   A UTF-8 byte-order mark is not corruption: it is skipped.
// - A file written by a newer prepdeck is left alone and reported (exit 4): moving it aside would
//   look like data loss to the newer version.
// - Temporary files left by a killed process (`progress.json.tmp-*`) are removed at the next start.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEPTHS } from '../content/model.js';
import { ContentError } from '../errors.js';
// The model (and valibot with it) is loaded only by what needs it: readSettings stays cheap for `read`.
import type { ProgressDoc, Settings } from './model.js';
import { dataFileError, folderError } from './store/fs-errors.js';
import { readRegularFile, removeQuietly, writeFileDurably } from './store/files.js';
import { FileLock, LOCK_WAIT_MS } from './store/lock.js';
import { besidePath, lockPathFor, progressDir, progressPath, tempPrefixFor, type Env } from './store/paths.js';

// The public API other modules have always imported from here.
export { FILE_NAME, progressDir, progressPath } from './store/paths.js';
export { fsReason } from './store/fs-errors.js';

type Model = typeof import('./model.js');

/**
 * The remembered settings (e.g. the answer depth), cheaply: no lock, never throws, never moves
 * anything. For `prepdeck read` and other commands that only need settings.
 */
export function readSettings(env: Env): Settings {
  try {
    const raw = JSON.parse(readRegularFile(progressPath(env))) as { settings?: { depth?: unknown; newPerDay?: unknown } };
    const { depth, newPerDay } = raw.settings ?? {};
    const settings: Settings = {};
    if ((DEPTHS as readonly unknown[]).includes(depth)) settings.depth = depth as Settings['depth'];
    if (typeof newPerDay === 'number' && Number.isInteger(newPerDay) && newPerDay >= 0 && newPerDay <= 1000) settings.newPerDay = newPerDay;
    return settings;
  } catch {
    return {};
  }
}

/**
 * The document as it is on disk, without lock or side effects: undefined when the file is
 * unreadable (opening the store will then move it aside and say so). For the home menu's badge.
 */
export async function peekProgress(env: Env): Promise<ProgressDoc | undefined> {
  const model = await import('./model.js');
  try {
    const result = readDoc(progressPath(env), model);
    return result.ok ? result.doc : undefined;
  } catch {
    return undefined;
  }
}

/** The progress file, opened: read, update under the lock, back up. (Not the simulator's session `Store`.) */
export interface ProgressStore {
  readonly path: string;
  /** The document as it is on disk now. */
  read(): ProgressDoc;
  /** Re-read, apply `change`, write durably; all under the lock. Returns what was written. */
  update(change: (doc: ProgressDoc) => ProgressDoc): ProgressDoc;
  /** A fresh id for an answer or review. */
  newId(): string;
  /** Copies the file to `progress.<label>-<timestamp>.json` beside it; undefined when there is no file. */
  backup(label: string): string | undefined;
}

export interface OpenOptions {
  env: Env;
  now: () => Date;
  /** Where one-line notices go (a corrupt file moved aside). */
  warn: (line: string) => void;
  /** How long to wait for another prepdeck's lock before giving up (tests shorten it). */
  lockWaitMs?: number;
}

export async function openStore(opts: OpenOptions): Promise<ProgressStore> {
  const model = await import('./model.js');
  const path = prepareFolder(opts.env);
  const lock = new FileLock(lockPathFor(path), opts.lockWaitMs ?? LOCK_WAIT_MS);
  removeStaleTemps(path, lock);
  const load = loader(path, lock, model, opts);
  load(false); // a corrupt file is reported (and moved aside) now, not in the middle of a session
  return {
    path,
    read: () => load(false),
    update: (change) =>
      lock.hold(() => {
        const next = model.checkProgress(change(load(true)));
        save(path, next);
        return next;
      }),
    newId: () => randomUUID(),
    backup: (label) => backup(path, label, opts.now()),
  };
}

/** Creates the progress folder if needed; returns the progress file's path. */
function prepareFolder(env: Env): string {
  const dir = progressDir(env);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw folderError(err, dir, env);
  }
  return progressPath(env);
}

/**
 * Removes `progress.json.tmp-*` files a killed process left. Only under the lock (every write
 * happens under it, so no temp file then belongs to a live writer), and only if the lock is free
 * right now: a busy or unwritable folder is cleaned another time.
 */
function removeStaleTemps(path: string, lock: FileLock): void {
  const dir = dirname(path);
  const prefix = tempPrefixFor(path);
  let stale: string[];
  try {
    stale = readdirSync(dir).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  if (stale.length === 0) return;
  try {
    lock.tryHold(() => stale.forEach((name) => removeQuietly(join(dir, name))));
  } catch {
    // the lock cannot even be created (read-only or full): leave them for a later start
  }
}

/** Parses the file; a bad one is moved aside (under the lock) and progress starts empty. */
function loader(path: string, lock: FileLock, model: Model, opts: OpenOptions): (locked: boolean) => ProgressDoc {
  const load = (locked: boolean): ProgressDoc => {
    let result: ReadResult;
    try {
      result = readDoc(path, model);
    } catch (err) {
      throw dataFileError(err, path, 'read');
    }
    if (result.ok) return result.doc;
    if (result.newer) throw new ContentError([{ file: path, line: 1, message: `${result.reason}; upgrade prepdeck to use it` }]);
    if (!locked) return lock.hold(() => load(true));
    const moved = quarantine(path, opts.now());
    opts.warn(`prepdeck: progress file ${path} was unreadable (${result.reason.replace(/\s+/g, ' ')}); moved it to ${moved} and started fresh.`);
    return model.emptyProgress();
  };
  return load;
}

function save(path: string, doc: ProgressDoc): void {
  try {
    writeFileDurably(path, JSON.stringify(doc, null, 2) + '\n');
  } catch (err) {
    throw dataFileError(err, path, 'write');
  }
}

/** A durable copy beside the file (a partial copy on a full disk is removed, never left). */
function backup(path: string, label: string, now: Date): string | undefined {
  if (!existsSync(path)) return undefined;
  const dest = besidePath(path, label, now);
  try {
    writeFileDurably(dest, readFileSync(path), { replace: false });
  } catch (err) {
    throw dataFileError(err, dest, 'write');
  }
  return dest;
}

type ReadResult = { ok: true; doc: ProgressDoc } | { ok: false; reason: string; newer?: boolean };

function readDoc(path: string, model: Model): ReadResult {
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, doc: model.emptyProgress() };
    throw err;
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not valid JSON: ${(err as Error).message}` };
  }
  const result = model.upgrade(raw);
  return result.ok ? { ok: true, doc: result.doc } : result;
}

/** Renames the file to `<name>.corrupt-<timestamp>.json` beside it; returns the new path. */
function quarantine(path: string, now: Date): string {
  const dest = besidePath(path, 'corrupt', now);
  try {
    renameSync(path, dest);
  } catch (err) {
    throw dataFileError(err, path, 'move aside');
  }
  return dest;
}
