// The flashcard session's end screen fits the terminal.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { renderSessionSummary } from '../../../src/ui/cards-render.js';
import { maxLineLength, stripAnsi } from '../../../src/ui/text.js';

describe('renderSessionSummary', () => {
  const now = new Date('2024-03-01T09:00:00.000Z');
  const summary = { reviewed: 12, grades: { 1: 3, 2: 2, 3: 5, 4: 2 }, nextDue: new Date('2024-03-11T09:00:00.000Z') };

  it.each([40, 60, 100])('fits %i columns, cram or not', (columns) => {
    for (const cram of [false, true]) {
      const out = renderSessionSummary(summary, now, cram, createColors(true), columns);
      expect(maxLineLength(out), out).toBeLessThanOrEqual(columns);
      expect(stripAnsi(out).replace(/\s+/g, ' ')).toContain('Reviewed 12 cards: Again 3 · Hard 2 · Good 5 · Easy 2');
    }
  });
});
