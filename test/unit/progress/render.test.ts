// Fitting the practice screens to the terminal: the text helpers, and `progress` at narrow widths.
import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import { emptyProgress, type QuizAnswer } from '../../../src/progress/model.js';
import { progressReport } from '../../../src/report/stats.js';
import { renderProgress } from '../../../src/ui/progress-render.js';
import { hang, maxLineLength, plural, truncate, visibleLength, wrap } from '../../../src/ui/text.js';
import { question } from '../quiz/fixtures.js';

const plain = createColors(false);
const colour = createColors(true);

describe('text helpers', () => {
  it('plural', () => {
    expect(plural(1, 'card')).toBe('1 card');
    expect(plural(0, 'card')).toBe('0 cards');
    expect(plural(2, 'quiz', 'quizzes')).toBe('2 quizzes');
  });

  it('visibleLength ignores colours', () => {
    expect(visibleLength(colour.bold(colour.red('✘ abc')))).toBe(5);
    expect(maxLineLength(`ab\n${colour.green('abcd')}\n`)).toBe(4);
  });

  it('truncate cuts with … only when needed', () => {
    expect(truncate('session-persistence', 30)).toBe('session-persistence');
    expect(truncate('session-persistence', 10)).toBe('session-p…');
    expect(visibleLength(truncate('session-persistence', 10))).toBe(10);
    expect(truncate('abc', 0)).toBe('');
  });

  it('wrap keeps every line within the width, breaking words longer than a line', () => {
    const text = `A sentence with a very long path /home/someone/.config/prepdeck/progress.json in it, ${colour.bold('bold')} too.`;
    const out = wrap(text, 20);
    expect(maxLineLength(out)).toBeLessThanOrEqual(20);
    expect(out.replace(/\n/g, '')).toContain('progress.json');
  });

  it('hang indents continuation lines under the body, or puts the body below when the label is wide', () => {
    const out = hang('depth        brief        ', 'answer depth for read, quiz and practice', 50);
    expect(out.split('\n')).toEqual(['depth        brief        answer depth for read,', '                          quiz and practice']);
    const narrow = hang('depth        brief        ', 'answer depth for read, quiz and practice', 40);
    expect(narrow.split('\n')[0]).toBe('depth        brief');
    expect(narrow.split('\n').slice(1).every((l) => l.startsWith('    '))).toBe(true);
    expect(maxLineLength(narrow)).toBeLessThanOrEqual(40);
  });
});

describe('renderProgress at any width', () => {
  const longId = 'a-question-whose-id-is-much-longer-than-a-narrow-terminal';
  const questions = [question('short', { deck: 'd1', quiz: ['a'], cards: ['x'] }), question(longId, { deck: 'a-deck-with-a-long-name', quiz: ['b'], cards: ['y'] })];
  const answers: QuizAnswer[] = [0, 1, 2].flatMap((a) =>
    [
      ['short', 'd1'],
      [longId, 'a-deck-with-a-long-name'],
      ['gone-from-the-content-long-id', 'd1'],
    ].map(([q, deck]) => ({
      id: `${q}-${a}`,
      at: `2024-03-0${a + 1}T09:00:00.000Z`,
      attempt: `att${a}`,
      scope: 'all',
      deck: deck!,
      question: q!,
      key: `${q}/k`,
      correct: a !== 1,
    })),
  );
  const report = progressReport(questions, { ...emptyProgress(), quiz: answers }, new Date('2024-03-03T12:00:00.000Z'));
  const path = '/home/someone/.config/prepdeck/with/a/long/path/progress.json';

  it.each([40, 50, 60, 80, 120])('every line fits %i columns', (columns) => {
    const out = renderProgress(report, path, colour, columns);
    expect(maxLineLength(out), out).toBeLessThanOrEqual(columns);
  });

  it('wide: every column with the trend; narrow: no trend, short headings, ids cut with …', () => {
    const wide = renderProgress(report, path, plain, 140);
    expect(wide).toMatch(/deck \/ question\s+unseen\s+learn\s+due\s+mature\s+quiz best\s+last\s+trend/);
    expect(wide).toContain(`  ${longId}`);
    expect(wide).toMatch(/█▁█/);
    const narrow = renderProgress(report, path, plain, 40);
    expect(narrow).toMatch(/new lrn due mat best last\n/);
    expect(narrow).not.toMatch(/█▁█/);
    expect(narrow).toMatch(/\n {2}a-question-\S*…/);
    expect(narrow).toContain('lrn: learning steps');
  });
});

describe('renderProgress for a new user', () => {
  it('replaces the 14-day chart of zeros with one line until there is a review', () => {
    const now = new Date('2024-03-10T12:00:00Z');
    const report = progressReport([question('q1', { deck: 'd1', cards: ['x'] })], emptyProgress(), now);
    const out = renderProgress(report, '/tmp/progress.json', plain, 80);
    const tail = out.slice(out.indexOf('Reviews, last'));
    expect(tail.trimEnd().split('\n')).toEqual(['Reviews, last 14 days', 'No reviews yet — start with Practise']);
  });
});
