// Answers lexed at build time render exactly as answers lexed at run time, for every built-in text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/content/load.js';
import { builtInContentDir } from '../../../src/paths.js';
import { forgetLexed, lexedTokens, loadLexed, rememberLexed, type LexedFile } from '../../../src/ui/lexed.js';
import { renderMarkdown } from '../../../src/ui/markdown.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { lexQuestion } from '../../../scripts/build-index.js';
import { tempDir } from '../../support/cli.js';

const { questions } = await loadLibrary([builtInContentDir()], { useIndex: false });
afterEach(() => forgetLexed());

describe('pre-lexed Markdown', () => {
  it.each(questions.map((q) => [q.id, q] as const))('%s renders the same from the build\'s tokens', (_id, q) => {
    // Through JSON, as the build writes them.
    const file = JSON.parse(JSON.stringify(lexQuestion(q))) as LexedFile;
    const texts = [q.prompt, ...Object.values(q.answers), ...(q.tips ? [q.tips] : [])];
    for (const out of [memoryOutput({ columns: 40 }), memoryOutput({ columns: 100, color: true })]) {
      forgetLexed();
      const lexedNow = texts.map((t) => renderMarkdown(t, out));
      rememberLexed(file);
      for (const t of texts) expect(lexedTokens(t)).toBeDefined();
      expect(texts.map((t) => renderMarkdown(t, out))).toEqual(lexedNow);
    }
  });

  it('a text that changed after the build misses and is lexed at render time', () => {
    const q = questions[0]!;
    rememberLexed(lexQuestion(q));
    expect(lexedTokens(q.answers.brief)).toBeDefined();
    expect(lexedTokens(q.answers.brief + ' Changed.')).toBeUndefined();
  });

  it('loads a question\'s file by id; a missing file, or an id that is not a plain slug, loads nothing', () => {
    const dir = tempDir();
    try {
      const q = questions[0]!;
      mkdirSync(join(dir.path, 'lexed'));
      writeFileSync(join(dir.path, 'lexed', `${q.id}.json`), JSON.stringify(lexQuestion(q)));
      writeFileSync(join(dir.path, 'outside.json'), JSON.stringify(lexQuestion(q)));
      loadLexed('../outside', join(dir.path, 'lexed'));
      loadLexed('no-such-question', join(dir.path, 'lexed'));
      expect(lexedTokens(q.prompt)).toBeUndefined();
      loadLexed(q.id, join(dir.path, 'lexed'));
      expect(lexedTokens(q.prompt)).toBeDefined();
    } finally {
      dir.remove();
    }
  });
});
