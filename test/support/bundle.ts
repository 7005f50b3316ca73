// Bundles a small TypeScript script (a test's helper process) into one ESM file that plain `node`
// can run, the way the CLI itself is built: CommonJS dependencies get a `require`.
import { build } from 'esbuild';

export async function bundleScript(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return outfile;
}
