// Cleaning after killed labs (leftovers.ts) on folders written by hand, and the watchdog (watchdog.ts)
// run for real around `sleep`: HAProxy's stand-in dies when the lifeline closes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanLeftovers, ownerAlive, processStartTime, RunFolder, urlHash, type RunOwner } from '../../../src/lab/leftovers.js';
import { parseWatchdogLine, WATCHDOG_SOURCE } from '../../../src/lab/watchdog.js';
import { tempDir } from '../../support/cli.js';
import { processAlive, waitFor } from '../../support/lab.js';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

function scratch(): string {
  const d = tempDir('prepdeck-leftovers-');
  dirs.push(d);
  return d.path;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

function runFolder(dir: string, name: string, owner: Partial<RunOwner> | null): string {
  const path = join(dir, name);
  mkdirSync(path);
  if (owner) writeFileSync(join(path, 'owner.json'), JSON.stringify({ started: null, createdAt: 0, ...owner }));
  return path;
}

const NOW = 10_000_000;
const REDIS = 'redis://127.0.0.1:6390';

describe('cleanLeftovers', () => {
  it('removes the folder of a dead run and says so; leaves a live run, a foreign name and a folder without owner alone', async () => {
    const dir = scratch();
    const dead = deadPid();
    const gone = runFolder(dir, `prepdeck-lab-run-${dead}-aaaaaa`, { pid: dead });
    const live = runFolder(dir, `prepdeck-lab-run-${process.pid}-bbbbbb`, { pid: process.pid, started: processStartTime(process.pid) });
    const foreign = runFolder(dir, `prepdeck-lab-home-${dead}-cccccc`, { pid: dead });
    const noOwner = runFolder(dir, `prepdeck-lab-run-${dead}-dddddd`, null);
    const notes = await cleanLeftovers({ redisUrl: null, now: NOW, dir });
    expect(notes).toEqual([`Cleaned up after a lab that was killed (pid ${dead}): removed its temporary folder.`]);
    expect(existsSync(gone)).toBe(false);
    for (const kept of [live, foreign, noOwner]) expect(existsSync(kept)).toBe(true);
  });

  it('a reused pid (same pid, another start time) counts as dead', () => {
    const started = processStartTime(process.pid);
    expect(started).not.toBeNull();
    expect(ownerAlive({ pid: process.pid, started })).toBe(true);
    expect(ownerAlive({ pid: process.pid, started: started! + 1 })).toBe(false);
    expect(ownerAlive({ pid: deadPid(), started: null })).toBe(false);
  });

  it('deletes a dead run\'s Redis keys by its prefix when this run talks to the same Redis', async () => {
    const dir = scratch();
    const dead = deadPid();
    const prefix = 'prepdeck:lab:0123456789ab:session:';
    const path = runFolder(dir, `prepdeck-lab-run-${dead}-aaaaaa`, { pid: dead, redis: { urlHash: urlHash(REDIS), prefix, ttlSeconds: 3600 } });
    const deleted: string[] = [];
    const notes = await cleanLeftovers({ redisUrl: REDIS, deleteKeys: async (p) => void deleted.push(p), now: NOW, dir });
    expect(deleted).toEqual([prefix]);
    expect(notes[0]).toMatch(/deleted its Redis keys, removed its temporary folder/);
    expect(existsSync(path)).toBe(false);
  });

  it('keys on another Redis: the folder stays until their TTL is over', async () => {
    const dir = scratch();
    const dead = deadPid();
    const redis = { urlHash: urlHash('redis://elsewhere:6379'), prefix: 'prepdeck:lab:0123456789ab:session:', ttlSeconds: 3600 };
    const path = runFolder(dir, `prepdeck-lab-run-${dead}-aaaaaa`, { pid: dead, createdAt: NOW, redis });
    expect(await cleanLeftovers({ redisUrl: REDIS, deleteKeys: async () => undefined, now: NOW + 1000, dir })).toEqual([]);
    expect(existsSync(path)).toBe(true);
    await cleanLeftovers({ redisUrl: null, now: NOW + 3600_000 + 1, dir });
    expect(existsSync(path)).toBe(false);
  });

  it('kills a HAProxy still running on the dead run\'s config, never another process that got its pid', async () => {
    const dir = scratch();
    const dead = deadPid();
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const path = runFolder(dir, `prepdeck-lab-run-${dead}-aaaaaa`, { pid: dead, haproxyPid: other.pid!, haproxyConfig: join(dir, 'x', 'haproxy.cfg') });
      const notes = await cleanLeftovers({ redisUrl: null, now: NOW, dir });
      expect(notes[0]).not.toMatch(/HAProxy/);
      expect(existsSync(path)).toBe(false);
      expect(processAlive(other.pid!)).toBe(true);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('RunFolder writes owner.json with this process and removes itself', () => {
    const dir = scratch();
    const f = new RunFolder(NOW, dir);
    expect(f.path).toContain(`prepdeck-lab-run-${process.pid}-`);
    f.record({ haproxyPid: 42 });
    expect(existsSync(join(f.path, 'owner.json'))).toBe(true);
    f.remove();
    expect(existsSync(f.path)).toBe(false);
  });
});

describe('watchdog', () => {
  it.each([
    ['pid 123', { kind: 'pid', pid: 123 }],
    ['exit 0 -', { kind: 'exit', code: 0, signal: null }],
    ['exit - SIGKILL', { kind: 'exit', code: null, signal: 'SIGKILL' }],
    ['error spawn haproxy ENOENT', { kind: 'error', message: 'spawn haproxy ENOENT' }],
    ['something else', null],
  ])('parses %j', (line, want) => {
    expect(parseWatchdogLine(line)).toEqual(want);
  });

  it('stops its child when the lifeline closes, reporting the pid and the exit on fd 3', async () => {
    const w = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, '--', 'sleep', '30'], { stdio: ['pipe', 'ignore', 'ignore', 'pipe'] });
    let status = '';
    (w.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (status += d.toString()));
    await waitFor('the pid line', () => /^pid \d+\n/.test(status));
    const child = Number(/^pid (\d+)/.exec(status)![1]);
    expect(processAlive(child)).toBe(true);
    w.stdin!.end(); // what the kernel does when the lab dies
    await waitFor('the child to be stopped', () => !processAlive(child));
    await waitFor('the exit line', () => /\nexit - SIGTERM\n$/.test(status));
    await waitFor('the watchdog to exit', () => w.exitCode !== null);
  });

  it('reports a command that cannot start', async () => {
    const w = spawn(process.execPath, ['-e', WATCHDOG_SOURCE, '--', '/nonexistent/haproxy'], { stdio: ['pipe', 'ignore', 'ignore', 'pipe'] });
    let status = '';
    (w.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (status += d.toString()));
    await waitFor('the error line', () => /^error .*ENOENT/.test(status));
    await waitFor('the watchdog to exit', () => w.exitCode !== null);
  });
});
