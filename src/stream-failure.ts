// Writing to stdout or stderr failed with something other than a closed pipe (main.ts handles
// EPIPE): `prepdeck read … >/dev/full` (ENOSPC), a failing disk or terminal (EIO). Output was lost:
// say so on stderr unless that is the stream that failed, and exit 4 like any other file that
// could not be written. Loaded only when it happens.
import { writeSync } from 'node:fs';
import { ExitCode } from './errors.js';
import { fsReason } from './progress/store/fs-errors.js';
import { wrap } from './ui/text.js';

export function streamFailure(err: NodeJS.ErrnoException, stream: 'stdout' | 'stderr', soFar: number): { code: number; message?: string } {
  if (err.code === 'EPIPE') return { code: soFar };
  if (stream === 'stderr') return { code: ExitCode.invalidContent };
  const why = fsReason(err) ?? err.message;
  return { code: ExitCode.invalidContent, message: `prepdeck: cannot write the output: ${why}${err.code ? ` (${err.code})` : ''}. What was printed is incomplete.\n` };
}

/**
 * Prints the message (synchronously: the process exits right after), wrapped to `columns` when
 * stderr is a terminal; returns the exit code.
 */
export function reportStreamFailure(err: NodeJS.ErrnoException, stream: 'stdout' | 'stderr', columns?: number): number {
  const { code, message } = streamFailure(err, stream, ExitCode.invalidContent);
  try {
    if (message) writeSync(2, columns ? wrap(message.trimEnd(), columns) + '\n' : message);
  } catch {
    // stderr is gone too: the exit code is all that is left
  }
  return code;
}
