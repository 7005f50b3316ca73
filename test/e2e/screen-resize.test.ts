// The scroll view and the lists in a terminal that is resized while they are open (QA: narrowed
// from 80 to 60 columns, an answer's lines stayed laid out for 80 and were broken mid-word, even
// after the next key; a list opened at 100 columns and resized to 50 kept its labels laid out for
// 100). Both lay their text out again for the new width: every row on screen fits the new width and
// no word is split across rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDirs, loadLibrary } from '../../src/content/load.js';
import { optionOrder, quizPool, selectItems } from '../../src/quiz/select.js';
import { KEYS, openFromMenu, pick, settled, useSessions, type Session } from '../support/pty.js';
import { emulate, layoutProblems, programVocabulary } from '../support/screen.js';
import { displayWidth } from '../../src/ui/text.js';

const sessions = useSessions();
const ROWS = 30;
const FOOTER = /lines \d+–\d+ of \d+ · ↑↓ PgUp\/PgDn: scroll · q: [a-z ]+/;

// Every word the program can print: the content's and the program's own (and inquirer's key help).
const WORDS = programVocabulary('navigate select');

/**
 * Resizes the terminal to `cols` while a scroll view or list is open, presses ↓ (a key redraws even
 * a screen that ignored the resize), and returns the screen's problems at the new width: what was
 * drawn since the resize, as the terminal shows it now.
 */
async function resizeAndCheck(t: Session, cols: number): Promise<{ problems: string[]; screen: string }> {
  const mark = t.raw().length;
  t.resize(cols, ROWS);
  await settled(t);
  t.write(KEYS.down);
  await settled(t);
  return check(t.raw().slice(mark), cols);
}

/** Rows wider than `cols` and words split across rows, on the screen `raw` leaves a terminal `cols` wide. */
function check(raw: string, cols: number): { problems: string[]; screen: string } {
  const rows = emulate(raw, cols, ROWS).rows.slice(-ROWS);
  const screen = rows.map((r) => r.text).join('\n');
  const wide = rows.filter((r) => displayWidth(r.text) > cols).map((r) => `wider than ${cols}: ${JSON.stringify(r.text)}`);
  return { problems: [...wide, ...layoutProblems({ rows }, WORDS)], screen };
}

describe('a list in a resized terminal', () => {
  it('Read an answer → Which question?: opened at 100 columns, resized to 50, redrawn at once and after ↓', async () => {
    const t = sessions.start([], sessions.home(), { cols: 100, rows: ROWS });
    await openFromMenu(t, 3, 'Read an answer');
    await t.waitFor('Which question?');
    await t.waitFor('navigate');
    await settled(t);
    const mark = t.raw().length;
    t.resize(50, ROWS);
    await settled(t);
    // Redrawn without waiting for a key.
    const resized = check(t.raw().slice(mark), 50);
    expect(resized.screen).toMatch(/❯ 1\. What is a load balancer/);
    expect(resized.problems, resized.screen).toEqual([]);

    t.write(KEYS.down);
    await settled(t);
    const moved = check(t.raw().slice(mark), 50);
    expect(moved.screen).toMatch(/❯ 2\. /);
    expect(moved.problems, moved.screen).toEqual([]);
    t.write(KEYS.enter);
    await t.waitFor(/Layer 4 vs Layer 7[\s\S]*(q: close|back to the menu)/);
  });
});

describe('the home menu in a resized terminal', () => {
  it('opened at 100 columns with its counts, resized to 30: redrawn at once, every label whole', async () => {
    const t = sessions.start([], sessions.home(), { cols: 100, rows: ROWS });
    await t.waitFor('Ctrl+C quit');
    await t.waitFor('due');
    await settled(t);
    const mark = t.raw().length;
    t.resize(30, ROWS);
    await settled(t);
    const resized = check(t.raw().slice(mark), 30);
    expect(resized.screen).toMatch(/❯ Practise flashcards/);
    expect(resized.problems, resized.screen).toEqual([]);
    // The answered line is laid out for 30 columns too.
    t.write('3' + KEYS.enter);
    await t.waitFor('Which question?');
    await settled(t);
    const chosen = check(t.raw().slice(mark), 30);
    expect(chosen.screen).toMatch(/What would you like to do\?\s+Read an answer/);
    expect(chosen.problems, chosen.screen).toEqual([]);
  });
});

/** A quiz of one multi-answer item (`quiz --question Q --count 1 --seed S`): the options in screen order. */
async function multiAnswerQuiz() {
  const questions = (await loadLibrary(contentDirs([], {}))).questions;
  for (const { id } of questions) {
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const [first] = selectItems(quizPool(questions, { question: id }), [], { count: 1, seed, missedFirst: false });
      if (first?.item.type === 'multi') return { id, seed, item: first.item, order: optionOrder(first.item, seed) };
    }
  }
  throw new Error('no multi-answer quiz item in the content');
}

describe('a checkbox list in a resized terminal', () => {
  it('a quiz multi-answer item: opened at 100 columns, resized to 50, redrawn at once; ticked and submitted, the answer is saved', async () => {
    const { id, seed, item, order } = await multiAnswerQuiz();
    const h = sessions.home();
    const t = sessions.start(['quiz', '--question', id, '--count', '1', '--seed', seed], h, { cols: 100, rows: ROWS });
    await t.waitFor('Space to tick');
    await t.waitFor('submit');
    await settled(t);
    const mark = t.raw().length;
    t.resize(50, ROWS);
    await settled(t);
    // Redrawn without waiting for a key.
    const resized = check(t.raw().slice(mark), 50);
    expect(resized.screen).toMatch(/❯◯ /);
    expect(resized.problems, resized.screen).toEqual([]);

    // Tick exactly the right options, checking the screen after the first move.
    const right = order.map((i) => item.options[i]!.correct);
    t.write(KEYS.down);
    await settled(t);
    const moved = check(t.raw().slice(mark), 50);
    expect(moved.problems, moved.screen).toEqual([]);
    t.write(KEYS.up + right.map((tick, i) => (i > 0 ? KEYS.down : '') + (tick ? KEYS.space : '')).join('') + KEYS.enter);
    await t.waitFor('✔ Right.');
    await t.waitFor('Enter: see your score');
    const saved = JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as { quiz: { key: string; correct: boolean }[] };
    expect(saved.quiz.map((a) => [a.key, a.correct])).toEqual([[item.key, true]]);
    t.write(KEYS.enter);
    await t.waitFor('Quiz finished');
    expect(await t.exit()).toBe(0);
  });
});

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
