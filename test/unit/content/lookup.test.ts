import { describe, expect, it } from 'vitest';
import { checkLibrary, sortQuestions } from '../../../src/content/check.js';
import { findQuestion, resolveQuestion } from '../../../src/content/lookup.js';
import type { Question } from '../../../src/content/model.js';
import { NotFoundError } from '../../../src/errors.js';

const q = (id: string, title: string, extra: Partial<Question> = {}): Question => ({
  id,
  deck: 'lb',
  title,
  level: 'mid',
  tags: [],
  related: [],
  file: `${id}.md`,
  lines: { id: 2, related: 8 },
  prompt: 'p',
  answers: { 'super-brief': 's', brief: 'b', detailed: 'd' },
  quiz: [],
  cards: [],
  ...extra,
});

const questions = [
  q('what-is-a-load-balancer', 'What is a load balancer?'),
  q('lb-algorithms', 'Load-balancing algorithms', { tags: ['sticky'] }),
  q('session-persistence', 'Session persistence, sticky sessions and session affinity'),
  q('health-checks', 'Health checks and failover'),
];

describe('findQuestion', () => {
  it.each([
    ['session-persistence', 'session-persistence'],
    ['3', 'session-persistence'],
    ['sticky', 'session-persistence'], // a title match beats another question's tag
    ['Sticky Sessions', 'session-persistence'],
    ['health', 'health-checks'],
    ['algorithms', 'lb-algorithms'],
  ])('%s -> %s', (ref, id) => {
    const r = findQuestion(ref, questions);
    expect('found' in r && r.found.id).toBe(id);
  });

  it.each([
    ['load', ['what-is-a-load-balancer', 'lb-algorithms']],
    ['9', questions.map((x) => x.id)],
    ['kafka', questions.map((x) => x.id)],
  ])('%s -> candidates %j', (ref, ids) => {
    const r = findQuestion(ref, questions);
    expect('candidates' in r && r.candidates.map((c) => c.id)).toEqual(ids);
  });

  it('resolveQuestion lists numbered candidates in a NotFoundError (exit 3)', () => {
    expect(() => resolveQuestion('load', questions)).toThrow(NotFoundError);
    try {
      resolveQuestion('load', questions);
    } catch (err) {
      expect((err as NotFoundError).exitCode).toBe(3);
      expect((err as Error).message).toContain("'load' matches several questions:");
      expect((err as Error).message).toContain('  1. what-is-a-load-balancer');
      expect((err as Error).message).toContain('  2. lb-algorithms');
    }
  });
});

describe('checkLibrary', () => {
  it('reports duplicate ids and unknown or self related ids with file and line', () => {
    const problems = checkLibrary([
      q('a', 'A', { related: ['b', 'missing'] }),
      q('b', 'B', { related: ['b'] }),
      q('a', 'A again', { file: 'other/a.md' }),
    ]);
    expect(problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      "other/a.md:2: duplicate question id 'a' (also in a.md)",
      "a.md:8: 'related' names an unknown question id 'missing'",
      "b.md:8: 'related' names the question itself ('b')",
    ]);
  });

  it('sorts by deck of first appearance, then order, then title', () => {
    const sorted = sortQuestions([
      q('z', 'Zed', { deck: 'b' }),
      q('c', 'Cee', { order: 2 }),
      q('a', 'Aye'),
      q('d', 'Dee', { order: 1 }),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['z', 'd', 'c', 'a']);
  });
});
