// Answers lexed at build time render exactly as answers lexed at run time, for every built-in text.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/content/load.js';
import { builtInContentDir } from '../../../src/paths.js';
import { lexedTokens, useLexedDir } from '../../../src/ui/lexed.js';
import { renderMarkdown } from '../../../src/ui/markdown.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { markdownTexts, writeLexed } from '../../../scripts/build-index.js';
import { tempDir } from '../../support/cli.js';

const { questions } = await loadLibrary([builtInContentDir()], { useIndex: false });
const dir = tempDir();
writeLexed(dir.path, questions.flatMap(markdownTexts));
afterAll(() => {
  useLexedDir(undefined);
  dir.remove();
});

describe('pre-lexed Markdown', () => {
  it.each(questions.map((q) => [q.id, q] as const))('%s renders the same from the build\'s tokens', (_id, q) => {
    const texts = markdownTexts(q);
    for (const out of [memoryOutput({ columns: 40 }), memoryOutput({ columns: 100, color: true })]) {
      useLexedDir(null);
      const lexedNow = texts.map((t) => renderMarkdown(t, out));
      useLexedDir(dir.path);
      for (const t of texts) expect(lexedTokens(t)).toBeDefined();
      expect(texts.map((t) => renderMarkdown(t, out))).toEqual(lexedNow);
    }
  });

  it('a text the build did not see (changed since, or user content) misses and is lexed at render time', () => {
    useLexedDir(dir.path);
    const q = questions[0]!;
    expect(lexedTokens(q.answers.brief)).toBeDefined();
    expect(lexedTokens(q.answers.brief + ' Changed.')).toBeUndefined();
    expect(renderMarkdown(q.answers.brief + ' Changed.', memoryOutput())).toContain('Changed.');
  });
});
