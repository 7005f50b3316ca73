// What the quiz shows, as strings. Markdown is rendered by the function passed in (the caller
// imports the Markdown renderer lazily).
import type { Depth, Question, QuizItem } from '../content/model.js';
import type { ItemScore, QuizSummary } from '../quiz/score.js';
import type { Colors } from './terminal.js';
import { displayWidth, hang, layoutCommand, truncateWords, wrap } from './text.js';

import type { Md } from './markdown-loader.js';

/** Markdown to terminal text: blocks (`md`) or one line of inline Markdown (`inline`). */
export type { Md };

const plainInline: Md = (s) => s;

const TYPE_HINT: Record<QuizItem['type'], string> = {
  single: 'one answer',
  multi: 'select all that apply',
  'true-false': 'true or false',
};

export function progressLabel(n: number, total: number): string {
  return `Question ${n} of ${total}`;
}

/** "Question 2 of 5 · deck · title", wrapped at word boundaries. */
export function renderItem(n: number, total: number, item: QuizItem, question: Question, md: Md, c: Colors, columns = 80): string {
  const head = wrap(`${c.bold(c.cyan(progressLabel(n, total)))} ${c.dim(`· ${question.deck} · ${question.title}`)}`, columns);
  return `\n${head}\n\n${md(item.prompt).trimEnd()}\n${c.dim(`(${TYPE_HINT[item.type]})`)}\n\n`;
}

export function promptMessage(n: number, total: number, item: QuizItem): string {
  return `${progressLabel(n, total)} · ${item.type === 'multi' ? 'Space to tick, Enter to submit' : 'Your answer'}`;
}

export const EMPTY_MULTI = 'Tick at least one option, or press Enter again to submit none';

/** The answer line left after the prompt: ✔ in green when right, ✘ in red when wrong. */
export function renderEcho(n: number, total: number, chosen: readonly string[], correct: boolean, c: Colors, columns: number, inline: Md = plainInline): string {
  const mark = correct ? c.green('✔') : c.red('✘');
  const answer = chosen.length > 0 ? chosen.map(inline).join(c.dim(' · ')) : c.dim('(nothing ticked)');
  return hang(`${mark} `, `${c.bold(`${progressLabel(n, total)} · Your answer:`)} ${answer}`, columns, { minBody: 1 }) + '\n';
}

/**
 * Right or wrong, the options marked (in the order they were shown, `order`), and the explanation.
 * Option lines wrap to `columns` under their own text.
 */
export function renderFeedback(item: QuizItem, score: ItemScore, md: Md, c: Colors, order: readonly number[], columns: number, inline: Md = plainInline): string {
  const lines: string[] = [];
  const option = (mark: string, text: string, note: string, style: (s: string) => string) =>
    hang(style(`  ${mark} `), style(`${inline(text)}${note}`), columns, { minBody: 1 });
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
    const right = score.options.filter((o) => o.correct).map((o) => inline(o.text));
    const chosen = score.options.filter((o) => o.chosen).map((o) => inline(o.text));
    if (!score.correct) lines.push(hang('  You chose:   ', chosen.join(', ') || '(nothing)', columns, { minBody: 1 }));
    lines.push(hang(score.correct ? '  Answer:      ' : '  Correct:     ', c.green(right.join(', ')), columns, { minBody: 1 }));
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
    (a) => `  ${truncateWords(a.name, nameWidth).padEnd(nameWidth)} ${String(a.correct).padStart(3)}/${String(a.answered).padEnd(answeredWidth)}  ${String(a.percent).padStart(3)}%`.trimEnd(),
  );
}

/** `replay`: the command line that asks exactly these items again, when there is one. Fits `columns`. */
export function renderQuizSummary(s: QuizSummary, c: Colors, columns: number, replay?: string, inline: Md = plainInline): string {
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
      const right = m.item.options.filter((o) => o.correct).map((o) => inline(o.text)).join('; ');
      lines.push(hang(`  ${c.red('✘')} `, `${firstLine(m.item.prompt, inline)} ${c.dim(`[${m.item.key}]`)}`, columns, { minBody: 1 }));
      lines.push(hang('    Correct: ', c.green(right), columns, { minBody: 1 }));
    }
  }
  if (replay) lines.push('', ...retakeLines(replay, columns).map((l) => c.dim(l)));
  lines.push('');
  return lines.join('\n') + '\n';
}

/** The retake command beside its label when it fits, else below it, broken only between whole arguments. */
function retakeLines(command: string, columns: number): string[] {
  const label = 'Retake exactly this quiz:';
  if (displayWidth(`${label} ${command}`) <= columns) return [`${label} ${command}`];
  return [label, ...layoutCommand(command, columns - 2).map((l) => `  ${l}`)];
}

/**
 * The prompt's first line, rendered, then cut at a word boundary: cutting the Markdown first could
 * end inside a code span and leave its backtick showing.
 */
function firstLine(text: string, inline: Md): string {
  return truncateWords(inline(text.split('\n').find((l) => l.trim() !== '') ?? ''), 90);
}
