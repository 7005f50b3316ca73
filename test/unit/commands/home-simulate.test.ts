// A simulation run from the menu is held like every menu result (ui/hold.ts): printed and held until
// a key when it fits, in the scroll view when taller than the terminal, and both say where the key
// goes back to (QA: run from an answer, it said "back to the menu" and the scroll view "close").
import { describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import { showSimulation } from '../../../src/commands/home-simulate.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { displayWidth } from '../../../src/ui/text.js';
import { scripted, type Step } from '../quiz/harness.js';

function setup(rows: number, steps: Step[]) {
  const stdout = memoryOutput({ isTTY: true, columns: 80, rows });
  const ctx: Context = { stdout, stderr: memoryOutput(), env: {}, interactive: true, now: () => new Date('2024-03-01T09:00:00.000Z') };
  const prompter = scripted(steps);
  const hints: (string | undefined)[] = [];
  const pager = prompter.pager!;
  prompter.pager = async (opts) => {
    hints.push(opts.closeHint);
    await pager(opts);
  };
  return { ctx, stdout, prompter, hints };
}

describe('showSimulation', () => {
  it.each([
    ['from the menu', undefined, /^Enter: back to the menu$/],
    ['from an answer', 'Enter: back to the answer', /^Enter: back to the answer$/],
  ])('%s: a run that fits is printed and held until a key', async (_from, hold, message) => {
    const { ctx, stdout, prompter, hints } = setup(500, [{ key: 'return', message }]);
    await showSimulation('--scenario seed-example', ctx, prompter, hold);
    expect(prompter.left()).toBe(0);
    expect(stdout.text()).toContain('Scenario seed-example');
    expect(hints).toEqual([]);
  });

  it.each([
    ['from the menu', undefined, 'back to the menu'],
    ['from an answer', 'Enter: back to the answer', 'back to the answer'],
  ])('%s: a run taller than the terminal opens in the scroll view, whose q says where it goes back to', async (_from, hold, closeHint) => {
    const { ctx, stdout, prompter, hints } = setup(10, [{ pager: true }]);
    await showSimulation('--scenario seed-example', ctx, prompter, hold);
    expect(prompter.left()).toBe(0);
    expect(stdout.text()).toBe('');
    expect(hints).toEqual([closeHint]);
  });

  it('in the scroll view, a resized terminal gets the run laid out again for its new width', async () => {
    const { ctx, prompter } = setup(10, [{ pager: true }]);
    let again: ((columns: number) => unknown) | undefined;
    const pager = prompter.pager!;
    prompter.pager = async (opts) => {
      again = opts.render;
      await pager(opts);
    };
    await showSimulation('--scenario seed-example', ctx, prompter);
    const page = (await again!(44)) as { lines: string[] };
    expect(page.lines.join('\n')).toContain('Scenario seed-example');
    expect(page.lines.filter((l) => displayWidth(l) > 44)).toEqual([]);
    expect(Math.max(...page.lines.map(displayWidth))).toBeGreaterThan(30);
  });

  it('--step: the walk, then the same key to go back', async () => {
    const { ctx, stdout, prompter } = setup(40, [{ key: 'q' }, { key: 'return', message: /^Enter: back to the answer$/ }]);
    await showSimulation('--scenario seed-example --step', ctx, prompter, 'Enter: back to the answer');
    expect(prompter.left()).toBe(0);
    expect(stdout.text()).toContain('Summary');
  });
});
