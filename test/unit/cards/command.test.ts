// The practice command driven with a scripted prompter and a clock the test moves.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/practice.js';
import { InterruptedError, UsageError } from '../../../src/errors.js';
import { clock, question } from '../quiz/fixtures.js';
import { context, scripted, tempHome, type Step } from '../quiz/harness.js';

const questions = [question('q1', { deck: 'd1', cards: ['a', 'b', 'c'] }), question('q2', { deck: 'd2', cards: ['d'] })];

let home: string;
beforeEach(() => (home = tempHome()));
afterEach(() => rmSync(home, { recursive: true, force: true }));

interface Saved {
  reviews: { key: string; grade: number; covered?: number[]; cram?: boolean; at: string }[];
  cards: Record<string, { due: string }>;
}
const saved = () => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as Saved;

/** The prompts of one card: reveal, (depth keys), continue, tick, grade. */
function card(grade: string, opts: { ticks?: number[]; depths?: string[] } = {}): Step[] {
  return [
    { key: 'space', message: /reveal/ },
    ...(opts.depths ?? []).map((d): Step => ({ key: d, message: /s\/b\/d/ })),
    { key: 'return', message: /s\/b\/d/ },
    { checkbox: opts.ticks ?? [], message: /key points/ },
    { key: grade, message: /Grade: 1 Again/ },
  ];
}

describe('practice command', () => {
  it('new cards, depth switching, key points, grades; Good comes back later than Again; due cards first next time', async () => {
    const c = clock('2024-03-01T09:00:00.000Z');
    const first = context(home, { now: c.now });
    const prompter = scripted([...card('3', { ticks: [0, 1], depths: ['d', 's'] }), ...card('1', { ticks: [] }), ...card('return', { ticks: [0] })]);
    await run({ deck: 'd1' }, first.ctx, { prompter, questions });
    expect(prompter.left()).toBe(0);
    const text = first.stdout.text();
    expect(text).toContain('3 cards: 0 due, 3 new');
    expect(text).toContain('Card 1 of 3');
    expect(text).toContain('Answer · brief');
    expect(text).toContain('Answer · detailed');
    expect(text).toContain('D q1');
    expect(text).toContain('Answer · super-brief');
    expect(text).toContain('You covered 2 of 2 key points: suggested grade 4 Easy');
    expect(text).toContain('You covered 1 of 2 key points: suggested grade 3 Good');
    expect(text).toContain('Reviewed 3 cards: Again 1 · Hard 0 · Good 2 · Easy 0');
    expect(text).toMatch(/Next card due: in \d+m/);

    const doc = saved();
    expect(doc.reviews.map((r) => [r.key, r.grade, r.covered])).toEqual([
      ['q1/a', 3, [2, 2]],
      ['q1/b', 1, [0, 2]],
      ['q1/c', 3, [1, 2]], // Enter took the suggested grade
    ]);
    expect(Date.parse(doc.cards['q1/a']!.due)).toBeGreaterThan(Date.parse(doc.cards['q1/b']!.due));

    // An hour later: both learning cards are due, Again's first; no new cards left in d1.
    c.advance(60 * 60_000);
    const later = context(home, { now: c.now });
    await run({ deck: 'd1' }, later.ctx, { prompter: scripted([{ key: 'q' }]), questions });
    expect(later.stdout.text()).toContain('3 cards: 3 due, 0 new');
    expect(later.stdout.text()).toMatch(/Card 1 of 3 · due · d1 · Title q1\nnew 0 · learning 3 · due 0\n\nFront b/);
  });

  it('the daily new-card limit and --new', async () => {
    const { ctx, stdout } = context(home);
    await run({}, ctx, { prompter: scripted([{ key: 'q' }]), questions });
    expect(stdout.text()).toContain('4 cards: 0 due, 4 new');
    const again = context(home);
    await run({ new: 1 }, again.ctx, { prompter: scripted([{ key: 'q' }]), questions });
    expect(again.stdout.text()).toContain('1 card: 0 due, 1 new');
  });

  it('nothing to do: says when the next card is due', async () => {
    const { ctx, stdout } = context(home);
    await run({ new: 0 }, ctx, { prompter: scripted([]), questions });
    expect(stdout.text()).toContain('Nothing to review right now.');
  });

  it('--cram records reviews without touching schedules', async () => {
    const { ctx, stdout } = context(home);
    await run({ cram: true, deck: 'd2' }, ctx, { prompter: scripted(card('4')), questions });
    expect(stdout.text()).toContain('Cram session: schedules were not changed.');
    expect(saved().reviews).toEqual([expect.objectContaining({ key: 'q2/d', grade: 4, cram: true })]);
    expect(saved().cards).toEqual({});
  });

  it('Ctrl+C keeps the grades given', async () => {
    const { ctx } = context(home);
    const err = await run({}, ctx, { prompter: scripted([...card('2'), { key: 'space' }, 'ctrl-c']), questions }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as Error).message).toBe('Saved 1 grade.');
    expect(saved().reviews.map((r) => r.grade)).toEqual([2]);
  });

  it('refuses without a terminal; rejects a bad --new', async () => {
    await expect(run({}, context(home, { interactive: false }).ctx, { questions })).rejects.toBeInstanceOf(UsageError);
    await expect(run({ new: -1 }, context(home).ctx, { prompter: scripted([]), questions })).rejects.toBeInstanceOf(UsageError);
    await expect(run({ new: 'lots' }, context(home).ctx, { prompter: scripted([]), questions })).rejects.toThrow("--new must be a whole number of 0 or more; got 'lots'.");
  });
});

describe('practice without cards', () => {
  it('says there are none (exit 3)', async () => {
    const h = tempHome();
    try {
      const { NotFoundError } = await import('../../../src/errors.js');
      await expect(run({}, context(h).ctx, { prompter: scripted([]), questions: [question('q0')] })).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      rmSync(h, { recursive: true, force: true });
    }
  });
});
