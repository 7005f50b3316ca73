// Part of `npm run bench`: time from starting `prepdeck` in a pseudo-terminal to the home menu's
// first screen (its last entry drawn), against `node -e 0` started the same way. Medians of
// alternating runs; target <= 2.5x.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pty from 'node-pty';

const runs = Number(process.env.BENCH_RUNS ?? 21);
const home = mkdtempSync(join(tmpdir(), 'prepdeck-bench-menu-'));
const env = { ...process.env, PREPDECK_HOME: home, NO_COLOR: '1', TERM: 'xterm-256color' };
delete env.FORCE_COLOR;
const TIMEOUT_MS = 10_000;

/** ms until `done(output)` is true (or the process exits, for the baseline). */
function measure(args, done) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const term = pty.spawn(process.execPath, args, { name: 'xterm-256color', cols: 100, rows: 40, cwd: process.cwd(), env });
    let out = '';
    let finished = false;
    const finish = (err) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      try {
        term.kill();
      } catch {
        // already gone
      }
      if (err) reject(err);
      else resolve(ms);
    };
    const timer = setTimeout(() => finish(new Error(`no first screen within ${TIMEOUT_MS} ms:\n${out}`)), TIMEOUT_MS);
    term.onData((d) => {
      out += d;
      if (done && done(out)) finish();
    });
    term.onExit(() => (done ? finish(new Error(`exited before the first screen:\n${out}`)) : finish()));
  });
}

const bare = [];
const menu = [];
for (let i = 0; i < runs; i++) {
  const b = await measure(['-e', '0'], null);
  const m = await measure(['bin/prepdeck.js'], (out) => out.includes('Quit'));
  if (i > 0) {
    bare.push(b);
    menu.push(m);
  }
}
rmSync(home, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(bare);
const first = median(menu);
const ratio = first / base;
console.log(`Home menu, median of ${runs - 1} alternating runs in a pseudo-terminal (ms):`);
console.log(`  ${'node -e 0'.padEnd(50)} ${base.toFixed(1).padStart(7)}  1.00x`);
console.log(`  ${'prepdeck (home menu, first screen)'.padEnd(50)} ${first.toFixed(1).padStart(7)}  ${ratio.toFixed(2)}x (target <= 2.5x) ${ratio <= 2.5 ? 'ok' : 'OVER'}`);
if (ratio > 2.5) process.exitCode = 1;
