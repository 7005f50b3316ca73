// `prepdeck progress` and `config` as a user runs them: the built CLI with a temporary PREPDECK_HOME.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { KEYS, spawnCli, tempHome, type Session } from './pty.js';

const homes: string[] = [];
const sessions: Session[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.kill());
  homes.splice(0).forEach((h) => rmSync(h, { recursive: true, force: true }));
});
function home(): string {
  const h = tempHome();
  homes.push(h);
  return h;
}

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

    const t = spawnCli(['progress', 'reset', '--deck', 'load-balancing'], { home: h });
    sessions.push(t);
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
