import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DerivedCard, type DerivedQuizItem, idFrom, keyWords, optionKey, similarLengths, termInText, deriveItems } from '../../../src/content/derive.js';
import { kindOf, labelledItem, listsOf, mainClause, singular, titleTopic, topicOf } from '../../../src/content/derive-lists.js';
import { blockHash, parseMarker, renderMarker } from '../../../src/content/derive-render.js';
import { mergeImport } from '../../../src/content/derive-merge.js';
import { importDocument } from '../../../src/content/import.js';
import { parseQuestion } from '../../../src/content/parse.js';
import { ContentError } from '../../../src/errors.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/series');
const fixture = (rel: string) => readFileSync(join(FIXTURES, rel), 'utf8');

describe('labelledItem', () => {
  it.each([
    ['Reduced Fault Tolerance: if the server fails, sessions are lost.', 'Reduced Fault Tolerance', 'if the server fails, sessions are lost.'],
    ['Distributed Caching (e.g., Redis, Memcached): session data is stored outside.', 'Distributed Caching (e.g., Redis, Memcached)', 'session data is stored outside.'],
    ['LRU: drops the entry unread for the longest time.', 'LRU', 'drops the entry unread for the longest time.'],
    // Not labels: a long lead-in, a sentence, an explanation too short to say anything.
    ['How sticky sessions interact with load balancing algorithms: the first request uses it.', undefined, undefined],
    ['It works. Mostly: yes it does work.', undefined, undefined],
    ['Note: short.', undefined, undefined],
    ['No colon here at all', undefined, undefined],
  ])('%s', (text, term, explanation) => {
    const item = labelledItem(text);
    expect(item.term).toBe(term);
    expect(item.explanation).toBe(explanation);
    expect(item.text).toBe(text);
  });
});

describe('kindOf and mainClause', () => {
  it.each([
    ['While simplifying state management, sticky sessions have significant drawbacks:', 'drawback', 'drawbacks'],
    ['To overcome these limitations, especially in scalable environments, alternatives are preferred for state management:', 'alternative', 'alternatives'],
    ['The policies that come up most often are:', 'policy', 'policies'],
    ['The pattern is popular because it is simple, but it has weaknesses worth naming:', 'weakness', 'weaknesses'],
    ['When discussing this in an interview, it is good to convey:', undefined, undefined],
    ['Delivery Semantics', undefined, undefined],
    ['The price is paid elsewhere:', undefined, undefined],
  ])('%s -> %s', (intro, one, many) => {
    const kind = kindOf(intro);
    expect(kind?.one).toBe(one);
    expect(kind?.many).toBe(many);
  });

  it.each([
    ['While simplifying state, sticky sessions have drawbacks:', 'sticky sessions have drawbacks'],
    ['The gains it brings are:', 'The gains it brings are'],
  ])('mainClause(%s)', (intro, clause) => expect(mainClause(intro)).toBe(clause));

  it.each([
    ['policies', 'policy'],
    ['weaknesses', 'weakness'],
    ['drawbacks', 'drawback'],
    ['caches', 'cache'],
  ])('singular(%s) = %s', (w, s) => expect(singular(w)).toBe(s));
});

describe('topicOf', () => {
  it.each([
    [['Session persistence, often called sticky sessions, is a technique.'], 'Session persistence'],
    ['Cache-aside, also called "lazy loading", puts the application in charge.'.split('\n'), 'Cache-aside'],
    [['A dead-letter queue (DLQ) is a side queue.'], 'Dead-letter queue'],
    [['A message queue lets a producer hand work to a consumer.'], 'Message queue'],
    [['A load balancer learns that a server is unwell in two ways.'], 'Load balancer'],
    [['Everything about this very long opening sentence goes on and on without a verb we know.'], ''],
    [['- a list first', ''], ''],
  ])('%j -> %s', (lines, topic) => expect(topicOf(lines, '')).toBe(topic));
});

