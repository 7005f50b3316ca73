// The home menu in a real pseudo-terminal: each activity is reachable and the menu comes back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { HOME_MENU as MENU, KEYS, openFromMenu, pick, revealAndGrade, useSessions, type Session } from '../support/pty.js';
import { pastScrollView } from '../support/scroll.js';

const sessions = useSessions();
const start = (h: string): Session => sessions.start([], h);
const home = (): string => sessions.home();

describe('the home menu', () => {
  it('reaches each activity and comes back to itself', async () => {
    const h = home();
    const t = start(h);

    // First screen: Practise flashcards first, with the due count filled in.
    const first = await t.waitFor('Quit');
    expect(first).toMatch(/What would you like to do\?\n❯ Practise flashcards[^\n]*\n {2}Take a quiz\n {2}Read an answer\n {2}Simulate a load balancer\n {2}Run the live lab\n {2}Progress\n {2}Settings\n {2}Quit/);
    await t.waitFor(/Practise flashcards {2}new \d+ · learning 0 · due 0/);

    // Practise: today's review (the first choice), one card revealed with Space and graded, then stop.
    await openFromMenu(t, 1, 'Practise flashcards');
    await pick(t, 'Practise', "Today's review");
    await t.waitFor('Card 1 ·');
    await revealAndGrade(t, '4', { reveal: KEYS.space });
    await t.waitFor('Card 2 ·');
    await t.waitFor('Last card: 4 Easy');
    t.write('q');
    await t.waitFor('Reviewed 1 card: Again 0 · Hard 0 · Good 0 · Easy 1');

    // Back at the menu.
    await t.waitFor(MENU);

    // Take a quiz: all decks, 3 items, answer with Enter.
    await openFromMenu(t, 2, 'Take a quiz');
    await pick(t, 'Which quiz?', 'All decks');
    await pick(t, 'How many items?', '3', KEYS.up + KEYS.up);
    for (let n = 1; n <= 3; n++) {
      const shown = await t.waitFor(new RegExp(`Question ${n} of 3 · (Your answer|Space to tick)`));
      // A multi-select item asks again when nothing is ticked: tick the first option.
      t.write(shown.includes('Space to tick') ? ' ' + KEYS.enter : KEYS.enter);
      await t.waitFor(n === 3 ? 'Enter: see your score' : 'Enter: next question');
      t.write(KEYS.enter);
    }
    await t.waitFor(/Score: \d\/3/);
    // The summary stays on screen until a key.
    await t.waitFor(/Enter: back to the menu|q: back to the menu/);
    t.write(KEYS.enter);

    // Read an answer: the first question, then detailed, then back.
    await openFromMenu(t, 3, 'Read an answer');
    await pick(t, 'Which question?', '1.');
    await t.waitFor('Brief answer');
    await pastScrollView(t, 'Enter: back to the menu');
    expect(t.recent()).not.toContain('r: run'); // this question names no simulation
    t.write('d');
    // Far taller than the terminal: the detailed answer opens in the scroll view, q closes it.
    await t.waitFor('Detailed answer');
    await t.waitFor(/PgUp\/PgDn[^\n]*q: close/);
    t.write('q');
    await t.waitFor('Enter: back to the menu');
    t.write(KEYS.enter);

    // Simulate: the first scenario, run; its result stays until a key, then the menu again.
    await t.waitFor(MENU);
    await openFromMenu(t, 4, 'Simulate a load balancer');
    await pick(t, 'Which scenario?', 'seed-example');
    await pick(t, 'what to do?', 'Run it');
    await t.waitFor('Scenario seed-example', 20_000);
    await t.waitFor(/Enter: back to the menu|q: back to the menu/, 20_000);
    t.write(KEYS.enter);
    await t.waitFor(MENU, 20_000);

    // The live lab: starts on a free port, Ctrl+C stops it and returns to the menu.
    await openFromMenu(t, 5, 'Run the live lab');
    const banner = await t.waitFor(/http:\/\/127\.0\.0\.1:\d+\//, 20_000);
    const url = [...banner.matchAll(/http:\/\/127\.0\.0\.1:\d+\//g)].at(-1)![0];
    const page = await fetch(url + 'api/whoami');
    expect(page.status).toBe(200);
    t.write(KEYS.ctrlC);
    await t.waitFor('Lab stopped: every server closed, every port freed.', 20_000);
    await expect(fetch(url + 'api/whoami')).rejects.toThrow();
    await t.waitFor(MENU);

    // Progress.
    await openFromMenu(t, 6, 'Progress');
    await t.waitFor('Reviews, last 14 days');
    await t.waitFor(/Enter: back to the menu|q: back to the menu/);
    t.write(KEYS.enter);

    // Settings: depth detailed, 5 new cards a day.
    await openFromMenu(t, 7, 'Settings');
    await pick(t, 'Answer depth', 'detailed', KEYS.down);
    await pick(t, 'New flashcards a day', '5', KEYS.up);
    await t.waitFor('Saved: depth detailed, 5 new cards a day.');

    // Quit.
    await openFromMenu(t, 8, 'Quit');
    expect(await t.exit()).toBe(0);

    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as { settings: unknown; reviews: { grade: number }[]; quiz: unknown[] };
    expect(saved.settings).toEqual({ depth: 'detailed', newPerDay: 5 });
    expect(saved.reviews.map((r) => r.grade)).toEqual([4]);
    expect(saved.quiz).toHaveLength(3);
    const config = await runCli(['config', 'get', 'depth'], { home: h });
    expect(config.stdout).toBe('detailed\n');
  }, 60_000);

  it('Read an answer offers to run the simulation its question names, then comes back to it', async () => {
    const t = start(home());
    await openFromMenu(t, 3, 'Read an answer');
    // session-persistence (4th) has `simulate: --scenario seed-example` in its front matter.
    await pick(t, 'Which question?', '4. Session persistence', KEYS.down.repeat(3));
    await t.waitFor('Brief answer');
    await pastScrollView(t, 'r: run its simulation · Enter: back to the menu');
    t.write('r');
    await t.waitFor('$ prepdeck simulate --scenario seed-example');
    await t.waitFor('Scenario seed-example', 20_000);
    // The run stays on screen (scrollable when taller than the terminal) until a key, which goes back to the answer.
    await t.waitFor(/Enter: back to the answer|q: back to the answer/, 20_000);
    t.write(KEYS.enter);
    // Back at the read screen: another depth, then the menu.
    await t.waitFor('r: run its simulation · Enter: back to the menu', 20_000);
    t.write('s');
    await t.waitFor('Super-brief answer');
    await pastScrollView(t, 'Enter: back to the menu');
    t.write(KEYS.enter);
    await t.waitFor(MENU);
    await openFromMenu(t, 8, 'Quit');
    expect(await t.exit()).toBe(0);
  }, 60_000);

  it('Ctrl+C at the menu exits 130 without a stack trace', async () => {
    const h = home();
    const t = start(h);
    await t.waitFor('Quit');
    t.write(KEYS.ctrlC);
    const rest = await t.waitFor('Bye.');
    expect(rest).not.toContain('Error');
    expect(await t.exit()).toBe(130);
  });

  it('without a terminal, prepdeck prints the help and exits 0', async () => {
    const h = home();
    const r = await runCli([], { home: h });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Commands:');
    expect(r.stdout).toContain('prepdeck practice');
  });
});
