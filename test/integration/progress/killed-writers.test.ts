// kill -9 in the middle of saving, again and again: the file is always valid JSON holding an
// unbroken run of the killed writer's answers, and what the killed process left (a temporary
// file, its lock) is cleaned up by the next start without a notice. (Integration: child processes.)
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addQuizAnswer } from '../../../src/progress/model.js';
import { openStore } from '../../../src/progress/store.js';
import { tempDir } from '../../support/cli.js';
import { bundleScript } from '../../support/bundle.js';

let dir: ReturnType<typeof tempDir>;
let writer: string;
beforeAll(async () => {
  dir = tempDir('prepdeck-kill-');
  writer = join(dir.path, 'bin', 'endless-writer.mjs');
  mkdirSync(join(dir.path, 'bin'));
  await bundleScript(fileURLToPath(new URL('./endless-writer.ts', import.meta.url)), writer);
});
afterAll(() => dir.remove());

/** Starts a writer, waits until it has saved a few answers, lets it run a random moment longer, kills it. */
function runAndKill(home: string, name: string): Promise<string | null> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [writer, home, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 25)));
    child.on('error', fail);
    child.on('close', (_code, signal) => done(signal));
  });
}

describe('kill -9 while saving', () => {
  it('never leaves a broken file, and the next start cleans up after the killed process', async () => {
    const home = join(dir.path, 'home');
    const kept: string[] = [];
    for (let round = 0; round < 12; round++) {
      const name = `w${round}`;
      expect(await runAndKill(home, name)).toBe('SIGKILL');
      const doc = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { quiz: { id: string; attempt: string }[] };
      const mine = doc.quiz.filter((a) => a.attempt === name).map((a) => a.id);
      expect(mine.length).toBeGreaterThanOrEqual(4); // "ready" came after the fourth save
      expect(mine).toEqual(mine.map((_, i) => `${name}-${i}`)); // an unbroken run, no gaps
      expect(doc.quiz.filter((a) => a.attempt !== name).map((a) => a.id)).toEqual(kept); // earlier rounds intact
      kept.push(...mine);

      const notices: string[] = [];
      const store = await openStore({ env: { PREPDECK_HOME: home }, now: () => new Date(), warn: (l) => notices.push(l) });
      expect(notices).toEqual([]);
      expect(readdirSync(home).filter((f) => f.includes('.tmp-'))).toEqual([]);
      store.update((d) => d); // a lock the killed writer may have held is taken over
      expect(readdirSync(home)).toEqual(['progress.json']);
    }
    // Sanity: the loop above really wrote something each round and the store still takes answers.
    const store = await openStore({ env: { PREPDECK_HOME: home }, now: () => new Date(), warn: () => undefined });
    store.update((d) => addQuizAnswer(d, { id: 'last', at: new Date().toISOString(), attempt: 'x', scope: 'all', deck: 'd', question: 'q', key: 'q/last', correct: true }));
    expect(store.read().quiz).toHaveLength(kept.length + 1);
  }, 60_000);
});
