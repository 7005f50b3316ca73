import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three tiers, chosen by folder so that a new test file lands in its tier without a list to edit:
// - unit: pure and fast, in-process; no servers, no child processes, no built CLI (lint enforces
//   the imports: see eslint.config.js).
// - integration: our modules against real sockets, child processes or real programs (HTTP
//   servers, parallel writers, HAProxy, Redis).
// - e2e: the command line. In-process through main(argv, ctx) where only output matters
//   (test/support/main.ts), the built CLI in a real process or pseudo-terminal where a terminal, a
//   signal or a second process is the point (`npm run build` first).
export default defineConfig({
  // What the build bundles in place of wrap-ansi (scripts/build.mjs), so the tests run what ships.
  resolve: { alias: { 'wrap-ansi': new URL('./src/ui/wrap-ansi-fast.ts', import.meta.url).pathname } },
  test: {
    // Real processes and pseudo-terminals on two shared cores.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core less one: a single worker on two cores, every file in
    // turn while the end-to-end files mostly wait on child processes and pseudo-terminals. Four at
    // least, so that the waiting overlaps.
    maxWorkers: Math.max(4, availableParallelism()),
    projects: [
      // Unit files share one module graph per worker (half the time: each file no longer re-imports
      // src/); they must leave module state as they found it, and each still runs alone.
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], isolate: false } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'] } },
    ],
  },
});
