// Drives the built CLI in a real pseudo-terminal (node-pty): send keys, wait for text on screen.
// Matching strips ANSI escapes; every wait has a timeout and reports what the screen showed.
// useSessions() gives a test file throwaway homes and sessions, cleaned up after each test; the
// walks at the end (home menu, list prompts, a card graded) are the steps many terminal tests share.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pty from 'node-pty';
import { afterEach, expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'prepdeck.js');

export const KEYS = {
  enter: '\r',
  space: ' ',
  up: '\x1b[A',
  down: '\x1b[B',
  ctrlC: '\x03',
  escape: '\x1b',
} as const;

// CSI, OSC and single-character escapes.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '').replace(/\r/g, '');
}

export function tempHome(): string {
  return mkdtempSync(join(tmpdir(), 'prepdeck-e2e-'));
}

export interface Session {
  /** Everything printed so far, ANSI stripped. */
  output(): string;
  /** Output since the last successful wait. */
  recent(): string;
  /** Everything printed so far, escapes included (for test/support/screen.ts). */
  raw(): string;
  write(data: string): void;
  /** Resizes the terminal (the program gets SIGWINCH, as from a real terminal window). */
  resize(cols: number, rows: number): void;
  /** Waits for text (or a pattern) to appear after the last match; returns the text up to it. */
  waitFor(what: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Waits for the process to end; its exit code. */
  exit(timeoutMs?: number): Promise<number>;
  /** The signal that ended the process (2 for SIGINT, 15 for SIGTERM), once it has ended by one. */
  signal(): number | undefined;
  /** The process id, to send it a signal. */
  readonly pid: number;
  kill(): void;
}

export interface SpawnOptions {
  home: string;
  env?: Record<string, string>;
  cols?: number;
  rows?: number;
  /**
   * Keep the terminal open this long after the CLI exits (through a shell that waits): a process
   * that prints a lot and exits at once can otherwise lose its last output when the terminal closes.
   */
  lingerMs?: number;
}

export function spawnCli(args: readonly string[], opts: SpawnOptions): Session {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'VITEST' && !k.startsWith('VITEST_')) env[k] = v;
  Object.assign(env, { PREPDECK_HOME: opts.home, TERM: 'xterm-256color', NO_COLOR: '', FORCE_COLOR: '1', LANG: 'C.UTF-8' }, opts.env ?? {});
  delete env.NO_COLOR;
  const [file, argv] = opts.lingerMs
    ? ['/bin/sh', ['-c', `"$0" "$@"; code=$?; sleep ${opts.lingerMs / 1000}; exit $code`, process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const term = pty.spawn(file, argv, { name: 'xterm-256color', cols: opts.cols ?? 100, rows: opts.rows ?? 40, cwd: ROOT, env });
  let raw = '';
  let cursor = 0;
  let exitCode: number | undefined;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((w) => w());
  term.onData((d) => {
    raw += d;
    wake();
  });
  let exitSignal: number | undefined;
  term.onExit(({ exitCode: code, signal }) => {
    exitCode = code;
    exitSignal = signal || undefined;
    wake();
  });
  const output = () => stripAnsi(raw);

  const until = <T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> =>
    new Promise((resolvePromise, reject) => {
      const tryNow = () => {
        let got: T | undefined;
        try {
          got = check();
        } catch (err) {
          waiters.delete(tryNow);
          clearTimeout(timer);
          reject(err as Error);
          return true;
        }
        if (got === undefined) return false;
        waiters.delete(tryNow);
        clearTimeout(timer);
        resolvePromise(got);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(tryNow);
        reject(new Error(`${describe()}\n--- screen (since last match) ---\n${output().slice(cursor)}\n--- end ---`));
      }, timeoutMs);
      waiters.add(tryNow);
      tryNow();
    });

  return {
    output,
    recent: () => output().slice(cursor),
    raw: () => raw,
    write: (data) => term.write(data),
    resize: (cols, rows) => term.resize(cols, rows),
    waitFor: (what, timeoutMs = 10_000) =>
      until(
        () => {
          const text = output();
          const rest = text.slice(cursor);
          let end: number | undefined;
          if (typeof what === 'string') {
            const i = rest.indexOf(what);
            if (i >= 0) end = i + what.length;
          } else {
            const m = new RegExp(what.source, what.flags.replace('g', '')).exec(rest);
            if (m) end = m.index + m[0].length;
          }
          if (end === undefined) {
            if (exitCode !== undefined) throw new Error(`process exited (${exitCode}) before showing ${String(what)}\n--- screen ---\n${rest}`);
            return undefined;
          }
          const seen = rest.slice(0, end);
          cursor += end;
          return seen;
        },
        timeoutMs,
        () => `timed out after ${timeoutMs} ms waiting for ${String(what)}`,
      ),
    exit: (timeoutMs = 10_000) => until(() => exitCode, timeoutMs, () => `process did not exit within ${timeoutMs} ms`),
    signal: () => exitSignal,
    pid: term.pid,
    kill: () => {
      if (exitCode === undefined) term.kill();
    },
  };
}

export interface Sessions {
  /** A fresh PREPDECK_HOME, removed after the test. */
  home(): string;
  /** The CLI in a pseudo-terminal with that home; killed after the test if still running. */
  start(args: readonly string[], home: string, opts?: Omit<SpawnOptions, 'home'>): Session;
}

/** Call once at the top of a test file: every home and session made through it is cleaned up after each test. */
export function useSessions(): Sessions {
  const homes: string[] = [];
  const sessions: Session[] = [];
  afterEach(() => {
    sessions.splice(0).forEach((s) => s.kill());
    homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true }));
  });
  return {
    home: () => {
      const h = tempHome();
      homes.push(h);
      return h;
    },
    start: (args, home, opts = {}) => {
      const t = spawnCli(args, { ...opts, home });
      sessions.push(t);
      return t;
    },
  };
}

