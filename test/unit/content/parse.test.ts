import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../src/content/parse.js';

const FRONT = `---
id: q1
deck: demo
title: A demo question
level: mid
tags: [demo]
---
`;
const BODY = `
# Question

Why?

# Super-brief answer

Short.

# Brief answer

Medium.

# Detailed answer

## Part

Long.
`;

const file = (extra = '') => FRONT + BODY + extra;

describe('parseQuestion', () => {
  it('parses front matter, the three depths and optional sections', () => {
    const { question, problems } = parseQuestion(
      file(`
# Interview tips

- Say why.

# Quiz

## pick (single)

Pick one.

- [ ] No
- [x] Yes

Explanation: Because.
More explanation.

## many (multi)

Pick many.

* [x] A
* [X] B
* [ ] C

Explanation: A and B.

## tf (true-false)

It is true.

- [x] True
- [ ] False

Explanation: It is.

# Flashcards

## c1

Front: Front text
continues.

Back: Back text.

Key points:
- one
- two
`),
      'q1.md',
    );
    expect(problems).toEqual([]);
    expect(question).toMatchObject({
      id: 'q1',
      deck: 'demo',
      level: 'mid',
      tags: ['demo'],
      related: [],
      prompt: 'Why?',
      answers: { 'super-brief': 'Short.', brief: 'Medium.', detailed: '## Part\n\nLong.' },
      tips: '- Say why.',
    });
    expect(question!.quiz.map((q) => [q.key, q.type, q.options.filter((o) => o.correct).map((o) => o.text)])).toEqual([
      ['q1/pick', 'single', ['Yes']],
      ['q1/many', 'multi', ['A', 'B']],
      ['q1/tf', 'true-false', ['True']],
    ]);
    expect(question!.quiz[0]!.explanation).toBe('Because.\nMore explanation.');
    expect(question!.cards).toEqual([
      { id: 'c1', key: 'q1/c1', front: 'Front text\ncontinues.', back: 'Back text.', keyPoints: ['one', 'two'], line: expect.any(Number) },
    ]);
  });

  it('accepts CRLF line ends and a BOM', () => {
    const { problems, question } = parseQuestion('\uFEFF' + file().replace(/\n/g, '\r\n'), 'crlf.md');
    expect(problems).toEqual([]);
    expect(question!.answers.brief).toBe('Medium.');
  });

  it('ignores headings inside fenced code blocks', () => {
    const { problems, question } = parseQuestion(file().replace('Long.', 'Long.\n\n```\n# Not a section\n```'), 'f.md');
    expect(problems).toEqual([]);
    expect(question!.answers.detailed).toContain('# Not a section');
  });

  it('strips ANSI escapes and control characters from content', () => {
    const { question } = parseQuestion(file().replace('Why?', 'Why\u001b[31m red\u001b[0m\u0007?'), 'ansi.md');
    expect(question!.prompt).toBe('Why red?');
  });

  // Each broken input and the exact problems it must produce.
  const cases: [string, string, string[]][] = [
    ['no front matter', '# Question\n', ['x.md:1: missing front matter: the file must start with a \'---\' line']],
    ['unclosed front matter', '---\nid: a\n', ["x.md:1: front matter is not closed with a '---' line"]],
    ['missing key', FRONT.replace('level: mid\n', '') + BODY, ["x.md:1: front matter: missing required key 'level'"]],
    ['bad level', FRONT.replace('level: mid', 'level: expert') + BODY, ["x.md:5: front matter: 'level': must be one of junior, mid, senior"]],
    ['bad id', FRONT.replace('id: q1', 'id: Q 1') + BODY, ["x.md:2: front matter: 'id': must be lowercase letters, digits and dashes"]],
    ['no tags', FRONT.replace('tags: [demo]', 'tags: []') + BODY, ["x.md:6: front matter: 'tags': needs at least one tag"]],
    ['empty section', file().replace('Medium.', ''), ["x.md:17: section '# Brief answer' is empty"]],
    ['missing section', file().replace('# Super-brief answer\n\nShort.\n', ''), ["x.md:22: missing section '# Super-brief answer'"]],
    ['unknown section', file('\n# Notes\n\nhi\n'), ["x.md:27: unknown section '# Notes' (expected one of: Question, Super-brief answer, Brief answer, Detailed answer, Interview tips, Quiz, Flashcards)"]],
    ['duplicate section', file('\n# Brief answer\n\nagain\n'), ["x.md:27: section '# Brief answer' appears twice (first at line 17)"]],
    ['text before sections', FRONT + 'stray\n' + BODY, ["x.md:8: text before the first section: start with '# Question'"]],
    ['bad quiz heading', file('\n# Quiz\n\n## pick\n\nQ?\n\n- [x] a\n- [ ] b\n\nExplanation: e\n'), ["x.md:29: quiz item heading must look like '## item-id (single|multi|true-false)', got '## pick'"]],
    ['no right option', file('\n# Quiz\n\n## p (single)\n\nQ?\n\n- [ ] a\n- [ ] b\n\nExplanation: e\n'), ["x.md:29: quiz item 'p': no option is marked right with '- [x]'"]],
    ['one option', file('\n# Quiz\n\n## p (multi)\n\nQ?\n\n- [x] a\n\nExplanation: e\n'), ["x.md:29: quiz item 'p': needs at least two '- [ ]' options"]],
    ['true-false wording', file('\n# Quiz\n\n## p (true-false)\n\nQ?\n\n- [x] Yes\n- [ ] No\n\nExplanation: e\n'), ["x.md:33: quiz item 'p': true-false options must be exactly 'True' and 'False'"]],
    ['split options', file('\n# Quiz\n\n## p (single)\n\nQ?\n\n- [x] a\n\nmore\n\n- [ ] b\n\nExplanation: e\n'), ["x.md:35: quiz item 'p': unexpected text after the options (expected 'Explanation:')", "x.md:37: quiz item 'p': options must be consecutive lines"]],
    ['duplicate quiz id', file('\n# Quiz\n\n## p (single)\n\nQ?\n\n- [x] a\n- [ ] b\n\nExplanation: e\n\n## p (single)\n\nQ?\n\n- [x] a\n- [ ] b\n\nExplanation: e\n'), ["x.md:38: duplicate quiz item id 'p'"]],
    ['card without back', file('\n# Flashcards\n\n## c\n\nFront: f\n'), ["x.md:29: flashcard 'c': missing or empty 'Back:'"]],
    ['card key points not a list', file('\n# Flashcards\n\n## c\n\nFront: f\n\nBack: b\n\nKey points:\nnot a list\n'), ["x.md:36: flashcard 'c': key points must be '- ' list items", "x.md:29: flashcard 'c': 'Key points:' has no items"].sort()],
  ];

  it.each(cases)('%s', (_name, source, expected) => {
    const { question, problems } = parseQuestion(source, 'x.md');
    expect(question).toBeUndefined();
    const shown = problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect([...shown].sort()).toEqual([...expected].sort());
  });

  it('reports a YAML syntax error on its line', () => {
    const { problems } = parseQuestion(FRONT.replace('tags: [demo]', 'tags: [demo') + BODY, 'x.md');
    expect(problems[0]!.line).toBeGreaterThanOrEqual(2);
    expect(problems[0]!.line).toBeLessThanOrEqual(7);
    expect(problems[0]!.message).toMatch(/^front matter: /);
  });
});
