import { describe, expect, it } from 'vitest';
import { bucketOf, isDue, preview, replay, schedule } from '../../../src/cards/schedule.js';
import type { Grade, Review } from '../../../src/progress/model.js';
import { clock } from '../quiz/fixtures.js';

const DAY = 86_400_000;

function review(key: string, grade: Grade, at: Date, cram = false): Review {
  return { id: `${key}@${at.toISOString()}`, at: at.toISOString(), deck: 'd', question: key.split('/')[0]!, key, grade, ...(cram ? { cram } : {}) };
}

describe('the FSRS wrapper (ts-fsrs) with an injected clock', () => {
  it('Good today is due later than Again today', () => {
    const now = new Date('2024-03-01T09:00:00.000Z');
    const good = schedule(undefined, 3, now);
    const again = schedule(undefined, 1, now);
    expect(Date.parse(good.due)).toBeGreaterThan(Date.parse(again.due));
    expect(Date.parse(again.due)).toBeGreaterThan(now.getTime());
  });

  it('orders the four grades: Again < Hard < Good < Easy', () => {
    const now = new Date('2024-03-01T09:00:00.000Z');
    const dues = ([1, 2, 3, 4] as const).map((g) => Date.parse(schedule(undefined, g, now).due));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(new Set(dues).size).toBe(4);
  });

  it('moving the clock: a card graded Good over days grows its interval and matures', () => {
    const c = clock('2024-03-01T09:00:00.000Z');
    let state = schedule(undefined, 3, c.now());
    const intervals: number[] = [];
    for (let i = 0; i < 8; i++) {
      c.set(state.due);
      c.advance(60_000);
      const next = schedule(state, 3, c.now());
      intervals.push(Date.parse(next.due) - c.now().getTime());
      state = next;
    }
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThanOrEqual(intervals[i - 1]!);
    expect(bucketOf(state)).toBe('mature');
    expect(state.scheduled_days).toBeGreaterThanOrEqual(21);
  });

  it('an Again after reviews is a lapse and comes back soon', () => {
    const c = clock('2024-03-01T09:00:00.000Z');
    let state = schedule(undefined, 3, c.now());
    c.advance(DAY);
    state = schedule(state, 3, c.now());
    c.set(state.due);
    const lapsed = schedule(state, 1, c.now());
    expect(lapsed.lapses).toBe(1);
    expect(bucketOf(lapsed)).toBe('learning');
    expect(Date.parse(lapsed.due) - c.now().getTime()).toBeLessThan(DAY);
  });

  it('is deterministic (no fuzz): same reviews, same schedule', () => {
    const now = new Date('2024-03-01T09:00:00.000Z');
    expect(schedule(undefined, 3, now)).toEqual(schedule(undefined, 3, now));
  });

  it('replay gives the same schedule as grading one review after another, skipping cram reviews', () => {
    const t0 = new Date('2024-03-01T09:00:00.000Z');
    const t1 = new Date(t0.getTime() + 10 * 60_000);
    const t2 = new Date(t0.getTime() + 3 * DAY);
    const stepwise = schedule(schedule(schedule(undefined, 3, t0), 3, t1), 2, t2);
    const reviews = [review('q/c', 2, t2), review('q/c', 3, t0), review('q/c', 4, new Date(t0.getTime() + DAY), true), review('q/c', 3, t1)];
    expect(replay(reviews)).toEqual(stepwise);
    expect(replay([])).toBeUndefined();
  });

  it('preview shows the due date for each grade', () => {
    const now = new Date('2024-03-01T09:00:00.000Z');
    const p = preview(undefined, now);
    expect(p[3].getTime()).toBe(Date.parse(schedule(undefined, 3, now).due));
    expect(p[1].getTime()).toBeLessThan(p[4].getTime());
  });

  it('isDue and bucketOf', () => {
    const now = new Date('2024-03-01T09:00:00.000Z');
    const s = schedule(undefined, 3, now);
    expect(isDue(undefined, now)).toBe(false);
    expect(isDue(s, now)).toBe(false);
    expect(isDue(s, new Date(Date.parse(s.due)))).toBe(true);
    expect(bucketOf(undefined)).toBe('new');
    expect(bucketOf(schedule(undefined, 1, now))).toBe('learning');
    expect(bucketOf(schedule(undefined, 4, now))).toBe('young');
  });
});
