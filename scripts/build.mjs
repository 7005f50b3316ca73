// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks,
// so `npx prepdeck` starts fast and resolves no dependency at run time.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_STAMP } from './build-inputs.mjs';

// Build into a fresh folder and swap it in at the end with two renames (dist -> dist.old, new -> dist),
// so a CLI started meanwhile (tests running next to a rebuild) finds the old bundle or the new one and
// never a half-written one. Not atomic: between the two renames there is no dist/ at all, and a CLI
// started in that instant fails to load (a directory cannot be renamed over a non-empty one).
const OUT = `dist.building-${process.pid}`;
rmSync(OUT, { recursive: true, force: true });
// When this build began: a source file changed after it may be missing from the bundle, so
// scripts/start.mjs (`npm start`) rebuilds when any is newer than this.
const startedAt = Date.now();

// string-width and wrap-ansi (yargs' help layout through cliui, and our own wrapping in ui/text.ts)
// pay at start-up for work most text never needs: an Intl.Segmenter built at import (~15 ms while
// ICU's data loads) and an RGI_Emoji regular expression (~15 ms). fast-string-width and
// fast-wrap-ansi (already here through @inquirer/core) measure the same widths without either, so
// every ES import of the two resolves to them; the e2e test of wide characters checks the result.
// CommonJS require()s keep string-width 4 (cli-table3, for marked-terminal's tables): it builds
// neither, and an ES module cannot stand in for a CommonJS one.
const ROOT = resolve(import.meta.dirname, '..');
const FAST = { 'string-width': 'fast-string-width', 'wrap-ansi': './src/ui/wrap-ansi-fast.ts' };
const fastWidth = {
  name: 'fast-width',
  setup(b) {
    b.onResolve({ filter: /^(?:string-width|wrap-ansi)$/ }, (args) => {
      if (args.kind !== 'import-statement' && args.kind !== 'dynamic-import') return undefined;
      return b.resolve(FAST[args.path], { kind: args.kind, resolveDir: ROOT });
    });
  },
};

await build({
  entryPoints: ['src/main.ts'],
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [fastWidth],
  // CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  // marked-terminal pulls cli-highlight (highlight.js) for code blocks; we render code plainly.
  alias: {
    'cli-highlight': './src/ui/no-highlight.ts',
    'node-emoji': './src/ui/no-emoji.ts',
  },
  logLevel: 'warning',
});

// Pre-parse the built-in content (see src/content/index-file.ts). Invalid content does not stop the
// build (the tests and `prepdeck validate` report it); the CLI then parses the files at run time.
await build({
  entryPoints: ['scripts/build-index.ts'],
  outfile: `${OUT}/tools/build-index.mjs`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const { buildIndex } = await import(pathToFileURL(resolve(`${OUT}/tools/build-index.mjs`)).href);
await buildIndex(resolve('content'), join(OUT, 'content-index.json'), join(OUT, 'prebuilt'));
rmSync(`${OUT}/tools`, { recursive: true, force: true });
writeFileSync(join(OUT, BUILD_STAMP), JSON.stringify({ startedAt }) + '\n');
const old = `dist.old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', old);
renameSync(OUT, 'dist');
rmSync(old, { recursive: true, force: true });
