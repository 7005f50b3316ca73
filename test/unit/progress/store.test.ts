import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentError, ExitCode, UsageError, UserError } from '../../../src/errors.js';
import { replay } from '../../../src/cards/schedule.js';
import { addQuizAnswer, CURRENT_VERSION, emptyProgress, mergeProgress, setSettings, type QuizAnswer } from '../../../src/progress/model.js';
import { openStore, peekProgress, progressDir, progressPath, readSettings } from '../../../src/progress/store.js';

let home: string;
let notices: string[];
const now = () => new Date('2024-05-01T10:20:30.456Z');

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'prepdeck-store-'));
  notices = [];
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const open = () => openStore({ env: { PREPDECK_HOME: home }, now, warn: (l) => notices.push(l) });
const file = () => join(home, 'progress.json');

function answer(id: string): QuizAnswer {
  return { id, at: '2024-05-01T10:00:00.000Z', attempt: 'a', scope: 'all', deck: 'd', question: 'q', key: `q/${id}`, correct: true };
}

describe('location', () => {
  it('PREPDECK_HOME overrides the folder', () => {
    expect(progressDir({ PREPDECK_HOME: home })).toBe(home);
    expect(progressPath({ PREPDECK_HOME: home })).toBe(file());
  });

  it.each([
    ['linux', { HOME: '/home/u' }, '/home/u/.config/prepdeck'],
    ['linux', { HOME: '/home/u', XDG_CONFIG_HOME: '/x' }, '/x/prepdeck'],
    ['darwin', { HOME: '/Users/u' }, '/Users/u/Library/Preferences/prepdeck'],
  ] as const)('the per-user config folder on %s', (platform, env, dir) => {
    expect(progressDir(env, platform)).toBe(dir);
  });
});

describe('reading and writing', () => {
  it('starts empty without creating a file, and writes on update', async () => {
    const store = await open();
    expect(store.read()).toEqual(emptyProgress());
    expect(existsSync(file())).toBe(false);
    store.update((d) => addQuizAnswer(d, answer('x')));
    const onDisk = JSON.parse(readFileSync(file(), 'utf8'));
    expect(onDisk.quiz).toEqual([answer('x')]);
    expect(onDisk.version).toBe(CURRENT_VERSION);
    expect(readdirSync(home).sort()).toEqual(['progress.json']); // no temp or lock files left
  });

  it('each update re-reads the file, so changes by another process are kept', async () => {
    const a = await open();
    const b = await open();
    a.update((d) => addQuizAnswer(d, answer('from-a')));
    b.update((d) => addQuizAnswer(d, answer('from-b')));
    a.update((d) => addQuizAnswer(d, answer('from-a-2')));
    expect(a.read().quiz.map((x) => x.id)).toEqual(['from-a', 'from-b', 'from-a-2']);
  });

  it('rejects a change that would write an invalid document', async () => {
    const store = await open();
    expect(() => store.update((d) => ({ ...d, quiz: [{ ...answer('x'), at: 'not a date' }] }))).toThrow();
    expect(existsSync(file())).toBe(false);
  });

  it('migrates an old document when reading', async () => {
    writeFileSync(file(), JSON.stringify({ settings: { depth: 'detailed' } }));
    const store = await open();
    expect(store.read().settings).toEqual({ depth: 'detailed' });
    expect(notices).toEqual([]);
  });

  it('readSettings and peekProgress read cheaply and never throw', async () => {
    expect(readSettings({ PREPDECK_HOME: home })).toEqual({});
    const store = await open();
    store.update((d) => setSettings(d, { depth: 'super-brief' }));
    expect(readSettings({ PREPDECK_HOME: home })).toEqual({ depth: 'super-brief' });
    expect((await peekProgress({ PREPDECK_HOME: home }))?.settings).toEqual({ depth: 'super-brief' });
    writeFileSync(file(), JSON.stringify({ version: 1, settings: { depth: 'huge', newPerDay: 12 } }));
    expect(readSettings({ PREPDECK_HOME: home })).toEqual({ newPerDay: 12 });
    writeFileSync(file(), '{ broken');
    expect(readSettings({ PREPDECK_HOME: home })).toEqual({});
    expect(await peekProgress({ PREPDECK_HOME: home })).toBeUndefined();
    expect(existsSync(file())).toBe(true); // nothing moved
  });

  it('backup copies the file beside it', async () => {
    const store = await open();
    expect(store.backup('before-reset')).toBeUndefined();
    store.update((d) => addQuizAnswer(d, answer('x')));
    const copy = store.backup('before-reset')!;
    expect(copy).toBe(join(home, 'progress.before-reset-2024-05-01T10-20-30-456Z.json'));
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(file(), 'utf8'));
  });
});

