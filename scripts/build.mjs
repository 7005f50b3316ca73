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

// string-width (used by yargs' help layout, cliui and wrap-ansi) pays at start-up for work that most
// of our text never needs: an Intl.Segmenter built at import (~15 ms: ICU's data loads) and, in v8,
// an RGI_Emoji regular expression (~15 ms to build). Create both on first use, and give every
// version a fast path: text made only of one-column characters (printable Latin-1 but the soft
// hyphen, general punctuation, arrows, box drawing) is as wide as it is long, as string-width itself
// would count it with its default ambiguousIsNarrow.
const STRING_WIDTH_HEAD = /export default function stringWidth\((\w+), options = \{\}\) \{/;
const ONE_COLUMN = String.raw`/[^\x20-\x7e\xa0-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u257f]/`;
const LAZY = [
  ['const segmenter = new Intl.Segmenter();', 'let segmenterOnce; const segmenter = { segment: (s) => (segmenterOnce ??= new Intl.Segmenter()).segment(s) };'],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "let rgiOnce; const rgiEmojiRegex = { test: (s) => (rgiOnce ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(s) };"],
];
const stringWidthAtStartUp = {
  name: 'string-width-start-up',
  setup(b) {
    b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const original = await readFile(args.path, 'utf8');
      if (!original.includes('Intl.Segmenter')) return undefined; // v4 (CommonJS): nothing to defer
      let source = original;
      for (const [eager, lazy] of LAZY) source = source.replace(eager, () => lazy); // a function: no $-patterns
      const head = STRING_WIDTH_HEAD.exec(source);
      const eagerLeft = !original.includes(LAZY[0][0]) || (original.includes('RGI_Emoji}$/v') && !original.includes(LAZY[1][0]));
      if (!head || eagerLeft) throw new Error(`string-width changed shape: ${args.path}`);
      const arg = head[1];
      const fast = `\n\tif (typeof ${arg} === 'string' && options.ambiguousIsNarrow !== false && !${ONE_COLUMN}.test(${arg})) return ${arg}.length;`;
      return { contents: source.replace(head[0], () => head[0] + fast), loader: 'js' };
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
