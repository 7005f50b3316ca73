// `npm start` (scripts/start.mjs) in a copy of the package: a fresh build is used as it is; a
// changed source file is rebuilt first. The copy keeps this repository's dist/ out of the way of the
// other end-to-end tests while it rebuilds.
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_STAMP } from '../../scripts/build-inputs.mjs';
import { cleanEnv, ROOT, tempDir } from '../support/cli.js';

const copy = tempDir('prepdeck-start-');
const home = tempDir('prepdeck-home-');
const stamp = () => readFileSync(join(copy.path, 'dist', BUILD_STAMP), 'utf8');
const start = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/start.mjs', ...args], { cwd: copy.path, env: cleanEnv(home.path), encoding: 'utf8', timeout: 120_000 });

function touchAll(path: string, when: Date): void {
  utimesSync(path, when, when);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) touchAll(join(path, name), when);
}

beforeAll(() => {
  for (const part of ['bin', 'dist', 'scripts', 'src', 'content', 'package.json', 'package-lock.json']) cpSync(join(ROOT, part), join(copy.path, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy.path, 'node_modules'), 'dir');
  // Every input older than the copied build.
  for (const part of ['scripts', 'src', 'content', 'package.json', 'package-lock.json']) touchAll(join(copy.path, part), new Date('2001-01-01T00:00:00Z'));
});
afterAll(() => {
  copy.remove();
  home.remove();
});

describe('npm start', () => {
  it('uses a fresh build without rebuilding', () => {
    const before = stamp();
    const r = start('--version');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(stamp()).toBe(before);
  });

  it('rebuilds first when a content file changed, and runs the new build', () => {
    const before = stamp();
    const file = join(copy.path, 'content', 'load-balancing', 'session-persistence.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Sticky sessions, rebuilt'));
    const r = start('list', '--deck', 'load-balancing');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Sticky sessions, rebuilt');
    expect(stamp()).not.toBe(before);
    // And now it is fresh again.
    const again = stamp();
    expect(start('--version').status).toBe(0);
    expect(stamp()).toBe(again);
  });
});
