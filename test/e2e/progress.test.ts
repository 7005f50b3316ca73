// `prepdeck progress` and `config` as a user runs them: the built CLI with a temporary PREPDECK_HOME.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// In-process through main(argv, ctx): output, exit codes and saved files are what these check.
import { runMain as runCli } from '../support/main.js';
import { KEYS, useSessions, widestLine } from '../support/pty.js';

const { home, start } = useSessions();

const ANSWER = (id: string, key: string) => ({
  id,
  at: new Date().toISOString(),
  attempt: 'att',
  scope: 'all',
  deck: 'load-balancing',
  question: key.split('/')[0],
  key,
  correct: true,
});

function seed(h: string, quiz: unknown[]): void {
  writeFileSync(join(h, 'progress.json'), JSON.stringify({ version: 1, settings: {}, quiz, reviews: [], cards: {} }));
}

describe('prepdeck progress', () => {
  it('--path, text, --json and the stats alias', async () => {
    const h = home();
    seed(h, [ANSWER('a1', 'session-persistence/drain-state')]);
    expect((await runCli(['progress', '--path'], { home: h })).stdout).toBe(join(h, 'progress.json') + '\n');
    const text = await runCli(['stats'], { home: h });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Streak: 1 day');
    expect(text.stdout).toMatch(/session-persistence\s+\d+\s+0\s+0\s+0\s+100%\s+100%\s+█/);
    expect(text.stdout).toContain('Reviews, last 14 days');
    const json = JSON.parse((await runCli(['progress', '--json'], { home: h })).stdout);
    expect(json.totals.quizAnswers).toBe(1);
  });

  it('a corrupt file is moved aside with a one-line notice, and the command carries on', async () => {
    const h = home();
    writeFileSync(join(h, 'progress.json'), '{"version": 1, "quiz": [ {');
    const r = await runCli(['progress', '--json'], { home: h });
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/progress file .* was unreadable \(not valid JSON.*\); moved it to .*progress\.corrupt-.*\.json and started fresh\./);
    const aside = readdirSync(h).filter((f) => f.startsWith('progress.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(h, aside[0]!), 'utf8')).toBe('{"version": 1, "quiz": [ {');
    expect(JSON.parse(r.stdout).totals.quizAnswers).toBe(0);
  });

  it('a progress file from a newer version is not touched (exit 4)', async () => {
    const h = home();
    writeFileSync(join(h, 'progress.json'), JSON.stringify({ version: 99 }));
    const r = await runCli(['progress'], { home: h });
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('newer prepdeck');
    expect(readdirSync(h)).toEqual(['progress.json']);
  });

  it('reset: refuses without --yes when not in a terminal (exit 2); asks in a terminal', async () => {
    const h = home();
    seed(h, [ANSWER('a1', 'session-persistence/drain-state'), ANSWER('a2', 'l4-vs-l7/x')]);
    const refused = await runCli(['progress', 'reset'], { home: h });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect(JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).quiz).toHaveLength(2);

    const t = start(['progress', 'reset', '--deck', 'load-balancing'], h);
    await t.waitFor("Delete 2 quiz answers and 0 flashcard reviews in deck 'load-balancing'?");
    t.write('y' + KEYS.enter);
    await t.waitFor('Reset: deleted 2 quiz answers');
    expect(await t.exit()).toBe(0);
    expect(JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')).quiz).toHaveLength(0);
    expect(readdirSync(h).some((f) => f.startsWith('progress.before-reset-'))).toBe(true);
  });

  it('export and import: validated, merged, never duplicated', async () => {
    const a = home();
    const b = home();
    seed(a, [ANSWER('a1', 'session-persistence/drain-state'), ANSWER('a2', 'l4-vs-l7/x')]);
    seed(b, [ANSWER('b1', 'session-persistence/redispatch'), ANSWER('a1', 'session-persistence/drain-state')]);
    const file = join(a, 'export.json');
    expect((await runCli(['progress', 'export', file], { home: a })).stdout).toContain('Exported 2 quiz answers');
    const first = await runCli(['progress', 'import', file], { home: b });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Imported 1 quiz answer and 0 flashcard reviews');
    expect(first.stdout).toContain('(1 already there, skipped)');
    const second = await runCli(['progress', 'import', file], { home: b });
    expect(second.stdout).toContain('Imported 0 quiz answers');
    const ids = (JSON.parse(readFileSync(join(b, 'progress.json'), 'utf8')).quiz as { id: string }[]).map((x) => x.id).sort();
    expect(ids).toEqual(['a1', 'a2', 'b1']);

    writeFileSync(join(a, 'junk.json'), '{"version": 1, "quiz": "no"}');
    const bad = await runCli(['progress', 'import', join(a, 'junk.json')], { home: b });
    expect(bad.code).toBe(4);
    expect(bad.stderr).toMatch(/junk\.json:1: not a valid prepdeck progress file/);
    const missing = await runCli(['progress', 'import', join(a, 'nope.json')], { home: b });
    expect(missing.code).toBe(3);
    expect(existsSync(join(b, 'progress.json'))).toBe(true);
  });

  it('export refuses to overwrite a file unless --force, and leaves no temporary file', async () => {
    const h = home();
    seed(h, [ANSWER('a1', 'session-persistence/drain-state')]);
    const file = join(h, 'backup.json');
    writeFileSync(file, 'keep me');
    const refused = await runCli(['progress', 'export', file], { home: h });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`${file} already exists; pass --force to overwrite it, or choose another name.\n`);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    const forced = await runCli(['progress', 'export', file, '--force'], { home: h });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).quiz).toHaveLength(1);
    expect(readdirSync(h).sort()).toEqual(['backup.json', 'progress.json']);
    const folder = await runCli(['progress', 'export', h, '--force'], { home: h });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('it is a folder');
  });

  it('file-system mix-ups are clear user errors, never an internal error', async () => {
    const h = home();
    const cases: { args: string[]; env?: Record<string, string>; code: number; says: string }[] = [
      { args: ['progress', 'import', h], code: 2, says: `Cannot read ${h}: it is a folder, not a file.` },
      { args: ['progress', 'import', join(h, 'missing.json')], code: 3, says: `No such file: ${join(h, 'missing.json')}` },
      { args: ['progress', 'import', join(h, 'a-file', 'x.json')], code: 2, says: 'part of that path is a file, not a folder' },
      { args: ['progress'], env: { PREPDECK_HOME: join(h, 'a-file') }, code: 2, says: `PREPDECK_HOME (${join(h, 'a-file')}): it is a file, not a folder` },
      { args: ['config', 'set', 'depth', 'brief'], env: { PREPDECK_HOME: join(h, 'a-file', 'sub') }, code: 2, says: 'part of that path is a file, not a folder' },
      { args: ['progress'], env: { PREPDECK_HOME: join(h, 'dir-home') }, code: 4, says: `cannot read ${join(h, 'dir-home', 'progress.json')}: it is a folder, not a file` },
    ];
    writeFileSync(join(h, 'a-file'), 'not a folder');
    mkdirSync(join(h, 'dir-home', 'progress.json'), { recursive: true });
    for (const c of cases) {
      const r = await runCli(c.args, { home: h, env: c.env });
      expect({ args: c.args, code: r.code }).toEqual({ args: c.args, code: c.code });
      expect(r.stderr).toContain(c.says);
      expect(r.stderr).not.toContain('internal error');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it.each([40, 60])('every line of progress, progress --deck and config fits COLUMNS=%i', async (cols) => {
    const h = home();
    const day = 86_400_000;
    const ids = ['session-persistence', 'global-load-balancing', 'a-question-that-has-left-the-content-with-a-long-id'];
    const quiz = ids.flatMap((q, i) =>
      [0, 1, 2, 3].map((a) => ({ ...ANSWER(`${q}-${a}`, `${q}/item-${a}`), at: new Date(Date.now() - a * day).toISOString(), attempt: `att${a}`, correct: (a + i) % 2 === 0 })),
    );
    const reviews = Array.from({ length: 12 }, (_, i) => ({
      id: `r${i}`,
      at: new Date(Date.now() - (i % 6) * day).toISOString(),
      deck: 'load-balancing',
      question: ids[i % 2],
      key: `${ids[i % 2]}/card`,
      grade: 3,
    }));
    writeFileSync(join(h, 'progress.json'), JSON.stringify({ version: 1, settings: {}, quiz, reviews, cards: {} }));
    for (const args of [['progress'], ['progress', '--deck', 'load-balancing'], ['config']]) {
      const r = await runCli(args, { home: h, env: { COLUMNS: String(cols) } });
      expect(r.code).toBe(0);
      expect(widestLine(r.stdout), `${args.join(' ')} at ${cols}:\n${r.stdout}`).toBeLessThanOrEqual(cols);
    }
    const narrow = (await runCli(['progress'], { home: h, env: { COLUMNS: String(cols) } })).stdout;
    expect(narrow).toMatch(/\n {2}a-question-\S*…/); // the long id is cut, not wrapped
    expect(narrow).toContain('Reviews, last 14 days');
  });
});

describe('prepdeck config', () => {
  it('remembers the depth', async () => {
    const h = home();
    expect((await runCli(['config', 'get', 'depth'], { home: h })).stdout).toBe('brief\n');
    expect((await runCli(['config', 'set', 'depth', 'detailed'], { home: h })).code).toBe(0);
    expect((await runCli(['config', 'get', 'depth'], { home: h })).stdout).toBe('detailed\n');
    const bad = await runCli(['config', 'set', 'depth', 'huge'], { home: h });
    expect(bad.code).toBe(2);
  });
});
