import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../../../src/content/model.js';
import { scoreItem } from '../../../src/quiz/score.js';
import { renderFeedback } from '../../../src/ui/quiz-render.js';

const c = createColors(false);
const item: QuizItem = {
  id: 'm',
  key: 'q/m',
  type: 'multi',
  prompt: 'Pick',
  explanation: 'Because.',
  line: 1,
  options: [
    { text: 'Alpha', correct: true },
    { text: 'Bravo', correct: false },
    { text: 'Charlie', correct: true },
    { text: 'Delta is an option whose text is long enough to need wrapping at a narrow width', correct: false },
  ],
};

describe('renderFeedback', () => {
  it('marks each option in the order it was shown', () => {
    const out = renderFeedback(item, scoreItem(item, [0, 1]), (s) => s, c, [3, 2, 1, 0], 200);
    const marks = out.split('\n').filter((l) => /^ {2}[✔✘○ ] /.test(l));
    expect(marks).toEqual([
      '    Delta is an option whose text is long enough to need wrapping at a narrow width',
      '  ○ Charlie  (missed: correct, not chosen)',
      '  ✘ Bravo  (wrong: not a correct option)',
      '  ✔ Alpha  (correct, chosen)',
    ]);
  });

  it('wraps long options under their own text', () => {
    const out = renderFeedback(item, scoreItem(item, [3]), (s) => s, c, [3, 0, 1, 2], 40);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(out).toContain('  ✘ Delta is an option whose text is');
    expect(out).toMatch(/\n {4}long enough/);
  });
});
