// A pre-parsed copy of the built-in content, written at build time (dist/content-index.json), so
// that `read` and `list` skip YAML and schema work at start-up. Used only while every file it was
// made from is unchanged (same names, sizes and SHA-1 of the contents; not modification times,
// which `npm pack` resets); otherwise the files are parsed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Question } from './model.js';
import { byCodePoint } from '../compare.js';

export interface ContentIndex {
  version: 2;
  files: { path: string; size: number; sha1: string }[];
  questions: Question[];
}

export function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => byCodePoint(a.name, b.name))) {
      if (e.name.startsWith('.')) continue;
      const full = join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md') out.push(full);
    }
  };
  walk(dir);
  return out;
}

export function fingerprint(dir: string): ContentIndex['files'] {
  return listMarkdown(dir).map((f) => {
    const bytes = readFileSync(f);
    return { path: relative(dir, f).split(sep).join('/'), size: bytes.length, sha1: createHash('sha1').update(bytes).digest('hex') };
  });
}

/** The indexed questions when the index matches the folder as it is now. */
export function readFreshIndex(indexFile: string, dir: string): Question[] | undefined {
  let index: ContentIndex;
  try {
    index = JSON.parse(readFileSync(indexFile, 'utf8')) as ContentIndex;
  } catch {
    return undefined;
  }
  if (index.version !== 2) return undefined;
  const now = fingerprint(dir);
  const same =
    now.length === index.files.length &&
    now.every((f, i) => {
      const old = index.files[i]!;
      return old.path === f.path && old.size === f.size && old.sha1 === f.sha1;
    });
  return same ? index.questions : undefined;
}
