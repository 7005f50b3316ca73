// The figures `prepdeck progress` shows (and prints with --json). Pure: content, document and the
// current time in, plain data out. A folder of its own above progress/, cards/ and quiz/: it reads all
// three, and they read progress/'s model, so inside progress/ it made a cycle.
import { bucketOf } from '../cards/schedule.js';
import { tallyKeys, type Counts } from '../cards/counts.js';
import { todayCounts } from '../cards/session.js';
import { cardsOf } from '../cards/question-card.js';
import type { Question } from '../content/model.js';
import { quizAttempts } from '../quiz/score.js';
import { currentStreak, dayKey, longestStreak, shiftDay } from '../progress/days.js';
import { stoppedRuns, type ProgressDoc, type QuizAnswer } from '../progress/model.js';

export interface CardFigures {
  total: number;
  new: number;
  learning: number;
  young: number;
  mature: number;
  /**
   * Review cards due today: the `due` of the one counts function (cards/counts.ts), so the decks'
   * figures add up to the Today line's. Learning cards are in `learning`, never here.
   */
  due: number;
}

export interface QuizFigures {
  items: number;
  answered: number;
  correct: number;
  /** Per attempt that touched these items: percent correct on them, oldest first. */
  trend: number[];
  best?: number;
  last?: number;
}

export interface QuestionFigures {
  id: string;
  title: string;
  deck: string;
  /** False for ids found only in progress (the question left the content). */
  inContent: boolean;
  cards: CardFigures;
  quiz: QuizFigures;
}

export interface DeckFigures {
  deck: string;
  cards: CardFigures;
  quiz: QuizFigures;
  questions: QuestionFigures[];
}

export interface ProgressReport {
  /** What is left to practise now: the same figures as the menu and the practice header. */
  today: Counts;
  /** Card keys suspended (`practice --unsuspend KEY`) and buried until tomorrow. */
  suspended: string[];
  buried: string[];
  streak: { current: number; longest: number; activeToday: boolean };
  /**
   * The whole history in the file, loaded content or not: quizAttempts: finished quizzes (the scored
   * ones); stoppedQuizzes: quit before their last item; cardsSeen: cards with a schedule.
   */
  totals: { quizAnswers: number; quizAttempts: number; stoppedQuizzes: number; reviews: number; cardsSeen: number };
  /**
   * Progress of cards that are not loaded now (their question is not in the content, or the card
   * was removed from it): kept in the file, counted in no card figure above.
   */
  notLoaded: { cards: number; reviews: number };
  /** Reviews per day over the last `days` days, oldest first, today last. */
  reviewsByDay: { day: string; count: number }[];
  quiz: QuizFigures;
  cards: CardFigures;
  decks: DeckFigures[];
}

function emptyCards(): CardFigures {
  return { total: 0, new: 0, learning: 0, young: 0, mature: 0, due: 0 };
}

function addCards(a: CardFigures, b: CardFigures): CardFigures {
  return {
    total: a.total + b.total,
    new: a.new + b.new,
    learning: a.learning + b.learning,
    young: a.young + b.young,
    mature: a.mature + b.mature,
    due: a.due + b.due,
  };
}

/** Quiz figures for the answers whose question is in `ids`. */
export function quizFigures(answers: readonly QuizAnswer[], ids: ReadonlySet<string>, items: number, stopped: ReadonlySet<string> = new Set()): QuizFigures {
  const mine = answers.filter((a) => ids.has(a.question));
  const trend = quizAttempts(mine, stopped).map((t) => t.percent);
  const correct = mine.filter((a) => a.correct).length;
  return {
    items,
    answered: mine.length,
    correct,
    trend,
    ...(trend.length > 0 ? { best: Math.max(...trend), last: trend.at(-1)! } : {}),
  };
}

/** A question the report counts: from the content, or found only in the progress document. */
interface Known {
  id: string;
  title: string;
  deck: string;
  inContent: boolean;
  cardKeys: string[];
  items: number;
}

