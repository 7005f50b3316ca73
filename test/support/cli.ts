// Runs the built CLI (bin/prepdeck.js -> dist/) as a real process with a throwaway PREPDECK_HOME,
// so no test ever reads or writes the user's real progress.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin/prepdeck.js');
/** The project's own documents in the plain-text interview format (see test/fixtures/plain/README.md). */
export const PLAIN_FIXTURES = join(ROOT, 'test/fixtures/plain');
/** LF, sections in order: the main example document. */
export const PLAIN_DOC = join(PLAIN_FIXTURES, 'session-persistence.txt');
/** CRLF line endings. */
export const PLAIN_CRLF_DOC = join(PLAIN_FIXTURES, 'health-checks-crlf.txt');
/** Sections out of order (Detailed first, Question in the middle). */
export const PLAIN_SHUFFLED_DOC = join(PLAIN_FIXTURES, 'connection-draining.txt');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'prepdeck-test-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Environment for a child: no colour unless asked, no inherited content or home. */
export function cleanEnv(home: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PREPDECK_HOME: home, ...extra };
  for (const k of ['FORCE_COLOR', 'NO_COLOR', 'PREPDECK_CONTENT', 'VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'NODE_OPTIONS']) {
    if (!(k in extra)) delete env[k];
  }
  return env;
}

export function runCli(
  args: string[],
  opts: { home?: string; env?: Record<string, string | undefined>; input?: string; cwd?: string; timeoutMs?: number } = {},
): Promise<RunResult> {
  // Without a home of its own, each run gets a fresh one, removed when it ends.
  const own = opts.home === undefined ? tempDir('prepdeck-home-') : undefined;
  const home = opts.home ?? own!.path;
  return new Promise<RunResult>((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: cleanEnv(home, opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 20_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      own?.remove();
      done({ code, stdout, stderr });
    });
    child.stdin.end(opts.input ?? '');
  });
}
