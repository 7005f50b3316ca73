// What the quiz shows, as strings. Markdown is rendered by the function passed in (the caller
// imports the Markdown renderer lazily).
import type { Depth, Question, QuizItem } from '../content/model.js';
import type { ItemScore, QuizSummary } from '../quiz/score.js';
import wrapAnsi from 'wrap-ansi';
import type { Colors } from './terminal.js';
import { hang, truncate, wrap } from './text.js';

export type Md = (markdown: string) => string;

const TYPE_HINT: Record<QuizItem['type'], string> = {
  single: 'one answer',
  multi: 'select all that apply',
  'true-false': 'true or false',
};

export function progressLabel(n: number, total: number): string {
  return `Question ${n} of ${total}`;
}

export function renderItem(n: number, total: number, item: QuizItem, question: Question, md: Md, c: Colors): string {
  const head = `${c.bold(c.cyan(progressLabel(n, total)))} ${c.dim(`· ${question.deck} · ${question.title}`)}`;
  return `\n${head}\n\n${md(item.prompt).trimEnd()}\n${c.dim(`(${TYPE_HINT[item.type]})`)}\n\n`;
}

export function promptMessage(n: number, total: number, item: QuizItem): string {
  return `${progressLabel(n, total)} · ${item.type === 'multi' ? 'Space to tick, Enter to submit' : 'Your answer'}`;
}

/**
 * Right or wrong, the options marked (in the order they were shown, `order`), and the explanation.
 * Option lines wrap to `columns` under their own text.
 */
export function renderFeedback(item: QuizItem, score: ItemScore, md: Md, c: Colors, order: readonly number[], columns: number): string {
  const lines: string[] = [];
  const option = (mark: string, text: string, note: string, style: (s: string) => string) =>
    wrapAnsi(`${text}${note}`, Math.max(20, columns - 4), { hard: true })
      .split('\n')
      .map((l, i) => (i === 0 ? style(`  ${mark} ${l}`) : style(`    ${l}`)))
      .join('\n');
  if (score.correct) lines.push(c.green(c.bold('✔ Right.')));
  else lines.push(c.red(c.bold('✘ Wrong.')) + (item.type === 'multi' ? c.dim(' Multi-select is all or nothing.') : ''));
  if (item.type === 'multi') {
    for (const o of order.map((i) => score.options[i]!)) {
      if (o.mark === 'right') lines.push(option('✔', o.text, '  (correct, chosen)', c.green));
      else if (o.mark === 'wrong') lines.push(option('✘', o.text, '  (wrong: not a correct option)', c.red));
      else if (o.mark === 'missed') lines.push(option('○', o.text, '  (missed: correct, not chosen)', c.yellow));
      else lines.push(option(' ', o.text, '', c.dim));
    }
  } else {
    const right = score.options.filter((o) => o.correct).map((o) => o.text);
    const chosen = score.options.filter((o) => o.chosen).map((o) => o.text);
    if (!score.correct) lines.push(`  You chose:   ${chosen.join(', ') || '(nothing)'}`);
    lines.push(`  ${score.correct ? 'Answer:' : 'Correct:    '} ${c.green(right.join(', '))}`);
  }
  lines.push('', c.bold('Explanation'), md(item.explanation).trimEnd(), '');
  return lines.join('\n') + '\n';
}

export function renderRelatedAnswer(question: Question, depth: Depth, md: Md, c: Colors): string {
  return `\n${c.bold(`${question.title}`)} ${c.dim(`(${depth} answer)`)}\n\n${md(question.answers[depth]).trimEnd()}\n\n`;
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

/** One "By deck" / "By tag" row: name (cut to fit), right/answered, percent. */
function areaRows(areas: QuizSummary['byDeck'], columns: number): string[] {
  const answeredWidth = Math.max(...areas.map((a) => String(a.answered).length));
  const figures = 1 + 3 + 1 + answeredWidth + 2 + 4; // " nnn/N  ppp%"
  const nameWidth = Math.max(1, Math.min(24, columns - 2 - figures));
  return areas.map(
    (a) => `  ${truncate(a.name, nameWidth).padEnd(nameWidth)} ${String(a.correct).padStart(3)}/${String(a.answered).padEnd(answeredWidth)}  ${String(a.percent).padStart(3)}%`.trimEnd(),
  );
}

/** `replay`: the command line that asks exactly these items again, when there is one. Fits `columns`. */
export function renderQuizSummary(s: QuizSummary, c: Colors, columns: number, replay?: string): string {
  const lines: string[] = ['', c.bold('Quiz finished')];
  const tone = s.percent >= 80 ? c.green : s.percent >= 50 ? c.yellow : c.red;
  lines.push(`Score: ${tone(c.bold(`${s.correct}/${s.answered} (${s.percent}%)`))}`);
  if (s.previous && s.change !== undefined) {
    const word = s.change > 0 ? c.green(`${signed(s.change)} points`) : s.change < 0 ? c.red(`${signed(s.change)} points`) : 'no change';
    lines.push(wrap(`Against your previous attempt (${s.previous.correct}/${s.previous.answered}, ${s.previous.percent}%): ${word}`, columns));
  } else {
    lines.push(wrap(c.dim('Your first attempt at this quiz: no earlier score to compare with.'), columns));
  }
  if (s.byDeck.length > 0) lines.push('', c.bold('By deck'), ...areaRows(s.byDeck, columns));
  if (s.byTag.length > 0) lines.push('', c.bold('By tag'), ...areaRows(s.byTag, columns));
  if (s.missed.length > 0) {
    lines.push('', c.bold(wrap(`Missed (${s.missed.length}) — these come first next time`, columns)));
    for (const m of s.missed) {
      const right = m.item.options.filter((o) => o.correct).map((o) => o.text).join('; ');
      lines.push(hang(`  ${c.red('✘')} `, `${firstLine(m.item.prompt)} ${c.dim(`[${m.item.key}]`)}`, columns, { minBody: 0 }));
      lines.push(hang('    ', c.green(right), columns, { minBody: 0 }));
    }
  }
  if (replay) lines.push('', wrap(c.dim(`Retake exactly this quiz: ${replay}`), columns));
  lines.push('');
  return lines.join('\n') + '\n';
}

function firstLine(text: string): string {
  return truncate(text.split('\n').find((l) => l.trim() !== '') ?? '', 90);
}