/** The widest line of some screen text (ANSI already stripped), in code points. */
export function widestLine(text: string): number {
  return Math.max(0, ...stripAnsi(text).split('\n').map((l) => [...l].length));
}

/** The home menu's question; once answered, its line ends with the entry chosen. */
export const HOME_MENU = 'What would you like to do?';

/**
 * Walks the home menu to entry `n` (1-based: its number key moves the cursor there) once the menu
 * is drawn, and chooses it. The answered line must name `name`: a wrong entry fails here, not at
 * some later wait.
 */
export async function openFromMenu(t: Session, n: number, name: string): Promise<void> {
  await t.waitFor('Ctrl+C quit');
  t.write(String(n));
  t.write(KEYS.enter);
  const answered = await t.waitFor(/What would you like to do\? [^\n]+\n/);
  expect(answered.trimEnd().endsWith(`${HOME_MENU} ${name}`), `menu entry ${n} should be ${name}:\n${answered}`).toBe(true);
}

/**
 * Answers the list prompt asking `question`: `moves` (arrow keys; none for the entry already under
 * the cursor) bring the cursor to `entry` (the start of its label), then Enter chooses it.
 */
export async function pick(t: Session, question: string, entry: string, moves = ''): Promise<void> {
  await t.waitFor(question);
  if (moves) {
    await t.waitFor('❯ '); // the list is drawn: keys sent now move its cursor
    t.write(moves);
  }
  await t.waitFor(`❯ ${entry}`);
  t.write(KEYS.enter);
}

// The grade line of a card's back, from its first key to the depth keys.
const GRADE_LINE = /Grade: 1 Again[\s\S]*?s\/b\/d: depth/;

/**
 * Reveals the practice card on screen and grades it with one key. An answer taller than the
 * terminal opens in the scroll view first: q closes it and comes back to the grade line.
 * `shown`: the front's "Enter: reveal" was already waited for; `reveal`: the key that turns it.
 */
export async function revealAndGrade(t: Session, grade: '1' | '2' | '3' | '4', opts: { shown?: boolean; reveal?: string } = {}): Promise<void> {
  if (!opts.shown) await t.waitFor('Enter: reveal');
  t.write(opts.reveal ?? KEYS.enter);
  const back = await t.waitFor(new RegExp(`q: back to grading|${GRADE_LINE.source}`));
  if (back.endsWith('q: back to grading')) {
    t.write('q');
    await t.waitFor(GRADE_LINE);
  }
  t.write(grade);
}

/**
 * Waits until the program has stopped drawing, so that a screen is checked whole, never half-drawn
 * (the pseudo-terminal may report the exit before the last output has arrived). Quiet for two
 * ticks in a row: on a loaded machine one 150 ms gap can fall mid-screen.
 */
export async function settled(t: Session): Promise<void> {
  let seen = -1;
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((r) => setTimeout(r, 150));
    const now = t.raw().length;
    quiet = now === seen ? quiet + 1 : 0;
    seen = now;
  }
}
