// The text output: fits the terminal, highlights overrides, explains steps.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { SCENARIOS, compare, simulate } from '../../../src/sim/index.js';
import { plan, planFromArgv } from './helpers.js';
import { explainRow } from '../../../src/ui/sim-explain.js';
import { renderCompare } from '../../../src/ui/sim-compare.js';
import { renderScenarioList } from '../../../src/ui/sim-legend.js';
import { renderRequestTable, renderRun } from '../../../src/ui/sim-run.js';
import { renderTable } from '../../../src/ui/table.js';
import { config, ev } from './helpers.js';

const plain = (columns = 80) => ({ c: createColors(false), columns });
// eslint-disable-next-line no-control-regex
const strip = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');
const widest = (s: string): number => Math.max(...strip(s).split('\n').map((l) => l.length));

describe('simulate output', () => {
  it.each([60, 80, 100, 140])('every scenario fits %i columns', (columns) => {
    for (const s of SCENARIOS) {
      const p = plan({}, { scenario: s.name });
      const text = p.variants
        ? renderCompare(p.config, compare(p.config, p.variants, { trace: true }), p.scenario, plain(columns), { table: true })
        : renderRun(p.config, simulate(p.config, { trace: true }), p.scenario, plain(columns), { table: true });
      expect(widest(text), `${s.name} at ${columns}`).toBeLessThanOrEqual(columns);
    }
  });

  it('the per-request table marks and highlights the rows where the cookie overrode round-robin', () => {
    const cfg = config({ sequence: 'A,B,C,D,A' });
    const r = simulate(cfg, { trace: true });
    const text = renderRun(cfg, r, null, plain(), { table: true });
    const row5 = text.split('\n').find((l) => /^ ?5\*/.test(l));
    expect(row5).toMatch(/5\*\s+A\s+SRV=s1\s+s2\s+s1\s+cookie wins\s+—\s+cart \+1 → 1|5\*\s+A\s+SRV=s1\s+s2\s+s1\s+cookie wins\s+—\s+browse, cart 0/);
    const coloured = renderRun(cfg, r, null, { c: createColors(true), columns: 80 }, { table: true });
    const line = coloured.split('\n').find((l) => strip(l).startsWith(' 5*') || strip(l).startsWith('5*'))!;
    expect(line).toContain('\u001b[33m'); // yellow
    expect(text).toContain('Requests per server');
    expect(text).toContain('Summary');
    expect(text).toMatch(/first request logs in/);
  });

  it('event lines appear before the request they affect; lost sessions are shown', () => {
    const cfg = config({ sequence: 'A,B,C,B', cart: 1, events: [ev('fail', 's2', 4)] });
    const text = renderRun(cfg, simulate(cfg, { trace: true }), null, plain(), { table: true });
    const lines = text.split('\n');
    const sep = lines.findIndex((l) => l.includes('── s2 fails ──'));
    expect(lines[sep + 1]).toMatch(/^ ?4!\s+B\s+SRV=s2\s+s1\s+s1\s+re-balanced\s+SRV=s1\s+logged out/);
    expect(text).toMatch(/sessions lost\s+1/);
  });

  it('long runs get bars with a timeline instead of the table', () => {
    const cfg = config({ strategy: 'round-robin', users: 200, requests: 3000, events: [ev('add', 's4', 1500)] });
    const text = renderRun(cfg, simulate(cfg), null, plain(), { table: false });
    expect(text).toContain('over time');
    expect(text).toMatch(/s4 .*·········.*added at 1500/);
    expect(text).not.toContain('Set-Cookie');
  });

  it('comparisons show the same requests side by side and the summaries in columns', () => {
    const cfg = config({ users: 6, requests: 20, events: [ev('fail', 's2', 10)] });
    const runs = compare(cfg, [
      { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' },
      { strategy: 'round-robin', store: 'shared', rrMode: 'haproxy' },
    ], { trace: true });
    const text = renderCompare(cfg, runs, null, plain(), { table: true });
    expect(text).toMatch(/#\s+user\s+sticky-cookie\/local\s+round-robin\/shared/);
    expect(text).toMatch(/sessions lost\s+\d+\s+0/);
    expect(text).toMatch(/store round trips\s+0\s+\d+/);
  });

  it('comparisons mark (≠) the rows the configurations route differently, and right-align bar figures', () => {
    const cfg = config({ sequence: 'A,B,C,D,A,B,A,C,A,D' });
    const runs = compare(cfg, [
      { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' },
      { strategy: 'round-robin', store: 'local', rrMode: 'haproxy' },
    ], { trace: true });
    const lines = renderCompare(cfg, runs, null, plain(), { table: true }).split('\n');
    const rows = lines.filter((l) => /^(≠| ) +\d+ {2}[A-D] /.test(l));
    expect(rows).toHaveLength(10);
    for (const [i, row] of rows.entries()) {
      const servers = row.match(/s\d/g)!;
      expect(row.startsWith('≠'), `row ${i + 1}: ${row}`).toBe(servers[0] !== servers[1]);
    }
    expect(rows.some((r) => r.startsWith('≠'))).toBe(true);
    expect(lines.join('\n')).toContain('≠ marks a request the configurations sent to different servers.');
    // Bars: the figures end in the same column (right-aligned), whatever their number of digits.
    const bars = lines.slice(lines.indexOf('Requests per server') + 2, lines.indexOf('Requests per server') + 5);
    const ends = bars.map((l) => l.indexOf('%'));
    expect(new Set(ends).size, bars.join('\n')).toBe(1);
    const counts = bars.map((l) => / (\s*\d+) +\d+%/.exec(l)![1]!);
    expect(new Set(counts.map((n) => n.length)).size).toBe(1);
  });

  it('step explanations say what the balancer did and what happened to the session', () => {
    const cfg = config({ sequence: 'A,B,C,D,A', cart: 1 });
    const r = simulate(cfg, { trace: true });
    expect(explainRow(r.rows![0]!, r)).toBe(
      'A has no cookie yet: round-robin picks s1 and the response sets SRV=s1, so A\'s next requests come back to s1. A logs in: a new session in s1\'s memory.',
    );
    expect(explainRow(r.rows![4]!, r)).toContain('although round-robin alone would have picked s2: the cookie overrides the algorithm.');
  });

  it('the scenario list names each scenario, its point and its command', () => {
    const text = renderScenarioList(SCENARIOS, plain());
    for (const s of SCENARIOS) expect(text).toContain(s.name);
    expect(text).toContain('prepdeck simulate --servers 3 --strategy sticky-cookie');
    expect(widest(text)).toBeLessThanOrEqual(80);
  });

  it('every line of every kind of output fits the terminal, from 40 columns up', () => {
    const cases: [string, string[]][] = [
      ['default', []],
      ['ip-hash', ['--strategy', 'ip-hash', '--users', '5', '--requests', '20']],
      ['consistent-hash', ['--strategy', 'consistent-hash', '--requests', '20']],
      ['least-connections', ['--strategy', 'least-connections', '--requests', '20']],
      ['replicated', ['--strategy', 'round-robin', '--store', 'replicated', '--replicas', '2', '--requests', '20']],
      ['nginx + max-idle', ['--rr-mode', 'nginx', '--max-idle', '3', '--requests', '20']],
      ['long names', ['--servers', 'alpha-server-01:2,beta-server-02,gamma-server-03', '--fail', 'beta-server-02@5', '--requests', '20']],
      ['timeline', ['--users', '200', '--requests', '3000', '--add', 's4:2@1500', '--drain', 's1@2000']],
      ['many servers', ['--users', '200', '--requests', '3000', '--servers', '12', '--fail', 's7@100']],
      ['503s', ['--servers', '2', '--fail', 's1@5', '--fail', 's2@5', '--requests', '10']],
      ['compare 3', ['--compare', 'sticky-cookie/local,sticky-cookie/shared,sticky-cookie/replicated', '--fail', 's2@10']],
      ['compare 6', ['--compare', 'sticky-cookie/local,round-robin/shared,ip-hash/local,consistent-hash/shared,least-connections/replicated,sticky-cookie/local/nginx', '--requests', '20']],
      ['compare long', ['--compare', 'sticky-cookie/local,round-robin/shared', '--users', '100', '--requests', '3000']],
      ['trace', ['--requests', '100', '--trace', '--fail', 's1@50']],
      ...SCENARIOS.map((s): [string, string[]] => [s.name, ['--scenario', s.name]]),
    ];
    for (const [name, argv] of cases) {
      const p = planFromArgv(argv);
      const requests = p.config.traffic.kind === 'sequence' ? p.config.traffic.sequence.length : p.config.traffic.requests;
      const table = p.trace || requests <= 40;
      const runs = p.variants ? compare(p.config, p.variants, { trace: table }) : [simulate(p.config, { trace: table })];
      for (const columns of [40, 41, 47, 53, 60, 67, 72, 80, 99, 120, 160]) {
        const text = p.variants
          ? renderCompare(p.config, runs, p.scenario, plain(columns), { table })
          : renderRun(p.config, runs[0]!, p.scenario, plain(columns), { table });
        const colored = p.variants
          ? renderCompare(p.config, runs, p.scenario, { c: createColors(true), columns }, { table })
          : renderRun(p.config, runs[0]!, p.scenario, { c: createColors(true), columns }, { table });
        expect(widest(text), `${name} at ${columns}`).toBeLessThanOrEqual(columns);
        expect(widest(colored), `${name} at ${columns}, in colour`).toBeLessThanOrEqual(columns);
        expect(text, `${name} at ${columns}`).toContain('Summary');
      }
    }
    for (const columns of [40, 60, 80, 120]) expect(widest(renderScenarioList(SCENARIOS, plain(columns))), `--list at ${columns}`).toBeLessThanOrEqual(columns);
  });

  it('on narrow terminals the request table drops its less important columns instead of overflowing', () => {
    const cfg = config({ sequence: 'A,B,C,D,A' });
    const r = simulate(cfg, { trace: true });
    const header = (columns: number): string => renderRequestTable(r, plain(columns))[0]!.trim();
    expect(header(80)).toMatch(/^#\s+user\s+cookie\s+round-robin\s+server\s+why\s+Set-Cookie\s+session$/);
    expect(header(60)).toMatch(/^#\s+user\s+cookie\s+round-robin\s+server\s+session$/);
    expect(header(40)).toMatch(/^#\s+user\s+rr\s+server\s+session$/);
    // Comparisons too wide for one table come in blocks, each repeating # and user.
    const runs = compare(config({ requests: 10 }), [
      { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' },
      { strategy: 'round-robin', store: 'shared', rrMode: 'haproxy' },
      { strategy: 'ip-hash', store: 'local', rrMode: 'haproxy' },
      { strategy: 'consistent-hash', store: 'shared', rrMode: 'haproxy' },
      { strategy: 'least-connections', store: 'replicated', rrMode: 'haproxy' },
      { strategy: 'sticky-cookie', store: 'local', rrMode: 'nginx' },
    ], { trace: true });
    const text = renderCompare(config({ requests: 10 }), runs, null, plain(60), { table: true });
    expect(text.match(/^ +#\s+user\s/gm)!.length).toBeGreaterThan(1);
    expect(text).toMatch(/leastconn\/repl/);
  });

  it('long traces render without spreading their rows into a call (no stack overflow)', () => {
    const cfg = config({ users: 1000, requests: 100_000, events: [ev('fail', 's2', 50_000)] });
    const r = simulate(cfg, { trace: true });
    const text = renderRun(cfg, r, null, plain(), { table: true });
    expect(text.split('\n').length).toBeGreaterThan(100_000);
    const rows = Array.from({ length: 300_000 }, (_, i) => ({ cells: [String(i), 'x'] }));
    expect(renderTable([{ header: 'n' }, { header: 'v' }], rows, { width: 40 })).toHaveLength(300_001);
  });

  it('tables shrink the flexible columns to fit and cut with an ellipsis', () => {
    const lines = renderTable([{ header: 'a' }, { header: 'long', shrink: true, min: 4 }], [{ cells: ['x', 'a very long cell indeed'] }], { width: 16 });
    expect(lines[1]).toBe('x  a very long…');
  });
});
