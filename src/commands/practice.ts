// `prepdeck practice` (aliases `flashcards`, `cards`): the review loop. After every grade the next
// card is chosen again from what is saved (src/cards/queue.ts): learning steps due, reviews due,
// new cards, then learning cards within the learn-ahead window. Each grade, suspend, bury and undo
// is saved atomically before the next card shows.
import type { Context } from '../context.js';
import { InterruptedError, NotFoundError } from '../errors.js';
import { sanitizeText } from '../content/sanitize.js';
import type { Depth } from '../content/model.js';
import { countCards, kindOf, type Counts } from '../cards/counts.js';
import { hiddenRest, nextCard, nextDueAfter, type Pick, type QueueEntry } from '../cards/queue.js';
import { schedule } from '../cards/schedule.js';
import { buildSession, cardsInScope, DEFAULT_NEW_PER_DAY, newAllowance } from '../cards/session.js';
import { applyUndo, flagStep, gradeStep, type UndoStep } from '../cards/undo.js';
import { endOfDay } from '../progress/days.js';
import { buryCard, suspendCard, unsuspendCard } from '../progress/card-ops.js';
import { addReview, type Grade, type ProgressDoc, type Review } from '../progress/model.js';
import type { ProgressStore } from '../progress/store.js';
import { checkDeck, markdownFor, prompterFor, questionsFor, requireTerminal, storeFor, type Deps } from './activity.js';
import { frontKeysLine, renderCardHead, renderFront, renderNothingDue, renderSessionStart, renderSessionSummary, type FrontInfo, type LastAction } from '../ui/cards-render.js';
import { PromptInterrupted, type Prompter } from '../ui/prompts.js';
import type { Md } from '../ui/quiz-render.js';
import { plural } from '../ui/text.js';
import { reviewBack } from './practice-back.js';

export interface PracticeArgs {
  deck?: string;
  new?: number;
  cram?: boolean;
  depth?: Depth;
  unsuspend?: string;
  content?: unknown;
  /** Started from the home menu: hints name the menu's entries, not commands. */
  menu?: boolean;
}

/** One practice session: where it writes, how it asks, and what it has done so far (for undo). */
export interface Session {
  ctx: Context;
  store: ProgressStore;
  prompter: Prompter;
  md: Md;
  /** The answer depth; s/b/d change it for the rest of the session. */
  depth: Depth;
  cram: boolean;
  out: (text: string) => void;
  scope: QueueEntry[];
  /** `--new N`, or undefined for the daily limit. */
  newFlag: number | undefined;
  history: { step: UndoStep; cramPos: number }[];
  /** Cramming goes through a fixed list. */
  cramList: QueueEntry[];
  cramPos: number;
  /** A card to show next whatever the queue says (the one an undo took back). */
  forced?: string;
  /** What the last action did, shown on the next card's front. */
  last?: LastAction;
  menu: boolean;
}

type FrontAction = 'reveal' | 'undo' | 'suspend' | 'bury' | 'stop';

export async function run(args: PracticeArgs, ctx: Context, deps: Deps = {}): Promise<void> {
  if (args.unsuspend !== undefined) return unsuspend(args.unsuspend, ctx, deps);
  requireTerminal(ctx, deps, 'practice');
  const questions = await questionsFor(args, ctx, deps);
  checkDeck(args.deck, questions);
  const scope = cardsInScope(questions, args.deck);
  if (scope.length === 0) throw new NotFoundError(`No cards${args.deck !== undefined ? ` in deck '${args.deck}'` : ''}.`);
  const store = await storeFor(ctx, deps);
  const before = store.read();
  const cram = Boolean(args.cram);
  const s: Session = {
    ctx,
    store,
    prompter: await prompterFor(ctx, deps),
    md: await markdownFor(ctx),
    depth: args.depth ?? before.settings.depth ?? 'brief',
    cram,
    out: (text) => ctx.stdout.write(text),
    scope,
    newFlag: args.new,
    history: [],
    cramList: cram ? buildSession(questions, before, { now: ctx.now(), newLimit: 0, cram, ...(args.deck !== undefined ? { deck: args.deck } : {}) }) : [],
    cramPos: 0,
    menu: Boolean(args.menu),
  };
  if (!pickNext(s, before, ctx.now())) {
    s.out(renderNothingDue(nextDueAfter(scope, before), ctx.now(), s.menu, ctx.stdout.c, ctx.stdout.columns, args.new, hiddenRest(scope, before, ctx.now())));
    return;
  }
  s.out(renderSessionStart(cram, ctx.stdout.c));
  try {
    await loop(s);
  } catch (err) {
    if (err instanceof PromptInterrupted) throw new InterruptedError(`Saved ${plural(graded(s).length, 'grade')}.`);
    throw err;
  }
  const doc = store.read();
  const summary = { grades: graded(s), cards: new Set(gradedKeys(s)).size, cram, menu: s.menu };
  s.out(renderSessionSummary(summary, nextDueAfter(scope, doc), ctx.now(), ctx.stdout.c, ctx.stdout.columns));
}