describe('titleTopic (card fronts always have a topic)', () => {
  it.each([
    ['Explain session persistence in load balancing. Is it the same as sticky sessions?', 'load-balancing', 'Session persistence'],
    ['What is a dead-letter queue, and when does a message end up there?', 'queues', 'Dead-letter queue'],
    ['How does cache-aside work?', 'caching', 'Cache-aside'],
    ['Why would you put a message queue between two services?', 'queues', 'Queues'],
    ['Walk me through everything that could possibly go wrong here', 'load-balancing', 'Load balancing'],
  ])('%s -> %s', (title, deck, topic) => expect(titleTopic(title, deck)).toBe(topic));

  it('a document whose brief answer names no subject still gets topic-prefixed card fronts', () => {
    const title = 'Storage Q1: Explain durability in storage systems ? Question For: Mid Level Developer';
    const text = [title, 'Question', title, 'Brief Answer', 'Everything about this long opening goes on and on without a verb we know.', 'It comes down to these needs:',
      '- Durability Needs: written data must survive a crash of the machine.', '- Latency Needs: reads must come back within a few milliseconds.',
      'Super Brief Answer', 'Short.', 'Detailed Answer', 'Long.'].join('\n');
    const fronts = importDocument(text, 'storage-q1.txt').derived.cards.map((c) => c.front);
    expect(fronts.length).toBeGreaterThan(0);
    for (const front of fronts) expect(front).toMatch(/^Durability: /);
  });
});

describe('wording checks', () => {
  it.each([
    ['Reduced Fault Tolerance', 'reduced fault tolerance'],
    ['Read-Through', 'read-through'],
    ['LRU', 'LRU'],
    ['TTL Expiry', 'TTL expiry'],
  ])('termInText(%s) = %s', (term, text) => expect(termInText(term)).toBe(text));

  it.each([
    [['Stale Reads', 'Cold Start', 'Miss Penalty'], true],
    [['LRU', 'TTL Expiry', 'FIFO'], true],
    [['Yes', 'A very long option that gives itself away by its length'], false],
  ])('similarLengths(%j) = %s', (options, ok) => expect(similarLengths(options)).toBe(ok));

  it('key words ignore short and stop words and fold simple endings', () => {
    expect([...keyWords('Which term matches the reads of a cached key?')].sort()).toEqual(['cach', 'read']);
  });

  it.each([
    ['Reduced Fault Tolerance', '', 'reduced-fault-tolerance'],
    ['Distributed Caching (e.g., Redis)', '', 'distributed-caching'],
    ['drawbacks', 'list-', 'list-drawbacks'],
    ['An intro sentence that goes on for much longer than any id should ever be', '', 'an-intro-sentence-that-goes-on-for-much-longer'],
    ['???', '', 'item'],
  ])('idFrom(%s)', (text, prefix, id) => expect(idFrom(text, prefix)).toBe(id));
});

describe('deriveItems', () => {
  const brief = [
    'Sticky sessions pin a user to one server.',
    'They have drawbacks:',
    '- Uneven Load: busy users can overload their server while others idle.',
    '- Lost Sessions: a failed server takes every session it held with it.',
    '- Scaling Limits: new servers do not relieve users already pinned elsewhere.',
    'Alternatives are preferred:',
    '- Shared Store: session data lives in a store every server reads.',
    '- Replication: each write is copied to peers, at a network cost.',
  ];
  const derived = deriveItems(listsOf(brief, 'brief'), 'Stickiness');

  it('one card per labelled item, with the id from the term, and one card per introduced list', () => {
    expect(derived.cards.map((c) => c.id)).toEqual([
      'uneven-load',
      'lost-sessions',
      'scaling-limits',
      'shared-store',
      'replication',
      'list-drawbacks',
      'list-alternatives',
    ]);
    const lost = derived.cards.find((c) => c.id === 'lost-sessions')!;
    expect(lost.front).toBe('Stickiness: what is the *lost sessions* drawback?');
    expect(lost.back).toBe('a failed server takes every session it held with it.');
    expect(derived.cards.find((c) => c.id === 'list-drawbacks')!.keyPoints).toEqual(['Uneven Load', 'Lost Sessions', 'Scaling Limits']);
  });

  it('a multi-select item per labelled list, wrong options from the other list', () => {
    const which = derived.quiz.find((q) => q.id === 'which-drawbacks')!;
    expect(which.type).toBe('multi');
    expect(which.prompt).toContain('(select all)');
    expect(which.options.filter((o) => o.correct).map((o) => o.text).sort()).toEqual(['Lost Sessions', 'Scaling Limits', 'Uneven Load']);
    expect(which.options.filter((o) => !o.correct).map((o) => o.text).sort()).toEqual(['Replication', 'Shared Store']);
    expect(which.explanation).toContain('belong to another list');
  });

  it('"which term matches" items only where the description does not name the term', () => {
    const singles = derived.quiz.filter((q) => q.type === 'single');
    // "Lost Sessions" is described with the word "session": readable off the wording, so left out.
    expect(singles.map((q) => q.id)).toEqual(['term-uneven-load', 'term-scaling-limits']);
    for (const q of singles) {
      const right = q.options.find((o) => o.correct)!;
      expect([...keyWords(right.text)].some((w) => keyWords(q.prompt).has(w))).toBe(false);
    }
  });

  it('the order of options is the same on every import (no randomness)', () => {
    expect(deriveItems(listsOf(brief, 'brief'), 'Stickiness')).toEqual(derived);
  });

  it('a list restated in the super-brief answer gives no second set of items', () => {
    const twice = [...listsOf(brief, 'brief'), ...listsOf(brief.slice(1, 4), 'super-brief')];
    expect(deriveItems(twice, 'Stickiness')).toEqual(derived);
  });
});

