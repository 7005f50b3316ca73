// practice with a broken file beside the good ones, and a question's linked simulation run from the menu ("r: run its simulation") stays interruptible:
// Ctrl+C or SIGTERM while it runs ends prepdeck at once, without a stack trace. A linked run is
// capped (see src/sim/linked.ts), so this one is the largest a question may link to.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { KEYS, useSessions } from '../support/pty.js';

const { home, start } = useSessions();
const work = tempDir('prepdeck-linked-');
afterAll(() => work.remove());

const LARGEST =
  '--servers 32 --users 10000 --requests 20000 --compare sticky-cookie/local,round-robin/shared,ip-hash/local,consistent-hash/replicated,least-connections/local --trace';
const dir = join(work.path, 'content');
mkdirSync(dir, { recursive: true });
writeFileSync(
  join(dir, 'big.md'),
  readFileSync('test/fixtures/hostile/alias-bomb/fine.md', 'utf8').replace('tags: [testing]\n', `tags: [testing]\nsimulate: ${LARGEST}\n`),
);

describe('practice next to a broken file', () => {
  it('a YAML alias bomb in a --content folder is named once and practice goes on with the rest', async () => {
    const t = start(['--content', 'test/fixtures/hostile/alias-bomb', 'practice'], home());
    await t.waitFor('bomb.md');
    await t.waitFor(/Card 1 /);
    expect(t.output()).not.toContain('internal error');
    t.write(KEYS.ctrlC);
    await t.exit();
  });
});

describe('a linked simulation run from the menu', () => {
  it.each([
    ['Ctrl+C', 2],
    ['SIGTERM', 15],
  ])('%s while it runs stops prepdeck', async (how, signal) => {
    const h = home();
    const list = await runCli(['--content', dir, 'list', '--json'], { home: h });
    const number = (JSON.parse(list.stdout) as { decks: { questions: { id: string; number: number }[] }[] }).decks
      .flatMap((d) => d.questions)
      .find((q) => q.id === 'hostile-fine')!.number;
    const t = start(['--content', dir], h);
    await t.waitFor('Ctrl+C quit');
    t.write('3' + KEYS.enter);
    await t.waitFor('Which question?');
    t.write(String(number));
    await t.waitFor(`❯ ${number}. A fine question`);
    t.write(KEYS.enter);
    await t.waitFor('r: run its simulation');
    t.write('r');
    await t.waitFor('$ prepdeck simulate --servers 32');
    if (how === 'Ctrl+C') t.write(KEYS.ctrlC);
    else process.kill(t.pid, 'SIGTERM');
    const code = await t.exit(15_000);
    expect(t.signal() === signal || code === 128 + signal || code === 130).toBe(true);
    expect(t.output()).not.toContain('internal error');
  }, 60_000);
});
