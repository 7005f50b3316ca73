// progress and config commands: figures, reset, export/import, settings.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as config } from '../../../src/commands/config.js';
import { run as practice } from '../../../src/commands/practice.js';
import { run as progress } from '../../../src/commands/progress.js';
import { run as quiz } from '../../../src/commands/quiz.js';
import { ContentError, NotFoundError, UsageError } from '../../../src/errors.js';
import { readSettings } from '../../../src/progress/store.js';
import { question } from '../quiz/fixtures.js';
import { context, scripted, tempHome } from '../quiz/harness.js';

const questions = [question('q1', { deck: 'd1', quiz: ['a', 'b'], cards: ['x'] }), question('q2', { deck: 'd2', quiz: ['c'], cards: ['y'] })];

let home: string;
beforeEach(() => (home = tempHome()));
afterEach(() => rmSync(home, { recursive: true, force: true }));

const file = () => join(home, 'progress.json');
const doc = () => JSON.parse(readFileSync(file(), 'utf8')) as { quiz: { id: string; question: string }[]; reviews: { id: string; question: string }[]; cards: Record<string, unknown>; settings: Record<string, unknown> };

/** Some activity: a quiz over everything (answers right) and one card of each deck graded. */
async function practise(h = home): Promise<void> {
  const right = (choices: { name: string; value: unknown }[]) => choices.find((c) => c.name === 'right')!.value;
  await quiz({ count: 3, seed: '1' }, context(h).ctx, {
    prompter: scripted([{ select: right }, { key: 'return' }, { select: right }, { key: 'return' }, { select: right }, { key: 'return' }]),
    questions,
  });
  // Each deck's first card (its question card): reveal, grade Good, stop.
  for (const deck of ['d1', 'd2']) await practice({ deck }, context(h).ctx, { prompter: scripted([{ key: 'space' }, { key: '3' }, { key: 'q' }]), questions });
}

