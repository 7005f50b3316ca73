// Limits on one content file: nesting depth per line, section size, front matter size.
import { describe, expect, it } from 'vitest';
import { CONTENT_LIMITS, nestingDepth, tooDeep } from '../../../src/content/limits.js';
import { parseQuestion } from '../../../src/content/parse.js';

describe('nestingDepth', () => {
  it.each([
    ['plain text', 0],
    ['    indented code', 0],
    ['> quote', 1],
    ['> > > three', 3],
    ['>>>> four', 4],
    ['- item', 1],
    ['- - nested on one line', 2],
    ['1. ordered', 1],
    ['  - indented item', 2],
    ['      - three levels by indentation', 4],
    ['\t- tab', 3],
    ['> - > 1. mixed', 4],
    ['-not a list', 0],
    ['2024. is a list marker only with a space after', 1],
    ['*emphasis*', 0],
  ])('%j -> %i', (line, depth) => {
    expect(nestingDepth(line)).toBe(depth);
  });

  it('skips fenced code blocks, but not after a line that only looks like a fence', () => {
    const lines = (texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));
    expect(tooDeep(lines(['```', '>'.repeat(100), '```']))).toBeUndefined();
    expect(tooDeep(lines(['~~~~', '>'.repeat(100), '~~~', '~~~~']))).toBeUndefined();
    expect(tooDeep(lines(['```a`b', '>'.repeat(100)]))?.n).toBe(2);
    expect(tooDeep(lines(['```', 'x', '```', '>'.repeat(100)]))?.n).toBe(4);
  });
});

describe('front matter size', () => {
  it('front matter over the limit is refused before YAML parses it', () => {
    const yaml = `id: q\nnote: ${'x'.repeat(CONTENT_LIMITS.frontMatterChars)}`;
    const r = parseQuestion(`---\n${yaml}\n---\n# Question\nq\n`, 'f.md');
    expect(r.problems).toEqual([{ file: 'f.md', line: 1, message: expect.stringMatching(/^front matter is too long \(16,39\d characters; at most 16,384\)$/) }]);
  });
});
