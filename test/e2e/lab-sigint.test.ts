// Ctrl+C stops every server and child process and frees every port: checked from /proc (listening
// sockets and processes) and by connecting, for the built-in balancer in a real terminal and for
// HAProxy with Redis when piped.
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Browser } from '../../src/lab/client.js';
import { tempDir } from '../support/cli.js';
import { canConnect, childrenOf, listeningPortsOf, listeningSockets, processAlive, redisKeys, startLab, startRedis, waitFor } from '../support/lab.js';
import { KEYS, spawnCli } from '../support/pty.js';

function openIdleConnection(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.on('error', reject);
  });
}

async function expectAllClosed(ports: number[]): Promise<void> {
  const listening = new Set(listeningSockets().map((s) => s.port));
  for (const p of ports) {
    expect(listening.has(p), `port ${p} still listening`).toBe(false);
    expect(await canConnect(p), `port ${p} still accepts connections`).toBe(false);
  }
}

describe('Ctrl+C leaves no process and no listening port behind', () => {
  it('built-in balancer in a terminal: live counts redrawn, then Ctrl+C closes every port', async () => {
    const home = tempDir();
    const term = spawnCli(['lab', '--port', '0'], { home: home.path, cols: 120 });
    try {
      const banner = await term.waitFor(/Backends:.*\n/, 15_000);
      const url = /Shop:\s+(\S+)/.exec(banner)![1]!;
      const ports = [Number(new URL(url).port), ...[...banner.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]))];
      expect(new Set(ports).size).toBe(4);
      await term.waitFor('0 requests in all');
      for (let i = 0; i < 3; i++) expect((await new Browser(url).get('/api/whoami')).status).toBe(200);
      await term.waitFor('3 requests in all');
      const idle = await openIdleConnection(ports[0]!);
      term.write(KEYS.ctrlC);
      expect(await term.exit(15_000)).toBe(130);
      expect(term.output()).toMatch(/Lab stopped/);
      idle.destroy();
      await expectAllClosed(ports);
    } finally {
      term.kill();
      home.remove();
    }
  });

  it('built-in balancer, piped: a line per change of the counts; SIGINT frees every port', async () => {
    const lab = await startLab([]);
    const ports = listeningPortsOf(lab.pid);
    expect(ports.sort()).toEqual([lab.port, ...lab.backends.values()].sort());
    await new Browser(lab.url).get('/api/whoami');
    await waitFor('a counts line', () => /requests: s1 1 · s2 0 · s3 0/.test(lab.stdout()));
    await new Browser(lab.url).get('/api/whoami');
    await waitFor('a counts line', () => /requests: s1 1 · s2 1 · s3 0/.test(lab.stdout()));
    const r = await lab.stop();
    expect(r.code).toBe(130);
    expect(r.killed).toBe(false);
    await expectAllClosed(ports);
  });

  it('HAProxy dying on its own stops the lab with a clear message, exit 2 (not a bug: no stack), every port closed', async () => {
    const lab = await startLab(['--balancer', 'haproxy']);
    const ports = [...listeningPortsOf(lab.pid), ...listeningPortsOf(lab.haproxyPid!)];
    process.kill(lab.haproxyPid!, 'SIGKILL');
    await waitFor('the lab to exit', () => lab.child.exitCode !== null, 10_000);
    const r = await lab.stop();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The lab cannot go on: HAProxy exited \(signal SIGKILL\)/);
    expect(r.stderr).toMatch(/stopped every other server/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    await expectAllClosed(ports);
  });

  it('--host 0.0.0.0 --allow-remote: a warning on stderr; SIGINT still exits 130 and frees the port', async () => {
    const lab = await startLab(['--host', '0.0.0.0', '--allow-remote']);
    expect(lab.stderr()).toMatch(/warning:.* the lab listens on 0\.0\.0\.0: other machines may reach the shop/);
    expect(lab.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/); // the URL to open is still the loopback one
    const ports = listeningPortsOf(lab.pid);
    expect(ports).toContain(lab.port);
    // Loopback traffic only.
    expect((await new Browser(lab.url).get('/api/whoami')).status).toBe(200);
    const r = await lab.stop();
    expect(r.killed).toBe(false);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/Lab stopped/);
    await expectAllClosed(ports);
  });

  it('HAProxy and Redis: SIGINT stops HAProxy, closes every port, removes the temp folder and the Redis keys', async () => {
    const redis = await startRedis();
    try {
      const lab = await startLab(['--balancer', 'haproxy', '--store', 'redis', '--redis-url', redis.url]);
      const hp = lab.haproxyPid!;
      expect(processAlive(hp)).toBe(true);
      // HAProxy runs under its watchdog, the lab's only child (see lab-sigkill.test.ts).
      expect(childrenOf(lab.pid).flatMap((w) => childrenOf(w))).toContain(hp);
      const folder = dirname(lab.haproxyConfig!);
      expect(existsSync(folder)).toBe(true);
      const ports = [...listeningPortsOf(lab.pid), ...listeningPortsOf(hp)];
      // HAProxy holds the shop's port; the lab holds the backends and its admin server.
      expect(listeningPortsOf(hp)).toContain(lab.port);
      for (const p of lab.backends.values()) expect(ports).toContain(p);
      expect(ports.length).toBeGreaterThanOrEqual(5);

      const b = new Browser(lab.url);
      await b.post('/login', { user: 'ada' });
      await b.post('/cart', { item: 'book' });
      expect(await redisKeys(redis.port)).toBeGreaterThan(0);
      const idle = await openIdleConnection(lab.port);

      const r = await lab.stop();
      idle.destroy();
      expect(r.killed).toBe(false);
      expect(r.code).toBe(130);
      await waitFor('HAProxy to be gone', () => !processAlive(hp), 5000);
      expect(childrenOf(lab.pid)).toEqual([]);
      await expectAllClosed(ports);
      expect(existsSync(folder)).toBe(false);
      expect(await redisKeys(redis.port)).toBe(0);
    } finally {
      await redis.stop();
    }
  });
});
