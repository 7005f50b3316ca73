// The width matrix: every screen at one width, in a real pseudo-terminal: no line is wider than the
// terminal (the terminal never has to wrap one) and no word of the content or of the UI is split
// across lines. The screen is replayed by test/support/screen.ts exactly as a terminal would draw
// it, prompts included, and its words are checked against the words of the content and sources.
// One test file per width (test/e2e/width-matrix-*.test.ts), so that the widths run side by side:
// the screens mostly wait on the program, and one file of all four was the suite's longest by far.
import { describe, expect, it } from 'vitest';
import { KEYS, settled, useSessions, type Session, type Sessions } from './pty.js';
import { emulate, layoutProblems, programVocabulary } from './screen.js';

const ROWS = 40;

// The words the screens may show: the content's and the program's own (its strings live in src/).
// inquirer's own key help ("↑↓ navigate • ⏎ select") is the only text from elsewhere.
const LIBRARY = 'navigate select submit invert all';
const WORDS = programVocabulary(LIBRARY);

/** Collects layout problems of the screen as it is now, under a label. */
function checker(cols: number) {
  const problems: string[] = [];
  const seen = new Set<string>();
  return {
    problems,
    async check(t: Session, label: string): Promise<void> {
      await settled(t);
      for (const p of layoutProblems(emulate(t.raw(), cols, ROWS), WORDS)) {
        if (seen.has(p)) continue;
        seen.add(p);
        problems.push(`${label} @${cols}: ${p}`);
      }
    },
  };
}

async function printed(sessions: Sessions, args: string[], home: string, cols: number, c: ReturnType<typeof checker>, label: string): Promise<void> {
  const t = sessions.start(args, home, { cols, rows: ROWS, lingerMs: 100 });
  expect(await t.exit(20_000)).toBe(0);
  await c.check(t, label);
}

