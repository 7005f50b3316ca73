import { describe, expect, it } from 'vitest';
import { listItems, questionKeyPoints } from '../../../src/content/key-points.js';
import { cardsOf, questionCard } from '../../../src/cards/question-card.js';
import { question } from '../quiz/fixtures.js';

describe('listItems', () => {
  it.each([
    ['no list', 'Just a paragraph.\nAnother line.', []],
    ['dash items', 'Intro:\n\n- one\n- two\n', ['one', 'two']],
    ['star and numbered items', '* a\n* b\n\n1. c\n2) d', ['a', 'b', 'c', 'd']],
    ['indented continuation lines join the item', '- first part\n  goes on\n- second', ['first part goes on', 'second']],
    ['nested items belong to their parent', '- parent\n  - child\n- next', ['parent', 'next']],
    ['a paragraph ends the list', '- a\nText after.\n- b', ['a', 'b']],
    ['bold and code marks are dropped', '- **Health checks**: `GET /health`', ['Health checks: GET /health']],
    ['two lists', '- a\n\nMiddle.\n\n- b', ['a', 'b']],
  ])('%s', (_, md, items) => {
    expect(listItems(md)).toEqual(items);
  });
});

describe('the question card', () => {
  it('front is the question; key points from the brief answer, else super-brief, else none', () => {
    const q = { ...question('q1', { cards: ['a'] }), answers: { 'super-brief': '- s1', brief: 'B\n\n- b1\n- b2', detailed: '- d1' } };
    expect(questionCard(q)).toMatchObject({ key: 'q1/@question', front: 'Question q1?', keyPoints: ['b1', 'b2'] });
    expect(questionKeyPoints({ answers: { ...q.answers, brief: 'no list' } })).toEqual(['s1']);
    expect(questionKeyPoints({ answers: { 'super-brief': 'x', brief: 'y', detailed: '- d' } })).toEqual([]);
  });

  it('front matter key-points win', () => {
    const q = { ...question('q1'), 'key-points': ['mine'] };
    expect(questionCard(q).keyPoints).toEqual(['mine']);
  });

  it('comes first among a question\'s cards', () => {
    expect(cardsOf(question('q1', { cards: ['a', 'b'] })).map((c) => c.key)).toEqual(['q1/@question', 'q1/a', 'q1/b']);
  });
});

describe('listItems (property)', () => {
  it('never throws; every item is one trimmed, non-empty line; at most one item per top-level marker', async () => {
    const fc = (await import('fast-check')).default;
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ maxLength: 30 }).map((t) => `- ${t}`),
      fc.string({ maxLength: 30 }).map((t) => `  ${t}`),
      fc.string({ maxLength: 30 }).map((t) => `1. ${t}`),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const md = lines.join('\n');
        const items = listItems(md);
        const markers = lines.filter((l) => /^(?:[-*+]|\d{1,3}[.)])\s+/.test(l)).length;
        expect(items.length).toBeLessThanOrEqual(markers);
        for (const item of items) {
          expect(item).toBe(item.trim());
          expect(item).not.toBe('');
          expect(item).not.toContain('\n');
        }
      }),
    );
  });
});
