// The published package: packed, then run with npx from the tarball, offline, in an empty folder.
// It must carry everything it needs (one bundle, no runtime dependencies) and its content.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT, tempDir } from '../support/cli.js';

const work = tempDir('prepdeck-pack-');
afterAll(() => work.remove());

describe('npm pack + npx --offline', () => {
  it('runs --version and read from the tarball with no network and no dev tools', () => {
    execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work.path], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(work.path).find((f) => f.endsWith('.tgz'))!;
    const pkg = JSON.parse(execFileSync('tar', ['-xOzf', join(work.path, tarball), 'package/package.json']).toString()) as { dependencies?: object };
    expect(pkg.dependencies ?? {}).toEqual({});
    const files = execFileSync('tar', ['-tzf', join(work.path, tarball)]).toString();
    expect(files).toContain('package/dist/main.js');
    expect(files).toContain('package/content/load-balancing/session-persistence.md');
    expect(files).not.toContain('package/src/');

    const env = cleanEnv(join(work.path, 'home'), { npm_config_cache: join(work.path, 'npm-cache'), npm_config_update_notifier: 'false' });
    const npx = (...args: string[]) =>
      spawnSync('npx', ['--yes', '--offline', '--package', join(work.path, tarball), 'prepdeck', ...args], { cwd: work.path, env, encoding: 'utf8', timeout: 60_000 });
    const version = npx('--version');
    expect(version.stderr).toBe('');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const read = npx('read', 'sticky', '--depth', 'super-brief');
    expect(read.status).toBe(0);
    expect(read.stdout).toContain('Session persistence, sticky sessions and session affinity');
  }, 120_000);
});
