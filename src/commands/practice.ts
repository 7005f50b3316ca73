// `prepdeck practice` (aliases `flashcards`, `cards`): due cards, then new ones; reveal, tick key
// points, grade 1–4. Each grade is saved (and the card rescheduled with FSRS) before the next card.
import type { Context } from '../context.js';
import { InterruptedError, NotFoundError, UsageError } from '../errors.js';
import type { Depth } from '../content/model.js';
import { preview, schedule } from '../cards/schedule.js';
import { buildSession, cardsInScope, DEFAULT_NEW_PER_DAY, newAllowance, suggestGrade, summarizeSession } from '../cards/session.js';
import { addReview, type Grade, type Review } from '../progress/model.js';
import { checkDeck, checkDepth, DEPTH_KEYS, markdownFor, plural, prompterFor, questionsFor, requireTerminal, storeFor, type Deps } from '../ui/activity.js';
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
import { PromptInterrupted } from '../ui/prompts.js';

export interface PracticeArgs {
  deck?: string;
  new?: number;
  cram?: boolean;
  depth?: string;
  content?: unknown;
}

export async function run(args: PracticeArgs, ctx: Context, deps: Deps = {}): Promise<void> {
  requireTerminal(ctx, deps, 'practice');
  if (args.new !== undefined && (!Number.isInteger(args.new) || args.new < 0)) {
    throw new UsageError(`--new must be a whole number of 0 or more; got '${String(args.new)}'.`);
  }
  const depthFlag = checkDepth(args.depth);
  const questions = await questionsFor(args, ctx, deps);
  checkDeck(args.deck, questions);
  const store = await storeFor(ctx, deps);
  const before = store.read();
  const start = ctx.now();
  const cram = Boolean(args.cram);
  // An explicit --new N is this session's number; otherwise what is left of the daily limit.
  const newLimit = args.new ?? newAllowance(before.reviews, start, before.settings.newPerDay ?? DEFAULT_NEW_PER_DAY);
  const session = buildSession(questions, before, { now: start, newLimit, cram, ...(args.deck !== undefined ? { deck: args.deck } : {}) });
  const scopeKeys = cardsInScope(questions, args.deck).map((x) => x.card.key);
  const { c } = ctx.stdout;
  const out = (text: string) => ctx.stdout.write(text);
  if (scopeKeys.length === 0) throw new NotFoundError(`No flashcards${args.deck !== undefined ? ` in deck '${args.deck}'` : ''}: the questions have no # Flashcards section.`);

  if (session.length === 0) {
    const next = summarizeSession([], before.cards, scopeKeys).nextDue;
    out(`Nothing to review right now. ${nextDueLine(next, start)}\n`);
    out(c.dim("More new cards: 'prepdeck practice --new 5'. Review anyway without changing schedules: 'prepdeck practice --cram'.\n"));
    return;
  }

  const depth: Depth = depthFlag ?? before.settings.depth ?? 'brief';
  const md = await markdownFor(ctx);
  const prompter = await prompterFor(ctx, deps);
  const graded: { grade: Grade }[] = [];
  let cards = before.cards;

  out(renderSessionStart(session, cram, c));
  try {
    for (const [i, s] of session.entries()) {
      out(renderFront(i + 1, session.length, s, md, c));
      const reveal = await prompter.key({
        message: 'Enter or space: reveal the back · q: stop',
        choices: [
          { keys: ['return', 'space'], value: 'reveal', label: '' },
          { keys: ['q', 'escape'], value: 'stop', label: 'stop' },
        ],
      });
      if (reveal === 'stop') break;

      out(renderBack(s, md, c));
      out(renderDepthAnswer(s.question, depth, md, c));
      for (;;) {
        const key = await prompter.key({
          message: `s/b/d: answer at super-brief/brief/detailed · Enter: ${s.card.keyPoints.length > 0 ? 'tick key points' : 'grade'}`,
          choices: [{ keys: ['return', 'space'], value: 'go', label: '' }, ...DEPTH_KEYS.map(({ key, depth: d }) => ({ keys: [key], value: d, label: d }))],
        });
        if (key === 'go') break;
        out(renderDepthAnswer(s.question, key as Depth, md, c));
      }

      let suggested: Grade | undefined;
      let covered: [number, number] | undefined;
      if (s.card.keyPoints.length > 0) {
        const ticked = await prompter.checkbox({
          message: 'Which key points did your answer cover? (space ticks, Enter confirms)',
          choices: s.card.keyPoints.map((p, index) => ({ name: p, value: index })),
        });
        covered = [ticked.length, s.card.keyPoints.length];
        suggested = suggestGrade(ticked.length, s.card.keyPoints.length);
        if (suggested) out(renderSuggestion(ticked.length, s.card.keyPoints.length, suggested, c));
      }

      const shownAt = ctx.now();
      const grade = Number(
        await prompter.key({
          message: gradeMessage(preview(cards[s.card.key], shownAt), shownAt, suggested),
          choices: [
            { keys: ['1'], value: '1', label: '1 Again' },
            { keys: ['2'], value: '2', label: '2 Hard' },
            { keys: ['3'], value: '3', label: '3 Good' },
            { keys: ['4'], value: '4', label: '4 Easy' },
            ...(suggested ? [{ keys: ['return'], value: String(suggested), label: `${suggested} (suggested)` }] : []),
          ],
        }),
      ) as Grade;

      const at = ctx.now();
      const review: Review = {
        id: store.newId(),
        at: at.toISOString(),
        deck: s.question.deck,
        question: s.question.id,
        key: s.card.key,
        grade,
        ...(cram ? { cram: true } : {}),
        ...(covered ? { covered } : {}),
      };
      // The schedule is computed from the card as it is on disk now (another session may have moved it).
      const saved = store.update((doc) => addReview(doc, review, cram ? undefined : schedule(doc.cards[review.key], grade, at)));
      cards = saved.cards;
      graded.push({ grade });
      out(renderGraded(grade, cram ? undefined : cards[review.key], at, c));
    }
  } catch (err) {
    if (err instanceof PromptInterrupted) throw new InterruptedError(`Saved ${plural(graded.length, 'grade')}.`);
    throw err;
  }

  out(renderSessionSummary(summarizeSession(graded, cards, scopeKeys), ctx.now(), cram, c));
}
