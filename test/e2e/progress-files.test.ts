// Hostile and odd files around `progress` (issue 14, "Low"): each is a clear message and a
// documented exit code, never a stack trace or a hang. No terminal is needed, so most cases run
// in-process through main(argv, ctx), the entry the binary uses; output to /dev/full needs a real
// process and its real stdout.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/main.js';
import { streamFailure } from '../../src/stream-failure.js';
import { memoryOutput } from '../../src/ui/terminal.js';
import { BIN, cleanEnv, ROOT, tempDir } from '../support/cli.js';

let dir: { path: string; remove(): void };
beforeEach(() => {
  dir = tempDir('prepdeck-files-');
});
afterEach(() => dir.remove());

const home = () => dir.path;
const progressFile = () => join(home(), 'progress.json');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = memoryOutput();
  const stderr = memoryOutput();
  const code = await main(args, { stdout, stderr, env: { PREPDECK_HOME: home() }, interactive: false, now: () => new Date('2024-06-01T12:00:00Z') });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const answer = (id: string) => ({ id, at: '2024-05-01T10:00:00.000Z', attempt: 'a', scope: 'all', deck: 'd', question: 'q', key: `q/${id}`, correct: true });
const doc = (extra: object = {}) => JSON.stringify({ version: 1, settings: {}, quiz: [answer('kept')], reviews: [], cards: {}, ...extra });

