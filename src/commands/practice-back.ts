// One card after it was revealed: the back, the answer on request, the key points, the grade.
import { preview } from '../cards/schedule.js';
import type { Pick } from '../cards/queue.js';
import { suggestGrade } from '../cards/session.js';
import type { Depth } from '../content/model.js';
import type { Grade } from '../progress/model.js';
import { DEPTH_KEYS } from '../ui/activity.js';
import { gradeMessage, renderBack, renderDepthAnswer, renderSuggestion } from '../ui/cards-render.js';
import type { Session } from './practice.js';

export type BackResult = { action: 'grade'; grade: Grade; covered?: [number, number] } | { action: 'suspend' | 'bury' };

export async function reviewBack(s: Session, pick: Pick): Promise<BackResult> {
  const { c } = s.ctx.stdout;
  s.out(renderBack(pick, s.md, c));
  await readAnswer(s, pick);
  const covered = await tickKeyPoints(s, pick);
  const grade = await askGrade(s, pick, covered?.suggested);
  return { action: 'grade', grade, ...(covered ? { covered: covered.counts } : {}) };
}

/** The answer at the chosen depth; s/b/d show it at another depth until Enter. */
async function readAnswer(s: Session, pick: Pick): Promise<void> {
  const { c } = s.ctx.stdout;
  s.out(renderDepthAnswer(pick.question, s.depth, s.md, c));
  for (;;) {
    const key = await s.prompter.key({
      message: `s/b/d: answer at super-brief/brief/detailed · Enter: ${pick.card.keyPoints.length > 0 ? 'tick key points' : 'grade'}`,
      choices: [{ keys: ['return', 'space'], value: 'go', label: '' }, ...DEPTH_KEYS.map(({ key, depth }) => ({ keys: [key], value: depth, label: depth }))],
    });
    if (key === 'go') return;
    s.depth = key as Depth;
    s.out(renderDepthAnswer(pick.question, s.depth, s.md, c));
  }
}

async function tickKeyPoints(s: Session, pick: Pick): Promise<{ counts: [number, number]; suggested: Grade | undefined } | undefined> {
  const points = pick.card.keyPoints;
  if (points.length === 0) return undefined;
  const ticked = await s.prompter.checkbox({
    message: 'Which key points did your answer cover? (space ticks, Enter confirms)',
    choices: points.map((p, index) => ({ name: p, value: index })),
  });
  const suggested = suggestGrade(ticked.length, points.length);
  if (suggested) s.out(renderSuggestion(ticked.length, points.length, suggested, s.ctx.stdout.c));
  return { counts: [ticked.length, points.length], suggested };
}

async function askGrade(s: Session, pick: Pick, suggested: Grade | undefined): Promise<Grade> {
  const shownAt = s.ctx.now();
  const key = await s.prompter.key({
    message: gradeMessage(preview(pick.state, shownAt), shownAt, suggested),
    choices: [
      { keys: ['1'], value: '1', label: '1 Again' },
      { keys: ['2'], value: '2', label: '2 Hard' },
      { keys: ['3'], value: '3', label: '3 Good' },
      { keys: ['4'], value: '4', label: '4 Easy' },
      ...(suggested ? [{ keys: ['return'], value: String(suggested), label: `${suggested} (suggested)` }] : []),
    ],
  });
  return Number(key) as Grade;
}
