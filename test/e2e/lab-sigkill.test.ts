// `kill -9` of the lab runs none of its code, yet HAProxy must not outlive it: HAProxy runs under a
// watchdog that stops it when the lab's end of a pipe closes. What the kernel cannot close (the temp
// folder, the Redis keys) the next `lab` cleans. Checked by pid, by /proc and by connecting.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Browser } from '../../src/lab/client.js';
import { canConnect, childrenOf, listeningSockets, processAlive, redisCommand, redisKeys, startLab, startRedis, waitFor } from '../support/lab.js';

describe('a lab killed with SIGKILL leaves nothing running, and the next lab cleans the rest', () => {
  it('HAProxy and its watchdog die with the lab, the port is freed; the next run removes the folder and the Redis keys', async () => {
    const redis = await startRedis();
    try {
      const lab = await startLab(['--balancer', 'haproxy', '--store', 'redis', '--redis-url', redis.url]);
      const hp = lab.haproxyPid!;
      const watchdogs = childrenOf(lab.pid);
      expect(watchdogs).toHaveLength(1);
      expect(childrenOf(watchdogs[0]!)).toEqual([hp]);
      const folder = dirname(lab.haproxyConfig!);

      const b = new Browser(lab.url);
      expect((await b.post('/login', { user: 'ada' })).status).toBeLessThan(400);
      expect((await b.post('/cart', { item: 'book' })).status).toBeLessThan(400);
      const keys = (await redisCommand(redis.port, 'KEYS', 'prepdeck:lab:*')) as string[];
      expect(keys.length).toBeGreaterThan(0);
      // Every session key expires on its own, whatever happens to the lab.
      for (const k of keys) expect(Number(await redisCommand(redis.port, 'TTL', k))).toBeGreaterThan(0);

      lab.child.kill('SIGKILL');
      await waitFor('HAProxy to die with the lab', () => !processAlive(hp), 10_000);
      await waitFor('the watchdog to exit', () => !processAlive(watchdogs[0]!), 10_000);
      expect(listeningSockets().some((s) => s.port === lab.port), 'the shop port is still listening').toBe(false);
      expect(await canConnect(lab.port)).toBe(false);
      // The dead lab ran no code: its folder and keys are still there...
      expect(existsSync(folder)).toBe(true);
      expect(await redisKeys(redis.port)).toBe(keys.length);
      await lab.stop();

      // ...until the next lab on the same Redis starts.
      const next = await startLab(['--store', 'redis', '--redis-url', redis.url]);
      try {
        expect(existsSync(folder)).toBe(false);
        expect(await redisKeys(redis.port)).toBe(0);
        expect(next.stderr().replace(/\s+/g, ' ')).toContain(`Cleaned up after a lab that was killed (pid ${lab.pid}): deleted its Redis keys, removed its temporary folder.`);
      } finally {
        await next.stop();
      }
    } finally {
      await redis.stop();
    }
  });

  it('the watchdog killed on its own: the lab stops HAProxy and exits 2 with a clear message', async () => {
    const lab = await startLab(['--balancer', 'haproxy']);
    const hp = lab.haproxyPid!;
    const [watchdog] = childrenOf(lab.pid);
    process.kill(watchdog!, 'SIGKILL');
    await waitFor('the lab to exit', () => lab.child.exitCode !== null, 10_000);
    const r = await lab.stop();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/The lab cannot go on: HAProxy exited \(its watchdog ended: signal SIGKILL\)/);
    expect(processAlive(hp)).toBe(false);
    expect(await canConnect(lab.port)).toBe(false);
  });
});
