// The progress file on disk: the only module that imports `conf` (lazily, it costs ~100 ms).
//
// - Location: the per-user config folder (as conf/env-paths define it), or $PREPDECK_HOME.
// - Every change is `update(fn)`: under a lock file, re-read the document, apply fn, write it
//   atomically (conf writes a temp file and renames it). Two prepdeck processes therefore never
//   overwrite each other's answers: each change is applied to the latest document.
// - A file that is not JSON or does not match the schema is renamed aside to
//   `progress.corrupt-<timestamp>.json`, the user is told in one line, and progress starts fresh.
// - A file written by a newer prepdeck is left alone and reported (exit 4): moving it aside would
//   look like data loss to the newer version.
// - File-system mix-ups are user errors that name the path and why: a PREPDECK_HOME (or config
//   folder) that is a file or not writable is exit 2; a progress file that is a folder, cannot be
//   read or written, or stays locked is a data-file problem, exit 4.
import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEPTHS } from '../content/model.js';
import { ContentError, ExitCode, UsageError, UserError } from '../errors.js';
// The model (and valibot with it) is loaded only by what needs it: readSettings stays cheap for `read`.
import type { ProgressDoc, Settings } from './model.js';

type Model = typeof import('./model.js');

export const FILE_NAME = 'progress.json';
const LOCK_WAIT_MS = 10_000;
const STALE_LOCK_MS = 30_000;

type Env = Record<string, string | undefined>;

/** The folder progress lives in: $PREPDECK_HOME, else the OS's per-user config folder for prepdeck. */
export function progressDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  if (env.PREPDECK_HOME) return resolve(env.PREPDECK_HOME);
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'prepdeck');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'prepdeck', 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'prepdeck');
}

export function progressPath(env: Env): string {
  return join(progressDir(env), FILE_NAME);
}

/**
 * The remembered settings (e.g. the answer depth), cheaply: no conf, no lock, never throws, never
 * moves anything. For `prepdeck read` and other commands that only need settings.
 */
export function readSettings(env: Env): Settings {
  try {
    const raw = JSON.parse(readFileSync(progressPath(env), 'utf8')) as { settings?: { depth?: unknown; newPerDay?: unknown } };
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
 * The document as it is on disk, without conf, lock or side effects: undefined when the file is
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

export interface Store {
  readonly path: string;
  /** The document as it is on disk now. */
  read(): ProgressDoc;
  /** Re-read, apply `change`, write atomically; all under the lock. Returns what was written. */
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

/** Why a file-system call failed, in words; undefined for errors that are not about the path. */
export function fsReason(err: unknown): string | undefined {
  switch ((err as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'part of that path is a file, not a folder';
    case 'EEXIST':
      return 'a file of that name is in the way';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return undefined;
  }
}

/** The progress folder could not be created: the path comes from PREPDECK_HOME or the OS (exit 2). */
function folderError(err: unknown, dir: string, env: Env): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'EEXIST' ? 'it is a file, not a folder' : fsReason(err);
  if (why === undefined) return err as Error;
  const where = env.PREPDECK_HOME ? `PREPDECK_HOME (${dir})` : `the progress folder ${dir}`;
  return new UsageError(`prepdeck: cannot use ${where}: ${why}. Set PREPDECK_HOME to a folder prepdeck can create and write.`);
}

/** The progress file (or its lock) could not be read or written (exit 4): say which and why. */
function dataFileError(err: unknown, file: string, doing: 'read' | 'write' | 'create'): Error {
  const why = fsReason(err);
  if (why === undefined || err instanceof UserError) return err as Error;
  const fix = (err as NodeJS.ErrnoException).code === 'EISDIR' ? 'move that folder out of the way' : 'check the file and its folder';
  return new UserError(`prepdeck: cannot ${doing} ${file}: ${why}. prepdeck keeps your progress there: ${fix}.`, ExitCode.invalidContent);
}

interface ConfLike {
  store: Record<string, unknown>;
}

export async function openStore(opts: OpenOptions): Promise<Store> {
  const [{ default: Conf }, model] = await Promise.all([import('conf'), import('./model.js')]);
  const dir = progressDir(opts.env);
  const path = join(dir, FILE_NAME);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw folderError(err, dir, opts.env);
  }

  const lock = new FileLock(path + '.lock', opts.lockWaitMs ?? LOCK_WAIT_MS);

  /** Parse the file; a bad one is moved aside (under the lock) and progress starts empty. */
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

  // conf reads the file when constructed and throws on invalid JSON: check (and move aside) first.
  load(false);
  const conf: ConfLike = new Conf<Record<string, unknown>>({
    projectName: 'prepdeck',
    projectSuffix: '',
    cwd: dir,
    configName: 'progress',
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    serialize: (value) => JSON.stringify(value, null, 2) + '\n',
  });

  return {
    path,
    read: () => load(false),
    update: (change) =>
      lock.hold(() => {
        const next = model.checkProgress(change(load(true)));
        try {
          conf.store = next as unknown as Record<string, unknown>;
        } catch (err) {
          throw dataFileError(err, path, 'write');
        }
        return next;
      }),
    newId: () => randomUUID(),
    backup: (label) => {
      if (!existsSync(path)) return undefined;
      const dest = besidePath(path, label, opts.now());
      copyFileSync(path, dest);
      return dest;
    },
  };
}

type ReadResult = { ok: true; doc: ProgressDoc } | { ok: false; reason: string; newer?: boolean };

function readDoc(path: string, model: Model): ReadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
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
  renameSync(path, dest);
  return dest;
}

/** `progress.<label>-<timestamp>.json` in the same folder, not yet taken. */
function besidePath(path: string, label: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = path.replace(/\.json$/, '');
  let dest = `${base}.${label}-${stamp}.json`;
  for (let n = 1; existsSync(dest); n++) dest = `${base}.${label}-${stamp}-${n}.json`;
  return dest;
}

/**
 * A lock file created with O_EXCL. Held only for a read-modify-write (milliseconds). A lock left by
 * a process that no longer exists, or older than STALE_LOCK_MS, is removed.
 */
class FileLock {
  private depth = 0;
  constructor(
    private readonly path: string,
    private readonly waitMs: number,
  ) {}

  hold<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.acquire();
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      try {
        unlinkSync(this.path);
      } catch {
        // already gone: nothing to release
      }
    }
  }

  private acquire(): void {
    const deadline = Date.now() + this.waitMs;
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(this.path, 'wx');
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw dataFileError(err, this.path, 'create');
      }
      if (this.isStale()) {
        try {
          unlinkSync(this.path);
        } catch {
          // someone else removed it first
        }
        continue;
      }
      if (Date.now() > deadline) {
        // Busy, not a bug: the data file cannot be used right now (exit 4, like other data-file problems).
        throw new UserError(
          `prepdeck: the progress file is busy: its lock file ${this.path} has been held by another prepdeck for over ${this.waitMs >= 1000 ? `${Math.round(this.waitMs / 1000)} s` : `${this.waitMs} ms`}. ` +
            `If no other prepdeck is running, the lock is stale: delete ${this.path} and try again.`,
          ExitCode.invalidContent,
        );
      }
      sleep(Math.min(2 + attempt, 25));
    }
  }

  private isStale(): boolean {
    try {
      const pid = Number(readFileSync(this.path, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) return true;
      return Date.now() - statSync(this.path).mtimeMs > STALE_LOCK_MS;
    } catch {
      return false; // vanished or half-written: try again
    }
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
