// Small hand-made questions for unit tests of the practice core.
import type { Flashcard, Question, QuizItem } from '../../../src/content/model.js';

export function item(questionId: string, id: string, type: QuizItem['type'], options: [string, boolean][]): QuizItem {
  return {
    id,
    key: `${questionId}/${id}`,
    type,
    prompt: `Prompt of ${id}`,
    options: options.map(([text, correct]) => ({ text, correct })),
    explanation: `Because ${id}.`,
    line: 1,
  };
}

export function card(questionId: string, id: string, keyPoints: string[] = []): Flashcard {
  return { id, key: `${questionId}/${id}`, front: `Front ${id}`, back: `Back ${id}`, keyPoints, line: 1 };
}

export function question(id: string, opts: { deck?: string; tags?: string[]; quiz?: string[]; cards?: string[] } = {}): Question {
  return {
    id,
    deck: opts.deck ?? 'd1',
    title: `Title ${id}`,
    level: 'mid',
    tags: opts.tags ?? ['t1'],
    related: [],
    file: `${id}.md`,
    lines: { id: 1, related: 1 },
    prompt: `Question ${id}?`,
    answers: { 'super-brief': `SB ${id}`, brief: `B ${id}`, detailed: `D ${id}` },
    quiz: (opts.quiz ?? []).map((qid) =>
      item(id, qid, 'single', [
        ['right', true],
        ['wrong 1', false],
        ['wrong 2', false],
      ]),
    ),
    cards: (opts.cards ?? []).map((cid) => card(id, cid, ['p1', 'p2'])),
  };
}

/** A clock that the test moves. */
export function clock(start: string): { now: () => Date; advance(ms: number): void; set(iso: string): void } {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => void (t += ms),
    set: (iso) => void (t = new Date(iso).getTime()),
  };
}