/** The grades still standing (undone ones are gone from the history). */
function graded(s: Session): Grade[] {
  return s.history.flatMap(({ step }) => (step.kind === 'grade' ? [step.grade] : []));
}

function gradedKeys(s: Session): string[] {
  return s.history.flatMap(({ step }) => (step.kind === 'grade' ? [step.key] : []));
}

async function loop(s: Session): Promise<void> {
  for (;;) {
    const doc = s.store.read();
    const now = s.ctx.now();
    const pick = pickNext(s, doc, now);
    if (!pick) return;
    s.forced = undefined;
    const info: FrontInfo = { n: graded(s).length + 1, early: pick.early, cram: s.cram, now, ...(s.last ? { last: s.last } : {}) };
    const head = renderCardHead(pick, counts(s, doc, now), info, s.md, s.ctx.stdout);
    s.out(renderFront(head, info, s.ctx.stdout));
    s.last = undefined;
    const action = await frontKey(s);
    if (action === 'stop') return;
    if (action === 'undo') undo(s);
    else if (action === 'suspend' || action === 'bury') flag(s, pick, action);
    else await grade(s, pick, head);
  }
}

/** New cards left: under `--new N`, N less the new cards graded this session; else the day's allowance. */
function newLimit(s: Session, doc: ProgressDoc, now: Date): number {
  if (s.newFlag === undefined) return newAllowance(doc.reviews, now, doc.settings.newPerDay ?? DEFAULT_NEW_PER_DAY);
  const introduced = s.history.filter(({ step }) => step.kind === 'grade' && step.before === undefined).length;
  return Math.max(0, s.newFlag - introduced);
}

function counts(s: Session, doc: ProgressDoc, now: Date): Counts {
  return countCards(s.scope, doc, now, { newLimit: newLimit(s, doc, now) });
}

function pickNext(s: Session, doc: ProgressDoc, now: Date): Pick | undefined {
  const forced = s.forced !== undefined ? s.scope.find((e) => e.card.key === s.forced) : undefined;
  const state = (e: QueueEntry) => doc.cards[e.card.key];
  if (forced) return { ...forced, state: state(forced), kind: kindOf(state(forced), now) ?? 'due', early: false };
  if (s.cram) {
    const e = s.cramList[s.cramPos];
    return e ? { ...e, state: state(e), kind: kindOf(state(e), now) ?? 'due', early: false } : undefined;
  }
  return nextCard(s.scope, doc, now, newLimit(s, doc, now));
}

async function frontKey(s: Session): Promise<FrontAction> {
  const canUndo = s.history.length > 0;
  return s.prompter.key<FrontAction>({
    message: frontKeysLine(canUndo, s.ctx.stdout.columns),
    choices: [
      { keys: ['return', 'space'], value: 'reveal', label: '' },
      ...(canUndo ? [{ keys: ['u', 'ctrl+z'], value: 'undo' as const, label: 'undo' }] : []),
      { keys: ['!'], value: 'suspend', label: 'suspend' },
      { keys: ['-'], value: 'bury', label: 'bury' },
      { keys: ['q', 'escape'], value: 'stop', label: 'stop' },
    ],
  });
}