/** Every option of every item once, by what a reader (and the validator) would call the same. */
function expectDistinctOptions(quiz: readonly DerivedQuizItem[]): void {
  for (const q of quiz) {
    const keys = q.options.map((o) => optionKey(o.text));
    expect(new Set(keys).size, `${q.id}: ${q.options.map((o) => o.text).join(' | ')}`).toBe(keys.length);
  }
}

describe('a term listed in the brief and again in the detailed answer (QA: duplicate option, document rejected)', () => {
  const brief = (term: string) => [
    'Replication has clear benefits:',
    `- ${term}: the service keeps answering when one of the nodes fails.`,
    '- Throughput: more requests finish per second when the load grows.',
    '- Elasticity: capacity follows demand without anyone stepping in.',
  ];
  const detailed = (term: string) => [
    'Benefits In Practice',
    `- ${term}: nodes take over for each other within a few seconds.`,
    '- Locality: data sits close to the users who read it most.',
    '- Cost Control: idle capacity is released again during the night.',
    '- Read Scaling: extra copies serve reads that one node could not.',
  ];
  it.each([
    ['the same term', 'Availability', 'Availability'],
    ['another case and spacing', 'Availability', 'availability'],
    ['an aside in brackets', 'Availability', 'Availability (e.g., failover)'],
  ])('%s: every item has distinct options and the document validates', (_, first, again) => {
    const derived = deriveItems([...listsOf(brief(first), 'brief'), ...listsOf(detailed(again), 'detailed')], 'Replication');
    expect(derived.quiz.length).toBeGreaterThan(0);
    expectDistinctOptions(derived.quiz);
    const title = 'Storage Q1: Why replicate data ? Question For: Mid Level Developer';
    const text = [title, 'Question', title, 'Brief Answer', ...brief(first), 'Super Brief Answer', 'Short.', 'Detailed Answer', ...detailed(again)].join('\n');
    expect(parseQuestion(importDocument(text, 'storage-q1.txt').markdown, 'storage-q1.md').problems).toEqual([]);
  });
});

describe('the seed-shaped document (sessions-q4: intro sentence, labelled items, restated in the super-brief answer)', () => {
  const out = importDocument(fixture('sessions/sessions-q4.txt'), 'sessions-q4.txt');

  it('gives a "which of these are drawbacks" select-all item with the three drawbacks right', () => {
    const which = out.derived.quiz.find((q) => q.id === 'which-drawbacks');
    expect(which?.type).toBe('multi');
    expect(which!.prompt).toMatch(/^Which of these are drawbacks .*\(select all\)$/);
    expect(which!.options.filter((o) => o.correct).map((o) => o.text).sort()).toEqual(['Reduced Fault Tolerance', 'Scalability Limitations', 'Uneven Load Distribution']);
    // Wrong options come from another kind of list, never the restated "key drawbacks" ("Uneven Load").
    expect(which!.options.filter((o) => !o.correct).map((o) => o.text)).toEqual(['External Store']);
  });

  it('options drop the bracketed aside of a term, and no two options of an item are the same', () => {
    expect(out.derived.quiz.flatMap((q) => q.options.map((o) => o.text))).not.toContain('External Store (e.g., Redis, Memcached)');
    expectDistinctOptions(out.derived.quiz);
  });

  it('"which term" items carry the description in the stem', () => {
    const singles = out.derived.quiz.filter((q) => q.type === 'single');
    expect(singles.length).toBeGreaterThan(0);
    for (const q of singles) {
      expect(q.prompt).toMatch(/^Which term matches: ".{20,}"\?$/);
      expect(q.prompt).not.toContain('\n');
    }
    expect(singles.map((q) => q.prompt)).toContain('Which term matches: "A handful of very busy users can swamp their backend while the rest of the pool sits half idle"?');
  });
});

