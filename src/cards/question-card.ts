// Every question is itself a card: front = the question, back = its answer at the depth the
// candidate chose, key points = the answer's list items (or front matter `key-points:`). Its key
// cannot clash with a hand-written flashcard's (their ids are lowercase letters, digits, dashes).
import { questionKeyPoints } from '../content/key-points.js';
import type { Flashcard, Question } from '../content/model.js';

export const QUESTION_CARD_ID = '@question';

export function questionCard(q: Question): Flashcard {
  return { id: QUESTION_CARD_ID, key: `${q.id}/${QUESTION_CARD_ID}`, front: q.prompt, back: '', keyPoints: questionKeyPoints(q), line: q.lines.id };
}

export function isQuestionCard(card: Flashcard): boolean {
  return card.id === QUESTION_CARD_ID;
}

/** A question's cards: the question card first, then its flashcards. */
export function cardsOf(q: Question): Flashcard[] {
  return [questionCard(q), ...q.cards];
}
