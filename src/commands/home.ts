// `prepdeck` with no command. In a terminal: the home menu, which comes back after each activity.
// Without one (stdin or stdout not a TTY): the help, exit 0.
// The menu draws at once; how many cards are due is filled in after the first screen.
import type { Context } from '../context.js';
import { InterruptedError, UserError } from '../errors.js';
import { writeUserError } from '../error-output.js';
import { DEPTHS, type Depth } from '../content/model.js';
import { prompterFor, questionsFor, storeFor, type Deps } from './activity.js';
import { choicesOf, numberChoices, PromptInterrupted, type Choice, type Prompter } from '../ui/prompts.js';

// The entries in the order shown, each keyed by the activity it starts.
const MENU = {
  practise: 'Practise flashcards',
  quiz: 'Take a quiz',
  read: 'Read an answer',
  simulate: 'Simulate a load balancer',
  lab: 'Run the live lab',
  progress: 'Progress',
  settings: 'Settings',
  quit: 'Quit',
} as const;
type Activity = keyof typeof MENU;

// The "items I missed" entry of the quiz choice and what Esc answers (not deck names: decks are lowercase ids).
const MISSED = '\u0000missed';
const BACK = '\u0000back';
// What a result printed inside the menu waits for before the menu redraws over it.
export const MENU_WAIT = 'Enter: back to the menu';

interface HomeArgs {
  content?: unknown;
}

export async function run(args: HomeArgs, ctx: Context, help: () => Promise<string>, deps: Deps = {}): Promise<void> {
  if (!ctx.interactive && !deps.prompter) {
    ctx.stdout.write((await help()) + '\n');
    return;
  }
  const prompter = await prompterFor(ctx, deps);
  const { c } = ctx.stdout;
  let last: Activity = 'practise';
  ctx.stdout.write(`${c.bold('prepdeck')} ${c.dim('· system-design interview practice')}\n`);
  for (;;) {
    let choice: Activity;
    try {
      choice = await prompter.menu({ message: 'What would you like to do?', choices: choicesOf(MENU), default: last, badges: () => badges(args, ctx, deps) });
    } catch (err) {
      if (err instanceof PromptInterrupted) throw new InterruptedError('Bye.');
      throw err;
    }
    if (choice === 'quit') return;
    last = choice;
    try {
      await activity(choice, args, ctx, { ...deps, prompter });
    } catch (err) {
      if (err instanceof InterruptedError) throw err;
      if (err instanceof PromptInterrupted) throw new InterruptedError('Bye.');
      if (!(err instanceof UserError)) throw err;
      writeUserError(err, ctx.stderr);
    }
    ctx.stdout.write('\n');
  }
}

/** "new 7 · learning 2 · due 13" for the first entry; computed without side effects (no notices, no locks). */
async function badges(args: HomeArgs, ctx: Context, deps: Deps): Promise<ReadonlyMap<Activity, string>> {
  const [{ contentDirs, loadLibrary }, { contentFlags }, { peekProgress }, { todayCounts }, { formatCounts }, { emptyProgress }] = await Promise.all([
    import('../content/load.js'),
    import('../content/library.js'),
    import('../progress/store.js'),
    import('../cards/session.js'),
    import('../cards/counts.js'),
    import('../progress/model.js'),
  ]);
  const questions = deps.questions ?? (await loadLibrary(contentDirs(contentFlags(args), ctx.env))).questions;
  const doc = (deps.store ? deps.store.read() : await peekProgress(ctx.env)) ?? emptyProgress();
  return new Map([['practise', formatCounts(todayCounts(questions, doc, ctx.now()))]]);
}

