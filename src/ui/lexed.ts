// Markdown already split into marked's tokens at build time, so that `read` only renders: lexing the
// answers was the largest single cost of its start-up. The build writes each built-in text's tokens
// to dist/lexed/<SHA-1 of the text>.json; a text is looked up by its own hash when it is rendered, so
// only the texts on screen are read, and a text that changed since the build simply misses and is
// lexed as usual (nothing can be stale).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Token } from 'marked';
import { packageRoot } from '../paths.js';

const cache = new Map<string, Token[] | undefined>();
/** undefined: not looked up yet; null: no pre-lexed texts. */
let dir: string | null | undefined;

export function textKey(markdown: string): string {
  return createHash('sha1').update(markdown).digest('hex');
}

/** Where the build's tokens are read from: a folder, null for none, undefined for the default (dist/lexed). */
export function useLexedDir(folder: string | null | undefined): void {
  dir = folder;
  cache.clear();
}

/** The build's tokens for this exact text, or undefined when the build has none. */
export function lexedTokens(markdown: string): Token[] | undefined {
  const key = textKey(markdown);
  if (cache.has(key)) return cache.get(key);
  dir ??= join(packageRoot(), 'dist', 'lexed');
  let tokens: Token[] | undefined;
  if (dir) {
    try {
      tokens = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Token[];
    } catch {
      tokens = undefined; // no build, or a text the build did not see (user content, a changed file)
    }
  }
  cache.set(key, tokens);
  return tokens;
}
