import { describe, expect, it } from 'vitest';
import { fitColumns, renderMarkdown } from '../../../src/ui/markdown.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { fits, wrap } from '../../../src/ui/text.js';

const plain = (columns = 80) => memoryOutput({ columns });

describe('renderMarkdown', () => {
  it('renders bold and code inside tight list items (marked-terminal drops them)', () => {
    const out = renderMarkdown('- **Uneven load**: one `hot` user', plain());
    expect(out).toContain('Uneven load: one hot user');
    expect(out).not.toContain('**');
  });

  it('treats a line of dashes under text as a rule, not a setext heading', () => {
    const out = renderMarkdown('Some text\n---\n\nMore', plain());
    expect(out).toContain('Some text');
    expect(out).toMatch(/-{3,}|─{3,}/);
  });

  it('wraps long list items with a hanging indent within the width', () => {
    const out = renderMarkdown(`- ${'word '.repeat(30)}`, plain(40));
    const lines = out.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines[1]).toMatch(/^ {4}word/);
  });

  it('fits tables to the width', () => {
    const out = renderMarkdown(`| a | b |\n|---|---|\n| ${'long '.repeat(20)} | x |`, plain(40));
    for (const l of out.trimEnd().split('\n')) expect([...l].length).toBeLessThanOrEqual(40);
  });
});

describe('fitColumns', () => {
  it.each([
    [[['ab', 'cd']], 80, [4, 4]],
    [[['x'.repeat(50), 'y'.repeat(50)]], 43, [20, 20]],
    // Whole words first: the column of long words keeps its longest one, the prose column wraps.
    [[['least outstanding requests and more words', 'least_outstanding_requests']], 50, [19, 28]],
    // Only when no column can give any more are words cut.
    [[['x'.repeat(30), 'y'.repeat(30)]], 43, [20, 20]],
  ])('%j in %i columns -> %j', (rows, width, expected) => {
    expect(fitColumns(rows, width)).toEqual(expected);
  });
});

describe('fits and wrap', () => {
  it.each([
    ['short · text ─', 20, true],
    ['x'.repeat(21), 20, false],
    ['寿司', 20, false], // may be wide: measured properly by wrap-ansi
    ['🍣', 20, false],
  ])('fits(%j, %i) = %s', (text, width, expected) => expect(fits(text, width)).toBe(expected));

  it('returns text that fits unchanged and wraps wide characters by columns', () => {
    expect(wrap('a · b  ', 20)).toBe('a · b  ');
    expect(wrap('寿司'.repeat(10), 10).split('\n')).toEqual(['寿司寿司寿', '司寿司寿司', '寿司寿司寿', '司寿司寿司']);
  });
});

describe('code blocks (QA: a config line reflowed like prose)', () => {
  const config = 'server s1 10.0.0.1:443 ssl verify required ca-file /etc/ssl/ca.pem check inter 2s';
  it.each([
    ['a fenced block', `\`\`\`\n${config}\n    indented\n\`\`\`\n`, '  '],
    ['a block inside a list item', `- item\n\n  \`\`\`\n  ${config}\n  \`\`\`\n`, '      '],
  ])('is never reflowed: a line wider than the terminal is cut with …, shorter ones kept (%s)', (_, md, indent) => {
    const out = renderMarkdown(md, plain(60)).split('\n');
    const line = out.find((l) => l.includes('server s1'))!;
    expect(line.startsWith(`${indent}server s1 10.0.0.1:443 ssl verify`)).toBe(true);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBe(60);
    expect(out.some((l) => l.includes('/etc/ssl/ca.pem') && !l.includes('server'))).toBe(false);
    expect(renderMarkdown(md, plain(120))).toContain(`${indent}${config}\n`);
  });

  it('keeps a code line\'s colons and leading spaces', () => {
    expect(renderMarkdown('```\nkey: value\n    nested: 1\n```', plain(60))).toBe('  key: value\n      nested: 1\n');
  });
});
