// `npm run bench`: start-up time of the built CLI against bare `node -e 0`, measured alternately in
// one run (this machine is noisy: medians), then the simulator's throughput when it exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 21);
const home = mkdtempSync(join(tmpdir(), 'prepdeck-bench-'));
const env = { ...process.env, PREPDECK_HOME: home, NO_COLOR: '1' };
delete env.FORCE_COLOR;

const cases = [
  { name: 'node -e 0', args: ['-e', '0'], target: null },
  { name: 'prepdeck --version', args: ['bin/prepdeck.js', '--version'], target: 1.6 },
  { name: 'prepdeck --help', args: ['bin/prepdeck.js', '--help'], target: 1.6 },
  { name: 'prepdeck read session-persistence --depth brief', args: ['bin/prepdeck.js', 'read', 'session-persistence', '--depth', 'brief'], target: 2.0 },
];

const times = new Map(cases.map((c) => [c.name, []]));
for (let i = 0; i < runs; i++) {
  for (const c of cases) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, c.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${c.name} exited ${r.status}: ${r.stderr}`);
    if (i > 0) times.get(c.name).push(ms); // first round warms the file cache
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(times.get('node -e 0'));
const { default: nodeModule } = await import('node:module');
const cache = typeof nodeModule.enableCompileCache === 'function' ? 'compile cache on (bin/prepdeck.js)' : 'no compile cache on this Node';
console.log(`Start-up, median of ${runs - 1} alternating runs (ms), node ${process.version}, ${cache}:`);
for (const c of cases) {
  const m = median(times.get(c.name));
  const ratio = m / base;
  const verdict = c.target ? `${ratio.toFixed(2)}x (target <= ${c.target}x) ${ratio <= c.target ? 'ok' : 'OVER'}` : '1.00x';
  console.log(`  ${c.name.padEnd(50)} ${m.toFixed(1).padStart(7)}  ${verdict}`);
}
rmSync(home, { recursive: true, force: true });

for (const extra of ['scripts/bench-sim.mjs', 'scripts/bench-menu.mjs']) {
  if (existsSync(extra)) {
    console.log('');
    const r = spawnSync(process.execPath, [extra], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
}
