// `prepdeck simulate` as a user runs it: the built CLI in a real process, piped (no terminal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers.js';
import { KEYS, spawnCli } from './pty.js';

let home: ReturnType<typeof tempDir>;
beforeAll(() => {
  home = tempDir('prepdeck-sim-');
});
afterAll(() => home.remove());

const sim = (...args: string[]) => runCli(['simulate', ...args], { home: home.path });

describe('prepdeck simulate', () => {
  it('--scenario seed-example prints the request table with the override row, bars and summary', async () => {
    const r = await sim('--scenario', 'seed-example');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scenario seed-example');
    expect(r.stdout).toMatch(/#\s+user\s+cookie\s+round-robin\s+server\s+why\s+Set-Cookie\s+session/);
    // Row 5: A sends its cookie and stays on s1 although round-robin alone would pick s2.
    expect(r.stdout).toMatch(/\n ?5\*\s+A\s+SRV=s1\s+s2\s+s1\s+cookie wins/);
    expect(r.stdout).toMatch(/s1\s+█+\s+6\s+60%/);
    expect(r.stdout).toMatch(/imbalance\s+1\.80/);
    expect(r.stdout).not.toContain('\u001b['); // piped: no colour
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('--json prints the full result; rows only with --trace', async () => {
    const r = await sim('--scenario', 'seed-example', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { scenario: { name: string }; result: { summary: Record<string, unknown>; servers: { name: string; requests: number }[]; rows?: unknown[] } };
    expect(doc.scenario.name).toBe('seed-example');
    expect(doc.result.summary).toMatchObject({ requests: 10, imbalance: 1.8, overrides: 5, sessionsLost: 0 });
    expect(doc.result.servers.map((s) => s.requests)).toEqual([6, 2, 2]);
    expect(doc.result.rows).toBeUndefined();

    const traced = JSON.parse((await sim('--scenario', 'seed-example', '--json', '--trace')).stdout) as { result: { rows: { user: string; server: string; reason: string; algorithmPick: string }[] } };
    expect(traced.result.rows).toHaveLength(10);
    expect(traced.result.rows[4]).toMatchObject({ user: 'A', server: 's1', reason: 'cookie', algorithmPick: 's2' });
  });

  it('--compare runs the same traffic through each configuration side by side', async () => {
    const r = await sim('--compare', 'sticky-cookie/local,sticky-cookie/shared,sticky-cookie/replicated', '--fail', 's2@40');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Same traffic through 3 configurations');
    expect(r.stdout).toMatch(/sessions lost\s+[1-9]\d*\s+0\s+0/);
    const json = JSON.parse((await sim('--compare', 'sticky-cookie/local,round-robin/shared', '--json')).stdout) as { runs: { label: string }[] };
    expect(json.runs.map((x) => x.label)).toEqual(['sticky-cookie/local', 'round-robin/shared']);
  });

  it('--list names every scenario and the point it demonstrates', async () => {
    const r = await sim('--list');
    expect(r.code).toBe(0);
    for (const name of ['seed-example', 'hot-user', 'failover', 'scale-out', 'flash-sale']) expect(r.stdout).toContain(name);
  });

  it.each([
    [['--servers', '0'], '--servers 0: need at least 1 server'],
    [['--fail', 's9@3'], '--fail s9@3: no server named s9 (servers: s1, s2, s3)'],
    [['--hot', '150%'], '--hot 150%: must be a percentage from 0% to 100%'],
    [['--strategy', 'random'], 'Invalid values'],
    [['--step'], '--step needs a terminal'],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await sim(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('--step in a terminal shows one request per key press with an explanation; q shows the rest', async () => {
    const term = spawnCli(['simulate', '--scenario', 'seed-example', '--step'], { home: home.path, cols: 100 });
    try {
      await term.waitFor('Space or Enter: next request');
      await term.waitFor("A has no cookie yet: round-robin picks s1 and the response sets SRV=s1");
      expect(term.output()).not.toContain(' 2   B');
      term.write(KEYS.space);
      await term.waitFor('B has no cookie yet');
      for (let i = 0; i < 3; i++) term.write(KEYS.enter);
      await term.waitFor(/although round-robin alone would\s+have\s+picked\s+s2:\s+the\s+cookie\s+overrides/);
      term.write('q');
      await term.waitFor(/10\*\s+D/);
      await term.waitFor('Summary');
      expect(await term.exit()).toBe(0);
    } finally {
      term.kill();
    }
  });
});
