// Where the progress file and the files beside it live, and what they are called.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { homedir } from 'node:os';

export type Env = Record<string, string | undefined>;

export const FILE_NAME = 'progress.json';

/** The folder progress lives in: $PREPDECK_HOME, else the OS's per-user config folder for prepdeck. */
export function progressDir(env: Env, platform: NodeJS.Platform = process.platform): string {
  if (env.PREPDECK_HOME) return resolve(env.PREPDECK_HOME);
  const home = env.HOME || env.USERPROFILE || homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'prepdeck');
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'prepdeck', 'Config');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'prepdeck');
}

export function progressPath(env: Env): string {
  return join(progressDir(env), FILE_NAME);
}

export function lockPathFor(file: string): string {
  return file + '.lock';
}

/**
 * The prefix of temporary files written beside `file` before they replace it. The same shape as
 * the temp files of the `atomically` package that earlier prepdeck versions wrote through (via
 * conf), so stale ones from either are recognised.
 */
export function tempPrefixFor(file: string): string {
  return basename(file) + '.tmp-';
}

/** `progress.<label>-<timestamp>.json` in the same folder, not yet taken. */
export function besidePath(path: string, label: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const base = path.replace(/\.json$/, '');
  let dest = `${base}.${label}-${stamp}.json`;
  for (let n = 1; existsSync(dest); n++) dest = `${base}.${label}-${stamp}-${n}.json`;
  return dest;
}
