// The quiz in a real pseudo-terminal against the built CLI: arrow keys and Enter, the screen, and
// what was saved; Ctrl+C midway; no terminal at all.
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDirs, loadLibrary } from '../../src/content/load.js';
import type { QuizItem } from '../../src/content/model.js';
import { optionOrder, quizPool, selectItems } from '../../src/quiz/select.js';
import { BIN, cleanEnv, ROOT, runCli } from '../support/cli.js';
import { KEYS, useSessions, widestLine, type Session } from '../support/pty.js';

const questions = (await loadLibrary(contentDirs([], {}))).questions;
const { home, start: startIn } = useSessions();
const start = (args: string[], h: string, cols?: number): Session => startIn(args, h, cols === undefined ? {} : { cols });

/** The items `quiz --question Q --count N --seed S` asks (fresh progress), with options in screen order. */
function plan(question: string, count: number, seed: string) {
  const pool = quizPool(questions, { question });
  return selectItems(pool, [], { count, seed, missedFirst: false }).map(({ item }) => ({ item, order: optionOrder(item, seed) }));
}

/** Keys that answer an item right (exactly the correct options) or wrong. */
export function keysFor(item: QuizItem, order: number[], right: boolean): string {
  const correct = order.map((i) => item.options[i]!.correct);
  if (item.type === 'multi') {
    const tick = right ? correct : correct.map((c, i) => (i === 0 ? !c : c));
    return tick.map((t, i) => (i > 0 ? KEYS.down : '') + (t ? KEYS.space : '')).join('') + KEYS.enter;
  }
  const target = right ? correct.indexOf(true) : correct.indexOf(false);
  return KEYS.down.repeat(target) + KEYS.enter;
}

interface SavedAnswer {
  key: string;
  correct: boolean;
  attempt: string;
}

function saved(h: string): SavedAnswer[] {
  return (JSON.parse(readFileSync(join(h, 'progress.json'), 'utf8')) as { quiz: SavedAnswer[] }).quiz;
}

async function answer(t: Session, n: number, total: number, item: QuizItem, order: number[], right: boolean): Promise<void> {
  await t.waitFor(`Question ${n} of ${total}`);
  // At 40 columns the prompt line "Question n of m · Space to tick, Enter to submit" wraps after the dot.
  await t.waitFor(new RegExp(`Question ${n} of ${total} ·\\s+(Your answer|Space to tick)`));
  t.write(keysFor(item, order, right));
  await t.waitFor(right ? '✔ Right.' : '✘ Wrong.');
  await t.waitFor('Explanation');
}

