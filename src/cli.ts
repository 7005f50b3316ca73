// The command registry. Each command's flags live here (cheap, needed for --help); its handler is
// imported only when that command runs, so start-up stays close to bare Node.
import yargs, { type ArgumentsCamelCase, type Argv, type Options } from 'yargs';
import { ABOUT, CONTENT_FLAG, SUMMARY, USAGE } from './about.js';
import type { Context } from './context.js';
import type { CommandInfo } from './ui/help.js';
import { DEPTHS } from './content/model.js';
import { simulateFlags } from './commands/simulate-flags.js';
import { labFlags } from './commands/lab-flags.js';
import { checkOneOf, checkSwitches, coerce, oneOf, someText, someTexts, wholeNumber, yargsFailure } from './commands/flag-checks.js';

/** The handler module of a command, loaded only when the command runs. */
type Loader<A> = () => Promise<{ run: (args: ArgumentsCamelCase<A>, ctx: Context) => Promise<void> }>;

export interface CommandSpec extends CommandInfo {
  /** Adds the command to a parser; its handler answers with `ctx`. */
  mount: (y: Argv, ctx: Context) => Argv;
}

/**
 * A command whose handler takes exactly the arguments its builder declares: tsc checks the flags'
 * types (after `coerce`) against the handler's parameter, so nothing is cast between the parser and
 * the handler. The builder decides the type (`NoInfer` on the handler); it annotates `y: Argv` so
 * that tsc infers from it (unannotated, the type falls back to `unknown` and no handler accepts it).
 */
function define<A>({ builder, run, ...info }: CommandInfo & { builder: (y: Argv) => Argv<A>; run: Loader<NoInfer<A>> }): CommandSpec {
  return {
    ...info,
    mount: (y, ctx) =>
      y.command<A>({
        command: info.command,
        aliases: info.aliases,
        describe: info.describe,
        builder: (sub) => info.examples.reduce((b, [cmd, what]) => b.example(cmd, what), builder(sub)),
        handler: async (args) => (await run()).run(args, ctx),
      }),
  };
}

const jsonFlag = { type: 'boolean', describe: 'Print JSON instead of text' } as const;
const deckFlag = { type: 'string', coerce: someText('deck', 'a deck id'), describe: 'Only this deck (id)' } as const;
// `type: 'string'`: a --depth without its value is then '' (not `true`), and quoted back as such.
const depthFlag = (describe: string) => ({ type: 'string', choices: DEPTHS, coerce: oneOf('depth', DEPTHS), describe }) as const;
const READ_DEPTHS = [...DEPTHS, 'all'] as const;
/** A study command's flags (practice, quiz): the deck to draw from, its own, and the answers' depth. */
// Numbers are read as text, so a bad value is quoted back as typed (not as NaN).
const PRACTICE_FLAGS = {
  new: { type: 'string', coerce: wholeNumber('new', 0), describe: 'New cards this session (default: what is left of your daily limit, 10)' },
  cram: { type: 'boolean', describe: 'Review all cards in scope; schedules stay unchanged' },
  unsuspend: { type: 'string', coerce: someText('unsuspend', "a card key, as 'progress' lists it"), describe: "Show a suspended card again (its key, as 'progress' lists it)" },
} satisfies Record<string, Options>;
const QUIZ_FLAGS = {
  question: { type: 'string', coerce: someText('question', 'a question id, list number or title words'), describe: 'Only this question (id, list number or title words)' },
  count: { type: 'string', coerce: wholeNumber('count', 1), describe: 'Number of items (default: 10)' },
  seed: { type: 'string', coerce: someText('seed', 'some text or a number'), describe: 'Shuffle seed: the same seed replays the same quiz' },
} satisfies Record<string, Options>;
function studyFlags<O extends Record<string, Options>>(y: Argv, own: O, depthHelp: string) {
  return y.option('deck', deckFlag).options(own).option('depth', depthFlag(depthHelp));
}
const PROGRESS_ACTIONS = ['show', 'reset', 'export', 'import'] as const;

