// Bundles the CLI into dist/ with esbuild: one ESM entry plus lazily loaded chunks,
// so `npx prepdeck` starts fast and resolves no dependency at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
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
  entryPoints: ['src/content/build-index.ts'],
  outfile: 'dist/tools/build-index.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const { buildIndex } = await import(pathToFileURL(resolve('dist/tools/build-index.mjs')).href);
buildIndex(resolve('content'), join('dist', 'content-index.json'));
rmSync('dist/tools', { recursive: true, force: true });