describe('a very large document', () => {
  it('derives a bounded number of items that fit the content limits, and validates', () => {
    const lists = Array.from({ length: 300 }, (_, l) => [
      `There are drawbacks in group ${l}:`,
      ...[0, 1, 2].map((i) => `- Term${l}x${i} Word${i}: explanation for group ${l} item ${i} with some words.`),
    ]).flat();
    const title = 'Big Q1: What? Question For: Mid Level Developer';
    const text = [title, 'Question', title, 'Brief Answer', ...lists.slice(0, 1200), 'Super Brief Answer', 'Short.', 'Detailed Answer', 'Long.'].join('\n');
    const out = importDocument(text, 'big.txt');
    expect(parseQuestion(out.markdown, 'big.md').problems.filter((p) => !/section '# Brief answer' is too long/.test(p.message))).toEqual([]);
    expect(out.derived.cards.length).toBeLessThanOrEqual(160);
    expect(out.derived.quiz.length).toBeGreaterThan(0);
    expect((out.frontMatter['key-points'] as string[]).length).toBe(8);
  });
});

describe('marker', () => {
  it('round-trips ids, hashes, retired and removed ids', () => {
    const m = { ids: new Map([['a', blockHash('x')], ['b-2', blockHash('y')]]), retired: ['c'], removed: ['d', 'e'] };
    expect(parseMarker(renderMarker(m))).toEqual(m);
    expect(parseMarker('<!-- something else -->')).toBeUndefined();
    expect(blockHash('a  b\n c')).toBe(blockHash('a b c'));
  });
});

describe('imported fixtures', () => {
  const files = ['caching', 'queues', 'sessions'].flatMap((d) => readdirSync(join(FIXTURES, d)).map((f) => `${d}/${f}`));
  it.each(files)('%s: a card per labelled item, at least two quiz items, all valid', (rel) => {
    const out = importDocument(fixture(rel), rel);
    const { question, problems } = parseQuestion(out.markdown, 'out.md');
    expect(problems).toEqual([]);
    const labelled = new Set(
      fixture(rel)
        .split(/\r?\n/)
        .filter((l) => l.startsWith('- ') && labelledItem(l.slice(2)).term)
        .map((l) => idFrom(labelledItem(l.slice(2)).term!)),
    );
    expect(labelled.size).toBeGreaterThan(0);
    for (const id of labelled) expect(question!.cards.map((c) => c.id)).toContain(id);
    expect(question!.quiz.length).toBeGreaterThanOrEqual(2);
  });

  const plain = readdirSync(join(FIXTURES, '../plain')).filter((f) => f.endsWith('.txt'));
  it.each(plain)('plain/%s: every derived item validates', (name) => {
    const out = importDocument(readFileSync(join(FIXTURES, '../plain', name), 'utf8'), name);
    const { question, problems } = parseQuestion(out.markdown, 'out.md');
    expect(problems).toEqual([]);
    expect(question!.cards.length + question!.quiz.length).toBe(out.derived.cards.length + out.derived.quiz.length);
  });

  it('the question card gets the terms of the brief answer\'s lists as key points', () => {
    const out = importDocument(fixture('caching/caching-q1.txt'), 'q1.txt');
    expect(out.frontMatter['key-points']).toEqual(['Lower Latency', 'Reduced Database Load', 'Smoother Peaks', 'Consistency Gaps', 'Extra Moving Parts']);
    expect(out.markdown).toContain('key-points:\n  - Lower Latency\n');
  });
});