describe('progress', () => {
  it('--json prints the figures', async () => {
    await practise();
    const { ctx, stdout } = context(home);
    await progress({ json: true }, ctx, { questions });
    const report = JSON.parse(stdout.text());
    expect(report.path).toBe(file());
    expect(report.totals).toEqual({ quizAnswers: 3, quizAttempts: 1, stoppedQuizzes: 0, reviews: 2, cardsSeen: 2 });
    expect(report.decks.map((d: { deck: string; quiz: { best: number } }) => [d.deck, d.quiz.best])).toEqual([
      ['d1', 100],
      ['d2', 100],
    ]);
    expect(report.streak.current).toBe(1);
  });

  it('text: table, streak and the 14-day chart', async () => {
    await practise();
    const { ctx, stdout } = context(home);
    await progress({}, ctx, { questions });
    const text = stdout.text();
    expect(text).toContain('Streak: 1 day');
    expect(text).toMatch(/deck \/ question\s+unseen\s+learn\s+due\s+mature\s+quiz best\s+last\s+trend/);
    expect(text).toMatch(/\n {2}q1\s+1\s+1\s+0\s+0\s+100%\s+100%\s+█/);
    expect(text).toContain('Reviews, last 14 days');
    expect(text).toMatch(/\n\w{3} \d\d-\d\d █+ 2\n/);
  });

  it('--path prints where progress lives', async () => {
    const { ctx, stdout } = context(home);
    await progress({ path: true }, ctx, {});
    expect(stdout.text()).toBe(file() + '\n');
  });

  it('reset refuses without --yes when not in a terminal, and keeps everything', async () => {
    await practise();
    const before = readFileSync(file(), 'utf8');
    await expect(progress({ action: 'reset' }, context(home, { interactive: false }).ctx, { questions })).rejects.toBeInstanceOf(UsageError);
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('reset asks in a terminal; no keeps everything, yes deletes (one deck) and keeps a backup', async () => {
    await practise();
    const before = readFileSync(file(), 'utf8');
    const no = context(home);
    await progress({ action: 'reset', deck: 'd1' }, no.ctx, { questions, prompter: scripted([{ confirm: false, message: /Delete 2 quiz answers and 1 flashcard review in deck 'd1'/ }]) });
    expect(no.stdout.text()).toContain('Nothing was reset.');
    expect(readFileSync(file(), 'utf8')).toBe(before);

    const yes = context(home);
    await progress({ action: 'reset', deck: 'd1' }, yes.ctx, { questions, prompter: scripted([{ confirm: true }]) });
    expect(doc().quiz.map((a) => a.question)).toEqual(['q2']);
    expect(doc().reviews.map((r) => r.question)).toEqual(['q2']);
    expect(Object.keys(doc().cards)).toEqual(['q2/@question']);
    const backup = /A copy of the previous file: (\S+)/.exec(yes.stdout.text())![1]!;
    expect(readFileSync(backup, 'utf8')).toBe(before);

    await progress({ action: 'reset', yes: true }, context(home, { interactive: false }).ctx, { questions });
    expect(doc()).toMatchObject({ quiz: [], reviews: [], cards: {} });
    await expect(progress({ action: 'reset', deck: 'nope', yes: true }, context(home).ctx, { questions })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('export then import into another home merges without duplicating answers', async () => {
    await practise();
    const exported = join(home, 'export.json');
    await progress({ action: 'export', file: exported }, context(home).ctx, {});
    const other = tempHome();
    try {
      await practise(other); // the other machine has its own history
      const imp = context(other);
      await progress({ action: 'import', file: exported }, imp.ctx, {});
      expect(imp.stdout.text()).toContain('Imported 3 quiz answers and 2 flashcard reviews');
      const again = context(other);
      await progress({ action: 'import', file: exported }, again.ctx, {});
      expect(again.stdout.text()).toContain('Imported 0 quiz answers and 0 flashcard reviews');
      expect(again.stdout.text()).toContain('(5 already there, skipped)');
      const merged = JSON.parse(readFileSync(join(other, 'progress.json'), 'utf8')) as { quiz: unknown[]; reviews: unknown[] };
      expect(merged.quiz).toHaveLength(6);
      expect(merged.reviews).toHaveLength(4);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('export never overwrites a file without force, writes through a temporary file, and refuses a folder', async () => {
    await practise();
    const target = join(home, 'backup.json');
    writeFileSync(target, 'precious');
    const err = await progress({ action: 'export', file: target }, context(home).ctx, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe(`${target} already exists; pass --force to overwrite it, or choose another name.`);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    const forced = context(home);
    await progress({ action: 'export', file: target, force: true }, forced.ctx, {});
    expect(forced.stdout.text()).toContain('Exported 3 quiz answers and 2 flashcard reviews');
    expect(JSON.parse(readFileSync(target, 'utf8')).quiz).toHaveLength(3);
    expect(readdirSync(home).sort()).toEqual(['backup.json', 'progress.json']); // no temporary file left
    const fresh = join(home, 'fresh.json');
    await progress({ action: 'export', file: fresh }, context(home).ctx, {});
    expect(readFileSync(fresh, 'utf8')).toBe(readFileSync(target, 'utf8'));
    mkdirSync(join(home, 'folder'));
    const folder = await progress({ action: 'export', file: join(home, 'folder'), force: true }, context(home).ctx, {}).catch((e: unknown) => e);
    expect(folder).toBeInstanceOf(UsageError);
    expect((folder as UsageError).message).toContain('it is a folder');
    await expect(progress({ action: 'export', file: join(home, 'no', 'such', 'x.json') }, context(home).ctx, {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it('import of a folder, or a path through a file, is a usage error naming it', async () => {
    const err = await progress({ action: 'import', file: home }, context(home).ctx, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toBe(`Cannot read ${home}: it is a folder, not a file.`);
    writeFileSync(join(home, 'plain'), '{}');
    const through = await progress({ action: 'import', file: join(home, 'plain', 'x.json') }, context(home).ctx, {}).catch((e: unknown) => e);
    expect(through).toBeInstanceOf(UsageError);
    expect((through as UsageError).message).toContain('part of that path is a file, not a folder');
  });

  it('import validates the file', async () => {
    const bad = join(home, 'bad.json');
    writeFileSync(bad, '{\n  "version": 1,\n  oops\n}');
    const err = await progress({ action: 'import', file: bad }, context(home).ctx, {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContentError);
    expect((err as ContentError).message).toMatch(/bad\.json:3: not a prepdeck progress file/);
    writeFileSync(bad, JSON.stringify({ version: 1, settings: {}, quiz: [{ id: 1 }], reviews: [], cards: {} }));
    await expect(progress({ action: 'import', file: bad }, context(home).ctx, {})).rejects.toBeInstanceOf(ContentError);
    await expect(progress({ action: 'import', file: join(home, 'missing.json') }, context(home).ctx, {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(progress({ action: 'import' }, context(home).ctx, {})).rejects.toBeInstanceOf(UsageError);
  });
});

describe('config', () => {
  it('set, get and list; the setting is what readSettings returns', async () => {
    const set = context(home);
    await config({ action: 'set', key: 'depth', value: 'detailed' }, set.ctx, {});
    expect(set.stdout.text()).toBe('depth = detailed\n');
    const get = context(home);
    await config({ action: 'get', key: 'depth' }, get.ctx, {});
    expect(get.stdout.text()).toBe('detailed\n');
    expect(readSettings({ PREPDECK_HOME: home })).toEqual({ depth: 'detailed' });
    await config({ action: 'set', key: 'new-per-day', value: '5' }, context(home).ctx, {});
    const list = context(home);
    await config({}, list.ctx, {});
    expect(list.stdout.text()).toMatch(/depth\s+detailed[\s\S]*new-per-day\s+5/);
  });

  it.each([
    [{ action: 'set', key: 'depth', value: 'huge' }],
    [{ action: 'set', key: 'colour', value: 'red' }],
    [{ action: 'set', key: 'depth' }],
    [{ action: 'set', key: 'new-per-day', value: '-3' }],
    [{ action: 'explode' }],
  ])('rejects %o', async (args) => {
    await expect(config(args, context(home).ctx, {})).rejects.toBeInstanceOf(UsageError);
  });

  it('the remembered depth is used by practice, and --depth overrides it', async () => {
    await config({ action: 'set', key: 'depth', value: 'super-brief' }, context(home).ctx, {});
    const card = [{ key: 'space' }, { key: 'a' }, { key: '3' }] as const; // the question card, then a flashcard
    const remembered = context(home);
    await practice({ new: 1 }, remembered.ctx, { prompter: scripted([...card, { key: 'q' }]), questions });
    expect(remembered.stdout.text()).toMatch(/(Back · answer \(|Answer · )super-brief/);
    const overridden = context(home);
    await practice({ new: 1, depth: 'detailed' }, overridden.ctx, { prompter: scripted([...card, { key: 'q' }]), questions });
    expect(overridden.stdout.text()).toMatch(/(Back · answer \(|Answer · )detailed/);
  });
});
