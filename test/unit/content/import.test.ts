import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDocument, looksLikeHeading, parseTitleLine } from '../../../src/content/import.js';
import { parseQuestion } from '../../../src/content/parse.js';
import { ContentError } from '../../../src/errors.js';
import { renderMarkdown } from '../../../src/ui/markdown.js';
import { memoryOutput } from '../../../src/ui/terminal.js';
import { PLAIN_CRLF_DOC, PLAIN_DOC, PLAIN_SHUFFLED_DOC } from '../../support/cli.js';

const seed = readFileSync(PLAIN_DOC, 'utf8');
const plainWide = memoryOutput({ columns: 10_000 });
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function doc(parts: { title?: string; q?: string; brief?: string[]; superBrief?: string[]; detailed?: string[] }): string {
  return [
    parts.title ?? 'Caching Q2: What is a cache? Question For: Senior Level Developer',
    'Question',
    parts.q ?? 'Caching Q2: What is a cache? Question For: Senior Level Developer',
    'Brief Answer',
    ...(parts.brief ?? ['A brief answer.']),
    'Super Brief Answer',
    ...(parts.superBrief ?? ['A super brief answer.']),
    'Detailed Answer',
    ...(parts.detailed ?? ['A detailed answer.']),
  ].join('\n');
}

describe('parseTitleLine', () => {
  it.each([
    ['Load Balancing Q4: Explain it ? Question For: Mid Level Developer', { deck: 'load-balancing', order: 4, level: 'mid', question: 'Explain it?' }],
    ['Caching Q12: Why? Question For: Senior Level Developer', { deck: 'caching', order: 12, level: 'senior', question: 'Why?' }],
    ['Databases Q1: What is an index? Question For: Junior Level Developer', { deck: 'databases', order: 1, level: 'junior', question: 'What is an index?' }],
    ['What is a queue? Question For: Entry Level Developer', { deck: undefined, order: undefined, level: 'junior', question: 'What is a queue?' }],
    ['No level here', { deck: undefined, order: undefined, level: undefined, question: 'No level here' }],
  ])('%s', (line, expected) => {
    expect(parseTitleLine(line)).toEqual(expected);
  });
});

describe('looksLikeHeading', () => {
  it.each([
    ['What is Session Persistence?', true],
    ['Why is Session Persistence Important? (State Management)', true],
    ['Sticky Sessions vs. Stateless Applications', true],
    ['When discussing session persistence in a technical interview, demonstrating a nuanced understanding is key:', false],
    ['This mechanism is crucial.', false],
    ['- Uneven Load: Can overload specific servers', false],
    ['lower case start', false],
  ])('%s -> %s', (line, expected) => expect(looksLikeHeading(line)).toBe(expected));
});

