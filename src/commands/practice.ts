// `prepdeck practice` (aliases `flashcards`, `cards`): due cards, then new ones; reveal, tick key
// points, grade 1–4. Each grade is saved (and the card rescheduled with FSRS) before the next card.
import type { Context } from '../context.js';
import { InterruptedError, NotFoundError } from '../errors.js';
import type { Depth, Question } from '../content/model.js';
import { countCards, type Counts } from '../cards/counts.js';
import { preview, schedule } from '../cards/schedule.js';
import { buildSession, cardsInScope, DEFAULT_NEW_PER_DAY, newAllowance, suggestGrade, summarizeSession, todayCounts, type SessionCard } from '../cards/session.js';
import { addReview, type CardState, type Grade, type ProgressDoc, type Review } from '../progress/model.js';
import type { Store } from '../progress/store.js';
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
import {
  gradeMessage,
  nextDueLine,
  renderBack,
  renderDepthAnswer,
  renderFront,
  renderGraded,
  renderSessionStart,
  renderSessionSummary,
  renderSuggestion,
} from '../ui/cards-render.js';
import { PromptInterrupted, type Prompter } from '../ui/prompts.js';
import type { Md } from '../ui/quiz-render.js';
import { plural, wrap } from '../ui/text.js';

export interface PracticeArgs {
  deck?: string;
  /** A string from the command line (checked here), a number from the home menu. */
  new?: string | number;
  cram?: boolean;
  depth?: string;
  content?: unknown;
}

/** What reviewing one card needs: where to write, how to ask, how to render. */
interface Session {
  ctx: Context;
  store: Store;
  prompter: Prompter;
  md: Md;
  depth: Depth;
  cram: boolean;
  out: (text: string) => void;
}

export async function run(args: PracticeArgs, ctx: Context, deps: Deps = {}): Promise<void> {
  const newFlag = wholeNumberFlag('--new', args.new, 0);
  const depthFlag = checkDepth(args.depth);
  requireTerminal(ctx, deps, 'practice');
  const questions = await questionsFor(args, ctx, deps);
  checkDeck(args.deck, questions);
  const store = await storeFor(ctx, deps);
  const before = store.read();
  const start = ctx.now();
  const cram = Boolean(args.cram);
  // An explicit --new N is this session's number; otherwise what is left of the daily limit.
  const newLimit = newFlag ?? newAllowance(before.reviews, start, before.settings.newPerDay ?? DEFAULT_NEW_PER_DAY);
  const cards = buildSession(questions, before, { now: start, newLimit, cram, ...(args.deck !== undefined ? { deck: args.deck } : {}) });
  const scopeKeys = cardsInScope(questions, args.deck).map((x) => x.card.key);
  const { c, columns } = ctx.stdout;
  const out = (text: string) => ctx.stdout.write(text);
  if (scopeKeys.length === 0) throw new NotFoundError(`No flashcards${args.deck !== undefined ? ` in deck '${args.deck}'` : ''}: the questions have no # Flashcards section.`);

  if (cards.length === 0) {
    const next = summarizeSession([], before.cards, scopeKeys).nextDue;
    out(wrap(`Nothing to review right now. ${nextDueLine(next, start)}`, columns) + '\n');
    out(wrap(c.dim("More new cards: 'prepdeck practice --new 5'. Review anyway without changing schedules: 'prepdeck practice --cram'."), columns) + '\n');
    return;
  }

  const session: Session = {
    ctx,
    store,
    prompter: await prompterFor(ctx, deps),
    md: await markdownFor(ctx),
    depth: depthFlag ?? before.settings.depth ?? 'brief',
    cram,
    out,
  };
  const graded: { grade: Grade }[] = [];
  let states = before.cards;

  out(renderSessionStart(cards, cram, c));
  try {
    let newShown = 0;
    for (const [i, card] of cards.entries()) {
      const counts = headerCounts(questions, store.read(), ctx.now(), args.deck, newFlag === undefined ? undefined : newFlag - newShown);
      out(renderFront(i + 1, cards.length, card, counts, session.md, c));
      if (card.reason === 'new') newShown++;
      if (!(await reveal(session))) break;
      const result = await reviewCard(session, card, states);
      states = result.states;
      graded.push({ grade: result.grade });
    }
  } catch (err) {
    if (err instanceof PromptInterrupted) throw new InterruptedError(`Saved ${plural(graded.length, 'grade')}.`);
    throw err;
  }

  out(renderSessionSummary(summarizeSession(graded, states, scopeKeys), ctx.now(), cram, c, columns));
}

