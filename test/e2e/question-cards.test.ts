// Every question is a card of its own (src/cards/question-card.ts), so `list` counts it and `read`
// always says how to practise it; the quiz is offered only where the question has items.
// In-process: only the output matters.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/cli.js';
import { runMain } from '../support/main.js';

const content = tempDir('prepdeck-content-');
afterAll(() => content.remove());

function write(deckId: string, id: string, extra: string): void {
  mkdirSync(join(content.path, deckId), { recursive: true });
  writeFileSync(
    join(content.path, deckId, `${id}.md`),
    `---\nid: ${id}\ndeck: ${deckId}\ntitle: Title of ${id}\nlevel: mid\ntags: [test]\n---\n\n# Question\n\nWhat is ${id} about?\n\n# Super-brief answer\n\nShort ${id}.\n\n# Brief answer\n\nBrief ${id}.\n\n# Detailed answer\n\nDetailed ${id}.\n${extra}`,
  );
}

// Deck `bare`: two questions with nothing but answers. Deck `rich`: one question with two
// flashcards and one quiz item.
write('bare', 'bare-one', '');
write('bare', 'bare-two', '');
write(
  'rich',
  'rich-one',
  '\n# Quiz\n\n## pick (single)\n\nWhich one?\n\n- [x] This\n- [ ] That\n\nExplanation: This one.\n' +
    '\n# Flashcards\n\n## first\n\nFront: First front?\n\nBack: First back.\n\n## second\n\nFront: Second front?\n\nBack: Second back.\n',
);

const run = (args: string[]) => runMain(['--content', content.path, ...args]);

describe('list counts each question as a card', () => {
  it.each([
    ['bare', 'bare (2 questions, 2 cards, 0 quiz items)'],
    ['rich', 'rich (1 question, 3 cards, 1 quiz item)'],
  ])('deck %s', async (deck, heading) => {
    const r = await run(['list', '--deck', deck]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(heading);
  });

  it('--json gives the hand-written flashcards and all cards', async () => {
    const r = await run(['list', '--json']);
    expect(r.code).toBe(0);
    const decks = (JSON.parse(r.stdout) as { decks: { id: string; questions: { id: string; quizItems: number; flashcards: number; cards: number }[] }[] }).decks;
    const mine = decks.filter((d) => d.id === 'bare' || d.id === 'rich').flatMap((d) => d.questions);
    expect(mine.map(({ id, quizItems, flashcards, cards }) => ({ id, quizItems, flashcards, cards }))).toEqual([
      { id: 'bare-one', quizItems: 0, flashcards: 0, cards: 1 },
      { id: 'bare-two', quizItems: 0, flashcards: 0, cards: 1 },
      { id: 'rich-one', quizItems: 1, flashcards: 2, cards: 3 },
    ]);
  });
});

describe("read's Practise hint", () => {
  it('a question with no quiz items or flashcards can still be practised', async () => {
    const r = await run(['read', 'bare-one']);
    expect(r.code).toBe(0);
    // The suggested commands carry the run's --content folder, so that they find the question.
    expect(r.stdout).toContain(`Practise:     prepdeck --content ${content.path} practice\n`);
    expect(r.stdout).not.toContain('quiz');
  });

  it('a question with quiz items offers its quiz too', async () => {
    const r = await run(['read', 'rich-one']);
    expect(r.code).toBe(0);
    const practise = r.stdout.slice(r.stdout.indexOf('Practise:')).replace(/ \\\n\s*/g, ' ');
    expect(practise).toMatch(new RegExp(`^Practise: +prepdeck --content \\S+ quiz --question rich-one(?: · |\\s+)prepdeck --content \\S+ practice\\n`));
  });
});
