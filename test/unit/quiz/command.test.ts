// The quiz command driven with a scripted prompter: what it saves, prints and throws.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../../src/commands/quiz.js';
import { ExitCode, InterruptedError, NotFoundError, UsageError } from '../../../src/errors.js';
import { item, question } from './fixtures.js';
import { context, scripted, tempHome } from './harness.js';

const q1 = question('q1', { deck: 'd1', tags: ['alpha'], quiz: ['a', 'b'] });
q1.quiz.push(
  item('q1', 'm', 'multi', [
    ['m-right-1', true],
    ['m-right-2', true],
    ['m-wrong', false],
  ]),
);
const q2 = question('q2', { deck: 'd2', tags: ['beta'], quiz: ['c'] });
const questions = [q1, q2];

/** Picks the choice whose option text matches. */
const pick = (text: string) => (choices: { name: string; value: unknown }[]) => choices.find((c) => c.name === text)!.value;
const tick = (...texts: string[]) => (choices: { name: string; value: unknown }[]) => choices.filter((c) => texts.includes(c.name)).map((c) => c.value);

let home: string;
beforeEach(() => (home = tempHome()));
afterEach(() => rmSync(home, { recursive: true, force: true }));

const saved = () => JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')) as { quiz: { key: string; correct: boolean; chosen: string[]; scope: string }[] };

describe('quiz command', () => {
  it('asks, scores (multi all-or-nothing), saves each answer, shows the answer on request, and sums up', async () => {
    const { ctx, stdout } = context(home);
    const prompter = scripted([
      { checkbox: tick('m-right-1'), message: /Question 1 of 2/ }, // missed one right option
      { key: 'return' },
      { select: pick('right'), message: /Question 2 of 2/ },
      { key: 'd' },
      { key: 'return' },
    ]);
    // Seed chosen so that the multi item comes first with --question q1 --count 2.
    let seed = 0;
    const { selectItems, quizPool } = await import('../../../src/quiz/select.js');
    while (selectItems(quizPool(questions, { question: 'q1' }), [], { count: 2, seed: String(seed), missedFirst: false })[0]!.item.id !== 'm') seed++;

    await run({ question: 'q1', count: 2, seed: String(seed) }, ctx, { prompter, questions });
    expect(prompter.left()).toBe(0);
    const text = stdout.text();
    expect(text).toContain('Question 1 of 2');
    expect(text).toContain('✘ Wrong. Multi-select is all or nothing.');
    expect(text).toContain('✔ m-right-1');
    expect(text).toContain('○ m-right-2');
    expect(text).toContain('Because m.');
    expect(text).toContain('(detailed answer)');
    expect(text).toContain('D q1');
    expect(text).toContain('Score: 1/2 (50%)');
    expect(text).toMatch(/Missed \(1\)[\s\S]*q1\/m/);
    expect(text).toContain(`Retake exactly this quiz: prepdeck quiz --question q1 --count 2 --seed ${seed}`);
    const answers = saved().quiz;
    expect(answers.map((a) => [a.key, a.correct])).toEqual([
      ['q1/m', false],
      [answers[1]!.key, true],
    ]);
    expect(answers[0]!.chosen).toEqual(['m-right-1']);
    expect(answers[0]!.scope).toBe('question:q1');
  });

  it('a selection (the items missed) is its own scope: never compared with, or saved as, a quiz of every deck', async () => {
    const first = context(home);
    await run({ count: 1, seed: 's' }, first.ctx, { prompter: scripted([{ select: 0 }, { key: 'return' }]), questions: [q2] });
    expect(saved().quiz.map((a) => a.scope)).toEqual(['all']);
    const again = context(home);
    await run({ count: 1, seed: 's', selection: true }, again.ctx, { prompter: scripted([{ select: 0 }, { key: 'return' }]), questions: [q2] });
    expect(saved().quiz.map((a) => a.scope)).toEqual(['all', 'missed']);
    expect(again.stdout.text()).not.toContain('Against your previous attempt');
  });

  it('Ctrl+C: the answers given are saved and the error says how many (exit 130)', async () => {
    const { ctx } = context(home);
    const prompter = scripted([{ select: 0 }, { key: 'return' }, 'ctrl-c']);
    const err = await run({ deck: 'd1', count: 3, seed: 'x' }, ctx, { prompter, questions: [q1] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InterruptedError);
    expect((err as InterruptedError).message).toBe('Quiz stopped, not scored. Saved 1 answer.');
    expect((err as InterruptedError).exitCode).toBe(ExitCode.interrupted);
    expect(saved().quiz).toHaveLength(1);
  });

  it('missed items come first next time (without --seed), and the change is reported', async () => {
    const q3 = question('q3', { deck: 'd3', quiz: ['a', 'b', 'c'] });
    const first = context(home);
    const wrongAll = scripted([
      { select: pick('wrong 1') },
      { key: 'return' },
      { select: pick('wrong 1') },
      { key: 'return' },
    ]);
    await run({ deck: 'd3', count: 2, seed: '1' }, first.ctx, { prompter: wrongAll, questions: [q3] });
    const missed = saved().quiz.map((a) => a.key);

    const second = context(home);
    const asked: string[] = [];
    const answerRight = (choices: { name: string; value: unknown }[]) => choices.find((c) => c.name === 'right')!.value;
    const prompter = scripted([{ select: answerRight }, { key: 'return' }, { select: answerRight }, { key: 'return' }]);
    await run({ deck: 'd3', count: 2 }, second.ctx, { prompter, questions: [q3] });
    for (const line of second.stdout.text().split('\n')) if (line.startsWith('Prompt of')) asked.push(line);
    expect(asked.map((l) => `q3/${l.replace('Prompt of ', '')}`).sort()).toEqual([...missed].sort());
    expect(second.stdout.text()).toMatch(/Against your previous attempt \(0\/2, 0%\): \+100 points/);
  });

  it('refuses at once without a terminal, before touching progress', async () => {
    const { ctx } = context(home, { interactive: false });
    await expect(run({}, ctx, { questions })).rejects.toBeInstanceOf(UsageError);
    expect(() => readFileSync(join(home, 'progress.json'))).toThrow();
  });

  // Flag values (--count, --depth) are checked by the command line's parser: test/unit/commands/flag-checks.test.ts.
  it.each([
    [{ deck: 'nope' }, NotFoundError],
    [{ question: 'zzz-not-there' }, NotFoundError],
  ])('rejects %o', async (args, type) => {
    const { ctx } = context(home);
    await expect(run(args, ctx, { prompter: scripted([]), questions })).rejects.toBeInstanceOf(type);
  });

  it.each([
    [{ question: 'q9' }, "'q9' has no multiple-choice questions to quiz you on yet. Practise its flashcards instead: Practise in the menu, or prepdeck practice."],
    [{ deck: 'plain' }, "The deck 'plain' has no multiple-choice questions to quiz you on yet. Practise its flashcards instead: Practise in the menu, or prepdeck practice --deck plain."],
    [{}, 'These questions have no multiple-choice questions to quiz you on yet. Practise their flashcards instead: Practise in the menu, or prepdeck practice.'],
  ])('with nothing to quiz, says so plainly and points to the flashcards (%o)', async (args, message) => {
    const { ctx } = context(home);
    const err = await run(args, ctx, { prompter: scripted([]), questions: [question('q9', { deck: 'plain' })] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).message).toBe(message);
  });
});
