// The practice command driven with a scripted prompter and a clock the test moves.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, unsuspendMenu } from '../../../src/commands/practice.js';
import { InterruptedError, UsageError } from '../../../src/errors.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
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

/** The prompts of one card: reveal, (depth keys), (k and the key points ticked), one key to grade. */
function card(grade: string, opts: { ticks?: number[]; depths?: string[] } = {}): Step[] {
  return [
    { key: 'space', message: /reveal/ },
    ...(opts.depths ?? []).map((d): Step => ({ key: d, message: /s\/b\/d: depth/ })),
    ...(opts.ticks ? [{ key: 'k', message: /k: key points/ }, { checkbox: opts.ticks, message: /key points/ }] : []),
    { key: grade, message: /Grade: 1 Again/ },
  ];
}

describe('practice command', () => {
  it('new cards, depth switching, key points, grades; Again comes back early in the same session', async () => {
    const c = clock('2024-03-01T09:00:00.000Z');
    const first = context(home, { now: c.now });
    const prompter = scripted([
      ...card('3', { depths: ['a', 'd', 's'] }), // the question card: its back is the answer
      ...card('3', { ticks: [0, 1], depths: ['a'] }),
      ...card('1', { ticks: [] }),
      ...card('return', { ticks: [0] }),
      { key: 'q', message: /reveal/ }, // q1/b, graded Again, is back (learn-ahead): stop here
    ]);
    await run({ deck: 'd1' }, first.ctx, { prompter, questions });
    expect(prompter.left()).toBe(0);
    const text = first.stdout.text();
    expect(text).toContain('Card 1 · new · d1 · Title q1');
    expect(text).toContain('new 4 · learning 0 · due 0');
    expect(text).toContain('Back · answer (brief)\nB q1');
    expect(text).toContain('Back · answer (detailed)\nD q1');
    expect(text).toContain('Back · answer (super-brief)\nSB q1');
    expect(text).toContain('Answer · super-brief\nSB q1'); // the depth chosen holds on the next card
    expect(text).toContain('You covered 2 of 2 key points: suggested grade 4 Easy');
    expect(text).toContain('You covered 1 of 2 key points: suggested grade 3 Good');
    expect(text).toMatch(/Card 5 · learning · d1 · Title q1\nnew 0 · learning 4 · due 0\nShown early \(learn-ahead\)/);
    expect(text).toContain('Reviewed 4 cards: Again 1 · Hard 0 · Good 3 · Easy 0');
    expect(text).toMatch(/Next card due: in \d+ minutes?\./);

    const doc = saved();
    expect(doc.reviews.map((r) => [r.key, r.grade, r.covered])).toEqual([
      ['q1/@question', 3, undefined],
      ['q1/a', 3, [2, 2]],
      ['q1/b', 1, [0, 2]],
      ['q1/c', 3, [1, 2]], // Enter took the suggested grade
    ]);
    expect(Date.parse(doc.cards['q1/a']!.due)).toBeGreaterThan(Date.parse(doc.cards['q1/b']!.due));

    // An hour later: the learning cards are due, Again's first; no new cards left in d1.
    c.advance(60 * 60_000);
    const later = context(home, { now: c.now });
    await run({ deck: 'd1' }, later.ctx, { prompter: scripted([{ key: 'q' }]), questions });
    expect(later.stdout.text()).toMatch(/Card 1 · learning · d1 · Title q1\nnew 0 · learning 4 · due 0\n\nFront b/);
  });

  it('undo twice restores grades and schedules; the undone card is shown again', async () => {
    const c = clock('2024-03-01T09:00:00.000Z');
    const { ctx, stdout } = context(home, { now: c.now });
    const prompter = scripted([...card('3'), ...card('4'), { key: 'u', message: /u: undo/ }, { key: 'ctrl+z', message: /u: undo/ }, ...card('2'), { key: 'q' }]);
    await run({ deck: 'd1' }, ctx, { prompter, questions });
    expect(prompter.left()).toBe(0);
    const doc = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as Saved & { undone: string[] };
    expect(doc.reviews.map((r) => [r.key, r.grade])).toEqual([['q1/@question', 2]]);
    expect(Object.keys(doc.cards)).toEqual(['q1/@question']);
    expect(doc.undone).toHaveLength(2);
    expect(stdout.text()).toContain('Undone: the grade is taken back');
    expect(stdout.text()).toContain('Reviewed 1 card: Again 0 · Hard 1');
  });

  it('suspend and bury hide a card; undo brings it back; --unsuspend lifts a suspension', async () => {
    const { ctx } = context(home);
    const prompter = scripted([{ key: '!' }, { key: '-' }, { key: 'u' }, { key: 'q', message: /reveal/ }]);
    await run({ deck: 'd1' }, ctx, { prompter, questions });
    const doc = JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { suspended: Record<string, string>; buried: Record<string, string> };
    expect(Object.keys(doc.suspended)).toEqual(['q1/@question']);
    expect(doc.buried).toEqual({});
    const un = context(home);
    await run({ unsuspend: 'q1/@question' }, un.ctx, { questions });
    expect(un.stdout.text()).toContain('Unsuspended q1/@question');
    expect(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).suspended).toEqual({});
    await expect(run({ unsuspend: 'q1/zz' }, context(home).ctx, { questions })).rejects.toThrow("No suspended card 'q1/zz'");
  });

  it('an answer taller than the terminal goes to the scrollable view; the grade line follows with the card', async () => {
    const tall = { ...question('q1', { cards: ['a'] }), answers: { 'super-brief': 'SB', brief: 'B', detailed: Array.from({ length: 40 }, (_, i) => `Line ${i}.`).join('\n\n') } };
    const { ctx } = context(home);
    const stdout = memoryOutput({ isTTY: true, rows: 20 });
    const prompter = scripted([
      { key: 'space', message: /reveal/ },
      { key: 'd', message: /s\/b\/d: depth/ },
      { pager: true, message: /Answer · detailed/ },
      { key: '3', message: /Grade: 1 Again/ },
      { key: 'q', message: /reveal/ },
    ]);
    await run({}, { ...ctx, stdout }, { prompter, questions: [tall] });
    expect(prompter.left()).toBe(0);
    const text = stdout.text();
    expect(text).toContain('The answer (detailed) was shown in the scrollable view · a: open it again');
    expect(text).not.toContain('Line 39.');
    expect(text).toContain('\u001b[2J'); // each screen is drawn afresh
  });

  it("the menu's list of suspended cards brings one back", async () => {
    await run({ deck: 'd1' }, context(home).ctx, { prompter: scripted([{ key: '!' }, { key: '!' }, { key: 'q' }]), questions });
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).suspended)).toEqual(['q1/@question', 'q1/a']);
    const menu = context(home);
    const prompter = scripted([{ select: (choices) => choices.find((c) => c.name.includes('Front a'))!.value, message: /Suspended cards/ }]);
    await unsuspendMenu({}, menu.ctx, { prompter, questions });
    expect(menu.stdout.text()).toContain('Unsuspended q1/a');
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).suspended)).toEqual(['q1/@question']);
  });

  it('the daily new-card limit and --new', async () => {
    const { ctx, stdout } = context(home);
    await run({}, ctx, { prompter: scripted([{ key: 'q' }]), questions });
    expect(stdout.text()).toContain('new 6 · learning 0 · due 0');
    const again = context(home);
    await run({ new: 1 }, again.ctx, { prompter: scripted([...card('4'), { key: 'q' }]), questions });
    expect(again.stdout.text()).toContain('new 1 · learning 0 · due 0');
    expect(again.stdout.text()).toContain('Reviewed 1 card');
  });

  it('nothing to do: says when the next card is due', async () => {
    const { ctx, stdout } = context(home);
    await run({ new: 0 }, ctx, { prompter: scripted([]), questions });
    expect(stdout.text()).toContain('Nothing to review right now.');
  });

  it('--new 0 on a fresh profile: says no new cards were asked for (no limit was reached) and how to get some', async () => {
    const { ctx, stdout } = context(home);
    await run({ new: 0 }, ctx, { prompter: scripted([]), questions });
    const text = stdout.text().replace(/\s+/g, ' ');
    expect(text).toContain('Nothing to review right now. No cards are due, and --new 0 asked for no new cards.');
    expect(text).toContain("New cards: 'prepdeck practice' (up to today's limit) or 'prepdeck practice --new 5'.");
    expect(text).not.toContain('limit is reached');
  });

  it('nothing due and every card left suspended: says so (no limit is reached) and how to bring one back', async () => {
    await run({ deck: 'd2' }, context(home).ctx, { prompter: scripted([{ key: '!' }, { key: '!' }]), questions });
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).suspended)).toEqual(['q2/@question', 'q2/d']);
    for (const args of [{ deck: 'd2' }, { deck: 'd2', new: 0 }, { deck: 'd2', new: 5 }]) {
      const { ctx, stdout } = context(home);
      await run(args, ctx, { prompter: scripted([]), questions });
      const text = stdout.text().replace(/\s+/g, ' ');
      expect(text).toContain('Nothing to review right now. No cards are due; the other cards are suspended.');
      expect(text).toContain('To bring one back (or Practise → Suspended cards in the menu): prepdeck practice --unsuspend q2/@question');
      expect(text).not.toContain('limit is reached');
      expect(text).not.toContain('--new 0 asked');
      // Neither cramming nor more new cards would show a suspended card.
      expect(text).not.toContain('--cram');
    }
  });

  it('--cram records reviews without touching schedules', async () => {
    const { ctx, stdout } = context(home);
    await run({ cram: true, deck: 'd2' }, ctx, { prompter: scripted([...card('4'), { key: 'q' }]), questions });
    expect(stdout.text()).toContain('Cram session: schedules were not changed.');
    expect(saved().reviews).toEqual([expect.objectContaining({ key: 'q2/@question', grade: 4, cram: true })]);
    expect(saved().cards).toEqual({});
  });

  it('Ctrl+C keeps the grades given', async () => {
    const { ctx } = context(home);
    const err = await run({}, ctx, { prompter: scripted([...card('2'), { key: 'space' }, 'ctrl-c']), questions }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as Error).message).toBe('Saved 1 grade.');
    expect(saved().reviews.map((r) => r.grade)).toEqual([2]);
  });

  // A bad --new is the command line's parser's to refuse: test/unit/commands/flag-checks.test.ts.
  it('refuses without a terminal', async () => {
    await expect(run({}, context(home, { interactive: false }).ctx, { questions })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('practice without cards', () => {
  it('says there are none (exit 3)', async () => {
    const h = tempHome();
    try {
      const { NotFoundError } = await import('../../../src/errors.js');
      await expect(run({}, context(h).ctx, { prompter: scripted([]), questions: [] })).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      rmSync(h, { recursive: true, force: true });
    }
  });
});
