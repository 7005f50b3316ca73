// The "Retake exactly this quiz:" line is a command to copy: a seed typed with shell syntax or
// escape sequences is shell-quoted and never reaches the terminal raw.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/quiz.js';
import { question } from './fixtures.js';
import { context, scripted, tempHome } from './harness.js';

let home: string;
beforeEach(() => (home = tempHome()));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('the retake line', () => {
  it.each([
    ['x; rm -rf ~', "--seed 'x; rm -rf ~'"],
    ['7\u001b]52;c;cm0gLXJmIH4=\u0007', "--seed $'7\\x1b]52;c;cm0gLXJmIH4=\\x07'"],
    ['42', '--seed 42'],
  ])('seed %j is printed as %s', async (seed, printed) => {
    const { ctx, stdout } = context(home);
    const q = question('q1', { deck: 'd1', tags: ['alpha'], quiz: ['a'] });
    await run({ question: 'q1', count: 1, seed }, ctx, { prompter: scripted([{ select: 0 }, { key: 'return' }]), questions: [q] });
    const text = stdout.text();
    // The line may wrap at the terminal width: join it back.
    expect(text.replace(/ \\\n/g, '\n').replace(/ *\n */g, ' ')).toContain(`Retake exactly this quiz: prepdeck quiz --question q1 --count 1 ${printed}`);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]|\u001b\]/);
  });
});

describe('the retake line reproduces the quiz exactly, or is not printed (QA)', () => {
  const q = question('q1', { deck: 'caching', tags: ['alpha'], quiz: ['a'] });
  const answer = () => scripted([{ select: 0 }, { key: 'return' }]);

  it.each([
    [{ content: 'out' }, 'prepdeck --content out quiz --deck caching --count 1 --seed 7'],
    [{ content: ['out', 'my notes'] }, "prepdeck --content out --content 'my notes' quiz --deck caching --count 1 --seed 7"],
  ])('names the --content folders the quiz came from (%j)', async (args, printed) => {
    const { ctx, stdout } = context(home);
    await run({ ...args, deck: 'caching', count: 1, seed: '7' }, ctx, { prompter: answer(), questions: [q] });
    expect(stdout.text().replace(/ \\\n/g, '\n').replace(/ *\n */g, ' ')).toContain(`Retake exactly this quiz: ${printed}`);
  });

  it('is left out for a selection no flag names (the items I missed)', async () => {
    const { ctx, stdout } = context(home);
    await run({ count: 1, selection: true }, ctx, { prompter: answer(), questions: [q] });
    expect(stdout.text()).toContain('Quiz finished');
    expect(stdout.text()).not.toContain('Retake');
  });
});
