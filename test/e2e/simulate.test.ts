// `prepdeck simulate` as a user runs it: the built CLI in a real process, piped (no terminal).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
// Output-only cases run in-process through main(argv, ctx); the step mode keeps a real terminal.
import { runMain as runCli } from '../support/main.js';
import { KEYS, spawnCli, stripAnsi } from '../support/pty.js';

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

  interface Doc<Row = unknown> {
    scenario?: { name: string };
    runs: { label: string; config: { strategy: string; store: string }; result: { summary: Record<string, unknown>; servers: { name: string; requests: number }[]; rows?: Row[] } }[];
  }

  it('--json prints one shape: { runs: [{ label, config, result }] }; rows only with --trace', async () => {
    const r = await sim('--scenario', 'seed-example', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(Object.keys(doc)).toEqual(['scenario', 'runs']);
    expect(doc.scenario!.name).toBe('seed-example');
    expect(doc.runs).toHaveLength(1);
    const [run] = doc.runs;
    expect(Object.keys(run!)).toEqual(['label', 'config', 'result']);
    expect(run!.label).toBe('sticky-cookie/local');
    expect(run!.config).toMatchObject({ strategy: 'sticky-cookie', store: 'local' });
    expect(run!.result.summary).toMatchObject({ requests: 10, imbalance: 1.8, overrides: 5, sessionsLost: 0 });
    expect(run!.result.servers.map((s) => s.requests)).toEqual([6, 2, 2]);
    expect(run!.result.rows).toBeUndefined();

    const traced = JSON.parse((await sim('--scenario', 'seed-example', '--json', '--trace')).stdout) as Doc<{ user: string; server: string; reason: string; algorithmPick: string }>;
    expect(traced.runs[0]!.result.rows).toHaveLength(10);
    expect(traced.runs[0]!.result.rows![4]).toMatchObject({ user: 'A', server: 's1', reason: 'cookie', algorithmPick: 's2' });
  });

  it('--compare runs the same traffic through each configuration side by side', async () => {
    const r = await sim('--compare', 'sticky-cookie/local,sticky-cookie/shared,sticky-cookie/replicated', '--fail', 's2@40');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Same traffic through 3 configurations');
    expect(r.stdout).toMatch(/sessions lost\s+[1-9]\d*\s+0\s+0/);
    const json = JSON.parse((await sim('--compare', 'sticky-cookie/local,round-robin/shared', '--json')).stdout) as Doc;
    expect(Object.keys(json)).toEqual(['runs']);
    expect(json.runs.map((x) => x.label)).toEqual(['sticky-cookie/local', 'round-robin/shared']);
    // Each run carries the configuration it used.
    expect(json.runs.map((x) => `${x.config.strategy}/${x.config.store}`)).toEqual(['sticky-cookie/local', 'round-robin/shared']);
    expect(json.runs[1]!.result.summary).toMatchObject({ sessionsLost: 0 });
  });

  it('--list names every scenario and the point it demonstrates', async () => {
    const r = await sim('--list');
    expect(r.code).toBe(0);
    for (const name of ['seed-example', 'hot-user', 'failover', 'scale-out', 'flash-sale']) expect(r.stdout).toContain(name);
  });

  it.each([
    [['--servers', '0'], "--servers must be a count from 1 to 256 or names with weights, e.g. 3 or a:2,b,c; got '0'."],
    [['--fail', 's9@3'], "--fail must be on one of the servers s1, s2, s3 (there is no s9); got 's9@3'."],
    [['--hot', '150%'], "--hot must be a percentage from 0% to 100%, e.g. 40%; got '150%'."],
    [['--strategy', 'random'], "--strategy must be one of round-robin, sticky-cookie, ip-hash, consistent-hash, least-connections; got 'random'."],
    [['--step'], '--step needs a terminal'],
    [['--seed', 'abc'], "--seed must be a whole number from 0 to 4,294,967,295; got 'abc'."],
    [['--users', 'abc'], "--users must be a whole number from 1 to 5,000,000; got 'abc'."],
    [['--requests', '1.5'], "--requests must be a whole number from 1 to 100,000,000; got '1.5'."],
    [['--store', 'replicated', '--replicas', 'x'], "--replicas must be a whole number from 1 to 256; got 'x'."],
    [['--max-idle', 'later'], "--max-idle must be a whole number from 1 to 100,000,000; got 'later'."],
    [['--users', '1', '--hot', '40%'], "--hot must be 0% with fewer than 2 users (with 1 user, A sends every request); got '40%'."],
    [['--hot', '0.4'], "--hot must be a percentage with the % sign: 40% for a fraction of 0.4, or 0.4% for 0.4 percent; got '0.4'."],
    [['--compare', 'sticky-cookie/local,round-robin/redis'], `where STORE is one of local, shared, replicated ("redis" is not); got 'sticky-cookie/local,round-robin/redis'.`],
    [['--requests', '200000', '--trace'], '--trace keeps every request in memory and prints it, so it takes at most 100,000 requests; this run has 200,000 requests.'],
    [['--requests', '5000000', '--trace', '--json'], 'at most 100,000 requests'],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const r = await sim(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('NaN');
    expect(r.stdout).toBe('');
  });

  it('a long trace prints every request (no stack overflow)', async () => {
    const r = await sim('--requests', '100000', '--users', '500', '--trace', '--fail', 's2@50000');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n ?100000[ *!x]\s+[A-Z]+\s/);
    expect(r.stdout).toContain('── s2 fails ──');
  });

  const WIDTH_CASES: string[][] = [
    ['--list'],
    [],
    ['--scenario', 'seed-example'],
    ['--scenario', 'failover'],
    ['--scenario', 'flash-sale'],
    ['--strategy', 'ip-hash', '--requests', '20'],
    ['--users', '200', '--requests', '3000', '--add', 's4@1500'],
    ['--compare', 'sticky-cookie/local,round-robin/shared,ip-hash/local,consistent-hash/shared,least-connections/replicated,sticky-cookie/local/nginx', '--requests', '20'],
  ];
  it.each([40, 60, 80, 120])('every line fits COLUMNS=%i (tables, bars, summary, legend, --list, --compare)', async (columns) => {
    const results = await Promise.all(WIDTH_CASES.map((args) => runCli(['simulate', ...args], { home: home.path, env: { COLUMNS: String(columns) } })));
    results.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(0);
      const lines = stripAnsi(r.stdout).split('\n');
      const widest = lines.reduce((a, l) => (l.length > a.length ? l : a), '');
      expect(widest.length, `simulate ${WIDTH_CASES[i]!.join(' ')} at ${columns}:\n${widest}`).toBeLessThanOrEqual(columns);
    });
  });

  const STEP_PROMPT = 'Space/Enter: next · q: the rest';

  it('--step in a terminal shows one request per key press with an explanation; q shows the rest', async () => {
    const term = spawnCli(['simulate', '--scenario', 'seed-example', '--step'], { home: home.path, cols: 100 });
    try {
      await term.waitFor('Space or Enter: next request');
      await term.waitFor('A has no cookie yet: round-robin picks s1 and the response sets SRV=s1');
      expect(term.output()).not.toContain(' 2   B');
      // Each key only after the key prompt is showing: a key typed before it listens is lost.
      await term.waitFor(STEP_PROMPT);
      term.write(KEYS.space);
      await term.waitFor('B has no cookie yet');
      for (const who of ['C', 'D']) {
        await term.waitFor(STEP_PROMPT);
        term.write(KEYS.enter);
        await term.waitFor(`${who} has no cookie yet`);
      }
      await term.waitFor(STEP_PROMPT);
      term.write(KEYS.enter);
      await term.waitFor(/although round-robin alone would\s+have\s+picked\s+s2:\s+the\s+cookie\s+overrides/);
      await term.waitFor(STEP_PROMPT);
      term.write('q');
      await term.waitFor(/10\*\s+D/);
      await term.waitFor('Summary');
      expect(term.recent()).not.toContain('Bye');
      expect(await term.exit()).toBe(0);
    } finally {
      term.kill();
    }
  });

  it('--step: Ctrl+C quits with exit code 130 and no stack trace', async () => {
    const term = spawnCli(['simulate', '--scenario', 'seed-example', '--step'], { home: home.path, cols: 60 });
    try {
      await term.waitFor('A has no cookie yet');
      await term.waitFor(STEP_PROMPT);
      term.write(KEYS.space);
      await term.waitFor('B has no cookie yet');
      await term.waitFor(STEP_PROMPT);
      term.write(KEYS.ctrlC);
      await term.waitFor('Interrupted.');
      expect(await term.exit()).toBe(130);
      expect(term.output()).not.toMatch(/at .*\.js:\d+|internal error/);
      expect(term.output()).not.toContain('Summary');
    } finally {
      term.kill();
    }
  });
});
