// `prepdeck progress` as text: streak, a table per deck and question, and a 14-day bar chart.
// Every line fits `columns`: prose wraps; the table drops its trend column, then shortens its
// headings, then truncates question ids (with …) as the terminal narrows.
import { formatCounts } from '../cards/counts.js';
import type { ProgressReport, QuizFigures } from '../report/stats.js';
import { barChart } from './charts.js';
import { sparkline } from './sparkline.js';
import { table } from './table.js';
import type { Colors } from './terminal.js';
import { plural, truncate, visibleLength, wrap } from './text.js';
import { shellQuote } from '../content/sanitize.js';

function pct(n: number | undefined): string {
  return n === undefined ? '–' : `${n}%`;
}

function trend(q: QuizFigures): string {
  return q.trend.length === 0 ? '' : sparkline(q.trend);
}

export function renderProgress(r: ProgressReport, path: string, c: Colors, columns: number): string {
  const lines: string[] = [c.bold('Progress'), wrap(c.dim(path), columns), ''];
  const s = r.streak;
  const streak = s.current === 0 ? 'no current streak' : `${plural(s.current, 'day')}${s.activeToday ? '' : ' (practise today to keep it)'}`;
  const t = r.totals;
  lines.push(
    wrap(
      `Streak: ${c.bold(streak)} · longest ${s.longest} · ${plural(t.reviews, 'review')} · ${plural(t.quizAnswers, 'quiz answer')} in ${plural(t.quizAttempts, 'finished quiz', 'finished quizzes')}${t.stoppedQuizzes > 0 ? ` + ${t.stoppedQuizzes} stopped (not scored)` : ''}`,
      columns,
    ),
  );
  lines.push(
    wrap(
      `Today: ${c.bold(formatCounts(r.today))} · cards ${r.cards.total}: unseen ${r.cards.new} · learning ${r.cards.learning} · young ${r.cards.young} · mature ${r.cards.mature}`,
      columns,
    ),
  );
  if (r.suspended.length > 0) lines.push(wrap(`Suspended: ${r.suspended.join(', ')} ${c.dim(`(${unsuspendHint(r.suspended)})`)}`, columns));
  if (r.buried.length > 0) lines.push(wrap(`Buried until tomorrow: ${r.buried.join(', ')}`, columns));
  if (r.notLoaded.reviews > 0 || r.notLoaded.cards > 0) lines.push(wrap(c.dim(notLoadedLine(r.notLoaded)), columns));
  lines.push('');
  lines.push(...renderTable(r, c, columns));
  lines.push('', c.bold(`Reviews, last ${r.reviewsByDay.length} days`));
  // A chart of zeros tells a new user nothing: one line says where to begin instead.
  if (r.totals.reviews === 0) {
    lines.push(wrap(`No reviews yet — start with ${c.bold('Practise')}`, columns));
    return lines.join('\n') + '\n';
  }
  const rowsByDay = r.reviewsByDay.map((d) => ({ label: `${weekday(d.day)} ${d.day.slice(5)}`, value: d.count }));
  lines.push(...barChart(rowsByDay, Math.min(columns, 80), c.green));
  return lines.join('\n') + '\n';
}

interface Layout {
  head: string[];
  trend: boolean;
  gap: number;
  legend: string;
}

const LAYOUTS: Layout[] = [
  {
    head: ['unseen', 'learn', 'due', 'mature', 'quiz best', 'last', 'trend'],
    trend: true,
    gap: 2,
    legend: 'learn: in learning steps · due: reviews due today · mature: interval of 21 days or more · trend: score per quiz, oldest first',
  },
  {
    head: ['unseen', 'learn', 'due', 'mature', 'quiz best', 'last'],
    trend: false,
    gap: 2,
    legend: 'learn: in learning steps · due: reviews due today · mature: interval of 21 days or more · quiz best, last: scores',
  },
  {
    head: ['new', 'lrn', 'due', 'mat', 'best', 'last'],
    trend: false,
    gap: 1,
    legend: 'new: unseen · lrn: learning steps · due: reviews due today · mat: mature (interval of 21 days or more) · best, last: quiz scores',
  },
];

/** The widest layout that leaves room for the names; names that are still too long are cut with …. */
function renderTable(r: ProgressReport, c: Colors, columns: number): string[] {
  const names: string[] = [];
  const figures: string[][] = [];
  const deckRows = new Set<number>();
  for (const d of r.decks) {
    deckRows.add(names.length);
    names.push(d.deck);
    figures.push([...cardCells(d.cards), pct(d.quiz.best), pct(d.quiz.last), trend(d.quiz)]);
    for (const q of d.questions) {
      names.push(`  ${q.id}${q.inContent ? '' : ' (not in content)'}`);
      figures.push([...cardCells(q.cards), pct(q.quiz.best), pct(q.quiz.last), trend(q.quiz)]);
    }
  }
  const NAME = 'deck / question';
  const nameWidth = Math.max(visibleLength(NAME), ...names.map(visibleLength));
  const figureWidth = (l: Layout) => {
    const cells = [l.head, ...figures.map((f) => f.slice(0, l.head.length))];
    return l.head.reduce((sum, _, i) => sum + Math.max(...cells.map((row) => visibleLength(row[i] ?? ''))) + l.gap, 0);
  };
  // A layout will do if it leaves the names their width, or at least 24 columns (longer ones are cut).
  const layout = LAYOUTS.find((l) => columns - figureWidth(l) >= Math.min(nameWidth, 24)) ?? LAYOUTS[LAYOUTS.length - 1]!;
  const room = Math.max(4, columns - figureWidth(layout));
  const rows = [[truncate(NAME, room), ...layout.head], ...names.map((name, i) => [truncate(name, room), ...figures[i]!.slice(0, layout.head.length)])];
  const right = [false, ...layout.head.map((h) => h !== 'trend')];
  const body = table(rows, right, layout.gap);
  return [...body.map((l, i) => (i === 0 || deckRows.has(i - 1) ? c.bold(l) : l)), wrap(c.dim(layout.legend), columns)];
}

function cardCells(k: { new: number; learning: number; due: number; mature: number }): string[] {
  return [String(k.new), String(k.learning), String(k.due), String(k.mature)];
}

/** The command that brings a suspended card back, with the real key (shell-quoted) when there is one. */
function unsuspendHint(keys: readonly string[]): string {
  const cmd = `prepdeck practice --unsuspend ${shellQuote(keys[0]!)}`;
  return keys.length === 1 ? `to bring it back: ${cmd}` : `to bring one back: ${cmd}, or the menu's Practise → Suspended cards`;
}

function notLoadedLine(n: ProgressReport['notLoaded']): string {
  return `Not counted above: ${plural(n.reviews, 'review')} of ${plural(n.cards, 'card')} not in the content loaded now (use --content to load their folder).`;
}

function weekday(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(y, m - 1, d).getDay()]!;
}
