// `prepdeck lab` from the command line: the scripted walk-throughs (text and --json, with the
// simulator's summary figures), --print-config, and clear messages with exit 2 for what a user can
// get wrong or the machine lacks: bad flags, a port in use, Redis unreachable, HAProxy not installed
// or failing at start.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/ui/text.js';
import { runCli, tempDir } from '../support/cli.js';
import { spawnCli } from '../support/pty.js';
import { startRedis, type RedisServer } from '../support/lab.js';

interface ScriptJson {
  script: string;
  balancer: string;
  store: string;
  steps: { type: string; backend?: string | null; routedBy?: string; override?: boolean; loggedOut?: boolean }[];
  summary: Record<string, number | string | null>;
  simulator: { compared: number; matched: number; mismatches: number[] } | null;
}

describe('prepdeck lab --script', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it.each([60, 80, 100])('sticky in a %i-column terminal: no line wider than the terminal, "cart N" never split', async (cols) => {
    const home = tempDir();
    const term = spawnCli(['lab', '--script', 'sticky'], { home: home.path, cols, rows: 60 });
    try {
      expect(await term.exit(30_000)).toBe(0);
      const lines = term.output().split(/\r?\n/);
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(cols);
      expect(term.output()).not.toMatch(/cart\r?\n/);
      // Every one of the 10 steps shows its session, whole.
      expect(term.output().match(/logged\s+in,\s+cart\u00a0\d/g)).toHaveLength(10);
      expect(term.output()).toMatch(/The simulator predicts the same backend for all 10\s+requests/);
    } finally {
      term.kill();
      home.remove();
    }
  });

  it('sticky (text): every step, overrides of round-robin, the summary, the simulator agreeing', async () => {
    const r = await runCli(['lab', '--script', 'sticky']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/prepdeck lab --script sticky/);
    expect(r.stdout).toMatch(/ 5 {2}A {4}add item {2}SRV=s1 {3}→ s1 +cookie \(round-robin alone: s2\)/);
    expect(r.stdout).toMatch(/routed by cookie · overrides\s+6 · 5/);
    expect(r.stdout).toMatch(/The simulator predicts the same backend for all 10 requests/);
    expect(r.stdout).not.toContain('\u001b['); // piped: no colour
  });

  it('--json has the same summary figures as prepdeck simulate --json', async () => {
    const [lab, sim] = await Promise.all([
      runCli(['lab', '--script', 'sticky', '--json']),
      runCli(['simulate', '--sequence', 'A,B,C,D,A,B,A,C,A,D', '--json']),
    ]);
    expect(lab.code, lab.stderr).toBe(0);
    expect(sim.code, sim.stderr).toBe(0);
    const j = JSON.parse(lab.stdout) as ScriptJson;
    // `simulate --json` prints { runs: [ { label, config, result } ] } (older shapes: { result } or the result itself).
    const simJson = JSON.parse(sim.stdout) as { runs?: { result: { summary: object } }[]; result?: { summary: object }; summary?: object };
    const simSummary = simJson.runs?.[0]?.result.summary ?? simJson.result?.summary ?? simJson.summary;
    expect(simSummary, 'simulate --json has a summary').toBeDefined();
    expect(Object.keys(j.summary).sort()).toEqual(Object.keys(simSummary!).sort());
    expect(j.summary).toMatchObject({ requests: 10, cookieRouted: 6, overrides: 5, setCookies: 4, moves: 0, sessionsLost: 0 });
    expect(j.simulator).toEqual({ compared: 10, matched: 10, mismatches: [] });
  });

  it('failover: memory loses sessions and carts, Redis loses none (built-in and HAProxy)', async () => {
    const runs = await Promise.all([
      runCli(['lab', '--script', 'failover', '--json']),
      runCli(['lab', '--script', 'failover', '--json', '--store', 'redis', '--redis-url', redis.url]),
      runCli(['lab', '--script', 'failover', '--json', '--balancer', 'haproxy']),
      runCli(['lab', '--script', 'failover', '--json', '--balancer', 'haproxy', '--store', 'redis', '--redis-url', redis.url]),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [mem, red, hMem, hRed] = runs.map((r) => JSON.parse(r.stdout) as ScriptJson);
    for (const j of [mem!, hMem!]) {
      expect(j.summary).toMatchObject({ sessionsLost: 2, usersLoggedOut: 2, cartItemsLost: 2, rebalanced: 2, storeRoundTrips: 0 });
      expect(j.steps.some((s) => s.type === 'action')).toBe(true);
    }
    for (const j of [red!, hRed!]) {
      expect(j.summary).toMatchObject({ sessionsLost: 0, usersLoggedOut: 0, cartItemsLost: 0, rebalanced: 2 });
      expect(j.summary.storeRoundTrips).toBeGreaterThan(0);
    }
    for (const j of [mem!, red!, hMem!, hRed!]) expect(j.simulator?.mismatches).toEqual([]);
  });

  it('scale-out with HAProxy: the added backend only gets newcomers', async () => {
    const r = await runCli(['lab', '--script', 'scale-out', '--balancer', 'haproxy']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/── s4 is added ──/);
    expect(r.stdout.replace(/\s+/g, ' ')).toMatch(/s4 joined: 0 requests of the users already pinned reached it, [1-9]\d* of the newcomers' did\./);
  });

  it('round-robin without affinity: users move between backends and, in memory, lose their sessions', async () => {
    const r = await runCli(['lab', '--script', 'sticky', '--strategy', 'round-robin', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as ScriptJson;
    expect(j.summary).toMatchObject({ cookieRouted: 0, setCookies: 0 });
    expect(Number(j.summary.moves)).toBeGreaterThan(3);
    expect(Number(j.summary.sessionsLost)).toBeGreaterThan(3);
    expect(j.simulator?.mismatches).toEqual([]);
  });
});

describe('prepdeck lab: configuration and mistakes', () => {
  it('--print-config shows the HAProxy configuration', async () => {
    const r = await runCli(['lab', '--balancer', 'haproxy', '--print-config', '--backends', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\s+balance roundrobin$/m);
    expect(r.stdout).toMatch(/^\s+cookie SRV insert indirect nocache$/m);
    expect(r.stdout).toMatch(/^\s+server s1 127\.0\.0\.1:\d+ check cookie s1$/m);
    expect(r.stdout).toMatch(/^\s+server s2 127\.0\.0\.1:\d+ check cookie s2$/m);
    expect(r.stdout).toMatch(/^\s+server s3 127\.0\.0\.1:1 check cookie s3 disabled$/m);
    expect(r.stdout).toMatch(/stats socket \S+ mode 600 level admin/);
    expect(r.stdout).toMatch(/bind 127\.0\.0\.1:8080/);
    expect(r.stdout).toMatch(/^\s+http-request deny deny_status 421 unless \{ req\.hdr\(host\) -i 127\.0\.0\.1:8080 localhost:8080 \}$/m);
  });

  it('--print-config --weights writes each server\'s weight', async () => {
    const r = await runCli(['lab', '--balancer', 'haproxy', '--print-config', '--weights', '5,1,1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^\s+server s1 127\.0\.0\.1:\d+ weight 5 check cookie s1$/m);
    expect(r.stdout).toMatch(/^\s+server s3 127\.0\.0\.1:\d+ weight 1 check cookie s3$/m);
    expect(r.stdout).toMatch(/^\s+server s4 127\.0\.0\.1:1 check cookie s4 disabled$/m);
  });

  const mistakes: [string, string[], RegExp, Record<string, string>?][] = [
    ['a weight that is not a number (quoted as typed)', ['--weights', '2,one,1'], /--weights must be whole numbers from 1 to 256 separated by commas, like 2,1,1; got '2,one,1'/],
    ['a weight of 0', ['--weights', '0,1,1'], /--weights must be whole numbers from 1 to 256/],
    ['weights not one per backend', ['--backends', '4', '--weights', '2,1,1'], /--weights gives 3 weights for 4 backends: one per backend/],
    ['a host other machines can reach', ['--host', '0.0.0.0'], /--allow-remote/],
    ['no backends', ['--backends', '0'], /--backends must be a whole number from 1 to 16/],
    ['too many backends', ['--backends', '17'], /--backends must be/],
    ['a port out of range', ['--port', '70000'], /--port must be/],
    ['a port that is not a number (quoted as typed)', ['--port', 'abc'], /--port must be a whole number from 0 to 65535; got 'abc'/],
    ['backends that are not a number (quoted as typed)', ['--backends', 'three'], /--backends must be a whole number from 1 to 16; got 'three'/],
    ['an unknown strategy', ['--strategy', 'random'], /strategy/],
    ['nginx rr-mode with HAProxy', ['--balancer', 'haproxy', '--rr-mode', 'nginx'], /HAProxy always behaves as --rr-mode haproxy/],
    ['--print-config without HAProxy', ['--print-config'], /--balancer haproxy/],
    ['--json without a script', ['--json'], /--json goes with --script/],
    ['--redis-url without Redis', ['--redis-url', 'redis://127.0.0.1:1'], /--store redis/],
    ['a bad Redis URL', ['--store', 'redis', '--redis-url', 'http://x'], /redis:\/\//],
    ['Redis not reachable', ['--store', 'redis', '--redis-url', 'redis://127.0.0.1:1', '--port', '0'], /Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 .*ECONNREFUSED/],
    ['HAProxy not installed', ['--balancer', 'haproxy', '--port', '0'], /HAProxy is not installed\. Install the Debian package haproxy/, { PREPDECK_HAPROXY: '/nonexistent/haproxy' }],
    ['HAProxy failing at start', ['--balancer', 'haproxy', '--port', '0'], /HAProxy stopped at start \(exit code 1\); the lab did not start/, { PREPDECK_HAPROXY: '/bin/false' }],
  ];
  for (const [what, args, message, env] of mistakes) {
    it(`${what}: a clear message, exit 2`, async () => {
      // The process must end by itself (no endless reconnect or wait): a process killed by the timer
      // has no exit code, so the exit code 2 below proves it stopped on its own before the timer fired.
      const r = await runCli(['lab', ...args], { env, timeoutMs: 25_000 });
      expect(r.code, `ended by itself with exit 2 (null: killed by the 25 s timer)\n${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/NaN/);
      expect(r.stdout).not.toMatch(/Shop:/);
    }, 40_000);
  }

  for (const balancer of ['builtin', 'haproxy']) {
    it(`${balancer}: a port in use is a clear message, exit 2`, async () => {
      const blocker: Server = createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
      const port = (blocker.address() as { port: number }).port;
      try {
        const r = await runCli(['lab', '--balancer', balancer, '--port', String(port)]);
        expect(r.stderr).toMatch(new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is in use`));
        expect(r.code).toBe(2);
      } finally {
        blocker.close();
      }
    });
  }
});
