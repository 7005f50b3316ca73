// Results printed inside the home menu stay on screen until a key (QA: progress, the quiz summary
// and a detailed answer scrolled away under the menu).
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as quiz } from '../../../src/commands/quiz.js';
import { showText } from '../../../src/ui/hold.js';
import type { PagerOptions } from '../../../src/ui/prompts.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { question } from '../quiz/fixtures.js';
import { context, scripted, tempHome } from '../quiz/harness.js';

describe('showText', () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n') + '\n';

  it('opens text taller than the terminal in the scroll view, printing nothing', async () => {
    const stdout = memoryOutput({ rows: 10 });
    const prompter = scripted([{ pager: true }]);
    await showText(lines(30), { stdout }, prompter, { wait: true });
    expect(prompter.left()).toBe(0);
    expect(stdout.text()).toBe('');
  });

  it('gives the scroll view the text again for another width (a resized terminal), as lines', async () => {
    const stdout = memoryOutput({ rows: 10 });
    const prompter = scripted([{ pager: true }]);
    const seen: PagerOptions[] = [];
    const pager = prompter.pager!;
    prompter.pager = async (opts) => {
      seen.push(opts);
      await pager(opts);
    };
    const render = (columns: number) => lines(30).replaceAll('line', `at ${columns}:`);
    await showText(render(80), { stdout }, prompter, { render });
    expect(await seen[0]!.render!(40)).toEqual({ lines: render(40).trimEnd().split('\n') });
  });

  it('prints text that fits and, when asked, waits for a key', async () => {
    const stdout = memoryOutput({ rows: 10 });
    const prompter = scripted([{ key: 'return', message: /back to the menu/ }]);
    await showText(lines(5), { stdout }, prompter, { wait: true });
    expect(prompter.left()).toBe(0);
    expect(stdout.text()).toBe(lines(5));
    await showText(lines(5), { stdout }, scripted([]));
  });
});

describe('the quiz', () => {
  let home: string;
  beforeEach(() => (home = tempHome()));
  afterEach(() => rmSync(home, { recursive: true, force: true }));
  const long = { ...question('q1', { quiz: ['a'] }) };
  long.answers = { ...long.answers, detailed: Array.from({ length: 80 }, (_, i) => `Paragraph ${i}.`).join('\n\n') };

  it('opens a detailed answer taller than the terminal in the scroll view; `a` then names the depth last asked for', async () => {
    const { ctx, stdout } = context(home);
    const prompter = scripted([{ select: 0 }, { key: 'd', message: /a: the answer \(brief\)/ }, { pager: true }, { key: 'return', message: /a: the answer \(detailed\)/ }]);
    await quiz({ question: 'q1', count: 1, seed: '1' }, ctx, { prompter, questions: [long] });
    expect(prompter.left()).toBe(0);
    expect(stdout.text()).not.toContain('Paragraph 40.');
    expect(stdout.text()).toContain('Quiz finished');
  });

  it('inside the menu, the summary waits for a key before the menu comes back', async () => {
    const { ctx, stdout } = context(home);
    const prompter = scripted([{ select: 0 }, { key: 'return' }, { key: 'return', message: /Enter: back to the menu/ }]);
    await quiz({ question: 'q1', count: 1, seed: '1', hold: 'Enter: back to the menu' }, ctx, { prompter, questions: [long] });
    expect(prompter.left()).toBe(0);
    expect(stdout.text()).toContain('Score: ');
  });
});
