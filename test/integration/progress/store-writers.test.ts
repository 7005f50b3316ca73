// Several processes writing progress through the store at once (integration: child processes).
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/cli.js';
import { bundleScript } from '../../support/bundle.js';

let dir: ReturnType<typeof tempDir>;
let home: string;
beforeEach(() => {
  dir = tempDir('prepdeck-store-');
  home = dir.path;
});
afterEach(() => dir.remove());

describe('two processes at once', () => {
  it('parallel writers lose no answer', async () => {
    const out = join(home, 'bin');
    mkdirSync(out);
    await bundleScript(fileURLToPath(new URL('./writer.ts', import.meta.url)), join(out, 'writer.mjs'));
    const data = join(home, 'data');
    const perWriter = 150;
    const run = (name: string) =>
      new Promise<number | null>((done) => {
        const child = spawn(process.execPath, [join(out, 'writer.mjs'), data, name, String(perWriter)], { stdio: ['ignore', 'inherit', 'inherit'] });
        child.on('close', done);
      });
    const codes = await Promise.all([run('one'), run('two'), run('three')]);
    expect(codes).toEqual([0, 0, 0]);
    const doc = JSON.parse(readFileSync(join(data, 'progress.json'), 'utf8')) as { quiz: { id: string; attempt: string }[] };
    expect(doc.quiz).toHaveLength(3 * perWriter);
    expect(new Set(doc.quiz.map((a) => a.id)).size).toBe(3 * perWriter);
    for (const name of ['one', 'two', 'three']) {
      // Each writer's answers are all there, in the order it wrote them.
      expect(doc.quiz.filter((a) => a.attempt === name).map((a) => a.id)).toEqual(Array.from({ length: perWriter }, (_, i) => `${name}-${i}`));
    }
    expect(readdirSync(data).sort()).toEqual(['progress.json']);
  }, 60_000);
});
