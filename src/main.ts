// The entry point and the one top-level catch: user errors print their message and exit with their
// code; anything else is a bug and prints its stack (exit 1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportError } from './error-output.js';
import { ExitCode } from './errors.js';
import { packageRoot } from './paths.js';
import { makeOutput } from './ui/terminal.js';
import type { Context } from './context.js';

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

async function topLevelHelp(ctx: Context): Promise<string> {
  const [{ HELP }, { renderHelp }] = await Promise.all([import('./about.js'), import('./ui/help.js')]);
  return renderHelp(HELP, ctx.stdout);
}

export async function main(argv: string[], ctx: Context): Promise<number> {
  // Fast paths: answering --version or the top-level --help needs no argument parser.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    ctx.stdout.write(version() + '\n');
    return ExitCode.ok;
  }
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    ctx.stdout.write(await topLevelHelp(ctx));
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
      await home.run({ content: args.content }, ctx, async () => (await topLevelHelp(ctx)).trimEnd());
    }
    return ExitCode.ok;
  } catch (err) {
    return reportError(err, ctx.stderr);
  }
}

// Run when loaded as the program (bin/prepdeck.js imports this module).
if (!process.env.VITEST) {
  // `prepdeck … | head` closes the pipe early: that is the reader's choice, not an error. Other
  // write failures (`>/dev/full`) are explained by stream-failure.ts, loaded only then.
  let failed: number | undefined;
  for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      if (failed !== undefined) return; // later writes to the broken stream fail too: one report
      process.exitCode = failed = ExitCode.invalidContent;
      const columns = process.stderr.isTTY ? process.stderr.columns : undefined;
      void import('./stream-failure.js').then(({ reportStreamFailure }) => process.exit(reportStreamFailure(err, name, columns)));
    });
  }
  const ctx: Context = {
    stdout: makeOutput(process.stdout, process.env),
    stderr: makeOutput(process.stderr, process.env),
    env: process.env,
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    now: () => new Date(),
  };
  const code = await main(process.argv.slice(2), ctx);
  process.exitCode = failed ?? code;
}