function expectOneLine(r: { stderr: string }): void {
  expect(r.stderr).not.toContain('internal error');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

describe('progress export FILE --force', () => {
  it('refuses a FIFO and a device (never replaces them), exit 2', async () => {
    writeFileSync(progressFile(), doc());
    const fifo = join(home(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    const targets = [fifo];
    if (process.getuid?.() === 0) {
      execFileSync('mknod', [join(home(), 'null-device'), 'c', '1', '3']); // a /dev/null of our own
      targets.push(join(home(), 'null-device'));
    } else {
      console.log('progress export: the device case is not checked: creating a device node needs root.');
    }
    for (const target of targets) {
      const r = await run(['progress', 'export', target, '--force']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`Cannot export to ${target}: it is not a regular file (a FIFO, device or socket); give a new file name.\n`);
      expect(statSync(target).isFile()).toBe(false);
    }
  });
});

describe('progress import FILE', () => {
  it('refuses a FIFO without waiting for a writer, and a device (exit 2)', async () => {
    const fifo = join(home(), 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const file of [fifo, '/dev/zero']) {
      const r = await run(['progress', 'import', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`Cannot read ${file}: it is not a regular file (a FIFO, device or socket).\n`);
    }
  });

  it('reads at most 64 MB (exit 4)', async () => {
    const big = join(home(), 'big.json');
    closeSync(openSync(big, 'w'));
    truncateSync(big, 64 * 2 ** 20 + 1); // sparse: no disk used
    const r = await run(['progress', 'import', big]);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe(`Cannot read ${big}: it is larger than 64 MB.\n`);
  });

  it('a file whose reviews would schedule a card past year 9999 is refused (exit 4); progress unchanged', async () => {
    writeFileSync(progressFile(), doc());
    const before = readFileSync(progressFile());
    const late = join(home(), 'late.json');
    const review = { id: 'r1', at: '9999-12-31T23:00:00.000Z', deck: 'd', question: 'q', key: 'q/c', grade: 4 };
    writeFileSync(late, JSON.stringify({ version: 1, settings: {}, quiz: [], reviews: [review], cards: {} }));
    const r = await run(['progress', 'import', late]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(new RegExp(`^${late.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: cannot import: its reviews schedule a card beyond year 9999 \\(.*\\+010000-.*\\); nothing was imported\\n$`));
    expect(readFileSync(progressFile()).equals(before)).toBe(true);
    expect(readdirSync(home()).sort()).toEqual(['late.json', 'progress.json']);
  });

  it('a symbolic link loop as FILE is exit 2 naming it', async () => {
    symlinkSync(join(home(), 'b'), join(home(), 'a'));
    symlinkSync(join(home(), 'a'), join(home(), 'b'));
    const r = await run(['progress', 'import', join(home(), 'a')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`Cannot read ${join(home(), 'a')}: it is a symbolic link that loops (or too many links in a row).\n`);
  });
});

describe('file names in messages', () => {
  it('reach the terminal without their escape sequences, in errors and in success lines', async () => {
    writeFileSync(progressFile(), doc());
    const name = join(home(), 'x\u001b]52;c;cm0gLXJmIH4=\u0007y.json'); // an OSC 52 clipboard write
    const missing = await run(['progress', 'import', name]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toBe(`No such file: ${join(home(), 'xy.json')}\n`);
    const exported = await run(['progress', 'export', name]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`Exported 1 quiz answer and 0 flashcard reviews to ${join(home(), 'xy.json')}.\n`);
    expect(existsSync(name)).toBe(true); // the file itself has the name asked for
    const imported = await run(['progress', 'import', name]);
    expect(imported.stdout).not.toContain('\u001b');
  });
});

describe('the progress file itself', () => {
  it('a symbolic link loop is exit 4 naming the file, and left alone', async () => {
    symlinkSync(join(home(), 'b'), join(home(), 'a'));
    symlinkSync(join(home(), 'a'), join(home(), 'b'));
    symlinkSync(join(home(), 'a'), progressFile());
    const r = await run(['progress']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain(`prepdeck: cannot read ${progressFile()}: it is a symbolic link that loops`);
    expectOneLine(r);
    expect(readdirSync(home()).sort()).toEqual(['a', 'b', 'progress.json']);
  });

  it('with a UTF-8 byte-order mark it is read, not moved aside', async () => {
    writeFileSync(progressFile(), '\ufeff' + doc());
    const r = await run(['progress', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).totals.quizAnswers).toBe(1);
    expect(readdirSync(home())).toEqual(['progress.json']);
  });

  it('temporary files a killed prepdeck left are removed at the next start', async () => {
    writeFileSync(progressFile(), doc());
    writeFileSync(join(home(), 'progress.json.tmp-31337-deadbeef'), '{"version": 1, "qu');
    const r = await run(['progress', '--json']);
    expect(r.code).toBe(0);
    expect(readdirSync(home())).toEqual(['progress.json']);
    expect(existsSync(join(home(), 'progress.json.tmp-31337-deadbeef'))).toBe(false);
  });
});

describe('output that cannot be written', () => {
  /** The built CLI with stdout (and optionally stderr) on /dev/full. */
  function toDevFull(args: string[], alsoStderr: boolean): Promise<{ code: number | null; stderr: string }> {
    const full = openSync('/dev/full', 'w');
    return new Promise((done, fail) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cleanEnv(home()), stdio: ['ignore', full, alsoStderr ? full : 'pipe'] });
      closeSync(full);
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', fail);
      child.on('close', (code) => done({ code, stderr }));
    });
  }

  it('read … >/dev/full: exit 4 and one line on stderr, no stack', async () => {
    const r = await toDevFull(['read', 'session-persistence'], false);
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('prepdeck: cannot write the output: the disk is full (ENOSPC). What was printed is incomplete.\n');
  });

  it('stdout and stderr both on /dev/full: exit 4, silently (nowhere left to say it)', async () => {
    const r = await toDevFull(['read', 'session-persistence'], true);
    expect(r.code).toBe(4);
  });

  it.each([
    ['EPIPE', 'stdout', 0, { code: 0 }],
    ['EPIPE', 'stdout', 3, { code: 3 }],
    ['ENOSPC', 'stderr', 0, { code: 4 }],
    ['EIO', 'stdout', 0, { code: 4, message: 'prepdeck: cannot write the output: an input/output error (the disk or file system may be failing) (EIO). What was printed is incomplete.\n' }],
  ] as const)('%s on %s (exit so far %i): %o', (code, stream, soFar, expected) => {
    expect(streamFailure(Object.assign(new Error(code), { code }), stream, soFar)).toEqual(expected);
  });
});
