import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeImport, similarity } from '../../../src/content/derive-merge.js';
import { importDocument } from '../../../src/content/import.js';
import { parseQuestion } from '../../../src/content/parse.js';
import { ContentError } from '../../../src/errors.js';

const source = readFileSync(join(import.meta.dirname, '../../fixtures/series/queues/queues-q3.txt'), 'utf8');
const first = importDocument(source, 'queues-q3.txt');

function merged(existing: string, doc = source) {
  const r = mergeImport(existing, importDocument(doc, 'queues-q3.txt'), 'out.md');
  const parsed = parseQuestion(r.markdown, 'out.md');
  expect(parsed.problems).toEqual([]);
  return { ...r, q: parsed.question! };
}
const cardIds = (m: ReturnType<typeof merged>) => m.q.cards.map((c) => c.id);

describe('mergeImport', () => {
  it('the same document over its own import changes nothing', () => {
    expect(merged(first.markdown).markdown).toBe(first.markdown);
  });

  it.each<[string, (text: string) => string, (m: ReturnType<typeof merged>) => void]>([
    [
      'a card the user wrote is kept, after the derived ones are updated',
      (t) => t.replace('# Flashcards\n', '# Flashcards\n\n## my-own\n\nFront: Mine?\n\nBack: Yes.\n'),
      (m) => {
        expect(cardIds(m)[0]).toBe('my-own');
        expect(cardIds(m)).toContain('alerting');
      },
    ],
    [
      'a derived card the user edited is theirs: kept as they wrote it',
      (t) => t.replace(/(## alerting\n\nFront: )[^\n]*/, '$1My own wording of the alerting card?'),
      (m) => {
        expect(m.q.cards.find((c) => c.id === 'alerting')!.front).toBe('My own wording of the alerting card?');
        expect(cardIds(m).filter((id) => id === 'alerting')).toHaveLength(1);
      },
    ],
    [
      'a derived card the user deleted is not derived again',
      (t) => t.replace(/## replay\n[\s\S]*?(?=## inspection)/, ''),
      (m) => {
        expect(cardIds(m)).not.toContain('replay');
        expect(m.markdown).toMatch(/removed=replay/);
      },
    ],
    [
      'a user card with the id a derived one wants: the derived one gets another id',
      // Not in the marker: a card of the user's own that happens to have the id.
      (t) => t.replace(/([=,])alerting@[0-9a-f]+,/, '$1'),
      (m) => {
        expect(cardIds(m)[0]).toBe('alerting');
        expect(cardIds(m)).toContain('alerting-2');
      },
    ],
    [
      'front matter the user added (related, tags, simulate) and interview tips are kept',
      (t) => t.replace('tags:\n  - queues', 'tags:\n  - queues\n  - mine\nrelated: []').replace('# Quiz', '# Interview tips\n\nMention poison messages.\n\n# Quiz'),
      (m) => {
        expect(m.q.tags).toEqual(['queues', 'mine']);
        expect(m.q.tips).toBe('Mention poison messages.');
      },
    ],
  ])('%s', (_name, edit, check) => {
    const existing = edit(first.markdown);
    expect(existing).not.toBe(first.markdown);
    check(merged(existing));
  });

  it('a lightly edited term keeps its id; a removed item is retired, and comes back under its id when restored', () => {
    const edited = source.replace('- Replay:', '- Replays:').replace(/- Inspection:.*\n/, '');
    const once = merged(first.markdown, edited);
    expect(cardIds(once)).toContain('replay');
    expect(cardIds(once)).not.toContain('replays');
    expect(cardIds(once)).not.toContain('inspection');
    expect(once.cards.retired).toEqual(['inspection']);
    expect(once.cards.renamed).toBe(1);
    const back = merged(once.markdown);
    expect(cardIds(back)).toContain('inspection');
    expect(back.markdown).not.toMatch(/retired=[^ ]*inspection/);
  });

  it('two lists of the same kind: removing the first keeps the second under its own id', () => {
    const twoLists = source.replace(
      'Super Brief Answer',
      ['Later on there are other reasons as well:', '- Schema Drift: producers changed the payload format without telling anyone.', '- Stale Routes: the message was addressed to a queue nobody reads any more.', 'Super Brief Answer'].join('\n'),
    );
    const before = importDocument(twoLists, 'q.txt');
    const ids = before.derived.cards.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['list-reasons', 'list-reasons-2']));
    const withoutFirst = twoLists.replace(/A message is usually moved there[^\n]*\n(- [^\n]*\n){3}/, '');
    const m = merged(before.markdown, withoutFirst);
    const card = m.q.cards.find((c) => c.keyPoints.includes('Schema Drift'))!;
    expect(card.id).toBe('list-reasons-2');
    expect(m.cards.retired).toContain('list-reasons');
  });

  it('an unchanged item keeps its id when an earlier, rewritten item looks more like it (found by the property test)', () => {
    const title = 'Deck Q1: What is it? Question For: Mid Level Developer';
    const doc = (brief: string[]) =>
      [title, 'Question', title, 'Brief Answer', ...brief, 'Super Brief Answer', 'Short.', 'Detailed Answer', '- a: a A a.', '- Availability: A a a.'].join('\n');
    const before = importDocument(doc(['It has clear benefits:', '- Availability: A A A.', '- [x] odd', 'Explanation: odd']), 'a.txt');
    // Without the list's lead-in the Availability card is asked as a term ("what does … mean"),
    // which makes it look like the unchanged `a` card ("what does *a* mean here?").
    const after = importDocument(doc(['- Availability: A A A.', '- [x] odd', 'Explanation: odd']), 'a.txt');
    const m = mergeImport(before.markdown, after, 'a.md');
    const { question, problems } = parseQuestion(m.markdown, 'a.md');
    expect(problems).toEqual([]);
    const front = (id: string) => question!.cards.find((c) => c.id === id)?.front;
    expect(front('a')).toBe('It: what does *a* mean here?');
    expect(front('availability')).toBe('It: what does *availability* mean here?');
  });

  it('the question id of the existing file wins', () => {
    expect(merged(first.markdown.replace('id: queues-q3', 'id: my-dlq')).q.id).toBe('my-dlq');
  });

  it('a file without front matter cannot be updated: a content error', () => {
    expect(() => mergeImport('# Question\n\nHi\n', first, 'x.md')).toThrow(ContentError);
  });

  it.each([
    ['## a\n\nFront: what is stale data\n\nBack: old values', '## b\n\nFront: what is stale data\n\nBack: old values', true],
    ['## a\n\nFront: what is stale data\n\nBack: old values', '## a\n\nFront: what are stale reads\n\nBack: old values', true],
    ['## a\n\nFront: one two three', '## a\n\nFront: four five six', false],
  ])('similarity (heading ignored): %s ~ %s is a light edit: %s', (a, b, light) => expect(similarity(a, b) >= 0.6).toBe(light));
});
