// `prepdeck` with no command. In a terminal: the home menu, which comes back after each activity.
// Without one (stdin or stdout not a TTY): the help, exit 0.
// The menu draws at once; how many cards are due is filled in after the first screen.
import type { Context } from '../context.js';
import { InterruptedError, UsageError, UserError } from '../errors.js';
import type { Depth, Question } from '../content/model.js';
import { shellCommand } from '../content/sanitize.js';
import { DEPTH_KEYS, prompterFor, questionsFor, storeFor, type Deps } from '../ui/activity.js';
import { PromptInterrupted, type Prompter } from '../ui/prompts.js';

type Activity = 'practise' | 'quiz' | 'read' | 'simulate' | 'lab' | 'progress' | 'settings' | 'quit';

const MENU: { name: string; value: Activity }[] = [
  { name: 'Practise flashcards', value: 'practise' },
  { name: 'Take a quiz', value: 'quiz' },
  { name: 'Read an answer', value: 'read' },
  { name: 'Simulate a load balancer', value: 'simulate' },
  { name: 'Run the live lab', value: 'lab' },
  { name: 'Progress', value: 'progress' },
  { name: 'Settings', value: 'settings' },
  { name: 'Quit', value: 'quit' },
];

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
      choice = await prompter.menu({ message: 'What would you like to do?', choices: MENU, default: last, badges: () => badges(args, ctx, deps) });
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
      ctx.stderr.write(err.message.endsWith('\n') ? err.message : err.message + '\n');
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
      const practice = await import('./practice.js');
      return practice.run(base, ctx, deps);
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
        ],
      });
      const count = await deps.prompter.select<number>({
        message: 'How many items?',
        choices: [3, 5, 10, 20].map((n) => ({ name: String(n), value: n })),
        default: 10,
      });
      const quiz = await import('./quiz.js');
      return quiz.run({ ...base, count, ...(deck !== undefined ? { deck } : {}) }, ctx, { ...deps, questions });
    }
    case 'read':
      return readAnswer(base, ctx, deps);
    case 'simulate':
      return runSimulation('--scenario seed-example', ctx, deps.prompter);
    case 'lab': {
      // Built-in balancer, sessions in memory, a free port (8080 may be taken); Ctrl+C comes back here.
      const lab = await import('./lab.js');
      return lab.run({ port: 0 }, ctx, { returnOnStop: true });
    }
    case 'progress': {
      const progress = await import('./progress.js');
      return progress.run(base, ctx, deps);
    }
    case 'settings':
      return settings(ctx, deps);
  }
}

async function readAnswer(base: HomeArgs, ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const questions = await questionsFor(base, ctx, deps);
  const q = await deps.prompter.select<Question>({
    message: 'Which question?',
    choices: questions.map((x, i) => ({ name: `${i + 1}. ${x.title}`, value: x, description: `${x.deck} · ${x.level} · ${x.id}` })),
    pageSize: 12,
  });
  const store = await storeFor(ctx, deps);
  let depth: Depth = store.read().settings.depth ?? 'brief';
  const read = await import('./read.js');
  // A question whose front matter names a simulation (`simulate: --scenario …`) offers to run it.
  const simulate = q.simulate?.trim() || undefined;
  const runIt = simulate ? ' · r: run its simulation' : '';
  let show = true;
  for (;;) {
    if (show) await read.run({ ...base, question: q.id, depth }, ctx);
    const key = await deps.prompter.key({
      message: `s/b/d: read it at super-brief/brief/detailed${runIt} · Enter: back to the menu`,
      choices: [
        { keys: ['return', 'space', 'q', 'escape'], value: 'back', label: '' },
        ...DEPTH_KEYS.map(({ key, depth: d }) => ({ keys: [key], value: d, label: d })),
        ...(simulate ? [{ keys: ['r'], value: 'simulate', label: 'run it' }] : []),
      ],
    });
    if (key === 'back') return;
    if (key === 'simulate' && simulate) {
      ctx.stdout.write(`\n${ctx.stdout.c.dim(`$ ${shellCommand(['prepdeck', 'simulate', ...simulate.split(/\s+/)])}`)}\n`);
      await runSimulation(simulate, ctx, deps.prompter);
      show = false; // the answer is still on screen above the run
      continue;
    }
    depth = key as Depth;
    show = true;
  }
}

/**
 * Runs `prepdeck simulate FLAGS`: the flags (one string, as in front matter) are split on whitespace
 * and parsed by the simulate command's own yargs options, so they mean exactly what they would on
 * the command line. Flags it does not know are a UsageError naming the question's flags. `--step`
 * asks through the menu's prompter. The flags were checked and capped when the content was loaded
 * (src/sim/linked.ts); no signal handler is installed around the run, so Ctrl+C and SIGTERM end it
 * at once even while the engine computes.
 */
async function runSimulation(flags: string, ctx: Context, prompter: Prompter): Promise<void> {
  const [{ default: yargs }, { simulateFlags }, sim] = await Promise.all([import('yargs'), import('../sim/cli-flags.js'), import('./simulate.js')]);
  const argv = flags.split(/\s+/).filter(Boolean);
  const args = await simulateFlags(yargs(argv))
    .help(false)
    .version(false)
    .strict()
    .exitProcess(false)
    .fail((msg: string | null, err: Error | undefined) => {
      // yargs' own validation errors (YError, e.g. a flag without its value) are bad flags too.
      if (err && err.name !== 'YError') throw err;
      throw new UsageError(`This question's simulation flags (${flags}) are not valid: ${msg ?? err?.message}`);
    })
    .parseAsync();
  await sim.run(args as Record<string, unknown>, ctx, { prompter });
}

async function settings(ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const store = await storeFor(ctx, deps);
  const current = store.read().settings;
  const { DEFAULT_NEW_PER_DAY } = await import('../cards/session.js');
  const { setSettings } = await import('../progress/model.js');
  const depth = await deps.prompter.select<Depth>({
    message: 'Answer depth (read, quiz, practice)',
    choices: [
      { name: 'super-brief: the 20-second version', value: 'super-brief' },
      { name: 'brief: the two-minute version', value: 'brief' },
      { name: 'detailed: the full answer', value: 'detailed' },
    ],
    default: current.depth ?? 'brief',
  });
  const perDay = current.newPerDay ?? DEFAULT_NEW_PER_DAY;
  const options = [...new Set([5, 10, 15, 20, 30, 50, perDay])].sort((a, b) => a - b);
  const newPerDay = await deps.prompter.select<number>({
    message: 'New flashcards a day',
    choices: options.map((n) => ({ name: String(n), value: n })),
    default: perDay,
  });
  const saved = store.update((doc) => setSettings(doc, { depth, newPerDay }));
  ctx.stdout.write(`Saved: depth ${saved.settings.depth}, ${saved.settings.newPerDay} new cards a day.\n`);
}
