/**
 * Seeded runs: a fit (or a build and fit) whose random draws — weight initialiser seeds, dropout
 * masks, the order of samples each epoch — come from one seeded stream of its own, so that rerunning
 * it gives the same numbers. The stream follows the run's async context (Node's AsyncLocalStorage),
 * so runs that overlap (`Promise.all`, `parallelism: 'async'`) each draw from their own stream, and
 * code outside a run is unaffected. `Math.random` is never replaced.
 *
 * rnnlab note: rnnlab's own layers and builder draw from the run's stream; a layer you make yourself
 * with `tf.layers` takes its own `seed` option.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { RandomState } from './random-state';

const runs = new AsyncLocalStorage<RandomState>();

/** Runs `fn` as a seeded run (its draws from a stream of `seed`); `seed` undefined runs it as is. */
export function withSeededRandom<T>(seed: number | undefined, fn: () => Promise<T>): Promise<T> {
  if (seed === undefined) return fn();
  return runs.run(new RandomState(seed >>> 0), fn);
}

/** Whether the caller runs inside a seeded run. */
export function seededRunning(): boolean {
  return runs.getStore() !== undefined;
}

/** A draw in [0, 1): from the seeded run's stream inside one, else from `Math.random`. */
export function random(): number {
  const stream = runs.getStore();
  return stream ? stream.randomSample() : Math.random();
}

/** A 32-bit seed: from the seeded run's stream inside one, else from `Math.random`. */
export function randomSeed(): number {
  const stream = runs.getStore();
  return stream ? stream.nextUint32() : Math.floor(Math.random() * 4294967296) >>> 0;
}

/** A seed inside a seeded run (for a builder called without one), else undefined. */
export function runSeed(): number | undefined {
  return runs.getStore()?.nextUint32();
}