export const COMMANDS: CommandSpec[] = [
  define({
    ...ABOUT.list,
    builder: (y: Argv) => y.option('deck', deckFlag).option('json', jsonFlag),
    run: () => import('./commands/list.js'),
  }),
  define({
    ...ABOUT.read,
    builder: (y: Argv) =>
      y
        .positional('question', { type: 'string', demandOption: true, describe: 'id, list number or words from the title' })
        .option('depth', {
          type: 'string',
          choices: READ_DEPTHS,
          coerce: oneOf('depth', READ_DEPTHS),
          describe: 'Answer depth (default: your setting, else brief)',
        })
        .option('json', jsonFlag),
    run: () => import('./commands/read.js'),
  }),
  define({
    ...ABOUT.validate,
    builder: (y: Argv) => y.positional('paths', { type: 'string', array: true, describe: 'files or folders' }),
    run: () => import('./commands/validate.js'),
  }),
  define({
    ...ABOUT.import,
    builder: (y: Argv) =>
      y
        // A required list has no default: without `default: undefined` the help says "[required] [default: []]".
        .positional('paths', { type: 'string', array: true, demandOption: true, default: undefined, describe: 'documents, or folders to search recursively' })
        .option('glob', { type: 'string', default: '*.txt', requiresArg: true, coerce: someText('glob', 'a file name pattern'), describe: 'Which files to take from folders (a name pattern, or a path pattern with /)' })
        .option('deck', { type: 'string', coerce: someText('deck', 'a deck id'), describe: 'Deck id (default: from the title line, e.g. "Caching Q2" -> caching)' })
        .option('out', { type: 'string', default: '.', requiresArg: true, coerce: someText('out', 'a folder'), describe: 'Folder to write <deck>/<id>.md into' })
        .option('update', { type: 'boolean', default: false, describe: 'Update files already imported in place: same ids, progress kept' })
        .option('force', { type: 'boolean', default: false, describe: 'Replace existing files (derived items are written afresh)' }),
    run: () => import('./commands/import.js'),
  }),
  define({
    ...ABOUT.simulate,
    builder: simulateFlags,
    run: () => import('./commands/simulate.js'),
  }),
  define({
    ...ABOUT.lab,
    builder: labFlags,
    run: () => import('./commands/lab.js'),
  }),
  define({
    ...ABOUT.practice,
    builder: (y: Argv) => studyFlags(y, PRACTICE_FLAGS, 'Answer depth shown with each card (default: your setting, else brief)'),
    run: () => import('./commands/practice.js'),
  }),
  define({
    ...ABOUT.quiz,
    builder: (y: Argv) => studyFlags(y, QUIZ_FLAGS, 'Depth of the answer shown on request (default: your setting, else brief)'),
    run: () => import('./commands/quiz.js'),
  }),
  define({
    ...ABOUT.progress,
    builder: (y: Argv) =>
      y
        .positional('action', { choices: PROGRESS_ACTIONS, coerce: coerce((v) => checkOneOf('action', v, PROGRESS_ACTIONS)), describe: 'What to do (default: show)' })
        .positional('file', { type: 'string', describe: 'File for export or import' })
        .option('deck', deckFlag)
        .option('json', jsonFlag)
        .option('path', { type: 'boolean', describe: 'Print where progress is stored' })
        .option('yes', { type: 'boolean', describe: 'reset: do not ask for confirmation' })
        .option('force', { type: 'boolean', describe: 'export: overwrite FILE if it exists' }),
    run: () => import('./commands/progress.js'),
  }),
  define({
    ...ABOUT.config,
    builder: (y: Argv) =>
      y
        // Checked by the command, which answers `config new-per-day 5` with the command that was meant.
        .positional('action', { type: 'string', describe: 'get or set (default: list all)' })
        .positional('key', { type: 'string', describe: 'depth | new-per-day' })
        .positional('value', { type: 'string', describe: 'the new value (set)' }),
    run: () => import('./commands/config.js'),
  }),
];

