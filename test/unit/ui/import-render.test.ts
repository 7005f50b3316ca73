import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../../src/commands/import-files.js';
import { type ImportRow, progressLine, renderSummary, truncateLeft } from '../../../src/ui/import-render.js';
import { memoryOutput } from '../../../src/ui/terminal.js';

describe('globToRegExp', () => {
  it.each<[string, string, boolean]>([
    ['*.txt', 'caching-q2.txt', true],
    ['*.txt', 'caching-q2.md', false],
    ['*.txt', 'dir/caching-q2.txt', false],
    ['**/*.txt', 'a/b/c.txt', true],
    ['**/*.txt', 'c.txt', true],
    ['q?.txt', 'q1.txt', true],
    ['q?.txt', 'q10.txt', false],
    ['*.{txt,md}', 'x.md', true],
    ['*.{txt,md}', 'x.doc', false],
    ['a+b(1).txt', 'a+b(1).txt', true],
  ])('%s matches %s: %s', (glob, path, ok) => expect(globToRegExp(glob).test(path)).toBe(ok));
});

const rows: ImportRow[] = [
  { file: 'caching/caching-q2.txt', target: 'caching/caching-q2', action: 'updated', cards: 8, quiz: 4, notes: ['1 lightly edited item(s) kept their ids', '2 item(s) retired (source gone; progress kept)'] },
  { file: 'a/very/long/folder/name/that/goes/on/and/on/queues-q1.txt', target: 'queues/queues-q1', action: 'new', cards: 12, quiz: 11, notes: [] },
  { file: 'broken/caching-q9.txt\u001b[31m', notes: [], failed: "line 8: missing section 'Detailed Answer'" },
];

describe('renderSummary', () => {
  it.each([40, 60, 80, 100, 120])('fits %i columns, names every document and the failure', (columns) => {
    const text = renderSummary(rows, memoryOutput({ columns }));
    for (const line of text.split('\n')) expect([...line].length).toBeLessThan(columns);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('queues-q1.txt');
    expect(flat).toContain("missing section 'Detailed Answer'");
    expect(flat).toContain('2 documents imported: 20 cards, 15 quiz items; 1 not imported.');
    expect(text).not.toContain('\u001b');
  });

  it('names a document whole when the notes column is empty and there is room (QA: …-draining.txt at 80 columns)', () => {
    const plain: ImportRow[] = [
      { file: 'connection-draining.txt', target: 'load-balancing/load-balancing-q9', action: 'new', cards: 8, quiz: 2, notes: [] },
      { file: 'session-persistence.txt', target: 'load-balancing/load-balancing-q4', action: 'new', cards: 9, quiz: 2, notes: [] },
    ];
    const text = renderSummary(plain, memoryOutput({ columns: 80 }));
    expect(text).toMatch(/^connection-draining\.txt +load-balancing\/load-balancing-q9 +8 +2$/m);
    expect(text).toMatch(/^Document +Question +Cards +Quiz +Notes$/m);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThan(80);
  });

  it('a table when there is room', () => {
    expect(renderSummary(rows, memoryOutput({ columns: 100 }))).toMatch(/^Document\s+Question\s+Cards\s+Quiz\s+Notes$/m);
  });
});

describe('progress line and left truncation', () => {
  it.each([20, 40, 80])('fits %i columns', (columns) => {
    const line = progressLine(3, 12, 'caching/a-rather-long-document-name.txt', columns);
    expect([...line].length).toBeLessThan(columns);
    expect(line).toContain('3/12');
  });

  it.each([
    ['caching/caching-q2.txt', 12, '…hing-q2.txt'],
    ['short.txt', 12, 'short.txt'],
  ])('truncateLeft(%s, %i)', (text, width, out) => expect(truncateLeft(text, width)).toBe(out));
});

describe('summary layout (QA: paths split mid-word, ids cut)', () => {
  const failedWrite: ImportRow[] = [
    { file: 'caching/caching-q1.txt', notes: [], failed: 'cannot write /tmp/qa/out/caching/caching-q1.md (the disk is full)' },
    { file: 'load-balancing/load-balancing-q4.txt', target: 'load-balancing/load-balancing-q4', action: 'new', cards: 10, quiz: 5, notes: [] },
  ];

  const shortIds: ImportRow[] = [
    { file: 'caching/caching-q1.txt', notes: [], failed: 'cannot write /tmp/qa/out/caching/caching-q1.md (the disk is full)' },
    { file: 'caching/caching-q2.txt', target: 'caching/caching-q2', action: 'new', cards: 8, quiz: 4, notes: [] },
  ];
  it.each([
    [60, failedWrite],
    [80, failedWrite],
    [100, failedWrite],
    [60, shortIds],
    [80, shortIds],
    [100, shortIds],
  ])('at %i columns no path is split and the question id is whole', (columns, rows) => {
    const text = renderSummary(rows, memoryOutput({ columns }));
    for (const line of text.split('\n')) expect([...line].length).toBeLessThan(columns);
    expect(text).toContain('/tmp/qa/out/caching/caching-q1.md');
    expect(text).toContain(rows[1]!.target);
  });

  it('a path longer than the line is the only thing ever cut', () => {
    const long = '/x/' + 'deep/'.repeat(30) + 'q1.md';
    const text = renderSummary([{ file: 'a.txt', notes: [], failed: `cannot write ${long} (the disk is full)` }], memoryOutput({ columns: 80 }));
    for (const line of text.split('\n')) expect([...line].length).toBeLessThan(80);
    expect(text.replace(/\s+/g, '')).toContain(long);
  });
});