export function progressReport(questions: readonly Question[], doc: ProgressDoc, now: Date, days = 14): ProgressReport {
  const stopped = stoppedRuns(doc);
  const known = knownQuestions(questions, doc);
  const loaded = new Set([...known.values()].flatMap((q) => q.cardKeys));
  const allDecks = [...deckFigures(known, doc, now, stopped).values()];
  const activeDays = new Set([...doc.quiz, ...doc.reviews].map((e) => dayKey(new Date(e.at))));
  return {
    today: todayCounts(questions, doc, now),
    suspended: Object.keys(doc.suspended).sort(),
    buried: Object.keys(doc.buried).filter((k) => Date.parse(doc.buried[k]!) > now.getTime()).sort(),
    streak: { current: currentStreak(activeDays, now), longest: longestStreak(activeDays), activeToday: activeDays.has(dayKey(now)) },
    totals: {
      quizAnswers: doc.quiz.length,
      quizAttempts: quizAttempts(doc.quiz, stopped).length,
      stoppedQuizzes: new Set(doc.quiz.filter((a) => stopped.has(a.attempt)).map((a) => a.attempt)).size,
      reviews: doc.reviews.length,
      cardsSeen: Object.keys(doc.cards).length,
    },
    notLoaded: { cards: Object.keys(doc.cards).filter((k) => !loaded.has(k)).length, reviews: doc.reviews.filter((r) => !loaded.has(r.key)).length },
    reviewsByDay: reviewsByDay(doc, now, days),
    quiz: quizFigures(doc.quiz, new Set(known.keys()), allDecks.reduce((n, d) => n + d.quiz.items, 0), stopped),
    cards: allDecks.reduce((acc, d) => addCards(acc, d.cards), emptyCards()),
    decks: allDecks,
  };
}

/**
 * Questions from the content, then any found only in the progress document's quiz answers (with
 * no cards: only loaded cards are counted, everywhere).
 */
function knownQuestions(questions: readonly Question[], doc: ProgressDoc): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const q of questions) {
    known.set(q.id, { id: q.id, title: q.title, deck: q.deck, inContent: true, cardKeys: cardsOf(q).map((c) => c.key), items: q.quiz.length });
  }
  const orphan = (id: string, deck: string) => {
    if (!known.has(id)) known.set(id, { id, title: id, deck, inContent: false, cardKeys: [], items: 0 });
    return known.get(id)!;
  };
  for (const e of doc.quiz) orphan(e.question, e.deck);
  return known;
}

/** Each question's figures, gathered by deck, with each deck's totals. */
function deckFigures(known: ReadonlyMap<string, Known>, doc: ProgressDoc, now: Date, stopped: ReadonlySet<string>): Map<string, DeckFigures> {
  const decks = new Map<string, DeckFigures>();
  for (const q of known.values()) {
    const cards = cardFigures(q.cardKeys, doc, now);
    const figures: QuestionFigures = { id: q.id, title: q.title, deck: q.deck, inContent: q.inContent, cards, quiz: quizFigures(doc.quiz, new Set([q.id]), q.items, stopped) };
    let deck = decks.get(q.deck);
    if (!deck) decks.set(q.deck, (deck = { deck: q.deck, cards: emptyCards(), quiz: quizFigures([], new Set(), 0), questions: [] }));
    deck.questions.push(figures);
    deck.cards = addCards(deck.cards, cards);
  }
  for (const deck of decks.values()) {
    const ids = new Set(deck.questions.map((q) => q.id));
    deck.quiz = quizFigures(doc.quiz, ids, deck.questions.reduce((n, q) => n + q.quiz.items, 0), stopped);
  }
  return decks;
}

function cardFigures(keys: readonly string[], doc: ProgressDoc, now: Date): CardFigures {
  const cards = emptyCards();
  for (const key of keys) {
    cards.total++;
    cards[bucketOf(doc.cards[key])]++;
  }
  cards.due = tallyKeys(keys, doc, now).due;
  return cards;
}

/** Reviews per day over the last `days` days, oldest first, today last. */
function reviewsByDay(doc: ProgressDoc, now: Date, days: number): { day: string; count: number }[] {
  const perDay = new Map<string, number>();
  for (const r of doc.reviews) {
    const day = dayKey(new Date(r.at));
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  return Array.from({ length: days }, (_, i) => {
    const day = shiftDay(now, i - days + 1);
    return { day, count: perDay.get(day) ?? 0 };
  });
}
