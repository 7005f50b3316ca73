import { describe, expect, it } from 'vitest';
import { isDue, schedule } from '../../../src/cards/schedule.js';
import { addQuizAnswer, addQuizRunAnswer, addReview, emptyProgress, stoppedRuns, type Grade, type ProgressDoc } from '../../../src/progress/model.js';
import { summarizeQuiz } from '../../../src/quiz/score.js';
import { progressReport } from '../../../src/report/stats.js';
import { barChart } from '../../../src/ui/charts.js';
import { sparkline } from '../../../src/ui/sparkline.js';
import { table } from '../../../src/ui/table.js';
import { question } from '../quiz/fixtures.js';

const questions = [question('q1', { deck: 'd1', quiz: ['a', 'b'], cards: ['x', 'y'] }), question('q2', { deck: 'd2', quiz: ['c'], cards: ['z'] })];
const at = (d: number, h = 12) => new Date(2024, 2, d, h);

function reviewed(doc: ProgressDoc, key: string, grade: Grade, when: Date): ProgressDoc {
  const r = { id: `${key}@${when.toISOString()}`, at: when.toISOString(), deck: 'd1', question: key.split('/')[0]!, key, grade };
  return addReview(doc, r, schedule(doc.cards[key], grade, when));
}

function answered(doc: ProgressDoc, attempt: string, key: string, correct: boolean, when: Date, deck = 'd1'): ProgressDoc {
  return addQuizAnswer(doc, { id: `${attempt}:${key}`, at: when.toISOString(), attempt, scope: 'all', deck, question: key.split('/')[0]!, key, correct });
}

describe('progressReport', () => {
  let doc = emptyProgress();
  doc = reviewed(doc, 'q1/x', 3, at(8));
  doc = reviewed(doc, 'q1/y', 1, at(9));
  doc = reviewed(doc, 'q1/x', 3, at(9, 13));
  doc = answered(doc, 't1', 'q1/a', false, at(9));
  doc = answered(doc, 't1', 'q1/b', false, at(9));
  doc = answered(doc, 't1', 'q2/c', true, at(9), 'd2');
  doc = answered(doc, 't2', 'q1/a', true, at(10));
  doc = answered(doc, 't2', 'q1/b', false, at(10));
  doc = answered(doc, 'gone', 'old/q', true, at(10, 14), 'd1'); // a question no longer in the content
  const report = progressReport(questions, doc, at(10, 18));

  it('counts cards by state and due today', () => {
    const q1 = report.decks[0]!.questions[0]!;
    // q1/y was graded Again yesterday: its learning step is due; each question's own card is new.
    expect(isDue(doc.cards['q1/y'], at(10, 18))).toBe(true);
    expect(q1.cards).toMatchObject({ total: 3, new: 1, learning: 1, due: 0 });
    expect(q1.cards.learning + q1.cards.young).toBe(2);
    expect(report.decks[1]!.cards).toMatchObject({ total: 2, new: 2, due: 0 });
    expect(report.cards.total).toBe(5);
    expect(report.today).toEqual({ new: 3, learning: 1, due: 0 });
  });

  it('quiz best, last and trend per question and deck', () => {
    const [d1, d2] = report.decks;
    expect(d1!.questions[0]!.quiz).toMatchObject({ items: 2, answered: 4, correct: 1, trend: [0, 50], best: 50, last: 50 });
    expect(d2!.quiz).toMatchObject({ trend: [100], best: 100, last: 100 });
    expect(report.quiz.trend).toEqual([33, 50, 100]);
    expect(report.quiz).toMatchObject({ best: 100, last: 100 });
  });

  it('keeps questions found only in progress', () => {
    const orphan = report.decks[0]!.questions.find((q) => q.id === 'old')!;
    expect(orphan).toMatchObject({ inContent: false, quiz: { answered: 1 } });
  });

  it('streak, totals and reviews per day over 14 days', () => {
    expect(report.streak).toEqual({ current: 3, longest: 3, activeToday: true });
    expect(report.totals).toEqual({ quizAnswers: 6, quizAttempts: 3, stoppedQuizzes: 0, reviews: 3, cardsSeen: 2 });
    expect(report.reviewsByDay).toHaveLength(14);
    expect(report.reviewsByDay.at(-1)).toEqual({ day: '2024-03-10', count: 0 });
    expect(report.reviewsByDay.at(-2)).toEqual({ day: '2024-03-09', count: 2 });
    expect(report.reviewsByDay.at(-3)).toEqual({ day: '2024-03-08', count: 1 });
    expect(report.reviewsByDay[0]!.day).toBe('2024-02-26');
  });
});

describe('charts', () => {
  it('sparkline maps 0..100 to eight levels', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
    expect(sparkline([])).toBe('');
    expect(sparkline([10, 20, 30], 2)).toHaveLength(2);
  });

  it('barChart scales to the largest value', () => {
    const lines = barChart(
      [
        { label: 'a', value: 0 },
        { label: 'bb', value: 5 },
        { label: 'c', value: 10 },
      ],
      30,
    );
    expect(lines[0]).toBe('a  0');
    expect(lines[2]!.match(/█/g)).toHaveLength(20);
    expect(lines[1]!.match(/█/g)).toHaveLength(10);
  });

  it('table pads columns', () => {
    expect(table([['a', '1'], ['bbb', '22']], [false, true])).toEqual(['a     1', 'bbb  22']);
  });
});

describe('stopped quizzes', () => {
  const questionsQ = [question('q1', { quiz: ['a', 'b', 'c'] })];
  const run = (id: string, finished: boolean, when: Date) => ({ id, scope: 'all', at: when.toISOString(), items: 3, finished });
  let doc = emptyProgress();
  const answer = (attempt: string, key: string, correct: boolean, when: Date) =>
    ({ id: `${attempt}:${key}`, at: when.toISOString(), attempt, scope: 'all', deck: 'd1', question: 'q1', key, correct }) as const;
  doc = addQuizRunAnswer(doc, answer('t1', 'q1/a', true, at(1)), run('t1', false, at(1)), false);
  doc = addQuizRunAnswer(doc, answer('t1', 'q1/b', false, at(1)), run('t1', false, at(1)), true); // finished: 50%
  doc = addQuizRunAnswer(doc, answer('t2', 'q1/a', true, at(2)), run('t2', false, at(2)), false); // stopped after 1 of 3: 100%
  const report = progressReport(questionsQ, doc, at(2, 18));

  it('are not scores: best, last and trend count finished quizzes only', () => {
    expect(report.quiz).toMatchObject({ answered: 3, correct: 2, trend: [50], best: 50, last: 50 });
    expect(report.totals).toMatchObject({ quizAttempts: 1, stoppedQuizzes: 1 });
  });

  it('the previous attempt a new quiz compares with is the last finished one', () => {
    const item = questionsQ[0]!.quiz[0]!;
    const s = summarizeQuiz([{ item, question: questionsQ[0]!, correct: true }], doc.quiz, 'all', stoppedRuns(doc));
    expect(s.previous).toMatchObject({ attempt: 't1', percent: 50 });
  });
});
