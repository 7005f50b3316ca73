// What a flashcard session shows, as strings.
import { formatCounts, type Counts } from '../cards/counts.js';
import { GRADE_NAMES } from '../cards/schedule.js';
import type { SessionCard, SessionSummary } from '../cards/session.js';
import type { Depth, Question } from '../content/model.js';
import type { Grade } from '../progress/model.js';
import { formatInterval } from './charts.js';
import type { Md } from './quiz-render.js';
import type { Colors } from './terminal.js';
import { plural, wrap } from './text.js';

const REASON: Record<SessionCard['reason'], string> = { due: 'due', new: 'new', cram: 'cram' };

export function renderSessionStart(cards: readonly SessionCard[], cram: boolean, c: Colors): string {
  const due = cards.filter((s) => s.reason === 'due').length;
  const fresh = cards.filter((s) => s.reason === 'new').length;
  const n = plural(cards.length, 'card');
  const what = cram ? `${n} to cram (schedules stay as they are)` : `${n}: ${due} due, ${fresh} new`;
  return `${c.bold('Flashcards')} ${c.dim('·')} ${what}\n${c.dim('Answer each card aloud or in your head, then reveal it and grade yourself.')}\n`;
}

export function renderFront(n: number, total: number, s: SessionCard, counts: Counts, md: Md, c: Colors): string {
  const head = `${c.bold(c.cyan(`Card ${n} of ${total}`))} ${c.dim(`· ${REASON[s.reason]} · ${s.question.deck} · ${s.question.title}`)}`;
  return `\n${head}\n${formatCounts(counts)}\n\n${md(s.card.front).trimEnd()}\n\n`;
}

export function renderBack(s: SessionCard, md: Md, c: Colors): string {
  return `${c.bold(c.green('Back'))}\n${md(s.card.back).trimEnd()}\n`;
}

export function renderDepthAnswer(question: Question, depth: Depth, md: Md, c: Colors): string {
  return `\n${c.bold(`Answer · ${depth}`)} ${c.dim(`(${question.title})`)}\n${md(question.answers[depth]).trimEnd()}\n\n`;
}

export function gradeMessage(intervals: Record<Grade, Date>, now: Date, suggested: Grade | undefined): string {
  const keys = ([1, 2, 3, 4] as const).map((g) => `${g} ${GRADE_NAMES[g]} (${formatInterval(now, intervals[g])})`).join(' · ');
  return `Grade: ${keys}${suggested ? ` · Enter: ${GRADE_NAMES[suggested]} (suggested)` : ''}`;
}

export function renderSuggestion(ticked: number, total: number, suggested: Grade, c: Colors): string {
  return `${c.dim(`You covered ${ticked} of ${total} key points:`)} suggested grade ${c.bold(`${suggested} ${GRADE_NAMES[suggested]}`)}\n`;
}

export function renderGraded(grade: Grade, next: { due: string } | undefined, at: Date, c: Colors): string {
  const when = next ? `due again in ${formatInterval(at, new Date(next.due))}` : 'cram: schedule unchanged';
  return c.dim(`Graded ${grade} ${GRADE_NAMES[grade]} · ${when}`) + '\n';
}

/** The end of a session; every line fits `columns`. */
export function renderSessionSummary(s: SessionSummary, now: Date, cram: boolean, c: Colors, columns: number): string {
  const lines = ['', c.bold('Session finished')];
  const grades = ([1, 2, 3, 4] as const).map((g) => `${GRADE_NAMES[g]} ${s.grades[g]}`).join(' · ');
  lines.push(`Reviewed ${plural(s.reviewed, 'card')}: ${grades}`);
  if (cram) lines.push(c.dim('Cram session: schedules were not changed.'));
  lines.push(nextDueLine(s.nextDue, now));
  return wrap(lines.join('\n'), columns) + '\n\n';
}

export function nextDueLine(nextDue: Date | undefined, now: Date): string {
  if (!nextDue) return 'No card is scheduled yet: new cards are waiting.';
  if (nextDue.getTime() <= now.getTime()) return 'Next card due: now.';
  return `Next card due: in ${formatInterval(now, nextDue)} (${formatWhen(nextDue, now)}).`;
}

function formatWhen(d: Date, now: Date): string {
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const sameDay = d.toDateString() === now.toDateString();
  if (sameDay) return `today ${hm}`;
  const ymd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${ymd} ${hm}`;
}
