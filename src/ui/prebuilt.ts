// What the build made of each built-in Markdown text (scripts/build-index.ts), so that `read` only
// lays text out: its tokens (marked's lexer output), and, when rendering them depends on nothing
// but colour, the rendered text with and without colour, before it is wrapped to the terminal.
// With the rendered text `read` loads neither marked nor marked-terminal (most of its start-up).
// The build writes each text to dist/prebuilt/<SHA-1 of the text>.json; a text is looked up by its
// own hash when it is rendered, so only the texts on screen are read, and a text that changed since
// the build simply misses and is rendered as usual (nothing can be stale).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Token } from 'marked';
import { packageRoot } from '../paths.js';

export interface Prebuilt {
  tokens: Token[];
  /** Rendered and unwrapped (see ui/markdown.ts), for a plain and a coloured output. */
  rendered?: { plain: string; color: string };
}

const cache = new Map<string, Prebuilt | undefined>();
/** undefined: not looked up yet; null: no prebuilt texts. */
let dir: string | null | undefined;

export function textKey(markdown: string): string {
  return createHash('sha1').update(markdown).digest('hex');
}

/** Where the build's texts are read from: a folder, null for none, undefined for the default (dist/prebuilt). */
export function usePrebuiltDir(folder: string | null | undefined): void {
  dir = folder;
  cache.clear();
}

/** What the build made of this exact text, or undefined when the build did not see it. */
export function prebuilt(markdown: string): Prebuilt | undefined {
  const key = textKey(markdown);
  if (cache.has(key)) return cache.get(key);
  dir ??= join(packageRoot(), 'dist', 'prebuilt');
  let found: Prebuilt | undefined;
  if (dir) {
    try {
      found = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as Prebuilt;
    } catch {
      found = undefined; // no build, or a text the build did not see (user content, a changed file)
    }
  }
  cache.set(key, found);
  return found;
}

/** The text rendered for this output's colour and not yet wrapped, when the build could render it. */
export function prerendered(markdown: string, color: boolean): string | undefined {
  const rendered = prebuilt(markdown)?.rendered;
  return rendered && (color ? rendered.color : rendered.plain);
}
