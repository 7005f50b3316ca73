// The content that ships with prepdeck: valid, complete, and faithful to the seed's facts.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/content/load.js';
import { builtInContentDir } from '../../../src/paths.js';

const lib = await loadLibrary([builtInContentDir()]);
const byId = new Map(lib.questions.map((q) => [q.id, q]));

describe('built-in content', () => {
  it('passes validation', () => {
    expect(lib.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([]);
  });

  describe('session-persistence (the seed question)', () => {
    const q = byId.get('session-persistence')!;

    it('exists in the load-balancing deck at position 4, mid level', () => {
      expect(q).toMatchObject({ deck: 'load-balancing', order: 4, level: 'mid' });
    });

    // Each fact of the seed document, and the terms that show the detailed answer covers it.
    const facts: [string, string[]][] = [
      ['three names for one thing', ['session persistence', 'sticky sessions', 'session affinity']],
      ['stateful vs stateless', ['stateful', 'stateless', 'shopping cart', 'login', 'banking', 'weather API']],
      ['the cookie mechanism, managed by the balancer', ['Set-Cookie', 'load balancer', 'first request']],
      ['drawback: uneven load (popular streamer)', ['uneven load', 'streamer', 'thousands']],
      ['drawback: reduced fault tolerance', ['fault tolerance', 'logged out', 'empty']],
      ['drawback: scaling limitations', ['scaling', 'adding servers']],
      ['alternative: distributed cache', ['distributed cache', 'Redis', 'Memcached']],
      ['alternative: session replication and its cost', ['session replication', 'network overhead']],
      ['what to say in an interview', ['interview']],
      ['stickiness overrides round-robin', ['round-robin', 'overrid']],
      ['the three servers / users A, B, C (and D) example', ['users A, B, C and D', 's1', 's2', 's3', 'seed-example']],
      ['the flash-sale example', ['flash sale']],
      ['how real balancers set the cookie', ['HAProxy', 'nginx', 'AWSALB', 'insert indirect nocache']],
    ];
    it.each(facts)('detailed answer covers: %s', (_fact, terms) => {
      const text = q.answers.detailed.toLowerCase();
      for (const term of terms) expect(text, term).toContain(term.toLowerCase());
    });

    it('has interview tips, at least 12 quiz items of all three types and at least 10 flashcards with key points', () => {
      expect(q.tips).toBeTruthy();
      expect(q.quiz.length).toBeGreaterThanOrEqual(12);
      for (const type of ['single', 'multi', 'true-false'] as const) expect(q.quiz.some((i) => i.type === type)).toBe(true);
      expect(q.quiz.every((i) => i.explanation.length > 20)).toBe(true);
      expect(q.cards.length).toBeGreaterThanOrEqual(10);
      expect(q.cards.every((c) => c.keyPoints.length > 0)).toBe(true);
    });
  });
});
