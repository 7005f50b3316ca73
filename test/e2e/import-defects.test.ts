// `prepdeck import` defects found by QA, each checked on the CLI: repeated terms across lists,
// "which term" stems, the seed-shaped select-all item, the summary's counts, layout and wording.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAIN_FIXTURES, ROOT, runCli as runBuilt, tempDir } from '../support/cli.js';
// Output-only cases in-process through main(argv, ctx); the terminal session uses the built CLI.
import { runMain as runCli } from '../support/main.js';
import { KEYS, useSessions } from '../support/pty.js';

const SERIES = join(ROOT, 'test/fixtures/series');
const dirs: { remove(): void }[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
function temp(): string {
  const d = tempDir('prepdeck-import-qa-');
  dirs.push(d);
  return d.path;
}

/** A document in the plain-text format from its parts. */
function plainDoc(title: string, brief: string[], detailed: string[], superBrief = ['Short.']): string {
  return [title, 'Question', title, 'Brief Answer', ...brief, 'Super Brief Answer', ...superBrief, 'Detailed Answer', ...detailed].join('\n') + '\n';
}

describe('import defects found by QA', () => {
  it('a term listed in the brief and again in the detailed answer imports (no duplicate options); all its items validate', async () => {
    const src = temp();
    const out = join(temp(), 'out');
    const title = 'Storage Q1: Why replicate data ? Question For: Mid Level Developer';
    writeFileSync(join(src, 'storage-q1.txt'), plainDoc(title,
      ['Replication brings clear benefits:', '- Availability: the service keeps answering when one of the nodes fails.', '- Throughput: more requests finish per second when the load grows.', '- Elasticity: capacity follows demand without anyone stepping in.'],
      ['Benefits In Practice', '- Availability: nodes take over for each other within a few seconds.', '- Locality: data sits close to the users who read it most.', '- Cost Control: idle capacity is released again during the night.']));
    const r = await runCli(['import', src, '--out', out], { env: { COLUMNS: '100' } });
    expect(r.stdout + r.stderr).not.toContain('duplicate option');
    expect(r.code).toBe(0);
    expect((await runCli(['validate', out])).code).toBe(0);
  });

  it('the seed-shaped document gives a select-all drawbacks item and which-term items whose stem carries the description', async () => {
    const out = join(temp(), 'out');
    expect((await runCli(['import', join(SERIES, 'sessions'), '--out', out])).code).toBe(0);
    const text = readFileSync(join(out, 'sessions', 'sessions-q4.md'), 'utf8');
    expect(text).toMatch(/^## which-drawbacks \(multi\)\n\nWhich of these are drawbacks .*\(select all\)$/m);
    expect(text).toContain('Which term matches: "A handful of very busy users can swamp their backend while the rest of the pool sits half idle"?');
    expect(text).not.toMatch(/^Which term matches this description\?$/m);
  });

  it('a document with no lists counts its question card; a file without sections is reported at its last line; the closing message fits the case', async () => {
    const src = temp();
    const title = 'Caching Q3: What is a cache ? Question For: Junior Level Developer';
    writeFileSync(join(src, 'caching-q3.txt'), plainDoc(title, ['A cache keeps recent answers close to the reader.'], ['It trades memory for speed.']));
    const one = await runCli(['import', join(src, 'caching-q3.txt'), '--out', join(temp(), 'out')], { env: { COLUMNS: '100' } });
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/caching\/caching-q3\s+1\s+0\s+no lists/);
    expect(one.stdout).toContain('1 document imported: 1 card, 0 quiz items.');

    writeFileSync(join(src, 'caching-q4.txt'), 'Caching Q4: What? Question For: Mid Level Developer\nsome text\n');
    const bad = await runCli(['import', join(src, 'caching-q4.txt'), '--out', join(temp(), 'out')], { env: { COLUMNS: '100' } });
    expect(bad.code).toBe(4);
    expect(bad.stdout).toContain("line 2: missing section 'Question'");
    expect(bad.stdout).not.toContain('line 3');
    expect(bad.stderr).toContain('The document could not be imported (see above).');
    expect(bad.stderr).not.toContain('the others');

    const both = await runCli(['import', src, '--out', join(temp(), 'out')], { env: { COLUMNS: '100' } });
    expect(both.stderr).toContain('1 of 2 documents could not be imported (see above); the other one was.');
  });

  it('import --help (the built CLI) does not claim a default for the required paths', async () => {
    const r = await runBuilt(['import', '--help'], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/paths\s+documents, or folders to search recursively\s+\[array\] \[required\]\n/);
    expect(r.stdout).not.toContain('[default: []]');
  });

  it('rows in natural order, ids whole, and a path in the notes never split at 80 columns', async () => {
    const src = temp();
    for (const n of [10, 2, 1]) writeFileSync(join(src, `load-balancing-q${n}.txt`), plainDoc(`Load Balancing Q${n}: What is it ? Question For: Mid Level Developer`, ['It spreads requests.'], ['Long.']));
    const out = join(temp(), 'out');
    mkdirSync(join(out, 'load-balancing'), { recursive: true });
    symlinkSync(temp(), join(out, 'load-balancing', 'load-balancing-q2.md'));
    const r = await runCli(['import', src, '--out', out], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(4);
    for (const line of r.stdout.split('\n')) expect([...line].length).toBeLessThan(80);
    const order = ['q1', 'q2', 'q10'].map((q) => r.stdout.indexOf(`load-balancing-${q}.txt`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(r.stdout).toMatch(/load-balancing\/load-balancing-q10\s+1\s+0/);
    expect(r.stdout).toContain(join(out, 'load-balancing', 'load-balancing-q2.md'));
  });

  it('key points of long list items end on a whole clause or a whole word with one …, never "wins..."', async () => {
    const out = join(temp(), 'out');
    const r = await runCli(['import', PLAIN_FIXTURES, SERIES, '--out', out]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(5);
    // Every key point: of a card (`- ` under "Key points:") and of the question (front matter `  - `).
    const points = files.flatMap((f) => {
      const text = readFileSync(join(out, f), 'utf8');
      const front = /^key-points:\n((?: {2}- .*\n)+)/m.exec(text)?.[1] ?? '';
      const cards = [...text.matchAll(/^Key points:\n((?:- .*\n)+)/gm)].map((m) => m[1]!).join('');
      return (front + cards).split('\n').filter(Boolean).map((l) => l.replace(/^\s*- /, ''));
    });
    expect(points.length).toBeGreaterThan(20);
    for (const p of points) {
      expect(p).not.toContain('...');
      expect([...p].length).toBeLessThanOrEqual(90);
      expect(p).not.toMatch(/[,;]…?$|\s(and|the|of|to|a)…$/);
    }
    const session = readFileSync(join(out, 'load-balancing', 'load-balancing-q4.md'), 'utf8');
    expect(session).toContain('- Affinity trades availability and even load for simplicity\n');
    expect(r.code).toBe(4); // the series holds one broken document on purpose
  });
});

describe('the quiz on an imported deck', () => {
  const { home, start } = useSessions();

  it('a missed "which term" item shows its description in the quiz summary (QA: the stem lacked the question)', async () => {
    const out = join(temp(), 'out');
    expect((await runCli(['import', join(SERIES, 'sessions'), '--out', out])).code).toBe(0);
    const quiz = start(['--content', out, 'quiz', '--deck', 'sessions', '--count', '7', '--seed', '1'], home(), { cols: 100 });
    for (let n = 1; n <= 7; n++) {
      const screen = await quiz.waitFor(new RegExp(`Question ${n} of 7 · (Your answer|Space to tick)`));
      // Always the first option: some "which term" items are missed.
      quiz.write(screen.includes('Space to tick') ? KEYS.space + KEYS.enter : KEYS.enter);
      await quiz.waitFor(n === 7 ? 'Enter: see your score' : 'Enter: next question');
      quiz.write(KEYS.enter);
    }
    await quiz.waitFor('Retake exactly this quiz');
    expect(await quiz.exit()).toBe(0);
    const summary = quiz.output().slice(quiz.output().lastIndexOf('Question 7 of 7')).replace(/\s+/g, ' ');
    // The summary may shorten a long stem to one line, but the description is there.
    expect(summary).toMatch(/✘ Which term matches: "[A-Z][^[]{20,}\[sessions-q4\/term-/);
    expect(summary).not.toContain('Which term matches this description');
  });
});
