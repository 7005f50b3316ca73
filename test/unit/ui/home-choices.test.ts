// The home menu's choices that are plain functions: how a table of labels becomes a choice list,
// which quiz items count as missed, and the simulate flags each Simulate action runs.
import { describe, expect, it } from 'vitest';
import { missedOnly } from '../../../src/commands/home-practise.js';
import { flagsFor } from '../../../src/commands/home-simulate.js';
import type { QuizAnswer } from '../../../src/progress/model.js';
import { choicesOf, numberChoices } from '../../../src/ui/prompts.js';
import { SCENARIOS } from '../../../src/sim/scenarios.js';
import { question } from '../quiz/fixtures.js';

const answer = (key: string, correct: boolean, at: string): QuizAnswer =>
  ({ id: `${key}-${at}`, at, attempt: 'a', scope: 'all', deck: 'd1', question: key.split('/')[0]!, key, correct, chosen: [] }) as QuizAnswer;

describe('choicesOf / numberChoices', () => {
  it('lists a table of labels in the order written, each answering its key', () => {
    expect(choicesOf({ today: "Today's review", 'super-brief': 'Short', back: 'Back' })).toEqual([
      { name: "Today's review", value: 'today' },
      { name: 'Short', value: 'super-brief' },
      { name: 'Back', value: 'back' },
    ]);
  });
  it('offers numbers as written', () => {
    expect(numberChoices([3, 10])).toEqual([
      { name: '3', value: 3 },
      { name: '10', value: 10 },
    ]);
  });
});

describe('missedOnly', () => {
  it('keeps the items whose latest answer was wrong, and only the questions that have one', () => {
    const qs = [question('q1', { quiz: ['a', 'b'] }), question('q2', { quiz: ['c'] }), question('q3', { quiz: ['d'] })];
    const history = [
      answer('q1/a', false, '2024-01-01T00:00:00Z'),
      answer('q1/a', true, '2024-01-02T00:00:00Z'), // answered right since
      answer('q1/b', false, '2024-01-02T00:00:00Z'),
      answer('q2/c', true, '2024-01-01T00:00:00Z'),
      answer('q3/d', true, '2024-01-01T00:00:00Z'),
      answer('q3/d', false, '2024-01-03T00:00:00Z'),
    ];
    const missed = missedOnly(qs, history);
    expect(missed.map((q) => [q.id, q.quiz.map((i) => i.key)])).toEqual([
      ['q1', ['q1/b']],
      ['q3', ['q3/d']],
    ]);
  });
});

describe('flagsFor', () => {
  const named = (name: string) => SCENARIOS.find((s) => s.name === name)!;
  it.each([
    ['seed-example', 'run', '--scenario seed-example'],
    ['seed-example', 'step', '--scenario seed-example --step'],
    ['seed-example', 'compare', '--scenario seed-example --compare sticky-cookie/local,round-robin/shared'],
    ['failover', 'step', '--scenario failover --step'],
  ] as const)('%s %s → %s', (name, action, flags) => expect(flagsFor(named(name), action)).toBe(flags));
});
