// The flashcard session's end screen fits the terminal and says when the next card is due in words.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { backKeysLine, gradeMessage, renderSessionSummary, whenInWords } from '../../../src/ui/cards-render.js';
import type { Grade } from '../../../src/progress/model.js';
import { maxLineLength, stripAnsi } from '../../../src/ui/text.js';

describe('renderSessionSummary', () => {
  const now = new Date(2024, 2, 1, 9, 0);
  const grades: Grade[] = [1, 1, 1, 2, 2, 3, 3, 3, 3, 3, 4, 4];

  it.each([40, 60, 100])('fits %i columns, cram or not', (columns) => {
    for (const cram of [false, true]) {
      const out = renderSessionSummary({ grades, cards: grades.length, cram, menu: false }, new Date(2024, 2, 11, 9, 0), now, createColors(true), columns);
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
    [new Date(2024, 2, 21, 9, 10), 'in 14 days'],
  ])('%s -> %s', (due, words) => {
    expect(whenInWords(due, now)).toBe(words);
  });
});

describe('the grade line', () => {
  const now = new Date(2024, 2, 1, 9, 0);
  const intervals = { 1: new Date(2024, 2, 1, 9, 1), 2: new Date(2024, 2, 1, 9, 6), 3: new Date(2024, 2, 1, 9, 10), 4: new Date(2024, 3, 20, 9, 0) } as const;

  it.each([60, 80, 100])('fits %i columns and never splits a key', (columns) => {
    const grade = gradeMessage(intervals, now, columns);
    const keys = backKeysLine(1, true, true, 'super-brief', columns);
    expect(maxLineLength('? ' + grade)).toBeLessThanOrEqual(columns);
    expect(maxLineLength(keys)).toBeLessThanOrEqual(columns);
    expect(grade.split('\n').some((l) => l.includes('4 Easy 2mo'))).toBe(true);
    expect(keys.split('\n').some((l) => l.includes('Enter: Again (suggested)'))).toBe(true);
  });

  it('at 80 columns: grades on one line, the other keys on the next', () => {
    expect(gradeMessage(intervals, now, 80)).toBe('Grade: 1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 2mo');
    expect(backKeysLine(1, true, true, 'brief', 80).split('\n')[0]).toMatch(/^Enter: Again \(suggested\) · k: key points · a: answer \(brief\)/);
  });
});
