// The scroll view in a terminal that is resized while it is open (QA: narrowed from 80 to 60
// columns, the answer's lines stayed laid out for 80 and were broken mid-word, even after the next
// key). The view lays its text out again for the new width from its source: every row on screen
// fits the new width and no word is split across rows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS, openFromMenu, pick, ROOT, useSessions, type Session } from '../support/pty.js';
import { emulate, layoutProblems, vocabulary } from '../support/screen.js';
import { displayWidth } from '../../src/ui/text.js';

const sessions = useSessions();
const ROWS = 30;
const FOOTER = /lines \d+–\d+ of \d+ · ↑↓ PgUp\/PgDn: scroll · q: [a-z ]+/;

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath, e.name));
}

// Every word the program can print: the content's and the program's own.
const WORDS = vocabulary([...filesUnder(join(ROOT, 'content'), '.md'), ...filesUnder(join(ROOT, 'src'), '.ts')].map((f) => readFileSync(f, 'utf8')));

/** Waits until the program has stopped drawing (quiet for two ticks in a row), so a screen is checked whole. */
async function settled(t: Session): Promise<void> {
  let seen = -1;
  for (let quiet = 0; quiet < 2; ) {
    await new Promise((r) => setTimeout(r, 150));
    const now = t.raw().length;
    quiet = now === seen ? quiet + 1 : 0;
    seen = now;
  }
}

/**
 * Resizes the terminal to `cols` while the scroll view is open, presses ↓ (a key redraws even a view
 * that ignored the resize), and returns the screen's problems at the new width: what was drawn
 * since the resize, as the terminal shows it now.
 */
async function resizeAndCheck(t: Session, cols: number): Promise<{ problems: string[]; screen: string }> {
  const mark = t.raw().length;
  t.resize(cols, ROWS);
  await settled(t);
  t.write(KEYS.down);
  await settled(t);
  const rows = emulate(t.raw().slice(mark), cols, ROWS).rows.slice(-ROWS);
  const screen = rows.map((r) => r.text).join('\n');
  const wide = rows.filter((r) => displayWidth(r.text) > cols).map((r) => `wider than ${cols}: ${JSON.stringify(r.text)}`);
  return { problems: [...wide, ...layoutProblems({ rows }, WORDS)], screen };
}

describe('the scroll view in a resized terminal', () => {
  it('Read an answer: narrowed 80 → 60, then widened to 100, the text is laid out again for each width', async () => {
    const t = sessions.start([], sessions.home(), { cols: 80, rows: ROWS });
    await openFromMenu(t, 3, 'Read an answer');
    await pick(t, 'Which question?', '1. ');
    await t.waitFor(FOOTER);
    await settled(t);

    const narrow = await resizeAndCheck(t, 60);
    expect(narrow.problems, narrow.screen).toEqual([]);
    expect(narrow.screen).toMatch(FOOTER);

    const wide = await resizeAndCheck(t, 100);
    expect(wide.problems, wide.screen).toEqual([]);
    expect(wide.screen).toMatch(FOOTER);
    // Laid out for 100 columns, not left at 60: some line is wider than 60.
    expect(Math.max(...wide.screen.split('\n').map(displayWidth))).toBeGreaterThan(60);
    t.write('q');
    await t.waitFor('back to the menu');
  });

  it('Practise: a detailed answer opened from a card, narrowed 80 → 60', async () => {
    const t = sessions.start([], sessions.home(), { cols: 80, rows: ROWS });
    await openFromMenu(t, 1, 'Practise flashcards');
    await pick(t, 'Practise', "Today's review");
    await t.waitFor('Enter: reveal');
    t.write(KEYS.enter);
    // An answer taller than the terminal opens in the scroll view at once; otherwise d opens the detailed one.
    const back = await t.waitFor(/q: back to grading|s\/b\/d: depth/);
    if (!back.endsWith('q: back to grading')) {
      t.write('d');
      await t.waitFor('q: back to grading');
    }
    await settled(t);

    const narrow = await resizeAndCheck(t, 60);
    expect(narrow.problems, narrow.screen).toEqual([]);
    expect(narrow.screen).toMatch(/Answer · (brief|detailed)/);
    t.write('q');
    await t.waitFor(/Grade: 1 Again/);
  });
});
