// The review loop from the home menu in a real pseudo-terminal against the built CLI, asserting the
// screen and the saved progress: a suspended card says its real key, never appears when cramming
// and comes back through Practise → Suspended cards; One deck keeps the daily new-card limit (the
// same figures as the menu); extra new cards do not use up the day's limit; "nothing to review"
// inside the menu points to the menu's entries.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { KEYS, openFromMenu, pick, revealAndGrade, useSessions, type Session } from '../support/pty.js';

const { home, start } = useSessions();

interface Saved {
  reviews: { key: string; grade: number; cram?: boolean; extra?: boolean }[];
  suspended: Record<string, string>;
}

function saved(h: string): Saved {
  return JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as Saved;
}

const COUNTS = /new (\d+) · learning (\d+) · due (\d+)/g;

function lastCounts(text: string): string {
  const m = [...text.matchAll(COUNTS)].at(-1);
  if (!m) throw new Error(`no counts on screen:\n${text}`);
  return m[0];
}

async function jsonCounts(h: string, args: string[] = []): Promise<string> {
  const json = await runCli([...args, 'progress', '--json'], { home: h });
  const t = (JSON.parse(json.stdout) as { today: { new: number; learning: number; due: number } }).today;
  return `new ${t.new} · learning ${t.learning} · due ${t.due}`;
}

async function menuCounts(t: Session): Promise<string> {
  return lastCounts(await t.waitFor(/Practise flashcards {2}new \d+ · learning \d+ · due \d+/));
}

/** From the home menu: Practise, then its `entry`, `down` steps below "Today's review". */
async function practise(t: Session, entry: string, down = 0): Promise<void> {
  await openFromMenu(t, 1, 'Practise flashcards');
  await pick(t, 'Practise', entry, KEYS.down.repeat(down));
}

async function setConfig(h: string, key: string, value: string): Promise<void> {
  expect((await runCli(['config', 'set', key, value], { home: h })).code).toBe(0);
}

describe('practice from the home menu', () => {
  it('a suspended card: its real key on screen, never in cram, brought back from Practise → Suspended cards', async () => {
    const h = home();
    await setConfig(h, 'depth', 'super-brief');
    const t = start([], h);
    await menuCounts(t);
    await practise(t, "Today's review");
    const first = await t.waitFor('Enter: reveal');
    const suspendedFront = first.slice(first.lastIndexOf('Card 1 · new')).split('\n')[3]!;
    t.write('!');
    await t.waitFor('Last card suspended');
    const key = Object.keys(saved(h).suspended)[0]!;
    expect(key).toMatch(/\/@question$/);
    const front = (await t.waitFor('q: stop')).replace(/\s+/g, ' ');
    expect(front).toContain(`prepdeck practice --unsuspend ${key} (or Practise → Suspended cards in the menu)`);
    expect(front).not.toContain('KEY');
    expect(front).toContain('u: undo');
    t.write('q');
    await t.waitFor('Nothing was reviewed.');
    expect(await menuCounts(t)).toBe(await jsonCounts(h));

    // Cram goes through the cards in content order: the suspended first card is left out.
    await practise(t, 'Cram', 2);
    const cram = await t.waitFor('Enter: reveal');
    expect(cram).toContain('Card 1 · cram');
    expect(cram.slice(cram.lastIndexOf('Card 1 · cram'))).not.toContain(suspendedFront);
    await revealAndGrade(t, '3', { shown: true });
    await t.waitFor('Card 2 · cram');
    await t.waitFor('q: stop');
    t.write('q');
    await t.waitFor('Cram session: schedules were not changed.');
    const crammed = saved(h).reviews.filter((r) => r.cram).map((r) => r.key);
    expect(crammed).toHaveLength(1);
    expect(crammed).not.toContain(key);

    // Practise → Suspended cards lists it; choosing it brings it back.
    await menuCounts(t);
    await practise(t, 'Suspended cards', 7);
    const list = await t.waitFor('None: back to the menu');
    expect(list).toContain('Suspended cards: which one should come back?');
    // The card's whole front, not its first source line (QA: "… Where in a system can").
    const prompt = (JSON.parse((await runCli(['read', key.split('/')[0]!, '--json'], { home: h })).stdout) as { question: string }).question;
    expect(list.replace(/\s+/g, ' ')).toContain(prompt.replace(/\s+/g, ' '));
    t.write(KEYS.enter);
    await t.waitFor(`Unsuspended ${key}`);
    expect(saved(h).suspended).toEqual({});
    expect(await menuCounts(t)).toBe(await jsonCounts(h));
    t.write(KEYS.ctrlC);
    await t.exit();
  }, 40_000);

  it('One deck keeps the daily limit (the menu’s figures); extra new cards leave the limit alone', async () => {
    const h = home();
    await setConfig(h, 'depth', 'super-brief');
    await setConfig(h, 'new-per-day', '3');
    const t = start([], h);
    expect(await menuCounts(t)).toBe('new 3 · learning 0 · due 0');
    expect(await jsonCounts(h)).toBe('new 3 · learning 0 · due 0');

    await practise(t, 'One deck', 3);
    await t.waitFor('Which deck?');
    t.write(KEYS.enter);
    await t.waitFor('Enter: reveal');
    expect(lastCounts(t.output())).toBe('new 3 · learning 0 · due 0');
    t.write('q');
    await t.waitFor('Nothing was reviewed.');
    expect(await menuCounts(t)).toBe('new 3 · learning 0 · due 0');

    // Extra new cards → 5: one graded; the day's limit is untouched.
    await practise(t, 'Extra new cards', 1);
    await pick(t, 'How many new cards?', '5');
    await t.waitFor('Enter: reveal');
    expect(lastCounts(t.output())).toBe('new 5 · learning 0 · due 0');
    await revealAndGrade(t, '3', { shown: true });
    await t.waitFor('Last card: 3 Good');
    await t.waitFor('q: stop');
    t.write('q');
    await t.waitFor('Reviewed 1 card');
    expect(await menuCounts(t)).toBe('new 3 · learning 1 · due 0');
    expect(await jsonCounts(h)).toBe('new 3 · learning 1 · due 0');
    expect(saved(h).reviews).toEqual([expect.objectContaining({ grade: 3, extra: true })]);
    t.write(KEYS.ctrlC);
    await t.exit();
  }, 40_000);

  it('with no new cards a day, One deck has nothing to review and points to the menu’s entries', async () => {
    const h = home();
    await setConfig(h, 'new-per-day', '0');
    const t = start([], h);
    expect(await menuCounts(t)).toBe('new 0 · learning 0 · due 0');
    await practise(t, 'One deck', 3);
    await t.waitFor('Which deck?');
    t.write(KEYS.enter);
    const shown = (await t.waitFor('Practise → Cram')).replace(/\s+/g, ' ');
    expect(shown).toContain('Nothing to review right now.');
    expect(shown).toContain("More new cards: Practise → Extra new cards beyond today's limit.");
    expect(shown).not.toContain('prepdeck practice --new');
    await menuCounts(t);
    t.write(KEYS.ctrlC);
    await t.exit();
    const cli = start(['practice', '--deck', 'load-balancing'], h);
    const out = (await cli.waitFor('--cram')).replace(/\s+/g, ' ');
    expect(out).toContain('Nothing to review right now.');
    expect(out).toContain("'prepdeck practice --new 5'");
    expect(await cli.exit()).toBe(0);
  }, 40_000);
});
