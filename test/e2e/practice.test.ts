// The review loop in a real pseudo-terminal against the built CLI, asserting the screen and the
// saved progress: one key grades from the back, undo, learning steps within the session, the
// scrollable answer, the depth holding across cards, counts that agree everywhere, an imported
// document practised at once, Ctrl+C, cramming.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardsInScope } from '../../src/cards/session.js';
import { contentDirs, loadLibrary } from '../../src/content/load.js';
import { PLAIN_FIXTURES, runCli, tempDir } from '../support/cli.js';
import { KEYS, revealAndGrade, useSessions, widestLine, type Session } from '../support/pty.js';

const questions = (await loadLibrary(contentDirs([], {}))).questions;
const deck = 'load-balancing';
const cards = cardsInScope(questions, deck);
const { home, start } = useSessions();
const PAGE_DOWN = '\x1b[6~';
const CTRL_Z = '\x1a';

interface Saved {
  reviews: { key: string; grade: number; covered?: [number, number]; cram?: boolean }[];
  cards: Record<string, { due: string; reps: number; state: number }>;
  undone: string[];
}

function saved(h: string): Saved {
  return JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as Saved;
}

/** A content folder of its own: deck `solo` (one question, no flashcards: one card) and deck `pair` (a question with one flashcard). */
function smallContent(): string {
  const dir = tempDir('prepdeck-content-');
  const write = (deckId: string, id: string, body: string) => {
    mkdirSync(join(dir.path, deckId), { recursive: true });
    writeFileSync(
      join(dir.path, deckId, `${id}.md`),
      `---\nid: ${id}\ndeck: ${deckId}\ntitle: Title of ${id}\nlevel: mid\ntags: [test]\n---\n\n# Question\n\nWhat is ${id} about?\n\n# Super-brief answer\n\nShort ${id}.\n\n# Brief answer\n\nBrief ${id}.\n\n- first point of ${id}\n- second point of ${id}\n\n# Detailed answer\n\nDetailed ${id}.\n${body}`,
    );
  };
  write('solo', 'only-one', '');
  write('pair', 'with-card', '\n# Flashcards\n\n## extra\n\nFront: The extra front of with-card?\n\nBack: The extra back.\n');
  return dir.path;
}

/** The last `new N · learning N · due N` on screen. */
function lastCounts(text: string): string {
  const all = [...text.matchAll(/new (\d+) · learning (\d+) · due (\d+)/g)];
  const m = all.at(-1);
  if (!m) throw new Error(`no counts on screen:\n${text}`);
  return m[0];
}

/** progress --json's Today figures; its per-deck `due` figures (reviews due today) must add up to them. */
async function jsonCounts(h: string, args: string[] = []): Promise<string> {
  const json = await runCli([...args, 'progress', '--json'], { home: h });
  const report = JSON.parse(json.stdout) as { today: { new: number; learning: number; due: number }; cards: { due: number }; decks: { cards: { due: number } }[] };
  const t = report.today;
  expect(report.cards.due).toBe(t.due);
  expect(report.decks.reduce((n, d) => n + d.cards.due, 0)).toBe(t.due);
  return `new ${t.new} · learning ${t.learning} · due ${t.due}`;
}

/** Waits for a card's front screen after `marker` and returns it (from its `Card N` line to its prompt). */
async function frontAfter(t: Session, marker: string | RegExp): Promise<string> {
  await t.waitFor(marker);
  await t.waitFor('q: stop');
  const out = t.output();
  return out.slice(out.lastIndexOf('\nCard '));
}

