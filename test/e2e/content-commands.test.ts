// Every `prepdeck simulate …` command that the content tells the reader to run must work (in-process:
// only the output and exit code matter).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.js';
import { runMain } from '../support/main.js';

const dir = join(ROOT, 'content', 'load-balancing');
const commands = new Set<string>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  const text = readFileSync(join(dir, file), 'utf8');
  for (const m of text.matchAll(/`(prepdeck simulate [^`]+)`/g)) commands.add(m[1]!.trim());
  const front = /^simulate:\s*(.+)$/m.exec(text);
  if (front) commands.add(`prepdeck simulate ${front[1]!.trim()}`);
}
const home = tempDir();
afterAll(() => home.remove());

describe('simulate commands named in content', () => {
  it('finds the commands', () => {
    expect(commands.size).toBeGreaterThanOrEqual(10);
    expect(commands).toContain('prepdeck simulate --scenario seed-example');
  });

  it.each([...commands])('%s', async (command) => {
    const args = command.split(/\s+/).slice(1);
    const r = await runMain(args, { home: home.path });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
  });
});
