/**
 * Seeded runs of tfjs code. tfjs draws weight initialisations, dropout masks and `fit`'s shuffling
 * from `Math.random` when no seed is given, so a fit becomes reproducible when `Math.random` follows
 * a seeded generator while it runs.
 *
 * rnnlab note: `Math.random` is replaced for the duration of `fn` (restored afterwards, also on error);
 * other code running concurrently in the same thread draws from the same stream meanwhile.
 */
import { RandomState } from './random-state';

let depth = 0;

export async function withSeededRandom<T>(seed: number | undefined, fn: () => Promise<T>): Promise<T> {
  if (seed === undefined) return fn();
  const original = Math.random;
  const rs = new RandomState(seed >>> 0);
  Math.random = () => rs.randomSample();
  depth++;
  try {
    return await fn();
  } finally {
    depth--;
    Math.random = original;
  }
}

/** Whether a seeded run is in progress (for tests). */
export function seededRunning(): boolean {
  return depth > 0;
}
