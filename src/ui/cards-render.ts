// What a flashcard session shows, as strings.
import { formatCounts, type Counts } from '../cards/counts.js';
import type { HiddenRest, Pick } from '../cards/queue.js';
import { GRADE_NAMES } from '../cards/schedule.js';
import type { Depth } from '../content/model.js';
import type { Grade } from '../progress/model.js';
import { formatInterval } from './charts.js';
import type { Md } from './quiz-render.js';
import type { Colors, Output } from './terminal.js';
import { layoutCommand, plural, visibleLength, wrap } from './text.js';
import { shellQuote } from '../content/sanitize.js';

const KIND: Record<Pick['kind'], string> = { due: 'due', new: 'new', learning: 'learning' };

export function renderSessionStart(cram: boolean, c: Colors): string {
  const what = cram ? 'every card in scope, schedules stay as they are' : 'answer each card aloud or in your head, then reveal it and grade yourself';
  return `${c.bold(cram ? 'Cram' : 'Flashcards')} ${c.dim(`· ${what}`)}\n`;
}

/** What the previous action did, shown on the next card's front (with the undo key). */
export type LastAction =
  | { kind: 'graded'; grade: Grade; at: Date; due?: Date }
  | { kind: 'suspend'; key: string }
  | { kind: 'bury' }
  | { kind: 'undone'; what: 'grade' | 'suspend' | 'bury' };

export interface FrontInfo {
  /** The how-manieth card of the session this is. */
  n: number;
  /** A learning card shown before its step is due. */
  early: boolean;
  cram: boolean;
  now: Date;
  last?: LastAction;
}

/** The card's header lines and its front: the top of both the front and the back screens. */
export function renderCardHead(pick: Pick, counts: Counts, info: FrontInfo, md: Md, out: Output): string {
  const { c, columns } = out;
  const kind = info.cram ? 'cram' : KIND[pick.kind];
  const lines = [
    wrap(`${c.bold(c.cyan(`Card ${info.n}`))} ${c.dim(`· ${kind} · ${pick.question.deck} · ${pick.question.title}`)}`, columns),
    wrap(info.cram ? c.dim('cram: schedules unchanged') : formatCounts(counts), columns),
  ];
  if (info.early && pick.state) {
    const when = whenInWords(new Date(pick.state.due), info.now);
    lines.push(wrap(c.yellow(`Shown early (learn-ahead): nothing else is due, and this card's next step is due ${when}.`), columns));
  }
  lines.push('', md(pick.card.front).trimEnd(), '');
  return lines.join('\n') + '\n';
}

export function renderFront(head: string, info: FrontInfo, out: Output): string {
  if (!info.last) return clearScreen(out) + head;
  const note = info.last.kind === 'suspend' ? '\n' + wrap(unsuspendNote(info.last.key), out.columns) : '';
  return clearScreen(out) + head + out.c.dim(packItems(lastLine(info.last), out.columns, ' · ') + note) + '\n';
}

/** What the back screen shows below the card's head. */
export interface BackView {
  /** `Back`, or `Back · answer (brief)` for a question card. */
  label: string;
  /** The back's own text (a question card's back is its answer). */
  back: string;
  /** The question's answer, shown on request, at this depth. */
  answer?: { depth: Depth; text: string };
  /** A line under the back: the key-point suggestion, or where the answer went. */
  notes: string[];
}

/** The whole back screen: redrawn in place on every change, so nothing piles up below it. */
export function renderBackScreen(head: string, view: BackView, out: Output): string {
  const { c, columns } = out;
  const parts = [clearScreen(out) + head + c.bold(c.green(view.label)), view.back.trimEnd()];
  if (view.answer) parts.push('', c.bold(`Answer · ${view.answer.depth}`), view.answer.text.trimEnd());
  if (view.notes.length > 0) parts.push('', ...view.notes.map((n) => wrap(n, columns)));
  return parts.join('\n') + '\n\n';
}

/** Terminal rows a text takes at `columns` (long lines wrap). */
export function heightOf(text: string, columns: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(visibleLength(line) / Math.max(1, columns))), 0);
}

