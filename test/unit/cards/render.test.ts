// The flashcard session's end screen fits the terminal and says when the next card is due in words.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { renderSessionSummary, whenInWords } from '../../../src/ui/cards-render.js';
import type { Grade } from '../../../src/progress/model.js';
import { maxLineLength, stripAnsi } from '../../../src/ui/text.js';

describe('renderSessionSummary', () => {
  const now = new Date(2024, 2, 1, 9, 0);
  const grades: Grade[] = [1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4];

  it.each([40, 60, 100])('fits %i columns, cram or not', (columns) => {
    for (const cram of [false, true]) {
      const out = renderSessionSummary(grades, new Date(2024, 2, 11, 9, 0), now, cram, createColors(true), columns);
      expect(maxLineLength(out), out).toBeLessThanOrEqual(columns);
      expect(stripAnsi(out).replace(/\s+/g, ' ')).toContain('Reviewed 12 cards: Again 3 · Hard 2 · Good 5 · Easy 2');
    }
  });
});

describe('whenInWords', () => {
  const now = new Date(2024, 2, 7, 22, 30); // a Thursday evening
  it.each([
    [new Date(2024, 2, 7, 22, 30), 'now'],
    [new Date(2024, 2, 7, 22, 0), 'now'],
    [new Date(2024, 2, 7, 22, 30, 20), 'in 1 minute'],
    [new Date(2024, 2, 7, 22, 38), 'in 8 minutes'],
    [new Date(2024, 2, 7, 23, 45), 'today 23:45'],
    [new Date(2024, 2, 8, 9, 10), 'tomorrow 09:10'],
    [new Date(2024, 2, 11, 9, 10), 'Monday 09:10'],
    [new Date(2024, 2, 21, 9, 10), '2024-03-21 09:10'],
  ])('%s -> %s', (due, words) => {
    expect(whenInWords(due, now)).toBe(words);
  });
});
