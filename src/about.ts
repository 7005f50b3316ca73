// What `--help` says of each command: the parser (cli.ts) and the top-level help (ui/help.ts) both
// read it, so the help printed without loading the parser is the parser's own.
import type { CommandInfo, HelpInfo } from './ui/help.js';

export const ABOUT = {
  list: {
    command: 'list',
    describe: 'List decks and questions with id, level and tags',
    examples: [
      ['$0 list', 'every question, numbered'],
      ['$0 list --deck load-balancing --json', 'one deck as JSON'],
    ],
  },
  read: {
    command: 'read <question>',
    aliases: ['explain'],
    describe: 'Read a question and its answer at the depth you choose',
    examples: [
      ['$0 read sticky', 'find by words from the title (default depth: brief)'],
      ['$0 read session-persistence --depth detailed', 'the full answer'],
      ['$0 read 4 --depth all --json', 'by list number, every depth, as JSON'],
    ],
  },
  validate: {
    command: 'validate [paths..]',
    describe: 'Check content files and print every problem as file:line: message',
    examples: [
      ['$0 validate', 'check the built-in content and your --content folders'],
      ['$0 validate my-deck/', 'check a folder or single files'],
    ],
  },
  import: {
    command: 'import <paths..>',
    describe: 'Import plain-text interview documents (files or folders) as questions with derived flashcards and quiz items',
    examples: [
      ['$0 import my-docs/ --out my-content', 'every *.txt under my-docs/ -> my-content/<deck>/<id>.md, with a summary'],
      ['$0 import my-docs/ --out my-content --update', 'after editing documents: update in place, ids and progress kept'],
      ['$0 import notes/ --glob "**/*.md" --deck caching', 'other file names; put everything in one deck'],
    ],
  },
  simulate: {
    command: 'simulate',
    aliases: ['sim'],
    describe: 'Simulate a load balancer: sticky cookies vs round-robin, failures, scale-out, session stores',
    examples: [
      ['$0 simulate --scenario seed-example', 'three servers, users A, B, C: see the cookie override round-robin'],
      ['$0 simulate --list', 'the named scenarios and what each demonstrates'],
      ['$0 simulate --strategy sticky-cookie --servers 3 --fail s2@40 --store shared', 'a failure with a shared session store'],
      ['$0 simulate --compare sticky-cookie/local,round-robin/shared --fail s2@40', 'the same traffic, side by side'],
    ],
  },
  lab: {
    command: 'lab',
    describe: 'Run a live lab on loopback: backends, a load balancer (built-in or HAProxy), sessions in memory or Redis',
    examples: [
      ['$0 lab', 'three backends behind the built-in balancer on http://127.0.0.1:8080/'],
      ['$0 lab --store redis --redis-url redis://127.0.0.1:6379', 'sessions in Redis: kill a backend and keep the cart'],
      ['$0 lab --balancer haproxy --print-config', 'the HAProxy configuration the lab would run'],
      ['$0 lab --script failover --store memory', 'a scripted walk-through: the pinned backend dies'],
    ],
  },
  practice: {
    command: 'practice',
    aliases: ['flashcards', 'cards'],
    describe: 'Practise flashcards on a spaced-repetition schedule (FSRS): reveal, tick key points, grade 1-4',
    examples: [
      ['$0 practice', 'due cards first, then up to 10 new ones a day'],
      ['$0 practice --deck load-balancing --new 5', 'one deck, five new cards'],
      ['$0 practice --cram', 'review every card without changing its schedule'],
      ['$0 practice --unsuspend session-persistence/@question', 'show a suspended card again'],
    ],
  },
  quiz: {
    command: 'quiz',
    describe: 'Take a multiple-choice quiz; items you missed before come first',
    examples: [
      ['$0 quiz', 'ten items from every deck'],
      ['$0 quiz --deck load-balancing --count 5', 'five items from one deck'],
      ['$0 quiz --question session-persistence --seed 42', 'one question, replayable with the same seed'],
    ],
  },
  progress: {
    command: 'progress [action] [file]',
    aliases: ['stats'],
    describe: 'Your progress: cards, quiz scores, streak, reviews per day; reset, export, import',
    examples: [
      ['$0 progress', 'per deck and question, with a 14-day chart'],
      ['$0 progress --json', 'the same figures as JSON'],
      ['$0 progress export backup.json', 'save everything to a file; import merges it back'],
      ['$0 progress reset --deck load-balancing', 'start a deck over (asks first)'],
    ],
  },
  config: {
    command: 'config [action] [key] [value]',
    describe: 'Show or change settings: depth, new-per-day',
    examples: [
      ['$0 config', 'every setting and its value'],
      ['$0 config set depth detailed', 'remember the answer depth'],
      ['$0 config get depth', 'print one setting'],
    ],
  },
} satisfies Record<string, CommandInfo>;

/** The first lines of the help, and the flags every command takes (as the parser declares them). */
export const USAGE = '[command]';
export const SUMMARY = 'Practise system-design interview questions: read answers at three depths, quiz yourself, review flashcards.';
export const CONTENT_FLAG = 'Add a content folder (repeatable; also PREPDECK_CONTENT)';

export const HELP: HelpInfo = {
  name: 'prepdeck',
  usage: USAGE,
  summary: SUMMARY,
  commands: Object.values(ABOUT),
  options: [
    { flags: '--content DIR', describe: CONTENT_FLAG },
    { flags: '-h, --help', describe: 'Show help' },
    { flags: '-v, --version', describe: 'Show version number' },
  ],
};
