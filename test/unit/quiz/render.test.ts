import { createColors } from 'picocolors';
import { describe, expect, it } from 'vitest';
import type { QuizItem } from '../../../src/content/model.js';
import { scoreItem, type QuizSummary } from '../../../src/quiz/score.js';
import { renderFeedback, renderQuizSummary } from '../../../src/ui/quiz-render.js';
import { maxLineLength, stripAnsi } from '../../../src/ui/text.js';

const c = createColors(false);
const item: QuizItem = {
  id: 'm',
  key: 'q/m',
  type: 'multi',
  prompt: 'Pick',
  explanation: 'Because.',
  line: 1,
  options: [
    { text: 'Alpha', correct: true },
    { text: 'Bravo', correct: false },
    { text: 'Charlie', correct: true },
    { text: 'Delta is an option whose text is long enough to need wrapping at a narrow width', correct: false },
  ],
};

describe('renderFeedback', () => {
  it('marks each option in the order it was shown', () => {
    const out = renderFeedback(item, scoreItem(item, [0, 1]), (s) => s, c, [3, 2, 1, 0], 200);
    const marks = out.split('\n').filter((l) => /^ {2}[✔✘○ ] /.test(l));
    expect(marks).toEqual([
      '    Delta is an option whose text is long enough to need wrapping at a narrow width',
      '  ○ Charlie  (missed: correct, not chosen)',
      '  ✘ Bravo  (wrong: not a correct option)',
      '  ✔ Alpha  (correct, chosen)',
    ]);
  });

  it('wraps long options under their own text', () => {
    const out = renderFeedback(item, scoreItem(item, [3]), (s) => s, c, [3, 0, 1, 2], 40);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(out).toContain('  ✘ Delta is an option whose text is');
    expect(out).toMatch(/\n {4}long enough/);
  });
});

describe('renderQuizSummary', () => {
  const long = 'A prompt long enough that it will not fit on one line of a narrow terminal, however it is cut';
  const missedItem: QuizItem = { ...item, key: 'a-question-with-a-long-id/some-item-key', prompt: long };
  const summary: QuizSummary = {
    answered: 12,
    correct: 5,
    percent: 42,
    previous: { attempt: 'a1', scope: 'all', startedAt: '2024-03-01T09:00:00.000Z', answered: 12, correct: 9, percent: 75 },
    change: -33,
    byDeck: [{ name: 'a-deck-name-that-is-longer-than-twenty-four', answered: 12, correct: 5, percent: 42 }],
    byTag: [{ name: 'sticky-sessions', answered: 3, correct: 1, percent: 33 }],
    missed: [{ item: missedItem, question: {} as never, correct: false }],
  } as QuizSummary;

  it.each([40, 60, 100])('fits %i columns', (columns) => {
    const out = renderQuizSummary(summary, createColors(true), columns, 'prepdeck quiz --question a-question-with-a-long-id --count 12 --seed 123456');
    expect(maxLineLength(out), out).toBeLessThanOrEqual(columns);
    expect(stripAnsi(out).replace(/ \\\n/g, '\n').replace(/\s+/g, ' ')).toContain('Retake exactly this quiz: prepdeck quiz --question a-question-with-a-long-id');
  });
});

describe('quiz feedback signals', () => {
  const colours = createColors(true);
  const inline = (s: string) => s.replace(/`([^`]+)`/g, (_, code: string) => colours.yellow(code));

  it('echoes a wrong answer with a red ✘ and a right one with a green ✔', async () => {
    const { renderEcho } = await import('../../../src/ui/quiz-render.js');
    const wrong = renderEcho(1, 5, ['20%'], false, colours, 80);
    expect(wrong.startsWith(colours.red('✘'))).toBe(true);
    expect(stripAnsi(wrong)).toBe('✘ Question 1 of 5 · Your answer: 20%\n');
    expect(renderEcho(2, 5, ['80%'], true, colours, 80).startsWith(colours.green('✔'))).toBe(true);
  });

  it('renders inline Markdown in options and says "Correct:" in the missed list', () => {
    const coded: QuizItem = { ...item, type: 'single', options: [{ text: 'Use `ip_hash`', correct: true }, { text: 'Round robin', correct: false }] };
    const feedback = renderFeedback(coded, scoreItem(coded, [1]), (s) => s, colours, [0, 1], 80, inline);
    expect(feedback).toContain('\u001b[33mip_hash');
    expect(stripAnsi(feedback)).not.toContain('`');
    const summary = renderQuizSummary(
      { answered: 1, correct: 0, percent: 0, byDeck: [], byTag: [], missed: [{ item: coded, question: {} as never, correct: false }] } as unknown as QuizSummary,
      colours,
      80,
      undefined,
      inline,
    );
    expect(stripAnsi(summary)).toContain('Correct: Use ip_hash');
  });
});

describe('Markdown in quiz text (QA: colon placeholder, stems cut inside code)', () => {
  it('renders a colon inside a code span as a colon in prompts, options, feedback and the missed list', async () => {
    const { renderInline, renderMarkdown } = await import('../../../src/ui/markdown.js');
    const { memoryOutput } = await import('../../../src/ui/terminal.js');
    const out = memoryOutput({ columns: 100 });
    const inline = (s: string) => renderInline(s, out);
    const md = (s: string) => renderMarkdown(s, out);
    const coded: QuizItem = {
      ...item,
      type: 'single',
      prompt: 'A Kubernetes Service has `sessionAffinity: ClientIP`. What happens?',
      explanation: 'With `sessionAffinity: ClientIP` the proxy pins by address.',
      options: [{ text: 'Pinned by `client: ip`', correct: true }, { text: 'Nothing', correct: false }],
    };
    const feedback = renderFeedback(coded, scoreItem(coded, [1]), md, c, [0, 1], 100, inline);
    const summary = renderQuizSummary({ answered: 1, correct: 0, percent: 0, byDeck: [], byTag: [], missed: [{ item: coded, question: {} as never, correct: false }] } as unknown as QuizSummary, c, 100, undefined, inline);
    for (const text of [inline(coded.prompt), md(coded.prompt), feedback, summary, md('| a |\n|---|\n| `x: y` |')]) {
      expect(text).not.toContain('COLON');
    }
    expect(summary).toContain('sessionAffinity: ClientIP');
    expect(feedback).toContain('Pinned by client: ip');
  });

  it('cuts a long stem in the missed list after rendering: no raw backtick left', async () => {
    const { renderInline } = await import('../../../src/ui/markdown.js');
    const { memoryOutput } = await import('../../../src/ui/terminal.js');
    const out = memoryOutput({ columns: 100 });
    const stem: QuizItem = { ...item, prompt: 'Instead of a balancer cookie, you configure nginx with `hash $cookie_sessionid consistent` and more words after it' };
    const missed = { answered: 1, correct: 0, percent: 0, byDeck: [], byTag: [], missed: [{ item: stem, question: {} as never, correct: false }] } as unknown as QuizSummary;
    const summary = renderQuizSummary(missed, c, 100, undefined, (s) => renderInline(s, out));
    const line = summary.split('\n').find((l) => l.includes('✘'))!;
    expect(line).toContain('…');
    expect(line).not.toContain('`');
  });
});
