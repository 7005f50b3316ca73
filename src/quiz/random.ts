// A seeded random source: the same seed always gives the same sequence. Pure.
import { Mulberry32 } from '../lib/prng.js';

/** A 32-bit seed from any string (xmur3 hash). */
export function seedFrom(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Numbers in [0, 1) from the simulator's mulberry32 (one implementation for the whole program). */
export function randomSource(seed: number): () => number {
  const prng = new Mulberry32(seed);
  return () => prng.next();
}

/** Fisher-Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
