// A flashcard session in a real pseudo-terminal against the built CLI: reveal, switch depth,
// tick key points, grade with 1–4; the grades and schedules saved; Ctrl+C midway.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsInScope } from '../../src/cards/session.js';
import { contentDirs, loadLibrary } from '../../src/content/load.js';
import { runCli } from '../support/cli.js';
import { KEYS, useSessions, widestLine, type Session } from '../support/pty.js';

const questions = (await loadLibrary(contentDirs([], {}))).questions;
const deck = 'load-balancing';
const cards = cardsInScope(questions, deck);
const { home, start } = useSessions();

interface Saved {
  reviews: { key: string; grade: number; covered?: [number, number]; cram?: boolean }[];
  cards: Record<string, { due: string; reps: number }>;
}

function saved(h: string): Saved {
  return JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as Saved;
}

/** Reveals the card on screen, keeps the key points as they are (if any) and grades it. */
async function revealAndGrade(t: Session, hasKeyPoints: boolean, grade: string): Promise<void> {
  await t.waitFor('Enter or space: reveal');
  t.write(KEYS.enter);
  await t.waitFor('s/b/d: answer at');
  t.write(KEYS.enter);
  if (hasKeyPoints) {
    await t.waitFor('Which key points');
    t.write(KEYS.enter);
  }
  await t.waitFor('Grade: 1 Again');
  t.write(grade);
}

describe('prepdeck practice in a terminal', () => {
  it('reveals, switches depth, ticks key points, grades 1-4 and saves each grade', async () => {
    const h = home();
    const first = cards[0]!;
    expect(first.card.keyPoints.length).toBeGreaterThanOrEqual(2);
    const t = start(['practice', '--deck', deck, '--new', '4'], h);
    await t.waitFor('4 cards: 0 due, 4 new');

    // Card 1: reveal with space, switch depth d then s, tick two key points, accept grade 3 Good.
    await t.waitFor('Card 1 of 4');
    await t.waitFor(first.card.front.split('\n')[0]!.slice(0, 40));
    await t.waitFor('Enter or space: reveal');
    t.write(KEYS.space);
    await t.waitFor('Back');
    await t.waitFor('Answer · brief');
    await t.waitFor('s/b/d: answer at');
    t.write('d');
    await t.waitFor('Answer · detailed');
    await t.waitFor('s/b/d: answer at');
    t.write('s');
    await t.waitFor('Answer · super-brief');
    await t.waitFor('s/b/d: answer at');
    t.write(KEYS.enter);
    await t.waitFor('Which key points did your answer cover?');
    await t.waitFor(first.card.keyPoints.at(-1)!);
    t.write(KEYS.space + KEYS.down + KEYS.space + KEYS.enter);
    const total = first.card.keyPoints.length;
    await t.waitFor(`You covered 2 of ${total} key points`);
    await t.waitFor('Grade: 1 Again');
    t.write('3');

    // Cards 2-4: reveal with Enter, tick nothing, grade 1, 2 and 4 with the keys.
    for (const [i, grade] of ['1', '2', '4'].entries()) {
      const n = i + 2;
      await t.waitFor(`Card ${n} of 4`);
      await t.waitFor('Enter or space: reveal');
      expect(saved(h).reviews).toHaveLength(n - 1); // each grade saved before the next card showed
      t.write(KEYS.enter);
      await t.waitFor('s/b/d: answer at');
      t.write(KEYS.enter);
      if (cards[n - 1]!.card.keyPoints.length > 0) {
        await t.waitFor('Which key points');
        t.write(KEYS.enter);
        await t.waitFor('suggested grade 1 Again');
      }
      await t.waitFor('Grade: 1 Again');
      t.write(grade);
      await t.waitFor(`Graded ${grade}`);
    }

    const summary = await t.waitFor('Next card due');
    expect(summary).toContain('Reviewed 4 cards: Again 1 · Hard 1 · Good 1 · Easy 1');
    expect(await t.exit()).toBe(0);

    const doc = saved(h);
    const keys = cards.slice(0, 4).map((c) => c.card.key);
    expect(doc.reviews.map((r) => [r.key, r.grade])).toEqual([
      [keys[0], 3],
      [keys[1], 1],
      [keys[2], 2],
      [keys[3], 4],
    ]);
    expect(doc.reviews[0]!.covered).toEqual([2, total]);
    // FSRS: Again < Hard < Good < Easy.
    const due = (k: string) => Date.parse(doc.cards[k]!.due);
    expect(due(keys[1]!)).toBeLessThan(due(keys[2]!));
    expect(due(keys[2]!)).toBeLessThan(due(keys[0]!));
    expect(due(keys[0]!)).toBeLessThan(due(keys[3]!));
  });

  it('Ctrl+C midway keeps the grades given and exits 130', async () => {
    const h = home();
    const t = start(['practice', '--deck', deck, '--new', '3'], h);
    await revealAndGrade(t, cards[0]!.card.keyPoints.length > 0, '4');
    await t.waitFor('Card 2 of 3');
    await t.waitFor('Enter or space: reveal');
    t.write(KEYS.ctrlC);
    await t.waitFor('Saved 1 grade.');
    expect(await t.exit()).toBe(130);

    const json = await runCli(['progress', '--json'], { home: h });
    const report = JSON.parse(json.stdout) as { totals: { reviews: number; cardsSeen: number } };
    expect(report.totals).toMatchObject({ reviews: 1, cardsSeen: 1 });
    expect(saved(h).reviews.map((r) => [r.key, r.grade])).toEqual([[cards[0]!.card.key, 4]]);
  });

  it('--cram reviews without changing schedules', async () => {
    const h = home();
    const t = start(['practice', '--deck', deck, '--cram'], h);
    await t.waitFor(`${cards.length} cards to cram`);
    await revealAndGrade(t, cards[0]!.card.keyPoints.length > 0, '3');
    await t.waitFor('Card 2 of');
    await t.waitFor('Enter or space: reveal');
    t.write('q');
    await t.waitFor('Cram session: schedules were not changed.');
    expect(await t.exit()).toBe(0);
    const doc = saved(h);
    expect(doc.reviews).toEqual([expect.objectContaining({ key: cards[0]!.card.key, grade: 3, cram: true })]);
    expect(doc.cards).toEqual({});
  });

  it.each([40, 60])('the session summary fits a %i-column terminal', async (cols) => {
    const h = home();
    const t = start(['practice', '--deck', deck, '--new', '1'], h, { cols });
    await revealAndGrade(t, cards[0]!.card.keyPoints.length > 0, '3');
    await t.waitFor('Session finished');
    expect(await t.exit()).toBe(0);
    const output = t.output();
    const summary = output.slice(output.lastIndexOf('Session finished'));
    expect(summary).toMatch(/Reviewed\s+1\s+card:\s+Again\s+0\s+·\s+Hard\s+0\s+·\s+Good\s+1\s+·\s+Easy\s+0/);
    expect(summary).toContain('Next card due');
    expect(widestLine(summary)).toBeLessThanOrEqual(cols);
  }, 30_000);
});
