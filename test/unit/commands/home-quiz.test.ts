// The home menu's quiz: how many items it offers depends on how many the chosen quiz has (QA: a deck
// of 3 items was offered 10 and 20, and a choice of 10 quietly gave 3).
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countChoices, run } from '../../../src/commands/home.js';
import { question } from '../quiz/fixtures.js';
import { context, scripted, tempHome } from '../quiz/harness.js';

let home: string;
beforeEach(() => (home = tempHome()));
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('countChoices', () => {
  it.each([
    [1, ['all 1'], 1],
    [3, ['all 3'], 3],
    [4, ['3', 'all 4'], 4],
    [5, ['3', 'all 5'], 5],
    [10, ['3', '5', 'all 10'], 10],
    [11, ['3', '5', '10', 'all 11'], 10],
    [20, ['3', '5', '10', 'all 20'], 10],
    [57, ['3', '5', '10', '20', 'all 57'], 10],
  ])('%d items: offers %j, default %d', (total, names, preselected) => {
    const { choices, default: d } = countChoices(total);
    expect(choices.map((c) => c.name)).toEqual(names);
    expect(choices.at(-1)!.value).toBe(total);
    expect(choices.every((c) => c.value <= total)).toBe(true);
    expect(d).toBe(preselected);
  });
});

describe('Take a quiz from the menu', () => {
  const questions = [
    question('q1', { deck: 'small', quiz: ['a', 'b', 'c'] }),
    ...['q2', 'q3', 'q4', 'q5'].map((id) => question(id, { deck: 'big', quiz: ['a', 'b', 'c'] })),
  ];

  it.each([
    ['small', ['all 3']],
    ['big', ['3', '5', '10', 'all 12']],
    ['All decks', ['3', '5', '10', 'all 15']],
  ])('%s: "How many items?" offers %j', async (deck, offered) => {
    const { ctx } = context(home);
    let shown: string[] = [];
    const prompter = scripted([
      { menu: 'quiz' },
      { select: deck, message: /Which quiz\?/ },
      {
        message: /How many items\?/,
        select: (choices) => {
          shown = choices.map((c) => c.name);
          return 0; // Esc: back to the menu
        },
      },
      { menu: 'quit' },
    ]);
    await run({}, ctx, () => Promise.resolve(''), { prompter, questions });
    expect(prompter.left()).toBe(0);
    expect(shown).toEqual(offered);
  });
});
