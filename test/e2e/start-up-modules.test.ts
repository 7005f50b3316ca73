// What the built CLI loads to start: the start-up work of issue 12 stays done. A brief `read` of a
// built-in answer renders what the build rendered (ui/prebuilt.ts) and loads no Markdown library;
// `--version` and the top-level `--help` load no argument parser. Recognised by text only those libraries contain, since the
// bundle's file names are hashes. (How long start-up takes is `npm run bench`'s job, not a test's.)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT, tempDir } from '../support/cli.js';

const home = tempDir('prepdeck-home-');
const records = tempDir('prepdeck-modules-');
afterAll(() => {
  home.remove();
  records.remove();
});

const MARKED = 'marked(): input parameter is undefined or null';
const YARGS = 'Not enough non-option arguments';

let runs = 0;
/** The text of every bundle file the CLI loaded for these arguments. */
function loadedCode(args: string[]): string {
  const file = join(records.path, `run-${++runs}.txt`);
  const hook = join(ROOT, 'test', 'support', 'record-modules.mjs');
  const r = spawnSync(process.execPath, ['--import', hook, join(ROOT, 'bin', 'prepdeck.js'), ...args], {
    env: { ...cleanEnv(home.path), PREPDECK_RECORD_MODULES: file },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = readFileSync(file, 'utf8').split('\n').filter((u) => u.startsWith('file:') && u.includes('/dist/'));
  expect(urls.length).toBeGreaterThan(0);
  return urls.map((u) => readFileSync(fileURLToPath(u), 'utf8')).join('\n');
}

describe('start-up loads only what the command needs', () => {
  it.each(['super-brief', 'brief'])('read --depth %s of a built-in answer loads no Markdown library', (depth) => {
    const code = loadedCode(['read', 'session-persistence', '--depth', depth]);
    expect(code).toContain(YARGS);
    expect(code).not.toContain(MARKED);
  });

  it('read --depth detailed loads marked for the answer\'s table (the build leaves tables to run time)', () => {
    expect(loadedCode(['read', 'session-persistence', '--depth', 'detailed'])).toContain(MARKED);
  });

  it.each(['--version', '--help', '-h'])('%s loads neither the argument parser nor marked', (flag) => {
    const code = loadedCode([flag]);
    expect(code).not.toContain(YARGS);
    expect(code).not.toContain(MARKED);
  });

  it("a command's own --help is the parser's", () => {
    expect(loadedCode(['read', '--help'])).toContain(YARGS);
  });
});
