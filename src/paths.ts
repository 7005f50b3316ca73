// Where the package's own files live, whether running from src/ (tests), dist/ or dist/chunks/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'content'))) return (cached = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('prepdeck: cannot find the package root (package.json beside content/)');
    dir = up;
  }
}

export function builtInContentDir(): string {
  return join(packageRoot(), 'content');
}
