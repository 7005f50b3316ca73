// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks,
// so `npx prepdeck` starts fast and resolves no dependency at run time.
import { build } from 'esbuild';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Build into a fresh folder and swap it in at the end, so a CLI started meanwhile (tests running
// next to a rebuild) finds either the old bundle or the new one, never half of one.
const OUT = `dist.building-${process.pid}`;
rmSync(OUT, { recursive: true, force: true });

// string-width 7 (used by yargs' help layout and wrap-ansi) runs Intl.Segmenter and a huge emoji
// regular expression on every character; loading ICU's segmenter alone costs ~20 ms at start-up.
// Give it the printable-ASCII fast path that string-width 8 has: for such text the width is the length.
const STRING_WIDTH_HEAD = 'export default function stringWidth(string, options = {}) {';
const asciiFastPath = {
  name: 'string-width-ascii-fast-path',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('new Intl.Segmenter()') || source.includes('Fast path')) return undefined; // v4 (CJS) or v8+
      if (!source.includes(STRING_WIDTH_HEAD)) throw new Error(`string-width changed shape: ${args.path}`);
      const fast = "\n\tif (typeof string === 'string' && !/[^\\x20-\\x7e]/.test(string)) return string.length;";
      return { contents: source.replace(STRING_WIDTH_HEAD, STRING_WIDTH_HEAD + fast), loader: 'js' };
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
  plugins: [asciiFastPath],
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
await buildIndex(resolve('content'), join(OUT, 'content-index.json'));
rmSync(`${OUT}/tools`, { recursive: true, force: true });
const old = `dist.old-${process.pid}`;
if (existsSync('dist')) renameSync('dist', old);
renameSync(OUT, 'dist');
rmSync(old, { recursive: true, force: true });
