// The pre-parsed content index: used only while the files match, whatever their modification times.
import { cpSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listMarkdown, readFreshIndex } from '../../../src/content/index-file.js';
import { builtInContentDir } from '../../../src/paths.js';
import { buildIndex } from '../../../scripts/build-index.js';
import { tempDir } from '../../support/cli.js';

const dir = tempDir();
afterAll(() => dir.remove());
const content = join(dir.path, 'content');
const index = join(dir.path, 'content-index.json');
cpSync(builtInContentDir(), content, { recursive: true });
expect(await buildIndex(content, index)).toBe(0);

describe('content index', () => {
  it('is fresh for the files it was made from', () => {
    const questions = readFreshIndex(index, content)!;
    expect(questions.map((q) => q.id)).toContain('session-persistence');
    // Files are recorded relative to the content folder, wherever that is.
    expect(questions.find((q) => q.id === 'session-persistence')!.file).toBe(join('load-balancing', 'session-persistence.md'));
  });

  it('stays fresh when only modification times change (npm pack resets them)', () => {
    const old = new Date('1985-10-26T08:15:00Z');
    for (const f of listMarkdown(content)) utimesSync(f, old, old);
    expect(readFreshIndex(index, content)).toBeDefined();
  });

  it('is stale once a file changes, even at the same size', () => {
    const f = join(content, 'load-balancing', 'session-persistence.md');
    const text = readFileSync(f, 'utf8');
    writeFileSync(f, text.replace('Session persistence', 'Session Persistence'));
    expect(readFreshIndex(index, content)).toBeUndefined();
    writeFileSync(f, text);
    expect(readFreshIndex(index, content)).toBeDefined();
  });

  it('is stale when a file is added', () => {
    writeFileSync(join(content, 'load-balancing', 'extra.md'), '---\n---\n');
    expect(readFreshIndex(index, content)).toBeUndefined();
  });
});
