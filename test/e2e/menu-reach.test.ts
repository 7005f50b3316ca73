// Everything a screen suggests can be done from the home menu alone: a related question, a quiz on
// the question being read, cram, a scenario stepped through, and a quiz on the items missed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pastScrollView } from '../support/scroll.js';
import { KEYS, openFromMenu, pick, useSessions, type Session } from '../support/pty.js';

const sessions = useSessions();

interface Saved {
  quiz: { key: string; correct: boolean; attempt: string }[];
  cards: Record<string, unknown>;
}
const saved = (home: string): Saved => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as Saved;

/** Answers every item of a quiz: single answers with Enter, multi-selects with nothing ticked (always wrong). */
async function answerQuiz(t: Session): Promise<number> {
  let total = 0;
  for (let n = 1; total === 0 || n <= total; n++) {
    const asked = await t.waitFor(new RegExp(`Question ${n} of (\\d+) · (Your answer|Space to tick)`));
    total = Number(/Question \d+ of (\d+) · (?:Your answer|Space to tick)$/.exec(asked)![1]);
    t.write(KEYS.enter);
    if (asked.endsWith('Space to tick')) {
      await t.waitFor('Tick at least one option, or press Enter again to submit none');
      t.write(KEYS.enter);
      await t.waitFor(new RegExp(`✘ Question ${n} of ${total} · Your answer: \\(nothing ticked\\)`));
    }
    await t.waitFor(n === total ? 'Enter: see your score' : 'Enter: next question');
    t.write(KEYS.enter);
  }
  await t.waitFor(/Score: \d+\/\d+/);
  return total;
}

describe('the home menu reaches everything', () => {
  it('a related question, a quiz on it, a scenario in step mode, cram, and a quiz on the items missed', async () => {
    const home = sessions.home();
    const t = sessions.start([], home, { cols: 80, rows: 34 });

    // Read → the first question → l: a related question.
    await openFromMenu(t, 3, 'Read an answer');
    await pick(t, 'Which question?', '1.');
    await pastScrollView(t, 'l: related questions');
    t.write('l');
    await t.waitFor('Related to "What is a load balancer');
    await t.waitFor('Back to the answer');
    t.write(KEYS.enter);
    await t.waitFor(/Layer 4 vs Layer 7 load balancing\n/);
    await t.waitFor('Brief answer');
    await pastScrollView(t, 'Enter: back to the menu');
    t.write(KEYS.enter);

    // Read → health checks (5th) → z: quiz this question; its multi-selects are submitted empty.
    await openFromMenu(t, 3, 'Read an answer');
    await pick(t, 'Which question?', '5. How do health checks', KEYS.down.repeat(4));
    await pastScrollView(t, 'z: quiz this question');
    t.write('z');
    const asked = await answerQuiz(t);
    expect(asked).toBe(11);
    // The summary stays until a key, then the answer's keys again.
    await t.waitFor(/Enter: back to the answer|q: back to the answer/);
    t.write(KEYS.enter);
    await t.waitFor('Enter: back to the menu');
    t.write(KEYS.enter);
    const missed = new Set(saved(home).quiz.filter((a) => !a.correct).map((a) => a.key));
    expect(missed.size).toBeGreaterThanOrEqual(3); // three multi-selects, submitted empty

    // Simulate → seed-example → step through it: two requests, then the rest.
    await openFromMenu(t, 4, 'Simulate a load balancer');
    await pick(t, 'Which scenario?', 'seed-example');
    await pick(t, 'what to do?', 'Step through it', KEYS.down);
    await t.waitFor('$ prepdeck simulate --scenario seed-example --step');
    await t.waitFor('A has no cookie yet');
    await t.waitFor('Space/Enter: next · q: the rest');
    t.write(KEYS.space);
    await t.waitFor('B has no cookie yet');
    await t.waitFor('Space/Enter: next · q: the rest');
    t.write('q');
    await t.waitFor('Summary');
    await t.waitFor('Enter: back to the menu');
    t.write(KEYS.enter);

    // Practise → cram: a card from the whole collection, schedules untouched.
    await openFromMenu(t, 1, 'Practise flashcards');
    await pick(t, 'Practise', 'Cram', KEYS.down.repeat(2));
    await t.waitFor(/Card 1( of \d+)? · cram/);
    await t.waitFor('q: stop');
    t.write('q');
    expect(Object.keys(saved(home).cards)).toEqual([]);

    // Practise → a quiz on exactly the items missed.
    await openFromMenu(t, 1, 'Practise flashcards');
    await pick(t, 'Practise', 'Quiz on the items I missed', KEYS.down.repeat(6));
    const before = saved(home).quiz.length;
    expect(await answerQuiz(t)).toBe(missed.size);
    await t.waitFor(/Enter: back to the menu|q: back to the menu/);
    expect(t.output()).not.toContain('Retake exactly this quiz: prepdeck quiz --count');
    t.write(KEYS.enter);
    const again = saved(home).quiz.slice(before);
    expect(new Set(again.map((a) => a.key))).toEqual(missed);

    await t.waitFor('Ctrl+C quit');
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(130);
  }, 120_000);
});
