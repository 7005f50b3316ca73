// What the build makes of the built-in texts renders exactly as rendering them at run time: for
// every built-in text, at several widths, with and without colour.
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/content/load.js';
import { builtInContentDir } from '../../../src/paths.js';
import { answerTexts } from '../../../src/ui/answer-render.js';
import { markdownRenderer } from '../../../src/ui/markdown-loader.js';
import { lexMarkdown, renderMarkdown, rendersAlike } from '../../../src/ui/markdown.js';
import { prebuilt, prerendered, usePrebuiltDir } from '../../../src/ui/prebuilt.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { markdownTexts, writePrebuilt } from '../../../scripts/build-index.js';
import { tempDir } from '../../support/cli.js';

const { questions } = await loadLibrary([builtInContentDir()], { useIndex: false });
const dir = tempDir();
writePrebuilt(dir.path, questions.flatMap(markdownTexts));
afterAll(() => {
  usePrebuiltDir(undefined);
  dir.remove();
});

const OUTPUTS = [40, 60, 80, 100, 120].flatMap((columns) => [memoryOutput({ columns }), memoryOutput({ columns, color: true })]);

describe("the build's Markdown", () => {
  it.each(questions.map((q) => [q.id, q] as const))('%s renders the same from what the build stored', async (_id, q) => {
    const texts = markdownTexts(q);
    for (const out of OUTPUTS) {
      usePrebuiltDir(null);
      const renderedNow = texts.map((t) => renderMarkdown(t, out));
      usePrebuiltDir(dir.path);
      for (const t of texts) expect(prebuilt(t)?.tokens).toBeDefined();
      expect(texts.map((t) => renderMarkdown(t, out))).toEqual(renderedNow);
      const md = await markdownRenderer(texts, out);
      expect(texts.map(md)).toEqual(renderedNow);
    }
  });

  it('renders at build time every text that renders alike everywhere, and so all of a brief read', () => {
    usePrebuiltDir(dir.path);
    for (const t of questions.flatMap(markdownTexts)) {
      const alike = rendersAlike(lexMarkdown(t));
      expect(prerendered(t, false) !== undefined).toBe(alike);
      expect(prerendered(t, true) !== undefined).toBe(alike);
    }
    for (const q of questions) for (const t of answerTexts(q, ['brief'])) expect(prerendered(t, false)).toBeDefined();
  });

  it.each([
    ['a rule', 'Before\n\n---\n\nafter'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['a link', 'See [the docs](https://example.com).'],
    ['a link inside a list item', '- see **[docs](https://example.com)**'],
  ])('leaves %s to run time (it depends on the width or the terminal)', (_what, markdown) => {
    expect(rendersAlike(lexMarkdown(markdown))).toBe(false);
  });

  it.each([
    ['prose with inline styles', 'Plain, **strong**, *em* and `code: a:b`.'],
    ['nested lists and code', '- one\n  - two `x`\n\n```\nbackend s1 10.0.0.1:80 cookie s1\n```'],
    ['a heading and a quote', '## Why\n\n> sticky is a trade-off'],
  ])('renders %s at build time', (_what, markdown) => {
    expect(rendersAlike(lexMarkdown(markdown))).toBe(true);
  });

  it('a text the build did not see (changed since, or user content) misses and is rendered at run time', async () => {
    usePrebuiltDir(dir.path);
    const q = questions[0]!;
    expect(prebuilt(q.answers.brief)).toBeDefined();
    const changed = q.answers.brief + ' Changed.';
    expect(prebuilt(changed)).toBeUndefined();
    expect(renderMarkdown(changed, memoryOutput())).toContain('Changed.');
    const md = await markdownRenderer([q.prompt, changed], memoryOutput());
    expect(md(changed)).toContain('Changed.');
  });
});
