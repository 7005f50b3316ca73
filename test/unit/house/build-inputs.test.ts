// `npm start` rebuilds only when a build input is newer than the build in dist/.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_STAMP, isFresh } from '../../../scripts/build-inputs.mjs';
import { tempDir } from '../../support/cli.js';

let dir: ReturnType<typeof tempDir>;
const at = (path: string) => join(dir.path, path);
const T0 = new Date('2026-01-01T00:00:00Z').getTime();

function write(path: string, when: number): void {
  mkdirSync(join(at(path), '..'), { recursive: true });
  writeFileSync(at(path), 'x');
  utimesSync(at(path), new Date(when), new Date(when));
}

function setFolderTimes(when: number): void {
  for (const folder of ['', 'src', 'src/ui', 'content', 'content/deck', 'scripts', 'dist']) utimesSync(at(folder), new Date(when), new Date(when));
}

beforeEach(() => {
  dir = tempDir('prepdeck-build-inputs-');
  for (const f of ['src/main.ts', 'src/ui/text.ts', 'content/deck/q.md', 'scripts/build.mjs', 'scripts/bench.mjs', 'package.json']) write(f, T0);
  mkdirSync(at('dist'));
  writeFileSync(at(join('dist', BUILD_STAMP)), JSON.stringify({ startedAt: T0 + 1000 }));
  setFolderTimes(T0);
});
afterEach(() => dir.remove());

describe('isFresh', () => {
  it('is fresh when every input is older than the build', () => {
    expect(isFresh(dir.path)).toBe(true);
  });

  it.each(['src/ui/text.ts', 'content/deck/q.md', 'scripts/build.mjs', 'package.json', 'package-lock.json'])('is stale once %s is newer', (file) => {
    write(file, T0 + 2000);
    setFolderTimes(T0);
    expect(isFresh(dir.path)).toBe(false);
  });

  it('a newer file outside the inputs (a test, the bench script) changes nothing', () => {
    write('scripts/bench.mjs', T0 + 2000);
    write('test/x.test.ts', T0 + 2000);
    setFolderTimes(T0);
    expect(isFresh(dir.path)).toBe(true);
  });

  it('a file removed from src/ (its folder changes) is stale', () => {
    utimesSync(at('src/ui'), new Date(T0 + 2000), new Date(T0 + 2000));
    expect(isFresh(dir.path)).toBe(false);
  });

  it('no build, or a build without a stamp, is stale', () => {
    writeFileSync(at(join('dist', BUILD_STAMP)), 'not json');
    expect(isFresh(dir.path)).toBe(false);
    dir.remove();
    expect(isFresh(dir.path)).toBe(false);
  });
});
