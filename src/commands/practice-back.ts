// One card after it was revealed. The screen is redrawn in place on every key (nothing piles up):
// the card's head and front, its back, and on request the question's answer. One key grades it:
// 1–4 at once; Enter takes the suggested grade (Good until key points are ticked); k ticks key
// points for a suggestion; a shows the answer at the session's depth, s/b/d at another depth (which
// then holds for the session); an answer taller than the terminal opens in a scrollable view, and
// closing it comes back to the grade line. ! suspends, - buries.
import { isQuestionCard } from '../cards/question-card.js';
import { preview } from '../cards/schedule.js';
import type { Pick } from '../cards/queue.js';
import { suggestGrade } from '../cards/session.js';
import type { Depth } from '../content/model.js';
import type { Grade } from '../progress/model.js';
import { DEPTH_KEYS } from './activity.js';
import { backKeysLine, clearScreen, gradeMessage, heightOf, renderBackScreen, renderSuggestion, type BackView } from '../ui/cards-render.js';
import type { KeyChoice } from '../ui/prompts.js';
import { wrap } from '../ui/text.js';
import type { Session } from './practice.js';

export type BackResult = { action: 'grade'; grade: Grade; covered?: [number, number] } | { action: 'suspend' | 'bury' };

interface Ticked {
  counts: [number, number];
  suggested: Grade;
}

type BackKey = '1' | '2' | '3' | '4' | 'enter' | 'answer' | 'keys' | 'suspend' | 'bury' | Depth;

export async function reviewBack(s: Session, pick: Pick, head: string): Promise<BackResult> {
  const question = isQuestionCard(pick.card);
  let ticked: Ticked | undefined;
  // The answer on screen (a question card's back is its answer), and whether it went to the pager.
  let shown: Depth | undefined = question ? s.depth : undefined;
  let paged = false;
  for (;;) {
    const view = backView(s, pick, ticked, shown, paged);
    const prompt = gradePrompt(s, pick, ticked);
    if (shown && !paged && !fits(s, renderBackScreen(head, view, s.ctx.stdout) + prompt.message) && s.prompter.pager) {
      await openPager(s, pick, shown);
      paged = true;
      if (!question) shown = undefined;
      continue;
    }
    s.out(renderBackScreen(head, view, s.ctx.stdout));
    const key = await s.prompter.key(prompt);
    const covered = ticked ? { covered: ticked.counts } : {};
    if (key === '1' || key === '2' || key === '3' || key === '4') return { action: 'grade', grade: Number(key) as Grade, ...covered };
    if (key === 'enter') return { action: 'grade', grade: ticked?.suggested ?? 3, ...covered };
    if (key === 'suspend' || key === 'bury') return { action: key };
    if (key === 'keys') ticked = (await tickKeyPoints(s, pick)) ?? ticked;
    else {
      if (key !== 'answer') s.depth = key;
      shown = s.depth;
      paged = false;
    }
  }
}

/** The back screen's parts: the back (a question card's is the answer), the answer if asked for, notes. */
function backView(s: Session, pick: Pick, ticked: Ticked | undefined, shown: Depth | undefined, paged: boolean): BackView {
  const { c } = s.ctx.stdout;
  const notes = ticked ? [renderSuggestion(ticked.counts[0], ticked.counts[1], ticked.suggested, c)] : [];
  const closed = c.dim(`The answer (${s.depth}) was shown in the scrollable view · a: open it again`);
  if (isQuestionCard(pick.card)) {
    const depth = shown ?? s.depth;
    return { label: `Back · answer (${depth})`, back: paged ? closed : s.md(pick.question.answers[depth]), notes };
  }
  const view: BackView = { label: 'Back', back: s.md(pick.card.back), notes: paged ? [closed, ...notes] : notes };
  if (shown) view.answer = { depth: shown, text: s.md(pick.question.answers[shown]) };
  return view;
}

/** Whether a screen and its prompt fit the terminal (always, when its height is unknown). */
function fits(s: Session, screen: string): boolean {
  const { rows, columns } = s.ctx.stdout;
  return rows === undefined || heightOf(screen.trimEnd(), columns) + 1 <= rows;
}

async function openPager(s: Session, pick: Pick, depth: Depth): Promise<void> {
  const { c, columns, rows } = s.ctx.stdout;
  // s.md lays Markdown out to the terminal's width now: after a resize, the new one.
  const render = (width: number) => ({
    title: wrap(`${c.bold(`Answer · ${depth}`)} ${c.dim(`· ${pick.question.title}`)}`, width).split('\n')[0]!,
    lines: wrap(s.md(pick.question.answers[depth]).trimEnd(), width).split('\n'),
  });
  s.out(clearScreen(s.ctx.stdout));
  await s.prompter.pager!({ ...render(columns), height: Math.max(3, (rows ?? 24) - 3), closeHint: 'back to grading', render });
}

/** The grade line (each grade with the interval it gives) and the other keys of the back. */
function gradePrompt(s: Session, pick: Pick, ticked: Ticked | undefined): { message: string; choices: KeyChoice<BackKey>[] } {
  const shownAt = s.ctx.now();
  const suggested = ticked?.suggested ?? 3;
  const hasPoints = pick.card.keyPoints.length > 0;
  const { columns } = s.ctx.stdout;
  const choices: KeyChoice<BackKey>[] = [
    ...(['1', '2', '3', '4'] as const).map((g) => ({ keys: [g], value: g, label: g })),
    { keys: ['return'], value: 'enter', label: String(suggested) },
    { keys: ['a'], value: 'answer', label: 'answer' },
    ...DEPTH_KEYS.map(({ key, depth }) => ({ keys: [key], value: depth, label: depth })),
    ...(hasPoints ? [{ keys: ['k'], value: 'keys' as const, label: 'key points' }] : []),
    { keys: ['!'], value: 'suspend', label: 'suspend' },
    { keys: ['-'], value: 'bury', label: 'bury' },
  ];
  const message = `${gradeMessage(preview(pick.state, shownAt), shownAt, columns)}\n${backKeysLine(suggested, ticked !== undefined, hasPoints, s.depth, columns)}`;
  return { message, choices };
}

/** Which key points the answer covered, and the grade that suggests; undefined for a card without any. */
async function tickKeyPoints(s: Session, pick: Pick): Promise<Ticked | undefined> {
  const points = pick.card.keyPoints;
  if (points.length === 0) return undefined;
  const ticked = await s.prompter.checkbox({
    message: 'Which key points did your answer cover? (space ticks, Enter confirms)',
    choices: points.map((p, index) => ({ name: p, value: index })),
  });
  const suggested = suggestGrade(ticked.length, points.length)!;
  return { counts: [ticked.length, points.length], suggested };
}
