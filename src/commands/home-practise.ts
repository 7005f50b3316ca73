// The home menu's Practise: today's review, or custom study (Anki's word for it) — extra new cards,
// cram, one deck, one question, one tag, or a quiz on the items missed last time. Each choice calls
// the practice or quiz command with the options it would get from the command line; one question
// or one tag is passed as the set of questions to draw from.
import { cardsOf } from '../cards/question-card.js';
import type { Context } from '../context.js';
import type { Question } from '../content/model.js';
import type { QuizAnswer } from '../progress/model.js';
import { standingOf, standings } from '../quiz/select.js';
import { questionsFor, storeFor, type Deps } from './activity.js';
import { choicesOf, numberChoices, type Prompter } from '../ui/prompts.js';
import { plural } from '../ui/text.js';

// The entries in the order shown, each keyed by what it starts.
const ENTRIES = {
  today: "Today's review: due cards, then new ones",
  extra: "Extra new cards beyond today's limit",
  cram: 'Cram: every card, schedules unchanged',
  deck: 'One deck',
  question: 'One question',
  tag: 'One tag',
  missed: 'Quiz on the items I missed',
  suspended: 'Suspended cards',
  back: 'Back to the menu (Esc)',
} as const;
type Choice = keyof typeof ENTRIES;

interface Base {
  content?: unknown;
}

export async function practiseMenu(base: Base, ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const choice = await deps.prompter.select<Choice>({
    message: 'Practise',
    choices: choicesOf(ENTRIES),
    escape: 'back',
  });
  if (choice === 'back') return;
  if (choice === 'missed') return missedQuiz(base, ctx, deps);
  const practice = await import('./practice.js');
  const menu = { ...base, menu: true };
  if (choice === 'suspended') return practice.unsuspendMenu(base, ctx, deps);
  if (choice === 'today') return practice.run(menu, ctx, deps);
  if (choice === 'cram') return practice.run({ ...menu, cram: true }, ctx, deps);
  if (choice === 'extra') {
    const n = await deps.prompter.select<number>({ message: 'How many new cards?', choices: numberChoices([5, 10, 20, 50]) });
    return practice.run({ ...menu, new: n }, ctx, deps);
  }
  const questions = await questionsFor(base, ctx, deps);
  const scope = await pickScope(choice, questions, deps.prompter);
  if (!scope) return;
  // A chosen scope keeps the daily new-card limit, as `practice --deck` does: the same figures as
  // the menu's. More new cards are the "Extra new cards" entry's job.
  return practice.run({ ...menu, ...scope.args }, ctx, { ...deps, questions: scope.questions });
}

interface Scope {
  questions: Question[];
  args: { deck?: string };
}

async function pickScope(choice: 'deck' | 'question' | 'tag', questions: Question[], prompter: Prompter): Promise<Scope | undefined> {
  const withCards = questions; // every question is a card of its own (cards/question-card.ts)
  if (choice === 'deck') {
    const deck = await prompter.select<string>({ message: 'Which deck?', choices: [...new Set(withCards.map((q) => q.deck))].map((d) => ({ name: d, value: d })) });
    return { questions, args: { deck } };
  }
  if (choice === 'question') {
    const q = await prompter.select<Question>({
      message: 'Which question?',
      choices: withCards.map((x) => ({ name: x.title, value: x, description: questionDescription(x) })),
      pageSize: 12,
    });
    return { questions: [q], args: {} };
  }
  const tags = [...new Set(withCards.flatMap((q) => q.tags))].sort();
  const tag = await prompter.select<string>({
    message: 'Which tag?',
    choices: tags.map((t) => ({ name: `#${t} (${plural(withCards.filter((q) => q.tags.includes(t)).length, 'question')})`, value: t })),
    pageSize: 12,
  });
  return { questions: withCards.filter((q) => q.tags.includes(tag)), args: {} };
}

/** `deck · 9 cards`: every card of the question, its own card included (as `progress` counts them). */
export function questionDescription(q: Question): string {
  const n = cardsOf(q).length;
  return `${q.deck} · ${n} ${n === 1 ? 'card' : 'cards'}`;
}

/** Items whose latest answer was wrong, as questions holding only those items. */
export function missedOnly(questions: readonly Question[], history: readonly QuizAnswer[]): Question[] {
  const last = standings(history);
  return questions.map((q) => ({ ...q, quiz: q.quiz.filter((i) => standingOf(i.key, last) === 'missed') })).filter((q) => q.quiz.length > 0);
}

export async function missedQuiz(base: Base, ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const questions = await questionsFor(base, ctx, deps);
  const store = await storeFor(ctx, deps);
  const missed = missedOnly(questions, store.read().quiz);
  const count = missed.reduce((n, q) => n + q.quiz.length, 0);
  if (count === 0) {
    ctx.stdout.write('No missed quiz items: every item you answered, you last answered right.\n');
    return;
  }
  const quiz = await import('./quiz.js');
  return quiz.run({ ...base, count, selection: true, hold: 'Enter: back to the menu' }, ctx, { ...deps, store, questions: missed });
}