/** The figures over the session's scope: under `--new N`, what is left of N; else of the daily limit. */
function headerCounts(questions: readonly Question[], doc: ProgressDoc, now: Date, deck: string | undefined, newLeft: number | undefined): Counts {
  if (newLeft === undefined) return todayCounts(questions, doc, now, deck);
  return countCards(cardsInScope(questions, deck), doc, now, { newLimit: newLeft });
}

/** Waits for the user to reveal the back; false when they stop the session. */
async function reveal(s: Session): Promise<boolean> {
  const key = await s.prompter.key({
    message: 'Enter or space: reveal the back · q: stop',
    choices: [
      { keys: ['return', 'space'], value: 'reveal', label: '' },
      { keys: ['q', 'escape'], value: 'stop', label: 'stop' },
    ],
  });
  return key === 'reveal';
}

/**
 * One card after it was revealed: the back and the answer (at any depth asked for), the key
 * points ticked, the grade; saved before returning. `states` are the schedules as last saved.
 */
async function reviewCard(s: Session, card: SessionCard, states: Record<string, CardState>): Promise<{ grade: Grade; states: Record<string, CardState> }> {
  const { c } = s.ctx.stdout;
  s.out(renderBack(card, s.md, c));
  await readAnswer(s, card);
  const covered = await tickKeyPoints(s, card);
  const grade = await askGrade(s, states[card.card.key], covered?.suggested);
  const at = s.ctx.now();
  const review: Review = {
    id: s.store.newId(),
    at: at.toISOString(),
    deck: card.question.deck,
    question: card.question.id,
    key: card.card.key,
    grade,
    ...(s.cram ? { cram: true } : {}),
    ...(covered ? { covered: covered.counts } : {}),
  };
  // The schedule is computed from the card as it is on disk now (another session may have moved it).
  const saved = s.store.update((doc) => addReview(doc, review, s.cram ? undefined : schedule(doc.cards[review.key], grade, at)));
  s.out(renderGraded(grade, s.cram ? undefined : saved.cards[review.key], at, c));
  return { grade, states: saved.cards };
}

/** The answer at the chosen depth; s/b/d show it at another depth until Enter. */
async function readAnswer(s: Session, card: SessionCard): Promise<void> {
  const { c } = s.ctx.stdout;
  s.out(renderDepthAnswer(card.question, s.depth, s.md, c));
  for (;;) {
    const key = await s.prompter.key({
      message: `s/b/d: answer at super-brief/brief/detailed · Enter: ${card.card.keyPoints.length > 0 ? 'tick key points' : 'grade'}`,
      choices: [{ keys: ['return', 'space'], value: 'go', label: '' }, ...DEPTH_KEYS.map(({ key, depth }) => ({ keys: [key], value: depth, label: depth }))],
    });
    if (key === 'go') return;
    s.out(renderDepthAnswer(card.question, key as Depth, s.md, c));
  }
}

/** Which key points the answer covered, and the grade that suggests; undefined for a card without any. */
async function tickKeyPoints(s: Session, card: SessionCard): Promise<{ counts: [number, number]; suggested: Grade | undefined } | undefined> {
  const points = card.card.keyPoints;
  if (points.length === 0) return undefined;
  const ticked = await s.prompter.checkbox({
    message: 'Which key points did your answer cover? (space ticks, Enter confirms)',
    choices: points.map((p, index) => ({ name: p, value: index })),
  });
  const suggested = suggestGrade(ticked.length, points.length);
  if (suggested) s.out(renderSuggestion(ticked.length, points.length, suggested, s.ctx.stdout.c));
  return { counts: [ticked.length, points.length], suggested };
}

/** 1–4, each key showing when the card would come back; Enter takes the suggestion. */
async function askGrade(s: Session, state: CardState | undefined, suggested: Grade | undefined): Promise<Grade> {
  const shownAt = s.ctx.now();
  const key = await s.prompter.key({
    message: gradeMessage(preview(state, shownAt), shownAt, suggested),
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
