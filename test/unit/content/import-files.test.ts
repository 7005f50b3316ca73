// The file side of `import` against a real temp folder: inputs found, documents read with limits,
// targets checked for links, writes all-or-nothing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOutputFolder, collectInputs, ImportFailure, MAX_DOCUMENT_BYTES, naturalCompare, readDocument, targetIn, writeAtomically } from '../../../src/commands/import-files.js';
import { cardCount, conversionFailure, failureMessage } from '../../../src/commands/import.js';
import { NotFoundError, UsageError } from '../../../src/errors.js';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'prepdeck-import-files-'));
  made.push(d);
  return d;
}

describe('collectInputs', () => {
  it('finds matching files recursively, sorted, skipping dot-folders; files given are taken as they are', () => {
    const d = dir();
    mkdirSync(join(d, 'b', 'deep'), { recursive: true });
    mkdirSync(join(d, '.git'));
    for (const f of ['a.txt', 'b/z.txt', 'b/deep/y.txt', 'b/notes.md', '.git/x.txt']) writeFileSync(join(d, f), 'x');
    symlinkSync(d, join(d, 'b', 'loop')); // a link back up: not followed
    expect(collectInputs([d], '*.txt').map((i) => i.shown)).toEqual(['a.txt', join('b', 'deep', 'y.txt'), join('b', 'z.txt')]);
    expect(collectInputs([d], 'b/**/*.txt').map((i) => i.shown)).toEqual([join('b', 'deep', 'y.txt'), join('b', 'z.txt')]);
    expect(collectInputs([join(d, 'b', 'notes.md'), d], '*.md').map((i) => i.file)).toEqual([join(d, 'b', 'notes.md')]);
  });

  it('a missing path or a folder without matches is not found', () => {
    const d = dir();
    expect(() => collectInputs([join(d, 'nope')], '*.txt')).toThrow(NotFoundError);
    expect(() => collectInputs([d], '*.txt')).toThrow(/No files matching '\*\.txt'/);
  });
});

describe('readDocument', () => {
  it.each<[string, string | Buffer, RegExp | string]>([
    ['plain.txt', 'Caching Q1: hello', 'Caching Q1: hello'],
    ['bom-less utf8.txt', 'caf\u00e9 \u2014 “quoted”', 'caf\u00e9 \u2014 “quoted”'],
    ['binary.txt', Buffer.from([0x41, 0x00, 0x42]), /binary/],
    ['latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]), /not UTF-8/],
    ['big.txt', 'x'.repeat(MAX_DOCUMENT_BYTES + 1), /larger than 1 MB/],
  ])('%s', (name, content, expected) => {
    const file = join(dir(), name);
    writeFileSync(file, content);
    if (typeof expected === 'string') expect(readDocument(file)).toBe(expected);
    else expect(() => readDocument(file)).toThrow(expected);
  });

  it('a folder, a device or a missing file is an import failure with a reason', () => {
    expect(() => readDocument(dir())).toThrow(/not a regular file \(a folder\)/);
    expect(() => readDocument('/dev/null')).toThrow(/not a regular file \(a device\)/);
    expect(() => readDocument(join(dir(), 'gone.txt'))).toThrow(ImportFailure);
  });
});

describe('output folder and targets', () => {
  it('--out naming a file is a usage error; a folder or a new path is fine', () => {
    const d = dir();
    writeFileSync(join(d, 'f'), 'x');
    expect(() => checkOutputFolder(join(d, 'f'))).toThrow(UsageError);
    expect(() => checkOutputFolder(d)).not.toThrow();
    expect(() => checkOutputFolder(join(d, 'new'))).not.toThrow();
  });

  it('refuses a deck folder or a target that is a symbolic link, or a target that is not a file', () => {
    const d = dir();
    const outside = dir();
    mkdirSync(join(d, 'out'));
    symlinkSync(outside, join(d, 'out', 'caching'));
    expect(() => targetIn(join(d, 'out'), 'caching', 'caching-q1')).toThrow(/symbolic link/);
    mkdirSync(join(d, 'out', 'queues'));
    symlinkSync(join(outside, 'x.md'), join(d, 'out', 'queues', 'queues-q1.md'));
    expect(() => targetIn(join(d, 'out'), 'queues', 'queues-q1')).toThrow(/symbolic link/);
    mkdirSync(join(d, 'out', 'queues', 'queues-q2.md'));
    expect(() => targetIn(join(d, 'out'), 'queues', 'queues-q2')).toThrow(/not a regular file/);
    expect(targetIn(join(d, 'out'), 'queues', 'queues-q3')).toEqual({ path: join(d, 'out', 'queues', 'queues-q3.md'), exists: false });
  });

  it('writes all or nothing and leaves no temp file behind', () => {
    const d = dir();
    const target = join(d, 'out', 'deck', 'q.md');
    writeAtomically(target, 'one');
    writeAtomically(target, 'two');
    expect(readFileSync(target, 'utf8')).toBe('two');
    expect(readdirSync(join(d, 'out', 'deck'))).toEqual(['q.md']);
    // A target that cannot be replaced (a folder there): a failure, the folder untouched, no temp file.
    mkdirSync(join(d, 'out', 'deck', 'r.md'));
    expect(() => writeAtomically(join(d, 'out', 'deck', 'r.md'), 'x')).toThrow(ImportFailure);
    expect(readdirSync(join(d, 'out', 'deck')).sort()).toEqual(['q.md', 'r.md']);
  });
});

describe('natural order of documents', () => {
  it.each([
    [['c10.txt', 'c2.txt', 'c1.txt', 'c11.txt'], ['c1.txt', 'c2.txt', 'c10.txt', 'c11.txt']],
    [['caching-q10.txt', 'caching-q9.txt', 'caching-q1.txt'], ['caching-q1.txt', 'caching-q9.txt', 'caching-q10.txt']],
    [['b.txt', 'B.txt', 'a.txt'], ['a.txt', 'b.txt', 'B.txt']],
  ])('%j -> %j', (names, sorted) => expect([...names].sort(naturalCompare)).toEqual(sorted));

  it('folders are walked in natural order', () => {
    const d = dir();
    for (const n of [10, 2, 1, 11]) writeFileSync(join(d, `c${n}.txt`), 'x');
    expect(collectInputs([d], '*.txt').map((i) => i.shown)).toEqual(['c1.txt', 'c2.txt', 'c10.txt', 'c11.txt']);
  });
});

describe('closing message and card count', () => {
  it.each([
    [1, 1, 'The document could not be imported (see above).'],
    [3, 3, 'None of the 3 documents could be imported (see above).'],
    [1, 2, '1 of 2 documents could not be imported (see above); the other one was.'],
    [2, 7, '2 of 7 documents could not be imported (see above); the other 5 were.'],
  ])('%i of %i failed', (failed, total, message) => expect(failureMessage(failed, total)).toBe(message));

  it('the question card counts: a document with no lists has one card', () => expect(cardCount(0)).toBe(1));
});

describe('a converted question that would not validate', () => {
  it('names the derived item, not a file that was never written', () => {
    const err = conversionFailure([{ file: '/tmp/qa/out/storage/storage-q1.md', line: 58, message: "quiz item 'which-benefits-2': duplicate option 'Availability'" }]);
    expect(err).toBeInstanceOf(ImportFailure);
    expect(err.message).toContain("quiz item 'which-benefits-2': duplicate option 'Availability'");
    expect(err.message).not.toMatch(/\.md|:58/);
  });
});
