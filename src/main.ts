// The entry point and the one top-level catch: user errors print their message and exit with their
// code; anything else is a bug and prints its stack (exit 1).
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, UserError } from './errors.js';
import { packageRoot } from './paths.js';
import { fsReason } from './progress/store/fs-errors.js';
import { makeOutput } from './ui/terminal.js';
import type { Context } from './context.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[], ctx: Context): Promise<number> {
  // Fast path: answering --version needs no argument parser.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    ctx.stdout.write(version() + '\n');
    return ExitCode.ok;
  }
  try {
    const { buildParser } = await import('./cli.js');
    const parser = buildParser(argv, ctx, version());
    const args = await parser.parseAsync();
    const positional = args._.filter((a) => typeof a === 'string');
    if (positional.length === 0 && !args.help && !args.version) {
      // No command: the home menu in a terminal (see commands/home.ts), the help otherwise.
      const home = await import('./commands/home.js');
      await home.run(args as never, ctx, () => parser.getHelp());
    }
    return ExitCode.ok;
  } catch (err) {
    return report(err, ctx);
  }
}

function report(err: unknown, ctx: Context): number {
  if (err instanceof UserError) {
    ctx.stderr.write(err.message.endsWith('\n') ? err.message : err.message + '\n');
    return err.exitCode;
  }
  if (isExitPrompt(err)) {
    ctx.stderr.write('Bye.\n');
    return ExitCode.interrupted;
  }
  const stack = err instanceof Error ? (err.stack ?? String(err)) : String(err);
  ctx.stderr.write(`prepdeck: internal error (a bug; please report it)\n${stack}\n`);
  return ExitCode.internal;
}

/**
 * Ctrl+C at a prompt that no command turned into an InterruptedError: our prompt adapter's
 * PromptInterrupted, or @inquirer's own ExitPromptError. Matched by name so that this entry module
 * never loads the prompt code.
 */
function isExitPrompt(err: unknown): boolean {
  return err instanceof Error && (err.name === 'PromptInterrupted' || err.name === 'ExitPromptError');
}

/**
 * What to do when writing to stdout or stderr fails. A closed pipe (`prepdeck … | head`) is the
 * reader's choice, not an error: exit quietly with the code the command has so far. Anything else
 * (`>/dev/full`: ENOSPC; EIO) means output was lost: say so on stderr if that is not the stream
 * that failed, and exit 4 like any other file that could not be written.
 */
export function streamFailure(err: NodeJS.ErrnoException, stream: 'stdout' | 'stderr', soFar: number): { code: number; message?: string } {
  if (err.code === 'EPIPE') return { code: soFar };
  if (stream === 'stderr') return { code: ExitCode.invalidContent };
  const why = fsReason(err) ?? err.message;
  return { code: ExitCode.invalidContent, message: `prepdeck: cannot write the output: ${why}${err.code ? ` (${err.code})` : ''}. What was printed is incomplete.\n` };
}

// Run when loaded as the program (bin/prepdeck.js imports this module).
if (!process.env.VITEST) {
  for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      const { code, message } = streamFailure(err, name, Number(process.exitCode ?? 0));
      try {
        if (message) writeSync(2, message); // synchronously: the process ends right after
      } catch {
        // stderr is gone too: the exit code is all that is left
      }
      process.exit(code);
    });
  }
  const ctx: Context = {
    stdout: makeOutput(process.stdout, process.env),
    stderr: makeOutput(process.stderr, process.env),
    env: process.env,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    now: () => new Date(),
  };
  process.exitCode = await main(process.argv.slice(2), ctx);
}