describe('prepdeck practice in a terminal', () => {
  it('grades with one key from the back, then undoes twice: the grades, schedules and counts go back', async () => {
    const h = home();
    const content = smallContent();
    const t = start(['--content', content, 'practice', '--deck', 'pair'], h);
    await t.waitFor('Card 1 · new · pair');
    await t.waitFor('new 2 · learning 0 · due 0');
    await revealAndGrade(t, '3');
    await t.waitFor('Card 2 · new · pair');
    await t.waitFor('Last card: 3 Good · due again in 10 minutes · u: undo');
    expect(saved(h).reviews.map((r) => [r.key, r.grade])).toEqual([['with-card/@question', 3]]);
    await revealAndGrade(t, '4');
    await t.waitFor('Last card: 4 Easy');
    await t.waitFor('u: undo');
    expect(saved(h).reviews).toHaveLength(2);

    t.write('u');
    const first = await frontAfter(t, 'Undone: the grade');
    expect(first).toContain('new 1 · learning 1 · due 0');
    expect(first).toContain('The extra front of with-card?');
    expect(first).toContain('Undone: the grade is taken back');
    expect(first).toContain('u: undo');
    expect(saved(h).reviews.map((r) => r.key)).toEqual(['with-card/@question']);
    expect(Object.keys(saved(h).cards)).toEqual(['with-card/@question']);
    t.write(CTRL_Z);
    const second = await frontAfter(t, 'Undone: the grade');
    expect(second).toContain('new 2 · learning 0 · due 0');
    expect(second).toContain('What is with-card about?');
    expect(second).toContain('Undone: the grade is taken back');
    const doc = saved(h);
    expect(doc.reviews).toEqual([]);
    expect(doc.cards).toEqual({});
    expect(doc.undone).toHaveLength(2);
    t.write('q');
    await t.waitFor('Nothing was reviewed.');
    expect(await t.exit()).toBe(0);
  });

  it('a card graded Again comes back in the same session; a one-card deck shows it again rather than ending', async () => {
    const h = home();
    const content = smallContent();
    const pair = start(['--content', content, 'practice', '--deck', 'pair'], h);
    await revealAndGrade(pair, '1');
    await pair.waitFor('Card 2 · new · pair');
    await revealAndGrade(pair, '3');
    await pair.waitFor('Card 3 · learning · pair');
    await pair.waitFor('Shown early (learn-ahead)');
    await pair.waitFor('What is with-card about?');
    pair.write('q');
    await pair.waitFor('Session finished');
    expect(await pair.exit()).toBe(0);

    const h2 = home();
    const solo = start(['--content', content, 'practice', '--deck', 'solo'], h2);
    await solo.waitFor('Card 1 · new · solo');
    await revealAndGrade(solo, '1');
    const again = await solo.waitFor('Enter: reveal');
    expect(again).toContain('Card 2 · learning · solo');
    expect(again).toMatch(/Shown early \(learn-ahead\): nothing else is due, and this card's next step is due (now|in 1 minute)\./);
    expect(again).toContain('What is only-one about?');
    await revealAndGrade(solo, '3', { shown: true });
    await solo.waitFor('Card 3 · learning · solo');
    solo.write('q');
    const summary = await solo.waitFor(/Next card due: [^\n]+\./);
    expect(summary).toContain('2 reviews of 1 card: Again 1 · Hard 0 · Good 1 · Easy 0');
    expect(summary).toMatch(/Next card due: in \d+ minutes?\./);
    expect(summary).not.toContain('in now');
    expect(await solo.exit()).toBe(0);
    expect(saved(h2).reviews.map((r) => r.grade)).toEqual([1, 3]);
  });

  it('a tall answer opens in a scrollable view; q returns to the grade line with the card on screen; d holds on the next card', async () => {
    const h = home();
    const t = start(['practice', '--deck', deck, '--depth', 'super-brief'], h, { rows: 30 });
    // Card 1 is the first question's own card, its back the super-brief answer: it fits.
    await t.waitFor('Enter: reveal');
    t.write(KEYS.enter);
    await t.waitFor('Back · answer (super-brief)');
    await revealAndGradeShown(t, '3');
    // Card 2, a flashcard: d shows the detailed answer, far taller than 30 rows.
    await t.waitFor('Card 2 · new');
    await t.waitFor(cards[1]!.card.front.split('\n')[0]!.slice(0, 30));
    t.write(KEYS.enter);
    await t.waitFor('s/b/d: depth');
    t.write('d');
    await t.waitFor('Answer · detailed');
    const first = await t.waitFor(/lines 1–\d+ of (\d+) · [^\n]*back to grading/);
    expect(Number(/of (\d+) ·/.exec(first)![1])).toBeGreaterThan(30);
    t.write(PAGE_DOWN);
    await t.waitFor(/lines [2-9]\d*–\d+ of/);
    t.write('q');
    const back = await t.waitFor('-: bury');
    expect(back).toContain(cards[1]!.card.front.split('\n')[0]!.slice(0, 30));
    expect(back).toContain('The answer (detailed) was shown in the scrollable view · a: open it again');
    expect(back).toContain('Grade: 1 Again');
    expect(back).toContain('a: answer (detailed)');
    t.write('2');
    // Card 3: a shows the answer at the depth chosen on card 2.
    await t.waitFor('Card 3 · new');
    t.write(KEYS.enter);
    await t.waitFor('a: answer (detailed)');
    t.write('a');
    await t.waitFor('Answer · detailed');
    await t.waitFor('back to grading');
    t.write('q');
    await t.waitFor('-: bury');
    t.write('q'); // not a key on the back: ignored
    t.write('3');
    await t.waitFor('Card 4');
    t.write('q');
    await t.waitFor('Session finished');
    expect(await t.exit()).toBe(0);
    expect(saved(h).reviews.map((r) => r.grade)).toEqual([3, 2, 3]);
  }, 30_000);

  it('counts agree in the menu, the practice header and progress --json after every step', async () => {
    const h = home();
    const content = smallContent();
    const flags = ['--content', content];
    // Short answers, so that no card's back needs the scrollable view.
    expect((await runCli(['config', 'set', 'depth', 'super-brief'], { home: h })).code).toBe(0);
    const t = start(flags, h);
    const menuCounts = async () => {
      const badge = await t.waitFor(/Practise flashcards {2}new \d+ · learning \d+ · due \d+/);
      return lastCounts(badge);
    };
    expect(await menuCounts()).toBe(await jsonCounts(h, flags));
    t.write(KEYS.enter);
    // Practise → today's review (the first of its choices).
    await t.waitFor('Cram: every card');
    t.write(KEYS.enter);
    let marker = 'Card 1 ·';
    for (const grade of ['1', '3', '4']) {
      const front = await frontAfter(t, marker);
      expect(lastCounts(front)).toBe(await jsonCounts(h, flags));
      t.write(KEYS.enter);
      await t.waitFor('s/b/d: depth');
      t.write(grade);
      marker = 'Last card:';
    }
    const front = await frontAfter(t, marker);
    expect(lastCounts(front)).toBe(await jsonCounts(h, flags));
    t.write('q');
    await t.waitFor('Session finished');
    expect(await menuCounts()).toBe(await jsonCounts(h, flags));
    expect(await jsonCounts(h, flags)).toMatch(/new 7 · learning [12] · due 0/);
    t.write(KEYS.ctrlC);
    await t.exit();
  }, 30_000);

  it('an imported plain-text document can be practised at once: its question is a card with key points', async () => {
    const h = home();
    const out = tempDir('prepdeck-import-');
    const imported = await runCli(['import', join(PLAIN_FIXTURES, 'retry-budgets.txt'), '--out', out.path], { home: h });
    expect(imported.code).toBe(0);
    const t = start(['--content', out.path, 'practice', '--deck', 'resilience'], h);
    await t.waitFor('Card 1 · new · resilience');
    await t.waitFor('Why should clients behind a load balancer limit their retries?');
    t.write(KEYS.enter);
    await t.waitFor('Back · answer (brief)');
    await t.waitFor('k: key points');
    t.write('k');
    await t.waitFor('Which key points did your answer cover?');
    await t.waitFor('Backoff');
    t.write(KEYS.space + KEYS.down + KEYS.space + KEYS.enter);
    await t.waitFor('You covered 2 of 3 key points: suggested grade 3 Good');
    await t.waitFor('Enter: Good (suggested)');
    t.write(KEYS.enter);
    await t.waitFor('Last card: 3 Good');
    t.write('q');
    await t.waitFor('Session finished');
    expect(await t.exit()).toBe(0);
    expect(saved(h).reviews).toEqual([expect.objectContaining({ key: 'resilience-q2/@question', grade: 3, covered: [2, 3] })]);
    // Without that folder loaded, its card is counted nowhere (Today and the card figures agree) and reported apart.
    type Report = { today: { learning: number }; cards: { total: number; learning: number }; notLoaded: { cards: number; reviews: number } };
    const report = async (args: string[]) => JSON.parse((await runCli([...args, 'progress', '--json'], { home: h })).stdout) as Report;
    const without = await report([]);
    expect(without.cards.learning).toBe(without.today.learning);
    expect(without.cards.learning).toBe(0);
    expect(without.notLoaded).toEqual({ cards: 1, reviews: 1 });
    const withIt = await report(['--content', out.path]);
    expect(withIt.cards.learning).toBe(1);
    expect(withIt.notLoaded).toEqual({ cards: 0, reviews: 0 });
    const text = await runCli(['progress'], { home: h });
    expect(text.stdout.replace(/\s+/g, ' ')).toContain('Not counted above: 1 review of 1 card not in the content loaded now');
    out.remove();
  });

  it('Ctrl+C midway keeps the grades given and exits 130', async () => {
    const h = home();
    const t = start(['practice', '--deck', deck, '--new', '3', '--depth', 'super-brief'], h);
    await revealAndGrade(t, '4');
    await t.waitFor('Card 2');
    await t.waitFor('Enter: reveal');
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
    const t = start(['practice', '--deck', deck, '--cram', '--depth', 'super-brief'], h);
    await t.waitFor('Cram');
    await revealAndGrade(t, '3');
    await t.waitFor('Card 2 · cram');
    await t.waitFor('Enter: reveal');
    t.write('q');
    await t.waitFor('Cram session: schedules were not changed.');
    expect(await t.exit()).toBe(0);
    const doc = saved(h);
    expect(doc.reviews).toEqual([expect.objectContaining({ key: cards[0]!.card.key, grade: 3, cram: true })]);
    expect(doc.cards).toEqual({});
  });

  it.each([40, 60])('the session summary fits a %i-column terminal', async (cols) => {
    const h = home();
    const t = start(['practice', '--deck', deck, '--new', '1', '--depth', 'super-brief'], h, { cols });
    await revealAndGrade(t, '4');
    await t.waitFor('Session finished');
    expect(await t.exit()).toBe(0);
    const output = t.output();
    const summary = output.slice(output.lastIndexOf('Session finished'));
    expect(summary).toMatch(/Reviewed\s+1\s+card:\s+Again\s+0\s+·\s+Hard\s+0\s+·\s+Good\s+0\s+·\s+Easy\s+1/);
    expect(summary).toMatch(/Next card due:\s+(tomorrow|\w+day|in\s+\d+\s+days)/);
    expect(widestLine(summary)).toBeLessThanOrEqual(cols);
  }, 30_000);
});

/** Grades the card whose back is already on screen. */
async function revealAndGradeShown(t: Session, grade: string): Promise<void> {
  await t.waitFor('s/b/d: depth');
  t.write(grade);
}
