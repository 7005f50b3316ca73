// The home menu's Read: pick a question, read it at any depth, then go where its footer points —
// a related question, a quiz on this question, the simulation it names — without leaving the app.
import type { Context } from '../context.js';
import type { Depth, Question } from '../content/model.js';
import { DEPTH_KEYS, questionsFor, storeFor, type Deps } from './activity.js';
import { showCaptured } from '../ui/hold.js';
import type { Prompter } from '../ui/prompts.js';
import { echoCommand, showSimulation } from './home-simulate.js';

interface Base {
  content?: unknown;
}

export async function readMenu(base: Base, ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const questions = await questionsFor(base, ctx, deps);
  const first = await deps.prompter.select<Question | null>({
    message: 'Which question?',
    choices: questions.map((x, i) => ({ name: `${i + 1}. ${x.title}`, value: x, description: `${x.deck} · ${x.level} · ${x.id}` })),
    pageSize: 12,
    escape: null,
  });
  if (!first) return;
  const store = await storeFor(ctx, deps);
  let depth: Depth = store.read().settings.depth ?? 'brief';
  const read = await import('./read.js');
  let q = first;
  let show = true;
  for (;;) {
    // Held in the scroll view when taller than the terminal: the keys below would push its top away.
    if (show) await showCaptured(ctx, deps.prompter, (captured) => read.run({ ...base, question: q.id, depth }, captured));
    show = true;
    const key = await nextStep(q, questions, deps.prompter);
    if (key === 'back') return;
    if (key === 'simulate') {
      const flags = q.simulate?.trim() ?? '';
      echoCommand(flags, ctx);
      await showSimulation(flags, ctx, deps.prompter, 'Enter: back to the answer');
      show = false; // the answer is still on screen above the run
    } else if (key === 'related') {
      const next = await pickRelated(q, questions, deps.prompter);
      if (next) q = next;
      else show = false;
    } else if (key === 'quiz') {
      const quiz = await import('./quiz.js');
      await quiz.run({ ...base, question: q.id, count: q.quiz.length, hold: 'Enter: back to the answer' }, ctx, { ...deps, questions });
      show = false;
    } else {
      depth = key;
    }
  }
}

type Step = Depth | 'back' | 'simulate' | 'related' | 'quiz';

/** What the footer of the answer offers, as keys. */
async function nextStep(q: Question, questions: readonly Question[], prompter: Prompter): Promise<Step> {
  const related = relatedOf(q, questions).length > 0;
  const simulate = Boolean(q.simulate?.trim());
  const quiz = q.quiz.length > 0;
  const hints = [
    's/b/d: read it at super-brief/brief/detailed',
    ...(related ? ['l: related questions'] : []),
    ...(quiz ? ['z: quiz this question'] : []),
    ...(simulate ? ['r: run its simulation'] : []),
    'Enter: back to the menu',
  ];
  return prompter.key<Step>({
    message: hints.join(' · '),
    choices: [
      { keys: ['return', 'space', 'q', 'escape'], value: 'back', label: '' },
      ...DEPTH_KEYS.map(({ key, depth: d }) => ({ keys: [key], value: d as Step, label: d })),
      ...(related ? [{ keys: ['l'], value: 'related' as const, label: 'related' }] : []),
      ...(quiz ? [{ keys: ['z'], value: 'quiz' as const, label: 'quiz' }] : []),
      ...(simulate ? [{ keys: ['r'], value: 'simulate' as const, label: 'run it' }] : []),
    ],
  });
}

function relatedOf(q: Question, questions: readonly Question[]): Question[] {
  return q.related.map((id) => questions.find((x) => x.id === id)).filter((x): x is Question => x !== undefined);
}

async function pickRelated(q: Question, questions: readonly Question[], prompter: Prompter): Promise<Question | null> {
  return prompter.select<Question | null>({
    message: `Related to "${q.title}"`,
    choices: [...relatedOf(q, questions).map((r) => ({ name: r.title, value: r, description: `${r.deck} · ${r.level} · ${r.id}` })), { name: 'Back to the answer (Esc)', value: null }],
    escape: null,
  });
}
