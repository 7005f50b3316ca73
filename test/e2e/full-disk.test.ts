// The progress file on a real, small, full (or read-only) file system: the built CLI must fail with
// exit 4 and a clear message, and leave progress.json byte for byte as it was. Each test mounts its
// own 64 KB tmpfs, which needs root (CI runs as root). Without root, or when mount is refused (a
// container without CAP_SYS_ADMIN), each test logs why and returns early: that is the only way it
// passes without checking anything.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statfsSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { KEYS, useSessions } from '../support/pty.js';

interface Mount {
  path: string;
  /** Fills the file system, then frees `pages` blocks again (0: completely full). */
  fill(pages?: number): void;
  empty(): void;
  readOnly(): void;
}

const { start } = useSessions();
let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** A fresh 64 KB tmpfs, or undefined (with the reason printed) when this machine cannot mount one. */
function mountTmpfs(): Mount | undefined {
  if (process.getuid?.() !== 0) {
    console.log('full-disk test: not checked: mounting a tmpfs needs root (CI runs as root).');
    return undefined;
  }
  const path = mkdtempSync(join(tmpdir(), 'prepdeck-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,mode=0755', 'tmpfs', path], { stdio: 'pipe' });
  } catch (err) {
    console.log(`full-disk test: not checked: mount -t tmpfs failed: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`);
    rmSync(path, { recursive: true, force: true });
    return undefined;
  }
  unmount = () => {
    execFileSync('umount', [path]);
    rmSync(path, { recursive: true, force: true });
  };
  const filler = join(path, 'filler');
  return {
    path,
    fill: (pages = 0) => {
      const fd = openSync(filler, 'w');
      const block = Buffer.alloc(statfsSync(path).bsize, 120);
      try {
        for (;;) writeSync(fd, block);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
      } finally {
        closeSync(fd);
      }
      const { bsize } = statfsSync(path);
      truncateSync(filler, Math.max(0, statSync(filler).size - pages * bsize));
      expect(statfsSync(path).bavail).toBe(pages);
    },
    empty: () => unlinkSync(filler),
    readOnly: () => execFileSync('mount', ['-o', 'remount,ro', path]),
  };
}

const answer = (id: string) => ({
  id,
  at: '2024-05-01T10:00:00.000Z',
  attempt: 'att',
  scope: 'all',
  deck: 'load-balancing',
  question: 'session-persistence',
  key: `session-persistence/item-${id}`,
  correct: true,
});
const doc = (ids: string[]) => JSON.stringify({ version: 1, settings: {}, quiz: ids.map(answer), reviews: [], cards: {} }, null, 2) + '\n';

/** progress.json with three answers in the mount; returns its bytes. */
function seed(m: Mount): Buffer {
  writeFileSync(join(m.path, 'progress.json'), doc(['one', 'two', 'three']));
  return readFileSync(join(m.path, 'progress.json'));
}

/** An export with 80 answers (~20 KB), outside the mount. */
function bigImport(): { file: string; remove(): void } {
  const dir = tempDir('prepdeck-import-');
  const file = join(dir.path, 'backup.json');
  writeFileSync(file, doc(Array.from({ length: 80 }, (_, i) => `imported-${i}`)));
  return { file, remove: dir.remove };
}

function expectUntouched(m: Mount, before: Buffer, extra: string[] = []): void {
  expect(readFileSync(join(m.path, 'progress.json')).equals(before)).toBe(true);
  // No temporary file, lock or partial copy left behind.
  expect(readdirSync(m.path).sort()).toEqual(['filler', 'progress.json', ...extra].sort());
}

describe('a full disk never loses progress', () => {
  it.each([
    ['completely full', 0],
    ['room for the lock, not for the file', 2],
  ])('progress import, %s: exit 4, the reason, progress.json unchanged; then it works once there is space', async (_name, pages) => {
    const m = mountTmpfs();
    if (!m) return;
    const before = seed(m);
    const backup = bigImport();
    try {
      m.fill(pages);
      const r = await runCli(['progress', 'import', backup.file], { home: m.path });
      expect(r.code).toBe(4);
      expect(r.stderr).toContain('the disk is full');
      expect(r.stderr).toContain('This change was not saved; your progress file keeps everything saved before it.');
      expect(r.stderr).not.toContain('internal error');
      expect(r.stdout).toBe('');
      expectUntouched(m, before);

      m.empty();
      const again = await runCli(['progress', 'import', backup.file], { home: m.path });
      expect(again.code).toBe(0);
      expect(JSON.parse(readFileSync(join(m.path, 'progress.json'), 'utf8')).quiz).toHaveLength(83);
    } finally {
      backup.remove();
    }
  });

  it('saving a setting, progress reset --yes and progress export on a full disk: exit 4, nothing changed or left', async () => {
    const m = mountTmpfs();
    if (!m) return;
    const before = seed(m);
    m.fill(0);
    const runs = [
      ['config', 'set', 'depth', 'detailed'],
      ['progress', 'reset', '--yes'],
      ['progress', 'export', join(m.path, 'export.json')],
    ];
    for (const args of runs) {
      const r = await runCli(args, { home: m.path });
      expect({ args, code: r.code }).toEqual({ args, code: 4 });
      expect(r.stderr).toContain('the disk is full');
      expect(r.stderr).not.toContain('internal error');
      expectUntouched(m, before);
    }
  });

  it('on a read-only file system: reading works, writing is exit 4 naming the reason', async () => {
    const m = mountTmpfs();
    if (!m) return;
    const before = seed(m);
    m.fill(4);
    m.readOnly();
    const show = await runCli(['progress', '--json'], { home: m.path });
    expect(show.code).toBe(0);
    expect(JSON.parse(show.stdout).totals.quizAnswers).toBe(3);
    for (const args of [['progress', 'reset', '--yes'], ['config', 'set', 'depth', 'detailed']]) {
      const r = await runCli(args, { home: m.path });
      expect({ args, code: r.code }).toEqual({ args, code: 4 });
      expect(r.stderr).toContain('the file system is read-only');
      expect(r.stderr).not.toContain('internal error');
      expectUntouched(m, before);
    }
  });
});

describe('a grade during practice on a disk that fills up', () => {
  it('is reported on the screen (exit 4, no stack); progress.json keeps what was saved before', async () => {
    const m = mountTmpfs();
    if (!m) return;
    const before = seed(m);
    const t = start(['practice', '--deck', 'load-balancing', '--new', '2'], m.path);
    await t.waitFor('Enter: reveal');
    m.fill(1); // the disk fills while the card is on screen: room for the lock file only
    t.write(KEYS.enter);
    // A question's own card shows its answer, which may open in the scrollable view.
    if (/back to grading/.test(await t.waitFor(/back to grading|s\/b\/d: depth/))) {
      t.write('q');
      await t.waitFor('s/b/d: depth');
    }
    t.write('3');
    // Wrapped to the terminal width: any run of spaces may be a line break.
    await t.waitFor(/cannot write \S*progress\.json: the disk is full\.\s+This\s+change\s+was\s+not\s+saved/);
    expect(await t.exit()).toBe(4);
    expect(t.output()).not.toContain('internal error');
    expectUntouched(m, before);
  });
});