describe('importDocument', () => {
  it('converts a document into a valid question with the title, level, deck and sub-headings', () => {
    const out = importDocument(seed, 'seed.txt');
    expect(out).toMatchObject({ id: 'load-balancing-q4', deck: 'load-balancing', order: 4, level: 'mid' });
    expect(out.title).toBe('What does session persistence mean behind a load balancer, and is it another name for sticky sessions?');
    const { question, problems } = parseQuestion(out.markdown, 'out.md');
    expect(problems).toEqual([]);
    expect(question!.answers.detailed).toContain('## What Does It Cost?');
    expect(question!.answers.detailed).toContain('## Interaction with Load Balancing Algorithms');
    expect(question!.answers.brief).toMatch(/^- Skewed Load: /m);
    // Typographic quotes become plain ones.
    expect(out.markdown).not.toMatch(/[“”’]/);
    expect(question!.answers['super-brief']).toContain('keeps "state" in server memory');
  });

  it('reads CRLF documents the same as LF ones', () => {
    expect(importDocument(seed.replace(/\r?\n/g, '\r\n'), 'seed.txt').markdown).toBe(importDocument(seed.replace(/\r\n/g, '\n'), 'seed.txt').markdown);
    const crlf = readFileSync(PLAIN_CRLF_DOC, 'utf8');
    expect(crlf).toContain('\r\n');
    expect(importDocument(crlf, 'hc.txt').markdown).toBe(importDocument(crlf.replace(/\r\n/g, '\n'), 'hc.txt').markdown);
    const { question, problems } = parseQuestion(importDocument(crlf, 'hc.txt').markdown, 'out.md');
    expect(problems).toEqual([]);
    expect(question!.answers.brief).toMatch(/^- Active Checks: /m);
    expect(question!.answers.detailed).not.toContain('\r');
  });

  it('reads sections in any order', () => {
    const out = importDocument(readFileSync(PLAIN_SHUFFLED_DOC, 'utf8'), 'cd.txt');
    expect(out).toMatchObject({ id: 'load-balancing-q9', level: 'senior', title: 'What is connection draining, and why do deployments need it?' });
    const { question, problems } = parseQuestion(out.markdown, 'out.md');
    expect(problems).toEqual([]);
    expect(question!.answers['super-brief']).toMatch(/^Draining stops sending new requests/);
    expect(question!.answers.brief).toMatch(/^- Deployments: /m);
    expect(question!.answers.detailed).toContain('## Why Deployments Need It');
  });

  it('--deck overrides the deck from the title', () => {
    expect(importDocument(seed, 'seed.txt', 'My Deck').deck).toBe('my-deck');
  });

  it.each([
    ['Detailed Answer', 'missing section \'Detailed Answer\''],
    ['Brief Answer', 'missing section \'Brief Answer\''],
    ['Super Brief Answer', 'missing section \'Super Brief Answer\''],
  ])('a missing %s section is a content error naming section and file', (section, message) => {
    const text = doc({}).split('\n').filter((l) => l !== section).join('\n');
    try {
      importDocument(text, 'doc.txt');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      expect((err as ContentError).message).toContain(`doc.txt:`);
      expect((err as ContentError).message).toContain(message);
    }
  });

  it.each([
    ['two lines, final newline', 'Caching Q3: What? Question For: Mid Level Developer\nsome text\n', 2],
    ['two lines, no final newline', 'Caching Q3: What? Question For: Mid Level Developer\nsome text', 2],
    ['CRLF with trailing blank line', 'Caching Q3: What? Question For: Mid Level Developer\r\nsome text\r\n\r\n', 3],
    ['title only', 'Caching Q3: What? Question For: Mid Level Developer\n', 1],
  ])('a missing section is reported at the last line of the file (%s)', (_, text, line) => {
    try {
      importDocument(text, 'doc.txt');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      const lines = (err as ContentError).problems.filter((p) => p.message.startsWith('missing section')).map((p) => p.line);
      expect(lines.length).toBe(4);
      expect(new Set(lines)).toEqual(new Set([line]));
    }
  });

  it('escapes Markdown syntax so prose renders as written', () => {
    const out = importDocument(doc({ detailed: ['Use *args and __init__ with <b> tags & [links](x) # not a heading.', '1. not a list.'] }), 'd.txt');
    const q = parseQuestion(out.markdown, 'd.md').question!;
    const rendered = squash(renderMarkdown(q.answers.detailed, plainWide));
    expect(rendered).toContain('Use *args and __init__ with <b> tags & [links](x) # not a heading.');
    expect(rendered).toContain('1. not a list.');
  });
});

// Sentences made of words and the punctuation real documents use.
const word = fc.stringMatching(/^[A-Za-z][a-z0-9]{0,8}$/);
const punct = fc.constantFrom('', ',', ';', ':', '(', ')', '"', "'", '*', '_', '#', '<', '>', '&', '`', '[', ']', '-', '’', '“', '”', '—');
const sentence = fc
  .array(fc.tuple(word, punct), { minLength: 3, maxLength: 14 })
  .map((ws) => ws.map(([w, p]) => w + p).join(' ') + '.');
const paragraph = fc.oneof(sentence, sentence.map((s) => `- ${s}`));

describe('importer properties', () => {
  it('never throws anything but its own ContentError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        try {
          importDocument(text, 'any.txt');
        } catch (err) {
          if (!(err instanceof ContentError)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parser never throws on arbitrary text (it returns problems)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('none', 'valid', 'fuzzed'), (text, front) => {
        const src =
          front === 'valid' ? `---\nid: a\ndeck: b\ntitle: t\nlevel: mid\ntags: [x]\n---\n${text}` : front === 'fuzzed' ? `---\n${text}\n---\n# Question\n` : text;
        const r = parseQuestion(src, 'x.md');
        expect(r.question !== undefined || r.problems.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('importing then rendering keeps every paragraph of the source', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.array(paragraph, { minLength: 1, maxLength: 6 }), (brief, detailed) => {
        const out = importDocument(doc({ brief, detailed }), 'p.txt');
        const q = parseQuestion(out.markdown, 'p.md');
        expect(q.problems).toEqual([]);
        const norm = (s: string) => squash(s.replace(/[’]/g, "'").replace(/[“”]/g, '"').replace(/^- /, ''));
        const rb = squash(renderMarkdown(q.question!.answers.brief, plainWide));
        const rd = squash(renderMarkdown(q.question!.answers.detailed, plainWide));
        for (const p of brief) expect(rb).toContain(norm(p));
        for (const p of detailed) expect(rd).toContain(norm(p));
      }),
      { numRuns: 150 },
    );
  });
});
