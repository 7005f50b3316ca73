// Renders the question list as text (grouped by deck) or as a JSON-ready object.
import { cardsOf } from '../cards/question-card.js';
import type { Question } from '../content/model.js';
import type { Output } from './terminal.js';
import { hang } from './text.js';

export interface Numbered {
  n: number;
  q: Question;
}

export function listJson(items: Numbered[]) {
  const decks = new Map<string, object[]>();
  for (const { n, q } of items) {
    const list = decks.get(q.deck) ?? [];
    list.push({ number: n, id: q.id, title: q.title, level: q.level, tags: q.tags, quizItems: q.quiz.length, flashcards: q.cards.length, cards: cardsOf(q).length });
    decks.set(q.deck, list);
  }
  return { decks: [...decks].map(([id, questions]) => ({ id, questions })) };
}

export function renderList(items: Numbered[], out: Pick<Output, 'c' | 'columns'>): string {
  const { c } = out;
  const lines: string[] = [];
  let deck = '';
  for (const { n, q } of items) {
    if (q.deck !== deck) {
      deck = q.deck;
      const inDeck = items.filter((i) => i.q.deck === deck);
      const count = inDeck.length;
      // Every question is a card of its own (cards/question-card.ts), besides its flashcards.
      const cards = inDeck.reduce((n, i) => n + cardsOf(i.q).length, 0);
      const quiz = inDeck.reduce((n, i) => n + i.q.quiz.length, 0);
      const extra = `, ${cards} card${cards === 1 ? '' : 's'}, ${quiz} quiz item${quiz === 1 ? '' : 's'}`;
      lines.push((lines.length ? '\n' : '') + c.bold(c.magenta(deck)) + c.dim(` (${count} question${count === 1 ? '' : 's'}${extra})`));
    }
    const num = `${String(n).padStart(3)}. `;
    const indent = ' '.repeat(num.length);
    // Title and tags wrap under themselves (a hanging indent), so nothing is cut off.
    lines.push(hang(c.cyan(num), c.bold(q.title), out.columns, { minBody: 1 }));
    const meta = `${q.id} · ${q.level} · ${q.tags.map((t) => `#${t}`).join(' ')}`;
    lines.push(hang(indent, c.dim(meta), out.columns, { minBody: 1 }));
  }
  lines.push('', hang('', c.dim("Read one with 'prepdeck read <number|id|words>'."), out.columns, { minBody: 1 }));
  return lines.join('\n') + '\n';
}
