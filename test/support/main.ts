// Runs a command in this process through main(argv, ctx), the entry the binary uses, with memory
// outputs: for end-to-end cases that only look at output, exit code and saved files. No build, no
// child process (a real process or a pseudo-terminal stays for what needs one: test/support/cli.ts
// and pty.ts). Same result shape and options as runCli, so a case moves by changing its import.
import { AsyncLocalStorage } from 'node:async_hooks';
import { main } from '../../src/main.js';
import { makeOutput } from '../../src/ui/terminal.js';
import { cleanEnv, tempDir, type RunResult } from './cli.js';

interface Sink {
  write(chunk: string): boolean;
  text: string;
}

const sink = (): Sink => ({
  text: '',
  write(chunk) {
    this.text += chunk;
    return true;
  },
});

/**
 * yargs prints --help and its version through console.log / console.error, which in the binary are
 * the process's streams. Here each run's console calls go to that run's memory outputs (found
 * through async context, so runs may overlap); calls outside a run go where they went before.
 */
const current = new AsyncLocalStorage<{ out: Sink; err: Sink }>();
const original = { log: console.log, info: console.info, error: console.error, warn: console.warn };
const route = (name: keyof typeof original, to: 'out' | 'err') =>
  (...parts: unknown[]) => {
    const run = current.getStore();
    if (run) run[to].write(parts.map(String).join(' ') + '\n');
    else original[name](...parts);
  };
Object.assign(console, { log: route('log', 'out'), info: route('info', 'out'), error: route('error', 'err'), warn: route('warn', 'err') });

export async function runMain(
  args: string[],
  // timeoutMs is accepted for runCli's signature; in-process, the test's own timeout applies.
  opts: { home?: string; env?: Record<string, string | undefined>; input?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  if (opts.input) throw new Error('runMain has no standard input; use runCli for piped input');
  if (opts.cwd) throw new Error('runMain runs in this process\'s folder; use runCli for another one');
  const own = opts.home === undefined ? tempDir('prepdeck-home-') : undefined;
  const env = cleanEnv(opts.home ?? own!.path, opts.env);
  const out = sink();
  const err = sink();
  try {
    // As main.ts builds it for a process whose output is a pipe (not a terminal).
    const ctx = { stdout: makeOutput(out, env), stderr: makeOutput(err, env), env, interactive: false, now: () => new Date() };
    const code = await current.run({ out, err }, () => main(args, ctx));
    return { code, stdout: out.text, stderr: err.text };
  } finally {
    own?.remove();
  }
}