/** The parts of the line about the last action; packed so that none (`u: undo`) is ever split. */
export function lastLine(last: LastAction): string[] {
  switch (last.kind) {
    case 'graded':
      return [`Last card: ${last.grade} ${GRADE_NAMES[last.grade]}`, last.due ? `due again ${whenInWords(last.due, last.at)}` : 'cram: schedule unchanged', 'u: undo'];
    case 'suspend':
      return ['Last card suspended', 'u: undo'];
    case 'bury':
      return ['Last card buried until tomorrow', 'u: undo'];
    case 'undone':
      return [`Undone: the ${last.what === 'grade' ? 'grade' : last.what === 'suspend' ? 'suspension' : 'burial'} is taken back; the card is shown again.`];
  }
}

/** How a suspended card comes back, with its real key (shell-quoted when it needs quoting). */
export function unsuspendNote(key: string): string {
  return `To bring it back later: prepdeck practice --unsuspend ${shellQuote(key)} (or Practise → Suspended cards in the menu)`;
}

/** On a terminal whose size is known, each card starts on a fresh screen. */
export function clearScreen(out: Output): string {
  return out.isTTY && out.rows ? '\u001b[H\u001b[2J\u001b[3J' : '\n';
}

/**
 * `Grade: 1 Again 1m · 2 Hard 6m · 3 Good 10m · 4 Easy 2d`: each key with the interval it would
 * give. Items are packed into lines of `columns` (less the prompt's `? `) and never split.
 */
export function gradeMessage(intervals: Record<Grade, Date>, now: Date, columns: number): string {
  const keys = ([1, 2, 3, 4] as const).map((g) => `${g} ${GRADE_NAMES[g]} ${formatInterval(now, intervals[g])}`);
  return packItems([`Grade: ${keys[0]!}`, ...keys.slice(1)], columns - 2, ' · ');
}

/** The other keys of a card's back, packed into lines that fit; `Enter: Again (suggested)` stays whole. */
export function backKeysLine(suggested: Grade, fromKeyPoints: boolean, hasPoints: boolean, depth: Depth, columns: number): string {
  const items = [
    `Enter: ${GRADE_NAMES[suggested]}${fromKeyPoints ? ' (suggested)' : ''}`,
    ...(hasPoints ? ['k: key points'] : []),
    `a: answer (${depth})`,
    's/b/d: depth',
    '!: suspend',
    '-: bury',
  ];
  return packItems(items, columns - 2, ' · ');
}

/** The keys of a card's front, packed into lines that fit (less the prompt's `? `). */
export function frontKeysLine(canUndo: boolean, columns: number): string {
  return packItems(['Enter: reveal', ...(canUndo ? ['u: undo'] : []), '!: suspend', '-: bury', 'q: stop'], columns - 2, ' · ');
}

/**
 * Joins items with `sep`, starting a new line rather than splitting an item: no line ends with a
 * dangling separator and a key stays with its label. An item wider than `width` on its own is
 * wrapped at word boundaries.
 */
export function packItems(items: readonly string[], width: number, sep: string): string {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line === '') line = item;
    else if (visibleLength(line + sep + item) <= width) line += sep + item;
    else {
      lines.push(line);
      line = item;
    }
  }
  if (line) lines.push(line);
  return lines.map((l) => (visibleLength(l) > width ? wrap(l, width) : l)).join('\n');
}

export function renderSuggestion(ticked: number, total: number, suggested: Grade, c: Colors): string {
  return `${c.dim(`You covered ${ticked} of ${total} key points:`)} suggested grade ${c.bold(`${suggested} ${GRADE_NAMES[suggested]}`)}`;
}

/** What a session did: the grades standing, over how many different cards. */
export interface SessionSummary {
  grades: readonly Grade[];
  cards: number;
  cram: boolean;
  /** Started from the home menu (the hints name its entries). */
  menu: boolean;
}

/** The end of a session; every line fits `columns`. */
export function renderSessionSummary(s: SessionSummary, nextDue: Date | undefined, now: Date, c: Colors, columns: number): string {
  const lines = ['', c.bold('Session finished'), reviewedLine(s)];
  if (s.cram && s.grades.length > 0) lines.push(c.dim('Cram session: schedules were not changed.'));
  lines.push(nextDueLine(nextDue, now, s.menu));
  return wrap(lines.join('\n'), columns) + '\n\n';
}

