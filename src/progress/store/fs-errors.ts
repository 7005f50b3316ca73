// File-system failures in words, and which exit code they get.
import { ExitCode, UsageError, UserError } from '../../errors.js';
import type { Env } from './paths.js';

/** Codes of our own, for files that exist but must not be read: see files.ts. */
export const NOT_REGULAR = 'EPREPDECK_NOT_REGULAR';
export const TOO_LARGE = 'EPREPDECK_TOO_LARGE';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'part of that path is a file, not a folder',
  EEXIST: 'a file of that name is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ELOOP: 'it is a symbolic link that loops (or too many links in a row)',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error (the disk or file system may be failing)',
  [NOT_REGULAR]: 'it is not a regular file (a FIFO, device or socket)',
};

/** Why a file-system call failed, in words; undefined for errors that are not about the path. */
export function fsReason(err: unknown): string | undefined {
  const e = err as (NodeJS.ErrnoException & { limit?: number }) | undefined;
  if (e?.code === TOO_LARGE) return `it is larger than ${Math.round((e.limit ?? 0) / 2 ** 20)} MB`;
  return e?.code === undefined ? undefined : REASONS[e.code];
}

/**
 * The storage itself failed (full, over quota, broken): not the user's typing, so not a usage
 * error. prepdeck treats it like an unusable data file: exit 4.
 */
export function isStorageFailure(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EIO' || code === 'EFBIG';
}

/** The progress folder could not be created: the path comes from PREPDECK_HOME or the OS (exit 2). */
export function folderError(err: unknown, dir: string, env: Env): Error {
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'EEXIST' ? 'it is a file, not a folder' : fsReason(err);
  if (why === undefined) return err as Error;
  if (isStorageFailure(err)) return new UserError(`prepdeck: cannot create the progress folder ${dir}: ${why}.`, ExitCode.invalidContent);
  const where = env.PREPDECK_HOME ? `PREPDECK_HOME (${dir})` : `the progress folder ${dir}`;
  return new UsageError(`prepdeck: cannot use ${where}: ${why}. Set PREPDECK_HOME to a folder prepdeck can create and write.`);
}

export type Doing = 'read' | 'write' | 'create' | 'move aside';

/** The progress file (or its lock, or a copy) could not be read or written (exit 4): say which and why. */
export function dataFileError(err: unknown, file: string, doing: Doing): Error {
  const why = fsReason(err);
  if (why === undefined || err instanceof UserError) return err as Error;
  const code = (err as NodeJS.ErrnoException).code;
  const kept = doing === 'read' ? '' : ' This change was not saved; your progress file keeps everything saved before it.';
  const fix = isStorageFailure(err)
    ? 'Free some space (or fix the disk) and try again.'
    : code === 'EISDIR' || code === NOT_REGULAR
      ? 'prepdeck keeps your progress there: move that out of the way.'
      : 'prepdeck keeps your progress there: check the file and its folder.';
  return new UserError(`prepdeck: cannot ${doing} ${file}: ${why}.${kept} ${fix}`, ExitCode.invalidContent);
}
