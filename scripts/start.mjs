// `npm start`: the CLI, rebuilt first only when a source file (src/, content/, the build scripts,
// package.json or the lock file) is newer than the build in dist/. A fresh build starts at once.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { isFresh } from './build-inputs.mjs';

const root = resolve(import.meta.dirname, '..');
if (!isFresh(root)) {
  const r = spawnSync(process.execPath, [resolve(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The CLI in this process: process.argv is already `node <script> ...args`.
await import('../bin/prepdeck.js');
