// The load-balancing deck as a whole (issue 5): the series in order, enough practice material,
// and cross-links that resolve.
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/content/load.js';
import { builtInContentDir } from '../../../src/paths.js';

const lib = await loadLibrary([builtInContentDir()], { useIndex: false });
const deck = lib.questions.filter((q) => q.deck === 'load-balancing');

const SERIES = [
  'what-is-a-load-balancer',
  'l4-vs-l7',
  'lb-algorithms',
  'session-persistence',
  'health-checks-failover',
  'tls-termination',
  'global-load-balancing',
  'lb-high-availability',
];

describe('load-balancing deck', () => {
  it('has the eight questions of the series, in order 1..8', () => {
    expect(deck.map((q) => q.id)).toEqual(SERIES);
    expect(deck.map((q) => q.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(deck.every((q) => q.level === 'mid')).toBe(true);
  });

  it.each(SERIES)('%s has all depths, tips, >= 8 quiz items of every type and >= 6 flashcards with key points', (id) => {
    const q = deck.find((x) => x.id === id)!;
    for (const depth of ['super-brief', 'brief', 'detailed'] as const) expect(q.answers[depth].length).toBeGreaterThan(100);
    expect(q.answers.detailed.length).toBeGreaterThan(q.answers.brief.length);
    expect(q.answers.brief.length).toBeGreaterThan(q.answers['super-brief'].length);
    expect(q.tips).toBeTruthy();
    expect(q.quiz.length).toBeGreaterThanOrEqual(8);
    expect(new Set(q.quiz.map((i) => i.type))).toEqual(new Set(['single', 'multi', 'true-false']));
    expect(q.cards.length).toBeGreaterThanOrEqual(6);
    expect(q.cards.every((c) => c.keyPoints.length >= 2)).toBe(true);
  });

  it('every question links to at least one other, and links resolve', () => {
    for (const q of deck) {
      expect(q.related.length, q.id).toBeGreaterThan(0);
      for (const r of q.related) expect(SERIES, `${q.id} -> ${r}`).toContain(r);
    }
    expect(deck.find((q) => q.id === 'lb-algorithms')!.related).toContain('session-persistence');
  });

  it('multi-select explanations are long enough to address the wrong options', () => {
    for (const q of deck) {
      for (const item of q.quiz.filter((i) => i.type === 'multi' && i.options.some((o) => !o.correct))) {
        expect(item.explanation.length, item.key).toBeGreaterThan(120);
      }
    }
  });

  it('no quiz item gives its answer away by being the only option far longer than the rest', () => {
    const giveaways: string[] = [];
    for (const q of deck) {
      for (const item of q.quiz.filter((i) => i.type === 'single')) {
        const lengths = item.options.map((o) => o.text.length);
        const right = item.options.findIndex((o) => o.correct);
        const others = lengths.filter((_, i) => i !== right);
        if (lengths[right]! > 1.8 * Math.max(...others) && lengths[right]! > 40) giveaways.push(item.key);
      }
    }
    expect(giveaways).toEqual([]);
  });
});
