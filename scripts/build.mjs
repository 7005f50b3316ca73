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

// string-width (used by yargs' help layout, cliui and wrap-ansi) pays at start-up for work that
// printable ASCII never needs: an Intl.Segmenter built at import (~15 ms: ICU loads) and, in v8, an
// RGI_Emoji regular expression (~15 ms to build). Create both on first use instead, and give v7 the
// printable-ASCII fast path that v8 already has (for such text the width is the length).
const STRING_WIDTH_HEAD = 'export default function stringWidth(string, options = {}) {';
const LAZY = [
  ['const segmenter = new Intl.Segmenter();', 'let segmenterOnce; const segmenter = { segment: (s) => (segmenterOnce ??= new Intl.Segmenter()).segment(s) };'],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "let rgiOnce; const rgiEmojiRegex = { test: (s) => (rgiOnce ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(s) };"],
];
const stringWidthAtStartUp = {
  name: 'string-width-start-up',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      if (!source.includes('Intl.Segmenter')) return undefined; // v4 (CommonJS): nothing to defer
      const original = source;
      for (const [eager, lazy] of LAZY) source = source.replace(eager, () => lazy); // a function: no $-patterns
      const eagerLeft = (source.match(/new Intl\.Segmenter\(/g) ?? []).length !== (original.includes(LAZY[0][0]) ? 1 : -1);
      if (eagerLeft || (original.includes('RGI_Emoji}$/v') && !original.includes(LAZY[1][0]))) {
        throw new Error(`string-width changed shape: ${args.path}`);
      }
      if (!source.includes('Fast path')) {
        if (!source.includes(STRING_WIDTH_HEAD)) throw new Error(`string-width changed shape: ${args.path}`);
        const fast = "\n\tif (typeof string === 'string' && !/[^\\x20-\\x7e]/.test(string)) return string.length;";
        source = source.replace(STRING_WIDTH_HEAD, STRING_WIDTH_HEAD + fast);
      }
      return { contents: source, loader: 'js' };
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
  plugins: [stringWidthAtStartUp],
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
