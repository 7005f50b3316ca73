// Markdown already split into marked's tokens at build time (dist/lexed/<question id>.json), so that
// `read` only renders: lexing the answers was the largest single cost of its start-up. Entries are
// keyed by the SHA-1 of the Markdown text itself, so a changed text simply misses and is lexed as
// usual; nothing can be stale.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Token } from 'marked';
import { packageRoot } from '../paths.js';

/** Texts of one question, by SHA-1 of the text. */
export type LexedFile = Record<string, Token[]>;

const cache = new Map<string, Token[]>();
const SAFE_ID = /^[a-z0-9][a-z0-9-]*$/;

export function textKey(markdown: string): string {
  return createHash('sha1').update(markdown).digest('hex');
}

/** The build's tokens for this exact text, when a question's file was loaded. */
export function lexedTokens(markdown: string): Token[] | undefined {
  return cache.size === 0 ? undefined : cache.get(textKey(markdown));
}

export function rememberLexed(file: LexedFile): void {
  for (const [key, tokens] of Object.entries(file)) cache.set(key, tokens);
}

export function forgetLexed(): void {
  cache.clear();
}

export function lexedDir(): string {
  return join(packageRoot(), 'dist', 'lexed');
}

/** Loads the build's tokens for a built-in question; without a build (or for user content) nothing. */
export function loadLexed(questionId: string, dir = lexedDir()): void {
  if (!SAFE_ID.test(questionId)) return;
  let file: LexedFile;
  try {
    file = JSON.parse(readFileSync(join(dir, `${questionId}.json`), 'utf8')) as LexedFile;
  } catch {
    return; // no build, or no such question among the built-in ones: lex at render time
  }
  rememberLexed(file);
}
