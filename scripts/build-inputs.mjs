// What a build is made from, and whether dist/ is older than any of it: shared by the build (which
// stamps dist/) and `npm start` (which rebuilds only when something changed).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_STAMP = 'build-stamp.json';

/** Folders and files whose change changes the bundle (relative to the package root). */
const INPUTS = ['src', 'content', 'package.json', 'package-lock.json'];
const BUILD_SCRIPTS = /^build.*\.(?:mjs|ts)$/;

function newestIn(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0; // an input that does not exist (no lock file) changes nothing
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a file removed or renamed touches its folder
  for (const name of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, name)));
  return newest;
}

/** The newest modification time among the build's inputs. */
export function newestInput(root) {
  const scripts = readdirSync(join(root, 'scripts')).filter((n) => BUILD_SCRIPTS.test(n));
  return Math.max(...INPUTS.map((p) => newestIn(join(root, p))), ...scripts.map((n) => newestIn(join(root, 'scripts', n))));
}

/** When the build in dist/ began, or undefined when there is none (or it has no stamp). */
export function builtAt(root) {
  try {
    const { startedAt } = JSON.parse(readFileSync(join(root, 'dist', BUILD_STAMP), 'utf8'));
    return typeof startedAt === 'number' ? startedAt : undefined;
  } catch {
    return undefined;
  }
}

export function isFresh(root) {
  const at = builtAt(root);
  return at !== undefined && newestInput(root) < at;
}
