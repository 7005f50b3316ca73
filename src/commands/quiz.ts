// `prepdeck quiz [--deck D] [--question Q] [--count N] [--seed S] [--depth …]`: multiple-choice
// items from the content, each answer saved the moment it is given.
import { randomInt } from 'node:crypto';
import type { Context } from '../context.js';
import { InterruptedError, NotFoundError } from '../errors.js';
import { resolveQuestion } from '../content/lookup.js';
import { contentFlags } from '../content/library.js';
import { shellCommand } from '../content/sanitize.js';
import type { Depth, Question } from '../content/model.js';
import { addQuizRunAnswer, stoppedRuns, type ProgressDoc, type QuizAnswer } from '../progress/model.js';
import type { ProgressStore } from '../progress/store.js';
import { optionOrder, quizPool, scopeOf, selectItems, type PoolItem, type QuizFilter } from '../quiz/select.js';
import { scoreItem, summarizeQuiz, type AnsweredItem } from '../quiz/score.js';
import {
  checkDeck,
  DEPTH_KEYS,
  markdownFor,
  prompterFor,
  questionsFor,
  requireTerminal,
  storeFor,
  type Deps,
} from './activity.js';
import { holdOptions, showText } from '../ui/hold.js';
import { PromptInterrupted, type Prompter } from '../ui/prompts.js';
import { plural } from '../ui/text.js';
import type { Colors } from '../ui/terminal.js';
import { EMPTY_MULTI, promptMessage, renderEcho, renderFeedback, renderItem, renderQuizSummary, renderRelatedAnswer, type Md } from '../ui/quiz-render.js';

export interface QuizArgs {
  deck?: string;
  question?: string;
  count?: number;
  seed?: string;
  depth?: Depth;
  content?: unknown;
  /**
   * The questions given are a selection no flag can name again (the items missed so far, which this
   * very quiz changes): no "Retake exactly this quiz" command is printed.
   */
  selection?: boolean;
  /** Inside the home menu: the summary waits for a key with this message (the menu would push it away). */
  hold?: string;
}

export const DEFAULT_COUNT = 10;

export async function run(args: QuizArgs, ctx: Context, deps: Deps = {}): Promise<void> {
  const count = args.count ?? DEFAULT_COUNT;
  requireTerminal(ctx, deps, 'quiz');

  const { filter, pool } = await chooseScope(args, ctx, deps);
  // A selection (the items missed so far) is its own scope: its score is never compared with, or
  // counted as, the last attempt at the whole deck or at every deck.
  const scope = args.selection ? 'missed' : scopeOf(filter);
  const plan = await planAttempt(pool, scope, count, args.depth, args.seed, ctx, deps);
  const view = await quizView(ctx, deps);
  const results: AnsweredItem[] = [];

  try {
    for (const [i, picked] of plan.items.entries()) {
      const n = i + 1;
      results.push(await askItem(n, picked, plan, view));
      plan.depth = await offerAnswers(picked.question, n === plan.items.length, plan.depth, view);
    }
  } catch (err) {
    if (err instanceof PromptInterrupted) throw new InterruptedError(`Quiz stopped, not scored. Saved ${plural(results.length, 'answer')}.`);
    throw err;
  }

  const summary = summarizeQuiz(results, plan.before.quiz, plan.scope, stoppedRuns(plan.before));
  const replay = plan.replayable && !args.selection ? replayCommand(filter, count, plan.seed, contentFlags(args)) : undefined;
  const shown = renderQuizSummary(summary, view.c, ctx.stdout.columns, replay, view.inline);
  if (args.hold === undefined) view.out(shown);
  else await showText(shown, ctx, view.prompter, { ...holdOptions(args.hold), render: (columns) => renderQuizSummary(summary, view.c, columns, replay, view.inline) });
}

/** One quiz attempt, decided before the first item shows. */
interface Attempt {
  store: ProgressStore;
  /** Progress as it was before this attempt (for missed-first order and the summary's comparison). */
  before: ProgressDoc;
  depth: Depth;
  seed: string;
  items: PoolItem[];
  /** Whether `--seed` reproduces this attempt (so the summary may offer the command). */
  replayable: boolean;
  scope: string;
  attempt: string;
  startedAt: string;
}

/** What the quiz draws with and asks through. */
interface QuizView {
  ctx: Context;
  md: Md;
  inline: Md;
  prompter: Prompter;
  c: Colors;
  out: (text: string) => void;
}

async function chooseScope(args: QuizArgs, ctx: Context, deps: Deps): Promise<{ filter: QuizFilter; pool: PoolItem[] }> {
  const questions = await questionsFor(args, ctx, deps);
  checkDeck(args.deck, questions);
  const filter: QuizFilter = {
    ...(args.deck !== undefined ? { deck: args.deck } : {}),
    ...(args.question !== undefined ? { question: resolveQuestion(String(args.question), questions).id } : {}),
  };
  const pool = quizPool(questions, filter);
  if (pool.length === 0) throw new NotFoundError(noQuizItems(filter));
  return { filter, pool };
}