async function grade(s: Session, pick: Pick, head: string): Promise<void> {
  const result = await reviewBack(s, pick, head);
  if (result.action !== 'grade') {
    if (result.action === 'suspend' || result.action === 'bury') flag(s, pick, result.action);
    return;
  }
  const at = s.ctx.now();
  const review: Review = {
    id: s.store.newId(),
    at: at.toISOString(),
    deck: pick.question.deck,
    question: pick.question.id,
    key: pick.card.key,
    grade: result.grade,
    ...(s.cram ? { cram: true } : {}),
    // A new card seen in an "extra new cards" session (`--new N`) leaves the daily limit alone.
    ...(!s.cram && s.newFlag !== undefined && pick.state === undefined ? { extra: true } : {}),
    ...(result.covered ? { covered: result.covered } : {}),
  };
  let step: UndoStep | undefined;
  // The schedule is computed from the card as it is on disk now (another session may have moved it).
  const saved = s.store.update((doc) => {
    step = gradeStep(doc, review.key, review.id, result.grade);
    return addReview(doc, review, s.cram ? undefined : schedule(doc.cards[review.key], result.grade, at));
  });
  s.history.push({ step: step!, cramPos: s.cramPos });
  if (s.cram) s.cramPos++;
  const due = s.cram ? undefined : saved.cards[review.key]?.due;
  s.last = { kind: 'graded', grade: result.grade, at, ...(due ? { due: new Date(due) } : {}) };
}

function flag(s: Session, pick: Pick, kind: 'suspend' | 'bury'): void {
  const now = s.ctx.now();
  let step: UndoStep | undefined;
  s.store.update((doc) => {
    step = flagStep(doc, pick.card.key, kind);
    return kind === 'suspend' ? suspendCard(doc, pick.card.key, now) : buryCard(doc, pick.card.key, endOfDay(now));
  });
  s.history.push({ step: step!, cramPos: s.cramPos });
  if (s.cram) s.cramPos++;
  s.last = kind === 'suspend' ? { kind, key: pick.card.key } : { kind };
}

function undo(s: Session): void {
  const entry = s.history.pop();
  if (!entry) return;
  s.store.update((doc) => applyUndo(doc, entry.step));
  s.cramPos = entry.cramPos;
  s.forced = entry.step.key;
  s.last = { kind: 'undone', what: entry.step.kind };
}

/** The home menu's list of suspended cards: choose one to show it again. */
export async function unsuspendMenu(args: { content?: unknown }, ctx: Context, deps: Deps & { prompter: Prompter }): Promise<void> {
  const store = await storeFor(ctx, deps);
  const keys = Object.keys(store.read().suspended).sort();
  if (keys.length === 0) {
    ctx.stdout.write('No card is suspended.\n');
    return;
  }
  const questions = await questionsFor(args, ctx, deps);
  const cards = new Map(cardsInScope(questions).map((e) => [e.card.key, e]));
  const name = (key: string) => {
    const e = cards.get(key);
    // The front's first paragraph, not its first source line (which stopped mid-sentence).
    return e ? `${e.question.title} · ${e.card.front.split(/\n\s*\n/)[0]!.replace(/\s+/g, ' ').trim()}` : `${key} (no longer in the content)`;
  };
  const key = await deps.prompter.select<string | null>({
    message: 'Suspended cards: which one should come back?',
    choices: [...keys.map((k) => ({ name: name(k), value: k, description: k })), { name: 'None: back to the menu (Esc)', value: null }],
    pageSize: 12,
    escape: null,
  });
  if (key === null) return;
  store.update((d) => unsuspendCard(d, key));
  ctx.stdout.write(`Unsuspended ${key}: it is shown again when it is due.\n`);
}

/** `practice --unsuspend KEY`: the card is shown again from its schedule. */
async function unsuspend(key: string, ctx: Context, deps: Deps): Promise<void> {
  const store = await storeFor(ctx, deps);
  const doc = store.read();
  const keys = Object.keys(doc.suspended);
  if (!keys.includes(key)) {
    const list = keys.length > 0 ? `Suspended cards: ${keys.join(', ')}.` : 'No card is suspended.';
    throw new NotFoundError(`No suspended card '${sanitizeText(key).replace(/\s+/g, ' ')}'. ${list}`);
  }
  store.update((d) => unsuspendCard(d, key));
  ctx.stdout.write(`Unsuspended ${key}: it is shown again when it is due.\n`);
}