describe('corruption recovery', () => {
  it.each([
    ['invalid JSON', '{"version": 1, "quiz": [', /not valid JSON/],
    ['an empty file', '', /empty file/],
    ['a JSON array', '[1, 2, 3]', /not a JSON object/],
    ['a schema violation', JSON.stringify({ version: 1, settings: { depth: 'enormous' }, quiz: [], reviews: [], cards: {} }), /settings\.depth/],
    ['a wrong type', JSON.stringify({ version: 1, settings: {}, quiz: 'lots', reviews: [], cards: {} }), /quiz/],
  ])('%s is moved aside with a one-line notice, and progress starts fresh', async (_name, content, reason) => {
    writeFileSync(file(), content);
    const store = await open();
    const aside = join(home, 'progress.corrupt-2024-05-01T10-20-30-456Z.json');
    expect(readFileSync(aside, 'utf8')).toBe(content); // kept, byte for byte
    expect(existsSync(file())).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).not.toContain('\n');
    expect(notices[0]).toContain(aside);
    expect(notices[0]).toMatch(reason);
    expect(store.read().quiz).toEqual([]);
    store.update((d) => addQuizAnswer(d, answer('after')));
    expect(store.read().quiz.map((a) => a.id)).toEqual(['after']);
  });

  it('a file corrupted while the store is open is moved aside at the next update, not wiped', async () => {
    const store = await open();
    store.update((d) => addQuizAnswer(d, answer('before')));
    writeFileSync(file(), 'garbage');
    store.update((d) => addQuizAnswer(d, answer('after')));
    expect(notices).toHaveLength(1);
    const aside = readdirSync(home).filter((f) => f.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(home, aside[0]!), 'utf8')).toBe('garbage');
    expect(store.read().quiz.map((a) => a.id)).toEqual(['after']);
  });

  it('two corrupt files at the same instant get distinct names', async () => {
    writeFileSync(file(), 'bad 1');
    await open();
    writeFileSync(file(), 'bad 2');
    await open();
    const aside = readdirSync(home).filter((f) => f.includes('.corrupt-')).sort();
    expect(aside).toEqual(['progress.corrupt-2024-05-01T10-20-30-456Z-1.json', 'progress.corrupt-2024-05-01T10-20-30-456Z.json']);
  });

  it('a file from a newer prepdeck is left alone and reported (exit 4)', async () => {
    const newer = JSON.stringify({ version: CURRENT_VERSION + 1, things: [] });
    writeFileSync(file(), newer);
    await expect(open()).rejects.toBeInstanceOf(ContentError);
    expect(readFileSync(file(), 'utf8')).toBe(newer);
    expect(readdirSync(home)).toEqual(['progress.json']);
  });
});

describe('the lock', () => {
  it('a lock left by a dead process is taken over', async () => {
    writeFileSync(file() + '.lock', '999999\n'); // no such pid
    const store = await open();
    store.update((d) => addQuizAnswer(d, answer('x')));
    expect(store.read().quiz).toHaveLength(1);
    expect(existsSync(file() + '.lock')).toBe(false);
  });

  it('a lock held by a live process past the wait is "busy" (exit 4, not 1), naming the lock file and the fix', async () => {
    const lock = file() + '.lock';
    writeFileSync(lock, `${process.ppid}\n`); // alive, and fresh
    const store = await openStore({ env: { PREPDECK_HOME: home }, now, warn: () => undefined, lockWaitMs: 50 });
    let err: unknown;
    try {
      store.update((d) => addQuizAnswer(d, answer('x')));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(ExitCode.invalidContent);
    expect((err as UserError).message).toContain(`its lock file ${lock}`);
    expect((err as UserError).message).toContain(`If no other prepdeck is running, the lock is stale: delete ${lock}`);
    expect(existsSync(lock)).toBe(true); // someone else's lock is never removed
    expect(existsSync(file())).toBe(false);
  });

  it('an old lock is taken over even if its pid is alive', async () => {
    writeFileSync(file() + '.lock', `${process.ppid}\n`);
    const old = new Date(Date.now() - 120_000);
    utimesSync(file() + '.lock', old, old);
    const store = await open();
    store.update((d) => addQuizAnswer(d, answer('x')));
    expect(store.read().quiz).toHaveLength(1);
  });
});

describe('file-system mix-ups', () => {
  const errorOf = async (run: () => unknown): Promise<unknown> => {
    try {
      await run();
    } catch (err) {
      return err;
    }
    throw new Error('expected an error');
  };

  it('PREPDECK_HOME that is a file (or inside one) is a usage error naming it (exit 2)', async () => {
    writeFileSync(join(home, 'a-file'), 'x');
    for (const dir of [join(home, 'a-file'), join(home, 'a-file', 'sub')]) {
      const err = await errorOf(() => openStore({ env: { PREPDECK_HOME: dir }, now, warn: () => undefined }));
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).message).toContain(`PREPDECK_HOME (${dir})`);
      expect((err as UsageError).message).toMatch(/is a file, not a folder/);
    }
  });

  it('a progress file that is a folder is a data-file problem naming it (exit 4), and is left alone', async () => {
    mkdirSync(file());
    const err = await errorOf(open);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(ExitCode.invalidContent);
    expect((err as UserError).message).toContain(`cannot read ${file()}: it is a folder, not a file`);
    expect(readdirSync(home)).toEqual(['progress.json']);
    // The cheap readers still never throw.
    expect(readSettings({ PREPDECK_HOME: home })).toEqual({});
    expect(await peekProgress({ PREPDECK_HOME: home })).toBeUndefined();
  });
});