describe('prepdeck quiz in a terminal', () => {
  it('runs a whole quiz with arrow keys and Enter, shows feedback and a summary, and saves every answer', async () => {
    const h = home();
    const q = 'session-persistence';
    const items = plan(q, 3, '7');
    const t = start(['quiz', '--question', q, '--count', '3', '--seed', '7'], h);
    const pattern = [true, false, true];
    for (const [i, { item, order }] of items.entries()) {
      await answer(t, i + 1, 3, item, order, pattern[i]!);
      if (!pattern[i]) {
        // The correct answer is on screen after a wrong one.
        const right = item.options.filter((o) => o.correct).map((o) => o.text);
        expect(t.recent() + t.output().slice(-2000)).toContain(right[0]!.slice(0, 40));
      }
      if (i === 0) {
        await t.waitFor('a: the answer (brief)');
        t.write('a');
        await t.waitFor('(brief answer)');
        t.write('s');
        await t.waitFor('(super-brief answer)');
      }
      await t.waitFor(i === 2 ? 'Enter: see your score' : 'Enter: next question');
      t.write(KEYS.enter);
    }
    const summary = await t.waitFor('Retake exactly this quiz');
    expect(summary).toContain('Score: 2/3 (67%)');
    expect(summary).toContain('first attempt');
    expect(summary).toMatch(/By deck\n\s+load-balancing\s+2\/3\s+67%/);
    expect(summary).toMatch(/By tag\n[\s\S]*sticky-sessions\s+2\/3/);
    expect(summary).toContain(`[${items[1]!.item.key}]`);
    expect(await t.exit()).toBe(0);

    const answers = saved(h);
    expect(answers.map((a) => [a.key, a.correct])).toEqual(items.map(({ item }, i) => [item.key, pattern[i]]));
    expect(new Set(answers.map((a) => a.attempt)).size).toBe(1);

    // Next time, without a seed, the missed item comes first; the change against the last attempt shows.
    const again = start(['quiz', '--question', q, '--count', '1'], h);
    await again.waitFor('Question 1 of 1');
    const screen = await again.waitFor(/Question 1 of 1 · (Your answer|Space to tick)/);
    expect(screen).toContain(items[1]!.item.prompt.split('\n')[0]!.slice(0, 50));
    again.write(KEYS.enter); // whatever is first: right (+33 points) or wrong (-67)
    await again.waitFor('Enter: see your score');
    again.write(KEYS.enter);
    await again.waitFor(/Against your previous attempt \(2\/3, 67%\): (\+33 points|-67 points)/);
    expect(await again.exit()).toBe(0);
  });

  it('Ctrl+C midway saves the answers given, says so in one line, and exits 130; the stopped quiz is not a score', async () => {
    const h = home();
    const q = 'session-persistence';
    // First a finished one-item quiz, answered wrong: best and last 0%.
    const [one] = plan(q, 1, '5');
    const first = start(['quiz', '--question', q, '--count', '1', '--seed', '5'], h);
    await answer(first, 1, 1, one!.item, one!.order, false);
    await first.waitFor('Enter: see your score');
    first.write(KEYS.enter);
    expect(await first.exit()).toBe(0);
    const items = plan(q, 5, '11');
    const t = start(['quiz', '--question', q, '--count', '5', '--seed', '11'], h);
    for (const [i, { item, order }] of items.slice(0, 2).entries()) {
      await answer(t, i + 1, 5, item, order, i === 0);
      await t.waitFor('Enter: next question');
      t.write(KEYS.enter);
    }
    await t.waitFor(/Question 3 of 5 · (Your answer|Space to tick)/);
    t.write(KEYS.ctrlC);
    const rest = await t.waitFor('Saved 2 answers.');
    expect(rest).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(await t.exit()).toBe(130);

    const json = await runCli(['progress', '--json'], { home: h });
    expect(json.code).toBe(0);
    type QuestionFigures = { id: string; quiz: { answered: number; correct: number; best?: number; last?: number } };
    const report = JSON.parse(json.stdout) as { totals: { quizAnswers: number; quizAttempts: number }; decks: { questions: QuestionFigures[] }[] };
    expect(report.totals).toMatchObject({ quizAnswers: 3, quizAttempts: 1, stoppedQuizzes: 1 });
    const sp = report.decks.flatMap((d) => d.questions).find((x) => x.id === q)!;
    // The stopped run (1 of 2 right) counts its answers but leaves best and last as they were.
    expect(sp.quiz).toMatchObject({ answered: 3, correct: 1, best: 0, last: 0, trend: [0] });
    expect(saved(h).slice(1).map((a) => [a.key, a.correct])).toEqual([
      [items[0]!.item.key, true],
      [items[1]!.item.key, false],
    ]);
  });

  it('quiz </dev/null prints one line and exits 2 by itself, without waiting for input', async () => {
    const h = home();
    const result = await new Promise<{ code: number | null; killed: boolean; stderr: string; stdout: string }>((done, fail) => {
      const child = spawn(process.execPath, [BIN, 'quiz'], { cwd: ROOT, env: cleanEnv(h), stdio: [openSync('/dev/null', 'r'), 'pipe', 'pipe'] });
      let stderr = '';
      let stdout = '';
      let killed = false;
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      // Generous: a quiz that waited for input would hang; a slow machine must not fail the test.
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, 10_000);
      child.on('error', fail);
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ code, killed, stderr, stdout });
      });
    });
    expect(result.killed).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('needs an interactive terminal');
  }, 15_000);

  it('--count abc quotes what was typed (exit 2)', async () => {
    const r = await runCli(['quiz', '--count', 'abc'], { home: home() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--count must be a whole number of at least 1; got 'abc'.");
    expect(r.stderr).not.toContain('NaN');
  });

  it.each([40, 60])('the summary fits a %i-column terminal', async (cols) => {
    const h = home();
    const q = 'session-persistence';
    const items = plan(q, 2, '3');
    const t = start(['quiz', '--question', q, '--count', '2', '--seed', '3'], h, cols);
    for (const [i, { item, order }] of items.entries()) {
      await answer(t, i + 1, 2, item, order, false); // wrong: the summary lists both, with long prompts
      await t.waitFor(i === 1 ? 'Enter: see your score' : 'Enter: next question');
      t.write(KEYS.enter);
    }
    await t.waitFor('Quiz finished');
    expect(await t.exit()).toBe(0);
    const output = t.output();
    const summary = output.slice(output.lastIndexOf('Quiz finished'));
    expect(summary).toContain('Missed (2)');
    expect(summary).toContain('Retake exactly this quiz');
    expect(widestLine(summary)).toBeLessThanOrEqual(cols);
  }, 30_000);
});
