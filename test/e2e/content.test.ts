// list, read and validate through the built CLI (import: test/e2e/import.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli as runBuilt, tempDir } from '../support/cli.js';
// In-process through main(argv, ctx): output, exit codes and written files are what these check.
import { runMain as runCli } from '../support/main.js';

const home = tempDir();
afterAll(() => home.remove());
const run = (args: string[], env?: Record<string, string>) => runCli(args, { home: home.path, env });
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

describe('list', () => {
  it('--json lists the load-balancing deck with ids, levels and tags', async () => {
    const r = await run(['list', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { decks: { id: string; questions: { number: number; id: string; level: string; tags: string[] }[] }[] };
    const lb = data.decks.find((d) => d.id === 'load-balancing')!;
    const sp = lb.questions.find((q) => q.id === 'session-persistence')!;
    expect(sp).toMatchObject({ level: 'mid', number: expect.any(Number) });
    expect(sp.tags).toContain('sessions');
  });

  it('text output numbers the questions and shows ids', async () => {
    const r = await run(['list', '--deck', 'load-balancing']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+\. Session persistence/);
    expect(r.stdout).toContain('session-persistence · mid');
  });

  it('an unknown deck exits 3', async () => {
    const r = await run(['list', '--deck', 'nope']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("No deck 'nope'");
  });
});

describe('read', () => {
  it.each([
    ['super-brief', 'Super-brief answer', ['Brief answer', 'Detailed answer']],
    ['brief', 'Brief answer', ['Super-brief answer', 'Detailed answer']],
    ['detailed', 'Detailed answer', ['Super-brief answer', '── Brief answer']],
  ])('--depth %s shows that depth only, as plain text when piped', async (depth, shown, hidden) => {
    const r = await run(['read', 'sticky', '--depth', depth]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Session persistence, sticky sessions and session affinity');
    expect(r.stdout).toContain(`── ${shown} `);
    for (const h of hidden) expect(r.stdout).not.toContain(`── ${h} `);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).not.toContain('**');
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it.each(['40', '60'])('wraps every line to COLUMNS=%s', async (columns) => {
    const r = await run(['read', 'session-persistence', '--depth', 'all'], { COLUMNS: columns });
    expect(r.code).toBe(0);
    const widest = Math.max(...r.stdout.split('\n').map((l) => l.length));
    expect(widest).toBeLessThanOrEqual(Number(columns));
  });

  it('wraps wide characters by their display width (the bundle defers string-width\'s segmenter, not its work)', async () => {
    const dir = tempDir();
    const wide = '寿司'.repeat(30) + ' ' + '🍣'.repeat(30);
    writeFileSync(
      join(dir.path, 'wide.md'),
      readFileSync('test/fixtures/good/custom/cache-aside.md', 'utf8').replace(
        'The application reads the cache first and, on a miss, loads from the database and fills the cache.',
        `- ${wide}`,
      ),
    );
    // The built bundle, whose string-width build step this checks (scripts/build.mjs).
    const r = await runBuilt(['--content', dir.path, 'read', 'cache-aside', '--depth', 'super-brief'], { home: home.path, env: { COLUMNS: '40' } });
    dir.remove();
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').filter((l) => /[寿司🍣]/u.test(l));
    expect(lines.length).toBeGreaterThan(3);
    // Each of these characters takes two columns.
    for (const line of lines) expect([...line.replace(/^\s*\*?\s*/, '')].length * 2).toBeLessThanOrEqual(40);
  });

  it('piped into a reader that stops early (| head), exits quietly', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('bash', ['-c', `node bin/prepdeck.js read session-persistence --depth all | head -1; echo "exit=\${PIPESTATUS[0]}"`], {
      env: { ...process.env, PREPDECK_HOME: home.path, VITEST: '' },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/exit=0\n$/);
  });

  it('defaults to brief and offers the other depths and the simulation', async () => {
    const r = await run(['read', 'session-persistence']);
    expect(r.stdout).toContain('── Brief answer ');
    // One whole command per depth (a `super-brief|detailed` would be a shell pipe when copied).
    expect(r.stdout).toMatch(/Other depths: prepdeck read session-persistence --depth super-brief\n/);
    expect(r.stdout).toMatch(/\n {14}prepdeck read session-persistence --depth detailed\n/);
    expect(r.stdout).toContain('prepdeck simulate --scenario seed-example');
  });

  it('uses the remembered depth from `config set depth`, and --depth overrides it', async () => {
    const own = tempDir();
    const set = await runCli(['config', 'set', 'depth', 'super-brief'], { home: own.path });
    expect(set.code).toBe(0);
    const remembered = await runCli(['read', 'sticky'], { home: own.path });
    expect(remembered.stdout).toContain('── Super-brief answer ');
    const overridden = await runCli(['read', 'sticky', '--depth', 'detailed'], { home: own.path });
    expect(overridden.stdout).toContain('── Detailed answer ');
    expect(overridden.stdout).not.toContain('── Super-brief answer ');
    own.remove();
  });

  it('--depth all shows all three depths and the interview tips', async () => {
    const r = await run(['read', 'session-persistence', '--depth', 'all']);
    for (const h of ['Super-brief answer', 'Brief answer', 'Detailed answer', 'Interview tips']) expect(r.stdout).toContain(`── ${h} `);
  });

  it('colours with FORCE_COLOR and not with NO_COLOR', async () => {
    const coloured = await run(['read', 'sticky'], { FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(ANSI);
    const plain = await run(['read', 'sticky'], { FORCE_COLOR: '0', NO_COLOR: '1' });
    expect(plain.stdout).not.toMatch(ANSI);
  });

  it('--json gives the raw Markdown per depth', async () => {
    const r = await run(['read', 'sticky', '--depth', 'all', '--json']);
    const data = JSON.parse(r.stdout) as { id: string; answers: Record<string, string> };
    expect(data.id).toBe('session-persistence');
    expect(Object.keys(data.answers)).toEqual(['super-brief', 'brief', 'detailed']);
    expect(data.answers.detailed).toContain('## ');
  });

  it('the explain alias and a list number work', async () => {
    const list = JSON.parse((await run(['list', '--json'])).stdout) as { decks: { questions: { number: number; id: string }[] }[] };
    const n = list.decks.flatMap((d) => d.questions).find((q) => q.id === 'session-persistence')!.number;
    const r = await run(['explain', String(n), '--depth', 'super-brief']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Session persistence, sticky sessions');
  });

  it('an unknown or ambiguous reference lists candidates and exits 3', async () => {
    const unknown = await run(['read', 'kafka']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("No question matches 'kafka'");
    expect(unknown.stderr).toContain('session-persistence');
    const ambiguous = await run(['read', 'load']);
    expect(ambiguous.code).toBe(3);
    expect(ambiguous.stderr).toContain("'load' matches several questions:");
  });
});

describe('validate', () => {
  it('the built-in content passes', async () => {
    const r = await run(['validate']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no problems/);
  });

  it('a good user folder passes', async () => {
    const r = await run(['validate', 'test/fixtures/good']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 file(s), 1 question(s), 1 quiz item(s), 1 flashcard(s): no problems.');
  });

  it('broken files print every problem as file:line: message and exit 4', async () => {
    const r = await run(['validate', 'test/fixtures/broken']);
    expect(r.code).toBe(4);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      "test/fixtures/broken/bad-question.md:2: front matter: 'id': must be lowercase letters, digits and dashes",
      "test/fixtures/broken/bad-question.md:5: front matter: 'level': must be one of junior, mid, senior",
      "test/fixtures/broken/bad-question.md:14: section '# Super-brief answer' is empty",
      "test/fixtures/broken/bad-question.md:22: quiz item 'two-right': a single item has exactly one right option, found 2",
      "test/fixtures/broken/bad-question.md:31: quiz item 'no-explanation': missing 'Explanation:' (say why the answer is right)",
      "test/fixtures/broken/bad-question.md:40: flashcard 'empty-back': missing or empty 'Back:'",
      "test/fixtures/broken/bad-question.md:44: unknown section '# Summary' (expected one of: Question, Super-brief answer, Brief answer, Detailed answer, Interview tips, Quiz, Flashcards)",
      "test/fixtures/broken/bad-question.md:46: missing section '# Detailed answer'",
      "test/fixtures/broken/no-front-matter.md:1: missing front matter: the file must start with a '---' line",
    ]);
  });

  it('a user question reusing a built-in id is reported on its id line', async () => {
    const dir = tempDir();
    const src = readFileSync('test/fixtures/good/custom/cache-aside.md', 'utf8').replace('id: cache-aside', 'id: session-persistence');
    writeFileSync(join(dir.path, 'dup.md'), src);
    const r = await run(['validate', dir.path]);
    dir.remove();
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/dup\.md:2: duplicate question id 'session-persistence' \(also in .*session-persistence\.md\)/);
  });

  it('a missing path exits 3', async () => {
    const r = await run(['validate', 'no/such/dir']);
    expect(r.code).toBe(3);
  });
});

describe('untrusted content', () => {
  it('a user question reusing a built-in id never replaces the built-in one', async () => {
    const dir = tempDir();
    const src = readFileSync('test/fixtures/good/custom/cache-aside.md', 'utf8')
      .replace('id: cache-aside', 'id: session-persistence')
      .replace('title: What is the cache-aside pattern?', 'title: AAA impostor');
    writeFileSync(join(dir.path, 'dup.md'), src);
    const r = await run(['--content', dir.path, 'read', 'session-persistence', '--depth', 'super-brief']);
    const list = await run(['--content', dir.path, 'list']);
    dir.remove();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Session persistence, sticky sessions and session affinity');
    expect(r.stdout).not.toContain('impostor');
    expect(r.stderr).toContain('reused id');
    expect(list.stdout).not.toContain('impostor');
  });

  it('escape sequences written as YAML escapes never reach the terminal', async () => {
    const dir = tempDir();
    const src = readFileSync('test/fixtures/good/custom/cache-aside.md', 'utf8').replace(
      'title: What is the cache-aside pattern?',
      'title: "Evil \\e[31mRED\\e]0;pwned\\a title"',
    );
    writeFileSync(join(dir.path, 'evil.md'), src);
    const read = await run(['--content', dir.path, 'read', 'cache-aside'], { FORCE_COLOR: '0' });
    const list = await run(['--content', dir.path, 'list'], { FORCE_COLOR: '0' });
    dir.remove();
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('Evil RED title');
    // eslint-disable-next-line no-control-regex
    for (const out of [read.stdout, list.stdout]) expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('--content and PREPDECK_CONTENT', () => {
  it('add user folders to the built-in decks', async () => {
    const viaFlag = await run(['--content', 'test/fixtures/good', 'read', 'cache-aside', '--depth', 'super-brief']);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.stdout).toContain('What is the cache-aside pattern?');
    const viaEnv = JSON.parse((await run(['list', '--json'], { PREPDECK_CONTENT: 'test/fixtures/good' })).stdout) as { decks: { id: string }[] };
    expect(viaEnv.decks.map((d) => d.id)).toEqual(expect.arrayContaining(['load-balancing', 'caching']));
  });
});

describe('a content folder named twice', () => {
  it.each([
    [['--content', 'test/fixtures/good', '--content', 'test/fixtures/good/'], {}],
    [['--content', 'test/fixtures/good'], { PREPDECK_CONTENT: 'test/fixtures/good' }],
    [['--content', 'test/fixtures/good', '--content', 'test/fixtures/good/custom'], {}],
    [['--content', 'content'], {}],
    [['--content', 'content/load-balancing'], {}],
  ])('%j %j is read once: no problems, every question listed once', async (flags, env) => {
    const r = await run(['list', '--json', ...flags], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { decks: { questions: { id: string }[] }[] }).decks.flatMap((d) => d.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('session-persistence');
  });
});

describe('read of a --content question', () => {
  it('suggests commands that carry the --content folder, and they work as printed', async () => {
    const r = await run(['read', 'cache-aside', '--content', 'test/fixtures/good'], { COLUMNS: '200' });
    expect(r.code).toBe(0);
    const suggested = r.stdout.split('\n').flatMap((l) => l.split(' · ')).map((s) => /prepdeck .*/.exec(s)?.[0]).filter((s): s is string => s !== undefined && !s.includes('practice') && !s.includes('quiz'));
    expect(suggested).toEqual([
      'prepdeck --content test/fixtures/good read cache-aside --depth super-brief',
      'prepdeck --content test/fixtures/good read cache-aside --depth detailed',
    ]);
    expect(r.stdout).toContain('prepdeck --content test/fixtures/good quiz --question cache-aside');
    expect(r.stdout).toContain('prepdeck --content test/fixtures/good practice');
    for (const command of suggested) expect((await run(command.split(' ').slice(1))).code).toBe(0);
  });
});