// Documents made of the parts real ones have: prose, intro lines, labelled and plain list items.
const word = fc.stringMatching(/^[A-Za-z][a-z0-9]{0,8}$/);
const punct = fc.constantFrom('', ',', ';', '(', ')', '"', "'", '*', '_', '#', '<', '&', '`', '[', ']', '-', '’', '“', '—', ' ?');
const words = (min: number, max: number) => fc.array(fc.tuple(word, punct), { minLength: min, maxLength: max }).map((ws) => ws.map(([w, p]) => w + p).join(' '));
// Terms that recur across sections (QA: the same term in the brief and detailed answers), in other cases and spacings.
const term = fc.constantFrom('Availability', 'availability', 'Availability (e.g., failover)', 'Low  Latency', 'low latency', 'Durability', 'Cost Control', 'Read Scaling');
const line = fc.oneof(
  words(3, 12).map((s) => s + '.'),
  words(2, 8).map((s) => s + ':'),
  fc.constantFrom('It has clear benefits:', 'The drawbacks are:', 'Benefits', 'Alternatives are preferred:'),
  fc.tuple(term, words(3, 10)).map(([t, e]) => `- ${t}: ${e}.`),
  fc.tuple(term, words(3, 10)).map(([t, e]) => `- ${t}: ${e}.`),
  fc.tuple(words(1, 4), words(3, 10)).map(([t, e]) => `- ${t}: ${e}.`),
  words(2, 10).map((s) => `- ${s}`),
  fc.constantFrom('Explanation: odd', 'Front: odd', '- [x] odd', '## heading', '# Quiz', '<!-- prepdeck-derived ids=a@1 -->', ''),
);
const section = fc.array(line, { minLength: 1, maxLength: 12 });

describe('import properties', () => {
  it('generated documents: import throws only its own errors, and every derived item validates', () => {
    fc.assert(
      fc.property(words(1, 3), section, section, section, fc.boolean(), (deck, brief, superBrief, detailed, crlf) => {
        const title = `${deck.replace(/[^A-Za-z ]/g, '') || 'Deck'} Q3: ${'What is it ?'} Question For: Senior Level Developer`;
        const text = [title, 'Question', title, 'Brief Answer', ...brief, 'Super Brief Answer', ...superBrief, 'Detailed Answer', ...detailed].join(crlf ? '\r\n' : '\n');
        let out;
        try {
          out = importDocument(text, 'gen.txt');
        } catch (err) {
          if (err instanceof ContentError) return;
          throw err;
        }
        const { question, problems } = parseQuestion(out.markdown, 'gen.md');
        expect(problems).toEqual([]);
        expect(question!.cards.map((c) => c.id)).toEqual(out.derived.cards.map((c) => c.id));
        expect(question!.quiz.map((q) => q.id)).toEqual(out.derived.quiz.map((q) => q.id));
        expectDistinctOptions(out.derived.quiz);
        // Re-importing the same document over its own file changes nothing.
        expect(mergeImport(out.markdown, out, 'gen.md').markdown).toBe(out.markdown);
      }),
      { numRuns: 300 },
    );
  });

  it('re-import after a line is deleted: the file validates and every unchanged derived card keeps its id', () => {
    fc.assert(
      fc.property(section, section, fc.nat(), (brief, detailed, drop) => {
        const title = 'Deck Q1: What is it? Question For: Mid Level Developer';
        const text = (b: string[]) => [title, 'Question', title, 'Brief Answer', ...b, 'Super Brief Answer', 'Short.', 'Detailed Answer', ...detailed].join('\n');
        let before, after;
        try {
          before = importDocument(text(brief), 'a.txt');
          after = importDocument(text(brief.filter((_, i) => i !== drop % brief.length)), 'a.txt');
        } catch (err) {
          if (err instanceof ContentError) return;
          throw err;
        }
        const m = mergeImport(before.markdown, after, 'a.md');
        const { question, problems } = parseQuestion(m.markdown, 'a.md');
        expect(problems).toEqual([]);
        const same = (a: DerivedCard, b: DerivedCard) => a.front === b.front && a.back === b.back && a.keyPoints.join() === b.keyPoints.join();
        for (const card of after.derived.cards) {
          const old = before.derived.cards.find((o) => same(o, card));
          if (old && before.derived.cards.filter((o) => same(o, card)).length === 1) {
            expect(question!.cards.find((c) => c.id === old.id)?.front).toBe(card.front);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
