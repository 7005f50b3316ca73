// How errors reach the user, in one place: the top-level catch (main.ts) and the home menu, which
// reports a failed activity and carries on, print them the same way.
import { sanitizeText } from './content/sanitize.js';
import { ExitCode, UserError } from './errors.js';

interface Writable {
  write(text: string): unknown;
}

/** A user error's message, sanitised (it quotes what was typed and file names), ending in one newline. */
export function writeUserError(err: UserError, out: Writable): void {
  const message = sanitizeText(err.message);
  out.write(message.endsWith('\n') ? message : message + '\n');
}

/** The top-level policy: a user error prints its message and exits with its code; anything else is a bug (exit 1, stack). */
export function reportError(err: unknown, out: Writable): number {
  if (err instanceof UserError) {
    writeUserError(err, out);
    return err.exitCode;
  }
  if (isExitPrompt(err)) {
    out.write('Bye.\n');
    return ExitCode.interrupted;
  }
  const stack = err instanceof Error ? (err.stack ?? String(err)) : String(err);
  out.write(`prepdeck: internal error (a bug; please report it)\n${sanitizeText(stack)}\n`);
  return ExitCode.internal;
}

/**
 * Ctrl+C at a prompt that no command turned into an InterruptedError: our prompt adapter's
 * PromptInterrupted, or @inquirer's own ExitPromptError. Matched by name so that the entry module
 * never loads the prompt code.
 */
function isExitPrompt(err: unknown): boolean {
  return err instanceof Error && (err.name === 'PromptInterrupted' || err.name === 'ExitPromptError');
}
