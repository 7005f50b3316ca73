// `prepdeck quiz [--deck D] [--question Q] [--count N] [--seed S] [--depth …]`: multiple-choice
// items from the content, each answer saved the moment it is given.
import { randomInt } from 'node:crypto';
import type { Context } from '../context.js';
import { InterruptedError, NotFoundError } from '../errors.js';
import { resolveQuestion } from '../content/lookup.js';
import { contentFlags } from '../content/library.js';
import { shellCommand } from '../content/sanitize.js';
import type { Depth } from '../content/model.js';
import { addQuizRunAnswer, stoppedRuns, type QuizAnswer } from '../progress/model.js';
import { optionOrder, quizPool, scopeOf, selectItems, type QuizFilter } from '../quiz/select.js';
import { scoreItem, summarizeQuiz, type AnsweredItem } from '../quiz/score.js';
import {
  checkDeck,
  checkDepth,
  DEPTH_KEYS,
  markdownFor,
  prompterFor,
  questionsFor,
  requireTerminal,
  storeFor,
  wholeNumberFlag,
  type Deps,
} from '../ui/activity.js';
import { showText } from '../ui/hold.js';
import { PromptInterrupted } from '../ui/prompts.js';
import { plural } from '../ui/text.js';
import { EMPTY_MULTI, promptMessage, renderEcho, renderFeedback, renderItem, renderQuizSummary, renderRelatedAnswer } from '../ui/quiz-render.js';

export interface QuizArgs {
  deck?: string;
  question?: string;
  /** A string from the command line (checked here), a number from the home menu. */
  count?: string | number;
  seed?: string | number;
  depth?: string;
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
  // Flags first: a mistyped value is reported even without a terminal.
  const count = wholeNumberFlag('--count', args.count, 1) ?? DEFAULT_COUNT;
  const depthFlag = checkDepth(args.depth);
  requireTerminal(ctx, deps, 'quiz');

  const questions = await questionsFor(args, ctx, deps);
  checkDeck(args.deck, questions);
  const filter: QuizFilter = {
    ...(args.deck !== undefined ? { deck: args.deck } : {}),
    ...(args.question !== undefined ? { question: resolveQuestion(String(args.question), questions).id } : {}),
  };
  const pool = quizPool(questions, filter);
  if (pool.length === 0) throw new NotFoundError('No quiz items there: the questions chosen have no # Quiz section.');

  const store = await storeFor(ctx, deps);
  const before = store.read();
  let depth: Depth = depthFlag ?? before.settings.depth ?? 'brief';
  const explicitSeed = args.seed !== undefined && String(args.seed) !== '';
  const seed = explicitSeed ? String(args.seed) : String(randomInt(100_000, 1_000_000));
  // With --seed the quiz is exactly reproducible; without, items missed before come first.
  const items = selectItems(pool, before.quiz, { count, seed, missedFirst: !explicitSeed });
  const plain = selectItems(pool, [], { count, seed, missedFirst: false });
  const replayable = explicitSeed || plain.every((p, i) => p.item.key === items[i]?.item.key);
  const scope = scopeOf(filter);
  const attempt = store.newId();
  const startedAt = ctx.now().toISOString();

  const md = await markdownFor(ctx);
  const { renderInline } = await import('../ui/markdown.js');
  const inline = (text: string) => renderInline(text, ctx.stdout);
  const prompter = await prompterFor(ctx, deps);
  const { c } = ctx.stdout;
  const out = (text: string) => ctx.stdout.write(text);
  const results: AnsweredItem[] = [];

  try {
    for (const [i, { item, question }] of items.entries()) {
      const n = i + 1;
      out(renderItem(n, items.length, item, question, md, c, ctx.stdout.columns));
      const order = optionOrder(item, seed);
      const choices = order.map((index) => ({ name: inline(item.options[index]!.text), value: index }));
      const message = promptMessage(n, items.length, item);
      // The prompt is cleared once answered: the answer line below says right or wrong.
      const chosen =
        item.type === 'multi'
          ? await prompter.checkbox({ message, choices, confirmEmpty: EMPTY_MULTI, clear: true })
          : [await prompter.select({ message, choices, clear: true })];
      const score = scoreItem(item, chosen);
      const shown = order.filter((index) => chosen.includes(index)).map((index) => item.options[index]!.text);
      out(renderEcho(n, items.length, shown, score.correct, c, ctx.stdout.columns, inline));

      const answer: QuizAnswer = {
        id: store.newId(),
        at: ctx.now().toISOString(),
        attempt,
        scope,
        deck: question.deck,
        question: question.id,
        key: item.key,
        correct: score.correct,
        chosen: chosen.map((index) => item.options[index]!.text),
      };
      const run = { id: attempt, scope, at: startedAt, items: items.length };
      store.update((doc) => addQuizRunAnswer(doc, answer, run, n === items.length));
      results.push({ item, question, correct: score.correct });

      out('\n' + renderFeedback(item, score, md, c, order, ctx.stdout.columns, inline));
      const last = n === items.length;
      for (;;) {
        // `a` shows the answer at the depth last asked for (the setting until s/b/d is pressed).
        const key = await prompter.key({
          message: `${last ? 'Enter: see your score' : 'Enter: next question'} · a: the answer (${depth}) · s/b/d: super-brief/brief/detailed`,
          choices: [
            { keys: ['return', 'space'], value: 'next', label: '' },
            { keys: ['a'], value: depth, label: depth },
            ...DEPTH_KEYS.map(({ key, depth: d }) => ({ keys: [key], value: d, label: d })),
          ],
        });
        if (key === 'next') break;
        depth = key as Depth;
        // A detailed answer runs to hundreds of lines: taller than the terminal, it opens in the scroll view.
        await showText(renderRelatedAnswer(question, depth, md, c), ctx, prompter, { closeHint: 'back to the question' });
      }
    }
  } catch (err) {
    if (err instanceof PromptInterrupted) throw new InterruptedError(`Saved ${plural(results.length, 'answer')}.`);
    throw err;
  }

  const summary = summarizeQuiz(results, before.quiz, scope, stoppedRuns(before));
  const replay = replayable && !args.selection ? replayCommand(filter, count, seed, contentFlags(args)) : undefined;
  const shown = renderQuizSummary(summary, c, ctx.stdout.columns, replay, inline);
  if (args.hold === undefined) out(shown);
  else await showText(shown, ctx, prompter, { wait: true, waitMessage: args.hold, closeHint: args.hold.replace(/^Enter: /, '') });
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