/** `Reviewed 2 cards: Again 1 · Good 1`, `3 reviews of 1 card: …`, or that nothing was reviewed. */
export function reviewedLine(s: { grades: readonly Grade[]; cards: number }): string {
  if (s.grades.length === 0) return 'Nothing was reviewed.';
  const count = (g: Grade) => s.grades.filter((x) => x === g).length;
  const byGrade = ([1, 2, 3, 4] as const).map((g) => `${GRADE_NAMES[g]} ${count(g)}`).join(' · ');
  const what = s.grades.length === s.cards ? `Reviewed ${plural(s.cards, 'card')}` : `${plural(s.grades.length, 'review')} of ${plural(s.cards, 'card')}`;
  return `${what}: ${byGrade}`;
}

/**
 * Nothing to review: when the next card is due, else why no new card was picked. `newAsked` is the
 * --new given, if any: with `--new 0` the user asked for none, so no daily limit is to blame.
 * `hidden`: no new card is left to pick at all, the rest being suspended or buried.
 */
export function renderNothingDue(nextDue: Date | undefined, now: Date, menu: boolean, c: Colors, columns: number, newAsked?: number, hidden?: HiddenRest): string {
  if (!nextDue && hidden) return renderAllHidden(hidden, menu, c, columns);
  const noneAsked = !nextDue && newAsked === 0;
  // Nothing to pick and nothing scheduled: the new cards left are beyond today's limit, or none were asked for.
  const when = nextDue
    ? nextDueLine(nextDue, now, menu)
    : noneAsked
      ? 'No cards are due, and --new 0 asked for no new cards.'
      : "No card is scheduled yet, and today's new-card limit is reached.";
  const lines = [`Nothing to review right now. ${when}`];
  const more = noneAsked
    ? "New cards: 'prepdeck practice' (up to today's limit) or 'prepdeck practice --new 5'."
    : menu
      ? "More new cards: Practise → Extra new cards beyond today's limit."
      : "More new cards: 'prepdeck practice --new 5'.";
  const cram = menu ? 'Review anyway without changing schedules: Practise → Cram.' : "Review anyway without changing schedules: 'prepdeck practice --cram'.";
  lines.push(c.dim(`${more} ${cram}`));
  return wrap(lines.join('\n'), columns) + '\n';
}

/**
 * No card is due and every other card is suspended or buried: no limit is to blame and neither more
 * new cards nor cramming would show one (both skip hidden cards), so the one way on is said.
 */
function renderAllHidden(hidden: HiddenRest, menu: boolean, c: Colors, columns: number): string {
  if (hidden.kind === 'buried') return wrap('Nothing to review right now. No cards are due; the other cards are buried until tomorrow.', columns) + '\n';
  const lines = [wrap('Nothing to review right now. No cards are due; the other cards are suspended.', columns)];
  if (menu) lines.push(wrap(c.dim('To bring one back: Practise → Suspended cards.'), columns));
  else {
    // The command on lines of its own, broken (if at all) only between its arguments.
    lines.push(wrap(c.dim('To bring one back (or Practise → Suspended cards in the menu):'), columns));
    lines.push(...layoutCommand(`prepdeck practice --unsuspend ${shellQuote(hidden.key)}`, columns - 2).map((l) => `  ${l}`));
  }
  return lines.join('\n') + '\n';
}

/** When the next card is due, in words; a card due already is said so, with how to review it. */
export function nextDueLine(nextDue: Date | undefined, now: Date, menu = false): string {
  if (!nextDue) return 'No card is scheduled yet: new cards are waiting.';
  if (nextDue.getTime() <= now.getTime()) return `A card is due now: ${menu ? "choose Practise → Today's review" : "run 'prepdeck practice'"} again to review it.`;
  return `Next card due: ${whenInWords(nextDue, now)}.`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `now`, `in 8 minutes`, `today 15:10`, `tomorrow 09:10`, `Thursday 09:10`, `in 8 days`. */
export function whenInWords(d: Date, now: Date): string {
  const minutes = Math.ceil((d.getTime() - now.getTime()) / 60_000);
  if (minutes <= 0) return 'now';
  if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  const days = Math.round((new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() - new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()) / 86_400_000);
  if (days === 0) return `today ${hm}`;
  if (days === 1) return `tomorrow ${hm}`;
  if (days < 7) return `${WEEKDAYS[d.getDay()]!} ${hm}`;
  return `in ${days} days`;
}
