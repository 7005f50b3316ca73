// The list prompt lays its message and labels out at every redraw for the width then, and redraws
// at once when the terminal is resized, first erasing the rows the terminal added when it reflowed
// the old frame (QA: a list opened at 100 columns and resized to 50 broke its labels mid-word).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { eraseAbove, listPrompt, moveActive, rowsAfterReflow, type ListLayout } from '../../../src/ui/list-prompt.js';
import { displayWidth, wrapIndented } from '../../../src/ui/text.js';
import { FakeTerminal, screenSince, tick } from '../../support/fake-terminal.js';
import { layoutProblems, vocabulary } from '../../support/screen.js';

describe('rowsAfterReflow', () => {
  it.each([
    ['lines that fit take a row each', [10, 40, 0], 40, 3],
    ['a line twice as wide takes two', [80], 40, 2],
    ['one column over takes two', [41, 20], 40, 3],
    ['narrowed 100 → 50', [17, 54, 38, 51, 61, 64, 72, 66, 83, 1, 46, 22], 50, 19],
  ])('%s', (_why, widths, columns, want) => {
    expect(rowsAfterReflow(widths, columns)).toBe(want);
  });
});

describe('eraseAbove', () => {
  it.each([
    [0, ''],
    [-2, ''],
    [2, '\u001b[1A\u001b[2K\u001b[1A\u001b[2K'],
  ])('%i rows', (n, want) => {
    expect(eraseAbove(n)).toBe(want);
  });
});

describe('moveActive', () => {
  it.each([
    [0, false, 5, 0],
    [0, true, 5, 1],
    [4, true, 5, 4],
    [3, false, 5, 2],
  ])('from %i (down: %s, %i entries) → %i', (active, down, count, want) => {
    expect(moveActive(active, down, count)).toBe(want);
  });
});

const TITLES = [
  'What is a load balancer and why do systems use one?',
  'Session persistence, sticky sessions and session affinity',
  'How do you keep the load balancer itself from being a single point of failure?',
];
const WORDS = vocabulary([...TITLES, 'Which question? navigate select']);

async function open(cols: number) {
  const term = new FakeTerminal(cols);
  const input = new PassThrough();
  const widths: number[] = [];
  const layout = (width: number): ListLayout<number> => {
    widths.push(width);
    return {
      message: 'Which question?',
      choices: TITLES.map((t, i) => ({ name: wrapIndented(`${i + 1}. ${t}`, width - 2).replaceAll('\n', '\n  '), value: i, short: t })),
    };
  };
  const chosen = listPrompt({ layout, columns: () => term.cols, onResize: term.onResize, pageSize: 10 }, { input, output: term as unknown as NodeJS.WritableStream });
  await tick();
  return { term, input, chosen, widths };
}

describe('listPrompt in a resized terminal', () => {
  it.each([
    [100, 50],
    [100, 36],
    [40, 100],
  ])('%i → %i columns: redrawn at once, laid out for the new width', async (from, to) => {
    const { term, input, chosen, widths } = await open(from);
    const mark = term.text.length;
    term.resize(to);
    await tick();
    expect(widths).toEqual([from, to]);
    const rows = screenSince(term, mark, to);
    expect(rows.map((r) => r.text).join('\n')).toContain('❯ 1. What is a load balancer');
    expect(rows.filter((r) => displayWidth(r.text) > to)).toEqual([]);
    expect(layoutProblems({ rows }, WORDS)).toEqual([]);
    input.write('\u001b[B');
    await tick();
    expect(screenSince(term, mark, to).map((r) => r.text).join('\n')).toMatch(/❯ 2\. Session/);
    input.write('\r');
    expect(await chosen).toBe(1);
  });

  it('a narrower terminal: the old frame’s extra rows (reflowed) are erased before the redraw', async () => {
    const { term, input, chosen } = await open(100);
    const mark = term.text.length;
    term.resize(50);
    await tick();
    // The three labels drawn at 100 columns are 56, 63 and 84 wide: each took one more row once reflowed.
    // After inquirer's own erase (which ends at column 1, ESC [G), three more rows, then the new frame.
    expect(term.text.slice(mark)).toContain(`\u001b[G${eraseAbove(3)}? Which question?`);
    input.write('\r');
    expect(await chosen).toBe(0);
  });
});
