import { describe, expect, it } from 'vitest';
import { currentStreak, dayKey, longestStreak, shiftDay } from '../../../src/progress/days.js';

// Dates are built with the local-time constructor, so the tests hold in any time zone.
const at = (d: number, h = 12, m = 0) => new Date(2024, 0, d, h, m);
const days = (...dates: Date[]) => new Set(dates.map(dayKey));

describe('day keys', () => {
  it('are local calendar days', () => {
    expect(dayKey(at(5, 0, 0))).toBe('2024-01-05');
    expect(dayKey(at(5, 23, 59))).toBe('2024-01-05');
    expect(shiftDay(at(31), 1)).toBe('2024-02-01');
    expect(shiftDay(at(1), -1)).toBe('2023-12-31');
  });
});

describe('currentStreak', () => {
  it.each([
    ['nothing ever', [], at(10), 0],
    ['today only', [at(10, 9)], at(10, 20), 1],
    ['23:59 and 00:01 are two days', [at(9, 23, 59), at(10, 0, 1)], at(10, 8), 2],
    ['two answers in one day are one day', [at(10, 0, 1), at(10, 23, 59)], at(10, 23, 59), 1],
    ['yesterday counts until today ends (not practised yet today)', [at(8), at(9)], at(10, 7), 2],
    ['a missed day breaks it', [at(6), at(7), at(9)], at(9, 20), 1],
    ['a missed day yesterday and nothing today: no streak', [at(7), at(8)], at(10), 0],
    ['long run over a month boundary', [at(29), at(30), at(31), new Date(2024, 1, 1), new Date(2024, 1, 2)], new Date(2024, 1, 2, 22), 5],
  ] as const)('%s', (_name, active, now, streak) => {
    expect(currentStreak(days(...active), now)).toBe(streak);
  });
});

describe('longestStreak', () => {
  it('finds the longest run of consecutive days', () => {
    expect(longestStreak(days())).toBe(0);
    expect(longestStreak(days(at(1), at(2), at(3), at(5), at(6)))).toBe(3);
    expect(longestStreak(days(at(30), at(31), new Date(2024, 1, 1)))).toBe(3);
  });
});