describe('left-overs and odd files', () => {
  it('a progress file with a UTF-8 byte-order mark is read, not moved aside', async () => {
    const doc = { version: 1, settings: { depth: 'detailed' }, quiz: [answer('bom')], reviews: [], cards: {} };
    writeFileSync(file(), '\ufeff' + JSON.stringify(doc));
    const store = await open();
    expect(store.read().quiz.map((a) => a.id)).toEqual(['bom']);
    expect(readSettings({ PREPDECK_HOME: home })).toEqual({ depth: 'detailed' });
    expect(notices).toEqual([]);
    store.update((d) => addQuizAnswer(d, answer('next')));
    expect(readdirSync(home)).toEqual(['progress.json']);
    expect(readFileSync(file(), 'utf8').startsWith('{')).toBe(true); // written back without the mark
  });

  it('temporary files left by a killed writer (ours and conf/atomically style) are removed at start', async () => {
    writeFileSync(file(), JSON.stringify({ version: 1, settings: {}, quiz: [answer('kept')], reviews: [], cards: {} }));
    const stale = ['progress.json.tmp-4242-0a1b2c3d', 'progress.json.tmp-1714558830123abcdef'];
    for (const name of stale) writeFileSync(join(home, name), '{"version": 1, "quiz": [');
    writeFileSync(join(home, 'notes.json.tmp-1'), 'not ours');
    const store = await open();
    expect(readdirSync(home).sort()).toEqual(['notes.json.tmp-1', 'progress.json']);
    expect(store.read().quiz.map((a) => a.id)).toEqual(['kept']);
  });

  it('while another live process holds the lock, its temporary file is left alone', async () => {
    writeFileSync(file() + '.lock', `${process.ppid}\n`);
    writeFileSync(join(home, 'progress.json.tmp-1-aa'), 'being written');
    await openStore({ env: { PREPDECK_HOME: home }, now, warn: () => undefined, lockWaitMs: 50 });
    expect(readdirSync(home).sort()).toEqual(['progress.json.lock', 'progress.json.tmp-1-aa']);
  });

  it('a progress file that is a symbolic link loop is a data-file error (exit 4), not a stack trace', async () => {
    symlinkSync(join(home, 'b'), join(home, 'a'));
    symlinkSync(join(home, 'a'), join(home, 'b'));
    symlinkSync(join(home, 'a'), file());
    let err: unknown;
    try {
      await open();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(ExitCode.invalidContent);
    expect((err as UserError).message).toContain(`cannot read ${file()}: it is a symbolic link that loops`);
  });
});

describe('property: saves and merges never lose an answer', () => {
  // Three stores on one folder stand for three prepdeck processes taking turns at random; besides
  // single answers they import batches (some overlapping what is there) and reopen. The reference
  // model is the set of ids ever added: after every step the file holds exactly those, once each.
  const step = fc.oneof(
    fc.record({ kind: fc.constant('answer' as const), who: fc.nat(2), id: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant('merge' as const), who: fc.nat(2), ids: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }) }),
    fc.record({ kind: fc.constant('reopen' as const), who: fc.nat(2) }),
  );

  it('holds for random sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const dir = mkdtempSync(join(tmpdir(), 'prepdeck-prop-'));
        try {
          const openIn = () => openStore({ env: { PREPDECK_HOME: dir }, now, warn: () => undefined });
          const stores = [await openIn(), await openIn(), await openIn()];
          const expected = new Set<string>();
          for (const s of steps) {
            const store = stores[s.who]!;
            if (s.kind === 'reopen') stores[s.who] = await openIn();
            if (s.kind === 'answer') {
              expected.add(`a${s.id}`);
              store.update((d) => (d.quiz.some((a) => a.id === `a${s.id}`) ? d : addQuizAnswer(d, answer(`a${s.id}`))));
            }
            if (s.kind === 'merge') {
              const incoming = { ...emptyProgress(), quiz: [...new Set(s.ids)].map((n) => answer(`a${n}`)) };
              s.ids.forEach((n) => expected.add(`a${n}`));
              store.update((d) => mergeProgress(d, incoming, replay).doc);
            }
            const ids = stores[(s.who + 1) % 3]!.read().quiz.map((a) => a.id);
            expect(ids.length).toBe(new Set(ids).size);
            expect(new Set(ids)).toEqual(expected);
          }
          expect(readdirSync(dir).filter((f) => f !== 'progress.json')).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
