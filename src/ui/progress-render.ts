// `prepdeck progress` as text: streak, a table per deck and question, and a 14-day bar chart.
import type { ProgressReport, QuizFigures } from '../progress/stats.js';
import { barChart, sparkline, table } from './charts.js';
import type { Colors } from './terminal.js';

function n(count: number, word: string, many = word + 's'): string {
  return `${count} ${count === 1 ? word : many}`;
}

function pct(n: number | undefined): string {
  return n === undefined ? '–' : `${n}%`;
}

function trend(q: QuizFigures): string {
  return q.trend.length === 0 ? '' : sparkline(q.trend);
}

export function renderProgress(r: ProgressReport, path: string, c: Colors, columns: number): string {
  const lines: string[] = [c.bold('Progress'), c.dim(path), ''];
  const s = r.streak;
  const streak = s.current === 0 ? 'no current streak' : `${s.current} day${s.current === 1 ? '' : 's'}${s.activeToday ? '' : ' (practise today to keep it)'}`;
  const t = r.totals;
  lines.push(`Streak: ${c.bold(streak)} · longest ${s.longest} · ${n(t.reviews, 'review')} · ${n(t.quizAnswers, 'quiz answer')} in ${n(t.quizAttempts, 'quiz', 'quizzes')}`);
  lines.push(
    `Cards: ${r.cards.total} · new ${r.cards.new} · learning ${r.cards.learning} · young ${r.cards.young} · mature ${r.cards.mature} · ${c.bold(`due today ${r.cards.dueToday}`)}`,
  );
  lines.push('');

  const rows: string[][] = [['deck / question', 'new', 'learn', 'due', 'mature', 'quiz best', 'last', 'trend']];
  const right = [false, true, true, true, true, true, true, false];
  const deckRows = new Set<number>();
  for (const d of r.decks) {
    deckRows.add(rows.length);
    rows.push([d.deck, ...cardCells(d.cards), pct(d.quiz.best), pct(d.quiz.last), trend(d.quiz)]);
    for (const q of d.questions) {
      const name = `  ${q.id}${q.inContent ? '' : ' (not in content)'}`;
      rows.push([name, ...cardCells(q.cards), pct(q.quiz.best), pct(q.quiz.last), trend(q.quiz)]);
    }
  }
  const body = table(rows, right);
  lines.push(...body.map((l, i) => (i === 0 || deckRows.has(i) ? c.bold(l) : l)));
  lines.push(c.dim('learn: in learning steps · mature: interval of 21 days or more · trend: score per quiz, oldest first'));
  lines.push('', c.bold(`Reviews, last ${r.reviewsByDay.length} days`));
  const rowsByDay = r.reviewsByDay.map((d) => ({ label: `${weekday(d.day)} ${d.day.slice(5)}`, value: d.count }));
  lines.push(...barChart(rowsByDay, Math.min(columns, 80), c.green));
  return lines.join('\n') + '\n';
}

function cardCells(k: { new: number; learning: number; dueToday: number; mature: number }): string[] {
  return [String(k.new), String(k.learning), String(k.dueToday), String(k.mature)];
}

function weekday(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(y, m - 1, d).getDay()]!;
}
