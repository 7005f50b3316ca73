// The checkbox prompt keeps inquirer's checkbox keys (space, a, i, numbers, ↑↓ and j/k, Enter) and
// lays its message, labels and key help out at every redraw for the width then, redrawing at once on
// a resize (QA: a quiz's multi-answer item opened at 100 columns, resized to 50, broke mid-word).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkboxPrompt, onEnter, retick, type CheckboxLayout } from '../../../src/ui/checkbox-prompt.js';
import { eraseAbove } from '../../../src/ui/list-prompt.js';
import { layoutForPrompt } from '../../../src/ui/prompts.js';
import { displayWidth } from '../../../src/ui/text.js';
import { FakeTerminal, screenSince, tick } from '../../support/fake-terminal.js';
import { layoutProblems, vocabulary } from '../../support/screen.js';

describe('retick', () => {
  it.each([
    ['space ticks the cursor entry', [false, false, false], 'space', 1, [false, true, false]],
    ['space unticks it', [false, true, false], 'space', 1, [false, false, false]],
    ['a ticks all when some are not', [true, false, true], 'a', 0, [true, true, true]],
    ['a unticks all when all are', [true, true, true], 'a', 0, [false, false, false]],
    ['i inverts', [true, false, false], 'i', 0, [false, true, true]],
  ])('%s', (_why, ticked, name, active, want) => {
    expect(retick(ticked, { name }, active)).toEqual(want);
  });

  it('another key ticks nothing', () => {
    expect(retick([true], { name: 'x' }, 0)).toBeUndefined();
  });
});

describe('onEnter', () => {
  it.each([
    ['something ticked: submit', [true, false], 'Nothing ticked.', false, 'submit'],
    ['nothing ticked, a warning: warn first', [false, false], 'Nothing ticked.', false, 'warn'],
    ['nothing ticked, warned already: submit', [false, false], 'Nothing ticked.', true, 'submit'],
    ['nothing ticked, no warning: submit', [false, false], undefined, false, 'submit'],
  ] as const)('%s', (_why, ticked, confirmEmpty, warned, want) => {
    expect(onEnter(ticked, confirmEmpty, warned)).toBe(want);
  });
});

const OPTIONS = [
  'The load balancer keeps a table of which backend served each client session',
  'A cookie set by the load balancer names the backend that should serve the client',
  'Hashing the client address sends the same client to the same backend while the pool is unchanged',
];
const MESSAGE = 'Question 1 of 1 · Space to tick, Enter to submit';
const EMPTY = 'Nothing ticked: press Enter again to submit no answer, or tick with space.';
const WORDS = vocabulary([...OPTIONS, MESSAGE, EMPTY, 'navigate select all invert submit space']);

async function open(cols: number) {
  const term = new FakeTerminal(cols);
  const input = new PassThrough();
  const widths: number[] = [];
  const layout = (width: number): CheckboxLayout<number> => {
    widths.push(width);
    return {
      message: layoutForPrompt(MESSAGE, width, 2),
      choices: OPTIONS.map((t, i) => ({ name: layoutForPrompt(t, width, 3), value: i, short: t.slice(0, 20) })),
      confirmEmpty: layoutForPrompt(EMPTY, width, 2),
    };
  };
  const answer = checkboxPrompt({ layout, columns: () => term.cols, onResize: term.onResize }, { input, output: term as unknown as NodeJS.WritableStream });
  await tick();
  return { term, input, answer, widths };
}

async function press(input: PassThrough, keys: readonly string[]): Promise<void> {
  for (const k of keys) {
    input.write(k);
    await tick();
  }
}

const DOWN = '\u001b[B';
const UP = '\u001b[A';

describe('checkboxPrompt keys', () => {
  it.each([
    ['space ticks the first', [' ', '\r'], [0]],
    ['↓ then space', [DOWN, ' ', '\r'], [1]],
    ['j and k move too', ['j', 'j', 'k', ' ', '\r'], [1]],
    ['↑ at the top stays there', [UP, ' ', '\r'], [0]],
    ['↓ at the bottom stays there', [DOWN, DOWN, DOWN, DOWN, ' ', '\r'], [2]],
    ['a ticks all', ['a', '\r'], [0, 1, 2]],
    ['a twice ticks none: Enter warns, Enter again submits nothing', ['a', 'a', '\r', '\r'], []],
    ['i inverts', [' ', 'i', '\r'], [1, 2]],
    ['a number ticks that entry', ['3', '1', '\r'], [0, 2]],
    ['a number past the end does nothing', ['9', '2', '\r'], [1]],
    ['Enter on nothing warns; a tick then submits it', ['\r', DOWN, ' ', '\r'], [1]],
  ])('%s', async (_why, keys, want) => {
    const { input, answer } = await open(80);
    await press(input, keys);
    expect(await answer).toEqual(want);
  });

  it('Enter on nothing ticked shows the warning, laid out for the width', async () => {
    const { term, input, answer } = await open(40);
    const mark = term.text.length;
    await press(input, ['\r']);
    const rows = screenSince(term, mark, 40);
    expect(rows.map((r) => r.text).join('\n')).toContain('> Nothing ticked');
    expect(rows.filter((r) => displayWidth(r.text) > 40)).toEqual([]);
    expect(layoutProblems({ rows }, WORDS)).toEqual([]);
    await press(input, ['\r']);
    expect(await answer).toEqual([]);
  });
});

describe('checkboxPrompt in a resized terminal', () => {
  it.each([
    [100, 50],
    [100, 36],
    [40, 100],
  ])('%i → %i columns: redrawn at once, laid out for the new width, ticks kept', async (from, to) => {
    const { term, input, answer, widths } = await open(from);
    await press(input, [DOWN, ' ']);
    const mark = term.text.length;
    term.resize(to);
    await tick();
    expect(widths).toEqual([from, to]);
    const rows = screenSince(term, mark, to);
    const text = rows.map((r) => r.text).join('\n');
    expect(text).toContain('❯◉ A cookie set by');
    expect(text).toContain('⏎ submit');
    expect(rows.filter((r) => displayWidth(r.text) > to)).toEqual([]);
    expect(layoutProblems({ rows }, WORDS)).toEqual([]);
    await press(input, [DOWN, ' ', '\r']);
    expect(await answer).toEqual([1, 2]);
  });

  it('a narrower terminal: the old frame’s extra rows (reflowed) are erased before the redraw', async () => {
    const { term, input, answer } = await open(100);
    const mark = term.text.length;
    term.resize(50);
    await tick();
    // At 100 columns the three labels are 78, 85 and 100 wide and the key help 56: each takes one
    // more row at 50 columns. After inquirer's own erase (ending ESC [G), four more rows, then the new frame.
    expect(term.text.slice(mark)).toContain(`\u001b[G${eraseAbove(4)}? Question 1 of 1`);
    await press(input, ['a', '\r']);
    expect(await answer).toEqual([0, 1, 2]);
  });
});
