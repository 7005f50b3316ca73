// `prepdeck import` from the built CLI on the project's own plain-text fixture series
// (test/fixtures/series): folders, the summary, one broken document, safe writing, and the
// imported deck in `list`, `validate`, `quiz` and `practice`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAIN_DOC, ROOT, tempDir } from '../support/cli.js';
// Output-only cases in-process through main(argv, ctx); the terminal sessions below use the built CLI.
import { runMain as runCli } from '../support/main.js';
import { KEYS, revealAndGrade, useSessions } from '../support/pty.js';

const SERIES = join(ROOT, 'test/fixtures/series');
const dirs: { remove(): void }[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
function temp(): string {
  const d = tempDir('prepdeck-import-');
  dirs.push(d);
  return d.path;
}

interface ListJson {
  decks: { id: string; questions: { id: string; quizItems: number; flashcards: number }[] }[];
}

describe('import of folders', () => {
  it('imports a folder tree in one command with a summary; the broken document is reported, the others written; exit 4', async () => {
    const out = join(temp(), 'out');
    const r = await runCli(['import', SERIES, '--out', out], { env: { COLUMNS: '100' } });
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/Document\s+Question\s+Cards\s+Quiz\s+Notes/);
    expect(r.stdout).toMatch(/caching\/caching-q2\.txt\s+caching\/caching-q2\s+\d+\s+\d+/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/broken\/caching-q9\.txt\s+not imported\s+line \d+: missing section 'Detailed Answer'/);
    expect(r.stdout).toContain('6 documents imported');
    expect(r.stderr).toContain('1 of 7 documents could not be imported (see above); the other 6 were.');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
    // Every line of the summary fits the width.
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
    // Nothing at all for the broken one, no temp files left.
    expect(readdirSync(join(out, 'caching')).sort()).toEqual(['caching-q1.md', 'caching-q2.md', 'caching-q5.md']);
    expect(readdirSync(join(out, 'queues')).sort()).toEqual(['queues-q1.md', 'queues-q3.md']);
    expect(readdirSync(join(out, 'sessions'))).toEqual(['sessions-q4.md']);

    expect((await runCli(['validate', out])).code).toBe(0);
    const list = JSON.parse((await runCli(['--content', out, 'list', '--json'])).stdout) as ListJson;
    const caching = list.decks.find((d) => d.id === 'caching')!;
    // A deck per series, ordered by the Q number.
    expect(caching.questions.map((q) => q.id)).toEqual(['caching-q1', 'caching-q2', 'caching-q5']);
    for (const q of [...caching.questions, ...list.decks.find((d) => d.id === 'queues')!.questions]) {
      expect(q.quizItems).toBeGreaterThanOrEqual(2);
      expect(q.flashcards).toBeGreaterThanOrEqual(5);
    }
    const text = await runCli(['--content', out, 'list', '--deck', 'caching']);
    expect(text.stdout).toMatch(/caching \(3 questions, \d+ cards, \d+ quiz items\)/);
  });

  it('the summary wraps to a narrow terminal', async () => {
    const r = await runCli(['import', join(SERIES, 'caching'), join(SERIES, 'broken'), '--out', temp()], { env: { COLUMNS: '60' } });
    expect(r.code).toBe(4);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("missing section 'Detailed Answer'");
  });

  it('--glob picks other file names; a folder with nothing matching is exit 3; a missing path exit 3', async () => {
    const src = temp();
    cpSync(join(SERIES, 'queues'), join(src, 'notes'), { recursive: true });
    for (const f of readdirSync(join(src, 'notes'))) cpSync(join(src, 'notes', f), join(src, 'notes', f.replace('.txt', '.interview')));
    const out = join(temp(), 'out');
    const r = await runCli(['import', src, '--glob', '*.interview', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('queues-q1.interview');
    expect(r.stdout).toContain('2 documents imported');
    const none = await runCli(['import', src, '--glob', '*.md', '--out', out]);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("No files matching '*.md'");
    expect((await runCli(['import', 'nope.txt'])).code).toBe(3);
  });

  it('file names and folders with control characters reach the terminal sanitised', async () => {
    const src = temp();
    writeFileSync(join(src, 'evil\u001b]52;c;aGk=\u0007\u202e.txt'), 'no sections here');
    writeFileSync(join(src, 'good.txt'), readFileSync(join(SERIES, 'queues/queues-q3.txt')));
    const out = join(temp(), 'out\u001b[31m');
    const r = await runCli(['import', src, '--out', out], { env: { COLUMNS: '120' } });
    expect(r.code).toBe(4);
    // eslint-disable-next-line no-control-regex
    expect(r.stdout + r.stderr).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(r.stdout).toMatch(/^evil\.txt\s+not imported/m);
    expect(r.stdout).toContain("prepdeck --content $'");
  });

  it('two documents with the same deck and id: the second is reported, the first written', async () => {
    const src = temp();
    writeFileSync(join(src, 'a.txt'), readFileSync(join(SERIES, 'queues/queues-q3.txt')));
    writeFileSync(join(src, 'b.txt'), readFileSync(join(SERIES, 'queues/queues-q3.txt')));
    const out = join(temp(), 'out');
    const r = await runCli(['import', src, '--out', out]);
    expect(r.code).toBe(4);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('same deck and id (queues/queues-q3) as a.txt');
    expect(readdirSync(join(out, 'queues'))).toEqual(['queues-q3.md']);
  });
});

describe('one document', () => {
  it('converts into a file that validates and reads back at each depth', async () => {
    const out = join(temp(), 'out');
    expect((await runCli(['import', PLAIN_DOC, '--out', out])).code).toBe(0);
    expect(existsSync(join(out, 'load-balancing', 'load-balancing-q4.md'))).toBe(true);
    expect((await runCli(['validate', out])).code).toBe(0);
    const squash = (s: string) => s.replace(/\s+/g, ' ');
    const doc = squash(readFileSync(PLAIN_DOC, 'utf8'));
    for (const [depth, phrase] of [
      ['super-brief', 'keep sessions in an external store such as Redis'],
      ['brief', 'Slow Scale-Out: New servers only receive new users'],
      ['detailed', 'Interaction with Load Balancing Algorithms'],
    ] as const) {
      expect(doc).toContain(phrase);
      const read = await runCli(['--content', out, 'read', 'load-balancing-q4', '--depth', depth]);
      expect(read.code).toBe(0);
      expect(squash(read.stdout)).toContain(phrase);
    }
  });
});

describe('import never overwrites unless asked, and writes safely', () => {
  it('an existing file: exit 2 without --update or --force; --update leaves an unchanged file alone; --force replaces', async () => {
    const out = join(temp(), 'out');
    const doc = join(SERIES, 'caching/caching-q5.txt');
    expect((await runCli(['import', doc, '--out', out])).code).toBe(0);
    const again = await runCli(['import', doc, '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Use --update');
    const update = await runCli(['import', doc, '--out', out, '--update']);
    expect(update.code).toBe(0);
    expect(update.stdout).toContain('unchanged');
    const force = await runCli(['import', doc, '--out', out, '--force']);
    expect(force.code).toBe(0);
    expect(force.stdout).toContain('replaced');
    expect((await runCli(['import', doc, '--out', out, '--force', '--update'])).code).toBe(2);
  });

  it('--out onto an existing file is a clear usage error, not a stack', async () => {
    const file = join(temp(), 'a-file');
    writeFileSync(file, 'x');
    const r = await runCli(['import', join(SERIES, 'caching/caching-q1.txt'), '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is a file, not a folder');
    expect(r.stderr).not.toContain('internal error');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('refuses to write through a symbolic link planted in the output folder, even with --force', async () => {
    const base = temp();
    const outside = join(base, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'caching-q1.md'), 'precious');
    const out = join(base, 'out');
    mkdirSync(out);
    symlinkSync(outside, join(out, 'caching'));
    const viaDir = await runCli(['import', join(SERIES, 'caching/caching-q1.txt'), '--out', out, '--force']);
    expect(viaDir.code).toBe(4);
    expect(viaDir.stdout.replace(/\s+/g, ' ')).toContain('is a symbolic link: refusing to write through it');
    expect(readFileSync(join(outside, 'caching-q1.md'), 'utf8')).toBe('precious');
    expect(readdirSync(outside)).toEqual(['caching-q1.md']);

    const out2 = join(base, 'out2');
    mkdirSync(join(out2, 'caching'), { recursive: true });
    symlinkSync(join(outside, 'caching-q1.md'), join(out2, 'caching', 'caching-q1.md'));
    const viaFile = await runCli(['import', join(SERIES, 'caching/caching-q1.txt'), '--out', out2, '--force']);
    expect(viaFile.code).toBe(4);
    expect(readFileSync(join(outside, 'caching-q1.md'), 'utf8')).toBe('precious');
  });

  it('refuses FIFOs, devices, oversized and binary files with a reason, without hanging', async () => {
    const src = temp();
    execFileSync('mkfifo', [join(src, 'pipe.txt')]);
    writeFileSync(join(src, 'huge.txt'), 'x'.repeat(1024 * 1024 + 1));
    writeFileSync(join(src, 'binary.txt'), Buffer.from([0x51, 0, 0xff, 0x00]));
    const r = await runCli(['import', join(src, 'pipe.txt'), '/dev/zero', join(src, 'huge.txt'), join(src, 'binary.txt'), '--out', join(src, 'out')], {
      env: { COLUMNS: '120' },
      timeoutMs: 15_000,
    });
    expect(r.code).toBe(4);
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('not a regular file (a FIFO): refused');
    expect(flat).toContain('not a regular file (a device): refused');
    expect(flat).toContain('larger than 1 MB: refused');
    expect(flat).toContain('a binary file');
    expect(existsSync(join(src, 'out'))).toBe(false);
  });
});

describe('the imported deck in a terminal', () => {
  const { home, start } = useSessions();

  it('shows a progress bar for a folder of documents, and asks before updating files already imported', async () => {
    const out = join(temp(), 'out');
    const h = home();
    const first = start(['import', SERIES, '--out', out], h, { cols: 80 });
    await first.waitFor(/\[#+\.*\] \d\/7/);
    await first.waitFor('6 documents imported');
    expect(await first.exit()).toBe(4);

    const again = start(['import', join(SERIES, 'queues'), '--out', out], h, { cols: 80 });
    await again.waitFor('Already imported:');
    await again.waitFor('in place (ids and progress kept)?');
    again.write('y' + KEYS.enter);
    await again.waitFor('unchanged');
    expect(await again.exit()).toBe(0);

    const declined = start(['import', join(SERIES, 'queues'), '--out', out], h, { cols: 80 });
    await declined.waitFor('in place (ids and progress kept)?');
    declined.write('n' + KEYS.enter);
    await declined.waitFor('Not overwriting existing file(s)');
    expect(await declined.exit()).toBe(2);
  });

  it('a quiz and a practice session run on it and save answers under the imported ids', async () => {
    const out = join(temp(), 'out');
    expect((await runCli(['import', join(SERIES, 'caching'), '--out', out])).code).toBe(0);
    const h = home();

    const quiz = start(['--content', out, 'quiz', '--deck', 'caching', '--count', '2', '--seed', '3'], h);
    for (const n of [1, 2]) {
      const screen = await quiz.waitFor(new RegExp(`Question ${n} of 2 · (Your answer|Space to tick)`));
      quiz.write(screen.includes('Space to tick') ? KEYS.space + KEYS.enter : KEYS.enter);
      await quiz.waitFor('Explanation');
      await quiz.waitFor(n === 2 ? 'Enter: see your score' : 'Enter: next question');
      quiz.write(KEYS.enter);
    }
    await quiz.waitFor('Retake exactly this quiz');
    expect(await quiz.exit()).toBe(0);

    const practice = start(['--content', out, 'practice', '--deck', 'caching', '--new', '2'], h);
    for (const n of [1, 2]) {
      await practice.waitFor(`Card ${n} ·`);
      // A question's own card shows its answer, which may open in the scrollable view.
      await revealAndGrade(practice, '3');
    }
    // Both cards are in learning steps now; the next is offered early (learn-ahead): stop there.
    await practice.waitFor('Card 3 ·');
    await practice.waitFor('q: stop');
    practice.write('q');
    expect(await practice.exit()).toBe(0);

    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as { quiz: { key: string; deck: string }[]; reviews: { key: string; deck: string }[] };
    expect(saved.quiz).toHaveLength(2);
    expect(saved.reviews).toHaveLength(2);
    for (const e of [...saved.quiz, ...saved.reviews]) {
      expect(e.deck).toBe('caching');
      expect(e.key).toMatch(/^caching-q[125]\/(@question|[a-z0-9-]+)$/);
    }
  });
});

interface Figures {
  id: string;
  cards: { total: number; new: number; learning: number; young: number; mature: number };
  quiz: { items: number; answered: number; correct: number };
}
interface Report {
  totals: { quizAnswers: number; reviews: number };
  decks: { deck: string; questions: Figures[] }[];
}

describe('re-import keeps progress', () => {
  it('after editing one document, --update keeps every review of the unchanged and lightly edited cards; a card whose source is gone is retired', async () => {
    const base = temp();
    const src = join(base, 'docs');
    const out = join(base, 'out');
    const h = join(base, 'home');
    cpSync(join(SERIES, 'caching'), src, { recursive: true });
    expect((await runCli(['import', src, '--out', out])).code).toBe(0);

    // Reviews and quiz answers, written through `progress import`.
    const at = (m: number) => new Date(Date.now() - 86_400_000 + m * 60_000).toISOString();
    const reviewed = ['caching-q2/stale-reads', 'caching-q2/cold-start', 'caching-q2/miss-penalty', 'caching-q2/read-through', 'caching-q1/lower-latency', 'caching-q5/lru'];
    const doc = {
      version: 1,
      settings: {},
      quiz: [
        { id: 'a1', at: at(1), attempt: 't1', scope: 'deck:caching', deck: 'caching', question: 'caching-q2', key: 'caching-q2/which-weaknesses', correct: true },
        { id: 'a2', at: at(2), attempt: 't1', scope: 'deck:caching', deck: 'caching', question: 'caching-q5', key: 'caching-q5/which-policies', correct: false },
      ],
      reviews: reviewed.map((key, i) => ({ id: `r${i}`, at: at(10 + i), deck: 'caching', question: key.split('/')[0], key, grade: 3 })),
      cards: {},
    };
    writeFileSync(join(base, 'progress-in.json'), JSON.stringify(doc));
    expect((await runCli(['progress', 'import', join(base, 'progress-in.json')], { home: h })).code).toBe(0);
    const report = async () => JSON.parse((await runCli(['--content', out, 'progress', '--json'], { home: h })).stdout) as Report;
    const q = (r: Report, id: string) => r.decks.find((d) => d.deck === 'caching')!.questions.find((x) => x.id === id)!;
    const before = await report();
    expect(q(before, 'caching-q2').cards.total - q(before, 'caching-q2').cards.new).toBe(4);

    // Edit one document: a term lightly renamed, an explanation reworded, one item removed.
    const file = join(src, 'caching-q2.txt');
    const edited = readFileSync(file, 'utf8')
      .replaceAll('Stale Reads:', 'Stale Read:')
      .replaceAll('the first wave of traffic lands', 'the first wave of requests lands')
      .split('\n')
      .filter((l) => !l.startsWith('- Miss Penalty:'))
      .join('\n');
    writeFileSync(file, edited);

    const without = await runCli(['import', src, '--out', out]);
    expect(without.code).toBe(2); // never overwritten without --update
    const update = await runCli(['import', src, '--out', out, '--update'], { env: { COLUMNS: '120' } });
    expect(update.code).toBe(0);
    const flat = update.stdout.replace(/\s+/g, ' ');
    expect(flat).toMatch(/caching\/caching-q2 \d+ \d+ updated; 1 lightly edited item\(s\) kept their ids; \d+ item\(s\) retired/);
    expect(flat).toMatch(/caching\/caching-q1 \d+ \d+ unchanged/);

    const after = await report();
    // Nothing reviewed is lost: the same events, the unchanged questions' figures identical.
    expect(after.totals).toEqual(before.totals);
    expect(q(after, 'caching-q1')).toEqual(q(before, 'caching-q1'));
    expect(q(after, 'caching-q5')).toEqual(q(before, 'caching-q5'));
    // caching-q2: the renamed and the reworded cards keep their reviews; the removed one is retired (not shown).
    const b2 = q(before, 'caching-q2');
    const a2 = q(after, 'caching-q2');
    expect(a2.cards.total).toBe(b2.cards.total - 1);
    expect(a2.cards.total - a2.cards.new).toBe(3);
    expect(a2.quiz.answered).toBe(b2.quiz.answered);

    const text = readFileSync(join(out, 'caching', 'caching-q2.md'), 'utf8');
    expect(text).toMatch(/^## stale-reads$/m);
    expect(text).toMatch(/^## cold-start$/m);
    expect(text).not.toMatch(/^## miss-penalty$/m);
    expect(text).toMatch(/<!-- prepdeck-derived ids=\S+ retired=miss-penalty /);
    expect(text).toContain('*stale read* weakness');
    // The history of the retired card stays in the progress file.
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as { reviews: { key: string }[] };
    expect(saved.reviews.map((r) => r.key)).toContain('caching-q2/miss-penalty');
    expect((await runCli(['validate', out])).code).toBe(0);
  });
});