/** The width matrix's tests for one width (a test file per width calls this). */
export function widthMatrix(cols: number): void {
  const sessions = useSessions();
  describe(`every screen at ${cols} columns`, () => {
    it('read (three depths), list, simulate (single, --compare, --list), config, progress for a new user, lab --script', async () => {
      const home = sessions.home();
      const c = checker(cols);
      for (const depth of ['super-brief', 'brief', 'detailed']) await printed(sessions, ['read', 'session-persistence', '--depth', depth], home, cols, c, `read ${depth}`);
      await printed(sessions, ['read', 'what-is-a-load-balancer', '--depth', 'detailed'], home, cols, c, 'read lists');
      await printed(sessions, ['list'], home, cols, c, 'list');
      await printed(sessions, ['--help'], home, cols, c, '--help');
      await printed(sessions, ['simulate', '--scenario', 'seed-example'], home, cols, c, 'simulate');
      await printed(sessions, ['simulate', '--scenario', 'failover'], home, cols, c, 'simulate --compare');
      await printed(sessions, ['simulate', '--list'], home, cols, c, 'simulate --list');
      await printed(sessions, ['config'], home, cols, c, 'config');
      await printed(sessions, ['progress'], home, cols, c, 'progress (new user)');
      await printed(sessions, ['lab', '--script', 'sticky'], home, cols, c, 'lab --script sticky');
      expect(c.problems).toEqual([]);
    }, 120_000);

    it('menu, settings, quiz item/feedback/summary, practice front/back/grade line, progress, simulate --step', async () => {
      const home = sessions.home();
      const c = checker(cols);

      const menu = sessions.start([], home, { cols, rows: ROWS });
      await menu.waitFor(/Practise flashcards {2}\S/);
      await menu.waitFor('Ctrl+C quit');
      await c.check(menu, 'menu');
      menu.write('7' + KEYS.enter);
      await menu.waitFor('Answer depth');
      await menu.waitFor('detailed: the full answer');
      await c.check(menu, 'settings');
      menu.write(KEYS.ctrlC);
      await menu.exit();

      const sim = sessions.start([], home, { cols, rows: ROWS });
      await sim.waitFor('Ctrl+C quit');
      sim.write('4' + KEYS.enter);
      await sim.waitFor('Which scenario?');
      await sim.waitFor('Back to the menu');
      await c.check(sim, 'menu: scenarios');
      sim.write(KEYS.down.repeat(2) + KEYS.enter);
      await sim.waitFor('what to do?');
      await sim.waitFor('Back to the menu');
      await c.check(sim, 'menu: scenario actions');
      sim.write(KEYS.ctrlC);
      await sim.exit();

      const more = sessions.start([], home, { cols, rows: ROWS });
      await more.waitFor('Ctrl+C quit');
      more.write('1' + KEYS.enter);
      await more.waitFor('Quiz on the items I missed');
      await c.check(more, 'menu: practise choices');
      more.write(KEYS.down.repeat(4) + KEYS.enter);
      await more.waitFor('Which question?');
      await c.check(more, 'menu: practise one question');
      more.write(KEYS.ctrlC);
      await more.exit();

      const read = sessions.start([], home, { cols, rows: ROWS });
      await read.waitFor('Ctrl+C quit');
      read.write('3' + KEYS.enter);
      await read.waitFor('Which question?');
      await c.check(read, 'menu: read which question');
      read.write(KEYS.enter);
      // Taller than the terminal, the answer opens in the scroll view; q leaves its keys.
      const answer = await read.waitFor(/PgUp\/PgDn[^\n]*q: close|l: related questions/);
      await c.check(read, 'menu: read answer');
      if (!answer.endsWith('l: related questions')) {
        read.write('q');
        await read.waitFor('l: related questions');
      }
      await c.check(read, 'menu: read footer keys');
      read.write('l');
      await read.waitFor('Back to the answer');
      await c.check(read, 'menu: related questions');
      read.write(KEYS.ctrlC);
      await read.exit();

      const quiz = sessions.start(['quiz', '--question', 'tls-termination', '--count', '3', '--seed', '4'], home, { cols, rows: ROWS });
      for (let n = 1; n <= 3; n++) {
        const asked = await quiz.waitFor(new RegExp(`Question ${n} of 3 · (Your answer|Space to tick)`));
        await quiz.waitFor('↑↓');
        await c.check(quiz, `quiz item ${n}`);
        quiz.write(asked.endsWith('Space to tick') ? ' ' + KEYS.enter : KEYS.enter);
        await quiz.waitFor(n === 3 ? 'Enter: see your score' : 'Enter: next question');
        await c.check(quiz, `quiz feedback ${n}`);
        quiz.write(KEYS.enter);
      }
      await quiz.waitFor('Retake exactly this quiz');
      expect(await quiz.exit()).toBe(0);
      await c.check(quiz, 'quiz summary');

      const practice = sessions.start(['practice'], home, { cols, rows: ROWS });
      await practice.waitFor(/Card 1\b/);
      await practice.waitFor(/reveal/);
      await c.check(practice, 'practice front');
      practice.write(KEYS.enter);
      // The back: with the answer in a scrollable view (q returns to grading) or with the grade line.
      const back = await practice.waitFor(/q: back to grading|1 Again/);
      await c.check(practice, 'practice back');
      if (back.endsWith('q: back to grading')) {
        practice.write('q');
        await practice.waitFor('1 Again');
      }
      await practice.waitFor('4 Easy');
      await c.check(practice, 'practice grade line');
      practice.write('3');
      await practice.waitFor(/Card 2\b/);
      practice.write(KEYS.ctrlC);
      await practice.exit();

      await printed(sessions, ['progress'], home, cols, c, 'progress');

      const step = sessions.start(['simulate', '--scenario', 'failover', '--step', '--config', '1'], home, { cols, rows: ROWS });
      for (let n = 1; n <= 3; n++) {
        await step.waitFor('Space/Enter: next · q: the rest');
        await c.check(step, `simulate --step ${n}`);
        step.write(KEYS.space);
        // The next request's row: the key was taken (a key typed before the prompt listens is lost).
        await step.waitFor(new RegExp(`(?:^|[\\n ])${n + 1}[*!x]? {2,}[A-Z] {2,}`));
      }
      await step.waitFor('Space/Enter: next · q: the rest');
      step.write('q');
      await step.waitFor('Summary');
      expect(await step.exit()).toBe(0);
      await c.check(step, 'simulate --step summary');

      expect(c.problems).toEqual([]);
    }, 120_000);
  });
}
