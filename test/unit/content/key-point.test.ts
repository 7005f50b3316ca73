// A list item as a key point (derive-text.ts keyPointOf): QA found imported points ending in
// "… an external store wins..." (cut at 87 characters, three dots).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyPointOf, POINT_MAX } from '../../../src/content/derive-text.js';

const len = (s: string) => [...s].length;
const long = 'a'.repeat(120);

describe('keyPointOf', () => {
  it.each([
    // Short: the first sentence, without its final punctuation.
    ['Retrying only idempotent requests avoids doing a payment twice.', 'Retrying only idempotent requests avoids doing a payment twice'],
    ['Stateful apps need affinity; stateless ones need neither.', 'Stateful apps need affinity'],
    // Long: the longest run of whole clauses that fits, with no ellipsis.
    ['Affinity trades availability and even load for simplicity, and an external store wins both back.', 'Affinity trades availability and even load for simplicity'],
    [
      'The difference between stateful applications, which need affinity, and stateless ones, which need neither of the two at all.',
      'The difference between stateful applications, which need affinity, and stateless ones',
    ],
    [
      'Health checks probe every backend on a fixed interval (every two seconds by default in most balancers we have looked at so far).',
      'Health checks probe every backend on a fixed interval',
    ],
    // No clause boundary that says something: whole words, not ending on "is" or "and", then one `…`.
    [
      'Draining lets every request that already reached the backend finish before the process is stopped for the deployment of the next version',
      'Draining lets every request that already reached the backend finish before the process\u2026',
    ],
    [
      'So, the balancer keeps sending each user to the server that served the first request and holds that choice for the session lifetime',
      'So, the balancer keeps sending each user to the server that served the first request\u2026',
    ],
    // One word longer than the limit: cut inside it, as a last resort.
    [long, `${'a'.repeat(POINT_MAX - 1)}\u2026`],
  ])('%s', (text, point) => {
    expect(keyPointOf(text)).toBe(point);
    expect(len(point)).toBeLessThanOrEqual(POINT_MAX);
  });

  const word = fc.stringMatching(/^[A-Za-z][a-z]{0,11}[,;]?$/);
  const text = fc.array(word, { minLength: 1, maxLength: 40 }).map((ws) => ws.join(' ') + '.');

  it('never longer than the limit; never three dots; a cut point is whole words of the item, then one …', () => {
    fc.assert(
      fc.property(text, (t) => {
        const point = keyPointOf(t);
        expect(len(point)).toBeLessThanOrEqual(POINT_MAX);
        expect(point).not.toContain('...');
        const body = point.replace(/\u2026$/, '');
        // Whole words: the item goes on after the point with a space, punctuation or nothing.
        expect(t.startsWith(body)).toBe(true);
        expect(t.slice(body.length)).toMatch(/^([\s.,;]|$)/);
        expect(body).not.toMatch(/[\s,;]$/);
      }),
    );
  });
});