/** The first word that is not a flag or a flag's value: what the user meant as the command. */
export function commandWord(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--content') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * yargs reports an unknown command either as a bare "Did you mean X?" (recommendCommands) or as
 * "Unknown argument: X"; say plainly that the command is unknown in both cases. Its other
 * complaints are put in our words, and every one ends on the same line with where help is.
 */
export function usageMessage(msg: string, argv: readonly string[]): string {
  const word = commandWord(argv);
  const known = new Set(COMMANDS.flatMap((c) => [c.command.split(' ')[0]!, ...(c.aliases ?? [])]));
  if (word === undefined || known.has(word)) return `${ownWords(msg, argv, word)} See '${shellHelp(word)}'.`;
  if (/^Did you mean/.test(msg)) return `Unknown command '${word}'. ${msg}`;
  if (msg.startsWith('Unknown argument')) return `Unknown command '${word}'. Commands: ${[...known].join(', ')}.`;
  return msg;
}

const shellHelp = (word: string | undefined) => (word === undefined ? 'prepdeck --help' : `prepdeck ${word} --help`);

/** yargs' complaints about a known command, as one sentence naming what was typed. */
function ownWords(msg: string, argv: readonly string[], word: string | undefined): string {
  const missing = /^Not enough arguments following: (\S+)$/.exec(msg);
  if (missing) return `--${missing[1]} needs a value.`;
  const needed = /^Not enough non-option arguments/.test(msg) && COMMANDS.find((c) => c.command.split(' ')[0] === word || c.aliases?.includes(word ?? ''));
  if (needed) return `Missing ${needed.command.split(' ').filter((p) => p.startsWith('<')).join(' ')}: prepdeck ${needed.command}.`;
  const unknown = /^Unknown arguments?: (.+)$/.exec(msg);
  if (!unknown) return /[.?!]$/.test(msg) ? msg : `${msg}.`;
  // yargs names a flag without its dashes, and --foo-bar twice (as foo-bar and fooBar).
  const names = unknown[1]!.split(', ').filter((n, _, all) => !/[A-Z]/.test(n) || !all.includes(n.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`)));
  const typed = names.map((n) => argv.find((a) => a.replace(/^-+/, '').split('=')[0] === n && a.startsWith('-'))?.split('=')[0] ?? `'${n}'`);
  return `${typed.every((t) => t.startsWith('-')) ? 'Unknown flag' : 'Unexpected argument'}${typed.length > 1 ? 's' : ''}: ${typed.join(', ')}.`;
}

export function buildParser(argv: string[], ctx: Context, version: string): Argv {
  let y: Argv = yargs(argv)
    .scriptName('prepdeck')
    .usage(`$0 ${USAGE}\n\n${SUMMARY}`)
    .version(version)
    .alias('version', 'v')
    .help()
    .alias('help', 'h')
    .option('content', {
      // Not `array: true`: that would swallow the command after it. Repeats still collect into an array.
      type: 'string',
      coerce: someTexts('content', 'a folder'),
      describe: CONTENT_FLAG,
      global: true,
    })
    // Global, so it runs with the matched command's options: its switches come from its builder.
    // (yargs passes its getOptions() here; its types call the argument an alias map.)
    .check((_, options: object) => (checkSwitches(argv, (options as { boolean?: string[] }).boolean ?? []), true), true)
    .strict()
    .recommendCommands()
    .exitProcess(false)
    .wrap(Math.min(ctx.stdout.columns, 100))
    .fail(yargsFailure((msg) => usageMessage(msg, argv)));

  for (const spec of COMMANDS) y = spec.mount(y, ctx);
  for (const spec of COMMANDS) y = y.example(spec.examples[0]![0], spec.examples[0]![1]);
  return y;
}
