#!/usr/bin/env node
// Simulator benchmark: simulated requests per second for each strategy (1,000,000 requests over 100
// servers and 100,000 users, no trace kept), and peak memory for 1M and 4M requests to show that
// memory does not grow with the number of requests.
//
// Compiles src/sim with esbuild into a temporary file, then measures every case in a fresh child
// process (so one case's JIT state and heap do not colour the next). Prints medians; these machines
// are shared and noisy, so read the figures as a guide, not as exact.
//
//   node scripts/bench-sim.mjs [--runs 3] [--requests 1000000]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVERS = 100;
const USERS = 100_000;
const TARGET = 5e6; // sticky-cookie, requests per second

const CASES = [
  { strategy: 'round-robin', store: 'local', rrMode: 'haproxy' },
  { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' },
  { strategy: 'sticky-cookie', store: 'local', rrMode: 'nginx' },
  { strategy: 'sticky-cookie', store: 'shared', rrMode: 'haproxy' },
  { strategy: 'sticky-cookie', store: 'replicated', rrMode: 'haproxy' },
  { strategy: 'ip-hash', store: 'local', rrMode: 'haproxy' },
  { strategy: 'consistent-hash', store: 'local', rrMode: 'haproxy' },
  { strategy: 'least-connections', store: 'local', rrMode: 'haproxy' },
];

function config(c, requests) {
  return {
    servers: Array.from({ length: SERVERS }, (_, i) => ({ name: `s${i + 1}`, weight: 1 })),
    strategy: c.strategy,
    store: c.store,
    rrMode: c.rrMode,
    replicas: 1,
    events: [],
    maxIdle: 0,
    traffic: { kind: 'random', users: USERS, requests, hot: 0, cart: 0.5, seed: 1 },
  };
}

// ---- child: one case, printed as JSON
if (process.argv[2] === '--child') {
  const [bundle, json, requestsText, runsText] = process.argv.slice(3);
  const c = JSON.parse(json);
  const requests = Number(requestsText);
  const runs = Number(runsText);
  const { simulate } = await import(pathToFileURL(bundle).href);
  const cfg = config(c, requests);
  if (runs > 1) simulate(config(c, Math.min(requests, 200_000)), { peek: false }); // warm up the JIT
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = simulate(cfg, { peek: false });
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  globalThis.gc?.();
  const mem = process.memoryUsage();
  times.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      seconds: times[Math.floor(times.length / 2)],
      best: times[0],
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      heapMB: mem.heapUsed / 2 ** 20,
      imbalance: result.summary.imbalance,
    }),
  );
  process.exit(0);
}

// ---- parent
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const RUNS = opt('--runs', 3);
const REQUESTS = opt('--requests', 1_000_000);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'prepdeck-bench-sim-'));
const bundle = join(dir, 'sim.mjs');

try {
  const { build } = await import('esbuild');
  await build({ entryPoints: [join(root, 'src/sim/index.ts')], outfile: bundle, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });

  const measure = (c, requests, runs) => {
    const r = spawnSync(process.execPath, ['--expose-gc', self, '--child', bundle, JSON.stringify(c), String(requests), String(runs)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`benchmark child failed (${c.strategy}/${c.store}/${c.rrMode}):\n${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const M = (x) => `${(x / 1e6).toFixed(2)} M/s`;
  const MB = (x) => `${x.toFixed(1)} MB`;
  const n = (x) => x.toLocaleString('en-US');

  console.log(`prepdeck simulator benchmark · node ${process.version}`);
  console.log(`${n(REQUESTS)} requests · ${SERVERS} servers · ${n(USERS)} users · no trace · median of ${RUNS} runs, each case in a fresh process\n`);
  const rows = [['strategy', 'store', 'rr-mode', 'req/s (median)', 'best', 'peak RSS']];
  let sticky = 0;
  for (const c of CASES) {
    const m = measure(c, REQUESTS, RUNS);
    const rate = REQUESTS / m.seconds;
    if (c.strategy === 'sticky-cookie' && c.store === 'local' && c.rrMode === 'haproxy') sticky = rate;
    rows.push([c.strategy, c.store, c.rrMode, M(rate), M(REQUESTS / m.best), MB(m.maxRssMB)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log('  ' + r.map((cell, i) => (i >= 3 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));

  console.log('\nMemory without a trace (sticky-cookie/local, one run per process):');
  const base = { strategy: 'sticky-cookie', store: 'local', rrMode: 'haproxy' };
  const mem = [1_000_000, 4_000_000].map((requests) => ({ requests, ...measure(base, requests, 1) }));
  for (const m of mem) {
    console.log(`  ${n(m.requests).padStart(9)} requests: peak RSS ${MB(m.maxRssMB)}, heap after the run ${MB(m.heapMB)}`);
  }
  const growth = mem[1].maxRssMB - mem[0].maxRssMB;
  console.log(`  4x the requests: peak RSS ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB (typed arrays hold users and servers only)`);
  console.log(`\nTarget: sticky-cookie >= ${M(TARGET)}: ${sticky >= TARGET ? 'met' : 'MISSED'} (${M(sticky)})`);
  if (sticky < TARGET) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
