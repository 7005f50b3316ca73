// One card after it was revealed: one key grades it. 1–4 grade at once; Enter takes the suggested
// grade (Good until key points are ticked); k ticks key points for a suggestion; a shows the
// question's answer at the session's depth, s/b/d at another depth (which then holds for the
// session); ! suspends, - buries.
import { preview } from '../cards/schedule.js';
import type { Pick } from '../cards/queue.js';
import { suggestGrade } from '../cards/session.js';
import type { Depth } from '../content/model.js';
import type { Grade } from '../progress/model.js';
import { DEPTH_KEYS } from '../ui/activity.js';
import { backKeysLine, gradeMessage, renderBack, renderDepthAnswer, renderSuggestion } from '../ui/cards-render.js';
import type { KeyChoice } from '../ui/prompts.js';
import type { Session } from './practice.js';

export type BackResult = { action: 'grade'; grade: Grade; covered?: [number, number] } | { action: 'suspend' | 'bury' };

interface Ticked {
  counts: [number, number];
  suggested: Grade;
}

type BackKey = '1' | '2' | '3' | '4' | 'enter' | 'answer' | 'keys' | 'suspend' | 'bury' | Depth;

export async function reviewBack(s: Session, pick: Pick): Promise<BackResult> {
  const { c } = s.ctx.stdout;
  s.out(renderBack(pick, s.md, c));
  let ticked: Ticked | undefined;
  for (;;) {
    const key = await askBack(s, pick, ticked);
    const covered = ticked ? { covered: ticked.counts } : {};
    if (key === '1' || key === '2' || key === '3' || key === '4') return { action: 'grade', grade: Number(key) as Grade, ...covered };
    if (key === 'enter') return { action: 'grade', grade: ticked?.suggested ?? 3, ...covered };
    if (key === 'suspend' || key === 'bury') return { action: key };
    if (key === 'keys') ticked = (await tickKeyPoints(s, pick)) ?? ticked;
    else {
      if (key !== 'answer') s.depth = key;
      s.out(renderDepthAnswer(pick.question, s.depth, s.md, c));
    }
  }
}

/** The grade line (each grade with the interval it gives) and the other keys of the back. */
async function askBack(s: Session, pick: Pick, ticked: Ticked | undefined): Promise<BackKey> {
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
  return s.prompter.key({ message, choices });
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
  s.out(renderSuggestion(ticked.length, points.length, suggested, s.ctx.stdout.c));
  return { counts: [ticked.length, points.length], suggested };
}
