// The true/false balance rule: absolute words must not tell the answer.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { MAX_SHORTCUT, MIN_ITEMS, absoluteTerms, balanceWarning, balanceWarnings, deckBalance } from '../../../src/content/balance.js';
import { findContentFiles, loadLibrary } from '../../../src/content/load.js';
import type { QuizItem } from '../../../src/content/model.js';
import { ROOT } from '../../support/cli.js';

function tf(prompt: string, answer: boolean, id = 'x'): QuizItem {
  return {
    id,
    key: `q/${id}`,
    type: 'true-false',
    prompt,
    options: [
      { text: 'True', correct: answer },
      { text: 'False', correct: !answer },
    ],
    explanation: '',
    line: 1,
  };
}

describe('absoluteTerms', () => {
  it.each([
    ['Round robin guarantees equal load on every server.', ['guarantees', 'every']],
    ['Adding servers immediately relieves pinned users.', ['immediately']],
    ['Replication survives a failure without extra cost.', ['without extra cost']],
    ['Servers can be added with no change to session handling.', ['no change']],
    ['The addresses are fixed, so you must hard-code them.', ['fixed', 'must']],
    ['Never, ever; NEVER again.', ['never']],
    ['It sends Set-Cookie only when the request was balanced.', []], // "only" narrows, it isn't counted
    ['All of them land on one server.', []],
    ['The `always` keyword inside code does not count.', []],
    ['Everyday words and unfixed bugs are not matches.', []],
    ["A server can't do that.", ["can't"]],
  ])('%s', (text, expected) => {
    expect(absoluteTerms(text)).toEqual(expected);
  });
});

describe('deckBalance and balanceWarning', () => {
  const absFalse = (n: number) => Array.from({ length: n }, (_, i) => tf(`It always works (${i}).`, false, `af${i}`));
  const plainFalse = (n: number) => Array.from({ length: n }, (_, i) => tf(`It works (${i}).`, false, `pf${i}`));
  const absTrue = (n: number) => Array.from({ length: n }, (_, i) => tf(`It never fails (${i}).`, true, `at${i}`));
  const plainTrue = (n: number) => Array.from({ length: n }, (_, i) => tf(`It fails (${i}).`, true, `pt${i}`));

  it.each([
    // [description, items, shortcut score, warns]
    ['absolute words only in false statements', [...absFalse(6), ...plainTrue(6)], 1, true],
    ['the issue\'s deck: 9 of 15 false, 1 of 12 true', [...absFalse(9), ...plainFalse(6), ...absTrue(1), ...plainTrue(11)], 20 / 27, true],
    ['absolute words on both sides as often', [...absFalse(3), ...plainFalse(3), ...absTrue(3), ...plainTrue(3)], 0.5, false],
    ['absolute words only in true statements (the reverse shortcut)', [...plainFalse(6), ...absTrue(6)], 0, true],
    ['no absolute words at all', [...plainFalse(5), ...plainTrue(5)], 0.5, false],
    ['too few items to judge', [...absFalse(MIN_ITEMS - 1)], 1, false],
  ])('%s', (_name, items, score, warns) => {
    const b = deckBalance('demo', items);
    expect(b.shortcutScore).toBeCloseTo(score, 5);
    expect(balanceWarning(b) !== null).toBe(warns);
  });

  it('ignores single and multi items and reports the counts and the score', () => {
    const single: QuizItem = { ...tf('Always?', false), type: 'single' };
    const b = deckBalance('demo', [single, ...absFalse(5), ...plainTrue(2)]);
    expect(b).toMatchObject({ trueItems: 2, falseItems: 5, trueAbsolute: 0, falseAbsolute: 5 });
    expect(balanceWarning(b)).toBe(
      'deck demo: absolute words (always, never, every, guarantees, immediately…) are in 5 of 5 false and 0 of 2 true ' +
        'true/false statements; answering "False whenever a statement has an absolute word" scores 100%. ' +
        'Reword so that they appear on both sides as often.',
    );
  });

  it(`warns only above ${MAX_SHORTCUT * 100}%`, () => {
    // 13 of 20 = 65%: at the limit, silent; 14 of 20 = 70%: warns.
    expect(balanceWarning(deckBalance('d', [...absFalse(3), ...plainFalse(7), ...plainTrue(10)]))).toBeNull();
    expect(balanceWarning(deckBalance('d', [...absFalse(4), ...plainFalse(6), ...plainTrue(10)]))).not.toBeNull();
  });
});

describe('the built-in deck', () => {
  it('is silent: absolute words appear in its true and false statements about as often', async () => {
    const lib = await loadLibrary(findContentFiles([join(ROOT, 'content')]), { useIndex: false });
    expect(lib.problems).toEqual([]);
    expect(balanceWarnings(lib.questions)).toEqual([]);
  });
});
