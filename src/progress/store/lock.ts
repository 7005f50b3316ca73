// A lock file created with O_EXCL, held only for a read-modify-write (milliseconds). A lock left by
// a process that no longer exists, or older than STALE_LOCK_MS, is removed.
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { ExitCode, UserError } from '../../errors.js';
import { dataFileError } from './fs-errors.js';
import { removeQuietly } from './files.js';

export const LOCK_WAIT_MS = 10_000;
const STALE_LOCK_MS = 30_000;
const EMPTY_LOCK_GRACE_MS = 1_000;

export class FileLock {
  private depth = 0;
  constructor(
    readonly path: string,
    private readonly waitMs: number = LOCK_WAIT_MS,
  ) {}

  /** Runs `fn` under the lock, waiting up to waitMs for another holder (then a UserError, exit 4). */
  hold<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.acquire();
    return this.run(fn);
  }

  /** Runs `fn` under the lock if it is free now; undefined (fn not run) when another process holds it. */
  tryHold<T>(fn: () => T): T | undefined {
    if (this.depth > 0) return fn();
    return this.tryAcquire() ? this.run(fn) : undefined;
  }

  private run<T>(fn: () => T): T {
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
      removeQuietly(this.path);
    }
  }

  private acquire(): void {
    const deadline = Date.now() + this.waitMs;
    for (let attempt = 0; !this.tryAcquire(); attempt++) {
      if (Date.now() > deadline) throw this.busy();
      sleep(Math.min(2 + attempt, 25));
    }
  }

  /** Creates the lock file, clearing a stale one first; false when a live process holds it. */
  private tryAcquire(): boolean {
    for (let tries = 0; tries < 2; tries++) {
      let fd: number;
      try {
        fd = openSync(this.path, 'wx');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw dataFileError(err, this.path, 'create');
        if (!this.isStale()) return false;
        removeQuietly(this.path); // someone else may remove it first: fine
        continue;
      }
      this.writePid(fd);
      return true;
    }
    return false;
  }

  /** The pid tells others whether the holder is alive. On a full disk even that fails: no lock is left behind. */
  private writePid(fd: number): void {
    try {
      writeSync(fd, `${process.pid}\n`);
    } catch (err) {
      closeSync(fd);
      removeQuietly(this.path);
      throw dataFileError(err, this.path, 'create');
    }
    closeSync(fd);
  }

  private busy(): UserError {
    const wait = this.waitMs >= 1000 ? `${Math.round(this.waitMs / 1000)} s` : `${this.waitMs} ms`;
    // Busy, not a bug: the data file cannot be used right now (exit 4, like other data-file problems).
    return new UserError(
      `prepdeck: the progress file is busy: its lock file ${this.path} has been held by another prepdeck for over ${wait}. ` +
        `If no other prepdeck is running, the lock is stale: delete ${this.path} and try again.`,
      ExitCode.invalidContent,
    );
  }

  private isStale(): boolean {
    try {
      const text = readFileSync(this.path, 'utf8').trim();
      const pid = Number(text);
      if (text !== '' && Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid)) return true;
      const age = Date.now() - statSync(this.path).mtimeMs;
      // A holder writes its pid right after creating the file: an empty lock that stays empty was
      // left by a process killed between the two (kill -9), and no one will ever remove it.
      if (text === '' && age > EMPTY_LOCK_GRACE_MS) return true;
      return age > STALE_LOCK_MS;
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
