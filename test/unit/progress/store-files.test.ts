// The store's file layer: durable writes, careful reads, the lock's non-blocking form, error wording.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, UsageError, UserError } from '../../../src/errors.js';
import { MAX_READ_BYTES, readRegularFile, writeFileDurably } from '../../../src/progress/store/files.js';
import { dataFileError, folderError, fsReason, isStorageFailure, TOO_LARGE } from '../../../src/progress/store/fs-errors.js';
import { FileLock } from '../../../src/progress/store/lock.js';
import { besidePath, lockPathFor, tempPrefixFor } from '../../../src/progress/store/paths.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'prepdeck-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const errorOf = (run: () => unknown): NodeJS.ErrnoException => {
  try {
    run();
  } catch (err) {
    return err as NodeJS.ErrnoException;
  }
  throw new Error('expected an error');
};

describe('writeFileDurably', () => {
  it('replaces the file and leaves no temporary file', () => {
    const file = join(dir, 'progress.json');
    writeFileSync(file, 'old');
    writeFileDurably(file, 'new ✓');
    expect(readFileSync(file, 'utf8')).toBe('new ✓');
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('keeps the mode of the file it replaces', () => {
    const file = join(dir, 'progress.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    writeFileDurably(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link, which stays a link', () => {
    const real = join(dir, 'real.json');
    const link = join(dir, 'progress.json');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    writeFileDurably(link, 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['progress.json', 'real.json']);
  });

  it('replace: false never replaces an existing file (EEXIST), and removes its temporary file', () => {
    const file = join(dir, 'copy.json');
    writeFileSync(file, 'mine');
    expect(errorOf(() => writeFileDurably(file, 'other', { replace: false })).code).toBe('EEXIST');
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(readdirSync(dir)).toEqual(['copy.json']);
    writeFileDurably(join(dir, 'new.json'), 'fresh', { replace: false });
    expect(readFileSync(join(dir, 'new.json'), 'utf8')).toBe('fresh');
  });

  it('a failed rename (the target is a folder) leaves the folder as it was and no temporary file', () => {
    const target = join(dir, 'progress.json');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'x');
    expect(['EISDIR', 'ENOTEMPTY', 'EEXIST']).toContain(errorOf(() => writeFileDurably(target, 'data')).code);
    expect(readdirSync(dir)).toEqual(['progress.json']);
    expect(readdirSync(target)).toEqual(['inside']);
  });

  it('its temporary files share the prefix the store cleans at start', () => {
    expect(tempPrefixFor(join(dir, 'progress.json'))).toBe('progress.json.tmp-');
    expect(lockPathFor('/x/progress.json')).toBe('/x/progress.json.lock');
  });
});

describe('readRegularFile', () => {
  it('drops a UTF-8 byte-order mark and nothing else', () => {
    const file = join(dir, 'p.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"\ufeff"}')]));
    expect(readRegularFile(file)).toBe('{"a":"\ufeff"}');
  });

  it('refuses a device and a folder (FIFOs: test/e2e/progress-files.test.ts)', () => {
    expect(errorOf(() => readRegularFile('/dev/zero')).code).toBe('EPREPDECK_NOT_REGULAR');
    expect(errorOf(() => readRegularFile(dir)).code).toBe('EISDIR');
  });

  it('refuses a file over the limit (a sparse file: no disk used)', () => {
    const file = join(dir, 'big.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_READ_BYTES + 1);
    const err = errorOf(() => readRegularFile(file, MAX_READ_BYTES));
    expect(err.code).toBe(TOO_LARGE);
    expect(fsReason(err)).toBe('it is larger than 64 MB');
    truncateSync(file, 10);
    expect(readRegularFile(file, MAX_READ_BYTES)).toHaveLength(10);
  });

  it('reports a symbolic link loop as ELOOP', () => {
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    const err = errorOf(() => readRegularFile(join(dir, 'a')));
    expect(err.code).toBe('ELOOP');
    expect(fsReason(err)).toMatch(/symbolic link that loops/);
  });
});

describe('error wording and exit codes', () => {
  const errno = (code: string) => Object.assign(new Error(code), { code });

  it.each([
    ['ENOSPC', 'the disk is full', true],
    ['EDQUOT', 'the disk quota is used up', true],
    ['EIO', 'an input/output error', true],
    ['EROFS', 'the file system is read-only', false],
    ['EACCES', 'permission denied', false],
    ['ELOOP', 'symbolic link that loops', false],
  ])('%s: "%s"; a storage failure: %s', (code, words, storage) => {
    expect(fsReason(errno(code))).toContain(words);
    expect(isStorageFailure(errno(code))).toBe(storage);
    const err = dataFileError(errno(code), '/p/progress.json', 'write');
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(ExitCode.invalidContent);
    expect(err.message).toContain(`cannot write /p/progress.json: ${fsReason(errno(code))}. This change was not saved; your progress file keeps everything saved before it.`);
    expect(err.message).toContain(storage ? 'Free some space' : 'check the file and its folder');
  });

  it('errors that are not about a file pass through unchanged', () => {
    const bug = new TypeError('x');
    expect(dataFileError(bug, '/p', 'write')).toBe(bug);
    expect(folderError(bug, '/p', {})).toBe(bug);
  });

  it('a progress folder on a full disk is exit 4, a bad PREPDECK_HOME exit 2', () => {
    expect((folderError(errno('ENOSPC'), '/p', {}) as UserError).exitCode).toBe(ExitCode.invalidContent);
    expect(folderError(errno('EROFS'), '/p', { PREPDECK_HOME: '/p' })).toBeInstanceOf(UsageError);
  });

  it('besidePath picks a free name', () => {
    const file = join(dir, 'progress.json');
    const at = new Date('2024-05-01T10:20:30.456Z');
    const first = besidePath(file, 'corrupt', at);
    expect(first).toBe(join(dir, 'progress.corrupt-2024-05-01T10-20-30-456Z.json'));
    writeFileSync(first, '');
    expect(besidePath(file, 'corrupt', at)).toBe(join(dir, 'progress.corrupt-2024-05-01T10-20-30-456Z-1.json'));
  });
});

describe('FileLock', () => {
  it('tryHold runs under a free lock and removes it after', () => {
    const lock = new FileLock(join(dir, 'x.lock'), 50);
    expect(lock.tryHold(() => existsSync(join(dir, 'x.lock')))).toBe(true);
    expect(existsSync(join(dir, 'x.lock'))).toBe(false);
  });

  it('tryHold does not wait for a live holder and leaves its lock alone', () => {
    writeFileSync(join(dir, 'x.lock'), `${process.ppid}\n`);
    const lock = new FileLock(join(dir, 'x.lock'), 50);
    expect(lock.tryHold(() => 'ran')).toBeUndefined();
    expect(readFileSync(join(dir, 'x.lock'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('tryHold takes over the lock of a dead process; nested holds do not re-lock', () => {
    writeFileSync(join(dir, 'x.lock'), '999999\n');
    const lock = new FileLock(join(dir, 'x.lock'), 50);
    expect(lock.tryHold(() => lock.hold(() => readFileSync(join(dir, 'x.lock'), 'utf8')))).toBe(`${process.pid}\n`);
  });

  it('an empty lock (its holder killed before writing its pid) is taken over after a second, not before', () => {
    const path = join(dir, 'x.lock');
    writeFileSync(path, '');
    const lock = new FileLock(path, 50);
    expect(lock.tryHold(() => 'ran')).toBeUndefined(); // just created: its holder may be writing the pid now
    const old = new Date(Date.now() - 5_000);
    utimesSync(path, old, old);
    expect(lock.tryHold(() => 'ran')).toBe('ran');
    expect(existsSync(path)).toBe(false);
  });

  it('a lock that cannot be created is a data-file error naming it', () => {
    const lock = new FileLock(join(dir, 'missing', 'x.lock'), 50);
    const err = errorOf(() => lock.hold(() => 1));
    expect(err).toBeInstanceOf(UserError);
    expect(err.message).toContain(`cannot create ${join(dir, 'missing', 'x.lock')}: no such file or folder`);
  });
});
