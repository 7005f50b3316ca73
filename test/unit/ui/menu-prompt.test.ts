// The home menu lays its message, labels (badges included) and key help out at every redraw for the
// width then, and redraws at once when the terminal is resized (as the list and checkbox prompts do).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { menuPrompt } from '../../../src/ui/key-prompt.js';
import { eraseAbove } from '../../../src/ui/list-prompt.js';
import { layoutForPrompt } from '../../../src/ui/prompts.js';
import { displayWidth } from '../../../src/ui/text.js';
import { FakeTerminal, screenSince, tick } from '../../support/fake-terminal.js';
import { layoutProblems, vocabulary } from '../../support/screen.js';

const CHOICES = ['Practise flashcards', 'Take a quiz', 'Simulate a load balancer'].map((name, value) => ({ name, value }));
const BADGE = 'new 10 · learning 0 · due 0';
const HELP = '↑↓ move · Enter choose · 1-9 jump · Ctrl+C quit';
const WORDS = vocabulary(['What would you like to do?', BADGE, HELP, ...CHOICES.map((c) => c.name)]);

async function open(cols: number) {
  const term = new FakeTerminal(cols);
  const input = new PassThrough();
  const terminal = { columns: () => term.cols, onResize: term.onResize };
  const config = { message: 'What would you like to do?', choices: CHOICES, badges: async () => new Map([[0, BADGE]]), terminal, fit: layoutForPrompt };
  const chosen = menuPrompt(config as never, { input, output: term as unknown as NodeJS.WritableStream });
  await new Promise((r) => setTimeout(r, 5)); // the badges arrive after the first paint
  return { term, input, chosen };
}

describe('menuPrompt in a resized terminal', () => {
  it.each([
    [100, 30],
    [100, 40],
    [30, 100],
  ])('%i → %i columns: redrawn at once, laid out for the new width', async (from, to) => {
    const { term, input, chosen } = await open(from);
    const mark = term.text.length;
    term.resize(to);
    await tick();
    const rows = screenSince(term, mark, to);
    const text = rows.map((r) => r.text).join('\n');
    expect(text).toContain('❯ Practise flashcards');
    expect(text).toContain('due 0');
    expect(rows.filter((r) => displayWidth(r.text) > to)).toEqual([]);
    expect(layoutProblems({ rows }, WORDS)).toEqual([]);
    input.write('\u001b[B');
    await tick();
    input.write('\r');
    expect(await chosen).toBe(1);
  });

  it('a narrower terminal: the old frame’s extra rows (reflowed) are erased before the redraw', async () => {
    const { term, input, chosen } = await open(100);
    const mark = term.text.length;
    term.resize(30);
    await tick();
    // At 100 columns the badged label is 50 wide and the key help 47: each takes one more row at 30.
    expect(term.text.slice(mark)).toContain(`\u001b[G${eraseAbove(2)}? What would you like to do?`);
    input.write('\r');
    expect(await chosen).toBe(0);
  });
});