async function activity(choice: Exclude<Activity, 'quit'>, args: HomeArgs, ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const base = { content: args.content };
  switch (choice) {
    case 'practise': {
      const { practiseMenu } = await import('./home-practise.js');
      return practiseMenu(base, ctx, deps);
    }
    case 'quiz': {
      const questions = await questionsFor(base, ctx, deps);
      const decks = [...new Set(questions.filter((q) => q.quiz.length > 0).map((q) => q.deck))];
      const items = (deck?: string) => questions.filter((q) => deck === undefined || q.deck === deck).reduce((n, q) => n + q.quiz.length, 0);
      const deck = await deps.prompter.select<string | undefined>({
        message: 'Which quiz?',
        choices: [
          { name: `All decks (${items()} items)`, value: undefined },
          ...decks.map((d) => ({ name: `${d} (${items(d)} items)`, value: d })),
          { name: 'Only the items I missed', value: MISSED },
        ],
        escape: BACK,
      });
      if (deck === BACK) return;
      if (deck === MISSED) {
        const { missedQuiz } = await import('./home-practise.js');
        return missedQuiz(base, ctx, { ...deps, questions });
      }
      // No items at all: nothing to ask; the quiz command says so.
      const total = items(deck);
      const count = total > 0 ? await deps.prompter.select<number>({ message: 'How many items?', ...countChoices(total), escape: 0 }) : undefined;
      if (count === 0) return;
      const quiz = await import('./quiz.js');
      return quiz.run({ ...base, hold: MENU_WAIT, ...(count !== undefined ? { count } : {}), ...(deck !== undefined ? { deck } : {}) }, ctx, { ...deps, questions });
    }
    case 'read': {
      const { readMenu } = await import('./home-read.js');
      return readMenu(base, ctx, deps);
    }
    case 'simulate': {
      const { simulateMenu } = await import('./home-simulate.js');
      return simulateMenu(ctx, deps.prompter);
    }
    case 'lab': {
      // Built-in balancer, sessions in memory, a free port (8080 may be taken); Ctrl+C comes back here.
      const lab = await import('./lab.js');
      return lab.run({ port: 0 }, ctx, { returnOnStop: true });
    }
    case 'progress': {
      const [progress, { showCaptured }] = await Promise.all([import('./progress.js'), import('../ui/hold.js')]);
      return showCaptured(ctx, deps.prompter, (captured) => progress.run(base, captured, deps), { wait: true, closeHint: 'back to the menu' });
    }
    case 'settings':
      return settings(ctx, deps);
  }
}

const QUIZ_COUNTS = [3, 5, 10, 20];

/**
 * The quiz lengths to offer for `total` items: the usual ones shorter than the quiz, then all of
 * them (a deck of 3 offered 10 and 20, and quietly gave 3). Default 10 when offered, else all.
 */
export function countChoices(total: number): { choices: Choice<number>[]; default: number } {
  const fewer = QUIZ_COUNTS.filter((n) => n < total);
  return { choices: [...numberChoices(fewer), { name: `all ${total}`, value: total }], default: fewer.includes(10) ? 10 : total };
}

const DEPTH_BLURB: Record<Depth, string> = { 'super-brief': 'the 20-second version', brief: 'the two-minute version', detailed: 'the full answer' };

async function settings(ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const store = await storeFor(ctx, deps);
  const current = store.read().settings;
  const { DEFAULT_NEW_PER_DAY } = await import('../cards/session.js');
  const { setSettings } = await import('../progress/model.js');
  // Esc on either question leaves the settings as they were.
  const depth = await deps.prompter.select<Depth | null>({
    message: 'Answer depth (read, quiz, practice)',
    choices: DEPTHS.map((d) => ({ name: `${d}: ${DEPTH_BLURB[d]}`, value: d })),
    default: current.depth ?? 'brief',
    escape: null,
  });
  if (!depth) return;
  const perDay = current.newPerDay ?? DEFAULT_NEW_PER_DAY;
  const options = [...new Set([5, 10, 15, 20, 30, 50, perDay])].sort((a, b) => a - b);
  const newPerDay = await deps.prompter.select<number>({
    message: 'New flashcards a day',
    choices: numberChoices(options),
    default: perDay,
    escape: -1,
  });
  if (newPerDay < 0) return;
  const saved = store.update((doc) => setSettings(doc, { depth, newPerDay }));
  ctx.stdout.write(`Saved: depth ${saved.settings.depth}, ${saved.settings.newPerDay} new cards a day.\n`);
}