async function planAttempt(
  pool: PoolItem[],
  scope: string,
  count: number,
  depthFlag: Depth | undefined,
  seedArg: string | undefined,
  ctx: Context,
  deps: Deps,
): Promise<Attempt> {
  const store = await storeFor(ctx, deps);
  const before = store.read();
  const depth: Depth = depthFlag ?? before.settings.depth ?? 'brief';
  const explicitSeed = seedArg !== undefined && seedArg !== '';
  const seed = explicitSeed ? seedArg : String(randomInt(100_000, 1_000_000));
  // With --seed the quiz is exactly reproducible; without, items missed before come first.
  const items = selectItems(pool, before.quiz, { count, seed, missedFirst: !explicitSeed });
  const plain = selectItems(pool, [], { count, seed, missedFirst: false });
  const replayable = explicitSeed || plain.every((p, i) => p.item.key === items[i]?.item.key);
  return { store, before, depth, seed, items, replayable, scope, attempt: store.newId(), startedAt: ctx.now().toISOString() };
}

async function quizView(ctx: Context, deps: Deps): Promise<QuizView> {
  const md = await markdownFor(ctx);
  const { renderInline } = await import('../ui/markdown.js');
  const prompter = await prompterFor(ctx, deps);
  return { ctx, md, inline: (text) => renderInline(text, ctx.stdout), prompter, c: ctx.stdout.c, out: (text) => ctx.stdout.write(text) };
}

/** Shows item n, takes the answer, saves it at once and gives feedback. */
async function askItem(n: number, { item, question }: PoolItem, plan: Attempt, view: QuizView): Promise<AnsweredItem> {
  const { ctx, md, c, out, inline, prompter } = view;
  const total = plan.items.length;
  out(renderItem(n, total, item, question, md, c, ctx.stdout.columns));
  const order = optionOrder(item, plan.seed);
  const choices = order.map((index) => ({ name: inline(item.options[index]!.text), value: index }));
  const message = promptMessage(n, total, item);
  // The prompt is cleared once answered: the answer line below says right or wrong.
  const chosen =
    item.type === 'multi'
      ? await prompter.checkbox({ message, choices, confirmEmpty: EMPTY_MULTI, clear: true })
      : [await prompter.select({ message, choices, clear: true })];
  const score = scoreItem(item, chosen);
  const shown = order.filter((index) => chosen.includes(index)).map((index) => item.options[index]!.text);
  out(renderEcho(n, total, shown, score.correct, c, ctx.stdout.columns, inline));

  saveAnswer(n, { item, question }, chosen, score.correct, plan, ctx);
  out('\n' + renderFeedback(item, score, md, c, order, ctx.stdout.columns, inline));
  return { item, question, correct: score.correct };
}

function saveAnswer(n: number, { item, question }: PoolItem, chosen: number[], correct: boolean, plan: Attempt, ctx: Context): void {
  const { store, attempt, scope, startedAt, items } = plan;
  const answer: QuizAnswer = {
    id: store.newId(),
    at: ctx.now().toISOString(),
    attempt,
    scope,
    deck: question.deck,
    question: question.id,
    key: item.key,
    correct,
    chosen: chosen.map((index) => item.options[index]!.text),
  };
  const run = { id: attempt, scope, at: startedAt, items: items.length };
  store.update((doc) => addQuizRunAnswer(doc, answer, run, n === items.length));
}

/** Said plainly, with what can be done instead: every question is a flashcard too. */
function noQuizItems(filter: QuizFilter): string {
  const [what, its] = filter.question !== undefined ? [`'${filter.question}' has`, 'its'] : filter.deck !== undefined ? [`The deck '${filter.deck}' has`, 'its'] : ['These questions have', 'their'];
  const practise = shellCommand(['prepdeck', 'practice', ...(filter.deck !== undefined ? ['--deck', filter.deck] : [])]);
  return `${what} no multiple-choice questions to quiz you on yet. Practise ${its} flashcards instead: Practise in the menu, or ${practise}.`;
}

/**
 * After the feedback: Enter moves on; a, s, b or d show the question's answer at a depth (in the
 * scroll view when taller than the terminal). Returns the depth last asked for: what `a` shows next.
 */
async function offerAnswers(question: Question, last: boolean, depth: Depth, view: QuizView): Promise<Depth> {
  for (;;) {
    const key = await view.prompter.key({
      message: `${last ? 'Enter: see your score' : 'Enter: next question'} · a: the answer (${depth}) · s/b/d: super-brief/brief/detailed`,
      choices: [
        { keys: ['return', 'space'], value: 'next', label: '' },
        { keys: ['a'], value: depth, label: depth },
        ...DEPTH_KEYS.map(({ key, depth: d }) => ({ keys: [key], value: d, label: d })),
      ],
    });
    if (key === 'next') return depth;
    depth = key as Depth;
    // view.md lays Markdown out to the terminal's width now: after a resize, the new one.
    const render = () => renderRelatedAnswer(question, depth, view.md, view.c);
    await showText(render(), view.ctx, view.prompter, { closeHint: 'back to the question', render });
  }
}

/** Every option that shaped the quiz (content folders, deck or question, count, seed), shell-quoted. */
export function replayCommand(filter: QuizFilter, count: number, seed: string, content: readonly string[] = []): string {
  // Printed for copying: the seed is whatever was typed, so every argument is shell-quoted.
  const parts = ['prepdeck', ...content.flatMap((dir) => ['--content', dir]), 'quiz'];
  if (filter.deck !== undefined) parts.push('--deck', filter.deck);
  if (filter.question !== undefined) parts.push('--question', filter.question);
  if (count !== DEFAULT_COUNT) parts.push('--count', String(count));
  parts.push('--seed', seed);
  return shellCommand(parts);
}
