// Inside the home menu, a result stays on screen until a key, and submenus go back with Esc
// (QA: Progress's Streak/Today lines and the quiz summary's Score scrolled away under the menu).
import { describe, expect, it } from 'vitest';
import { HOME_MENU as MENU, KEYS, openFromMenu, pick, useSessions } from '../support/pty.js';
import { emulate } from '../support/screen.js';

const sessions = useSessions();

/** The rows the terminal shows now (the last `rows` of everything drawn). */
function visible(raw: string, cols: number, rows: number): string {
  return emulate(raw, cols, rows).rows.slice(-rows).map((r) => r.text).join('\n');
}

describe('results inside the menu', () => {
  it('Progress stays on screen until a key; Practise goes back with Esc; tags say "1 question"', async () => {
    const home = sessions.home();
    const t = sessions.start([], home, { cols: 100, rows: 34 });
    await openFromMenu(t, 6, 'Progress');
    await t.waitFor(/Enter: back to the menu|q: back to the menu/);
    await new Promise((r) => setTimeout(r, 300));
    const shown = visible(t.raw(), 100, 34);
    // Either the whole report is on screen (its last lines included) or the scroll view holds it.
    expect(shown.includes('Streak') || shown.includes('PgUp/PgDn')).toBe(true);
    expect(shown).not.toContain('Ctrl+C quit'); // the menu has not come back yet
    t.write(KEYS.enter);
    await t.waitFor(MENU);

    await openFromMenu(t, 1, 'Practise flashcards');
    await pick(t, 'Practise', 'One tag', KEYS.down.repeat(5));
    const tags = await t.waitFor('Which tag?');
    await t.waitFor(/#\S+ \(\d+ questions?\)/);
    expect(t.output()).not.toMatch(/\(1 questions\)/);
    expect(tags).toBeDefined();
    t.write(KEYS.ctrlC);
    expect(await t.exit()).toBe(130);
  }, 60_000);

  it('Esc in the Practise choices comes back to the menu', async () => {
    const t = sessions.start([], sessions.home(), { cols: 80, rows: 30 });
    await openFromMenu(t, 1, 'Practise flashcards');
    await t.waitFor('Back to the menu (Esc)');
    t.write(KEYS.escape);
    await t.waitFor(MENU);
    await openFromMenu(t, 8, 'Quit');
    expect(await t.exit()).toBe(0);
  }, 60_000);
});
