/**
 * Seeded fits of tfjs models, without touching `Math.random`: inside a seeded run (see
 * `../random`), rnnlab's builder and layers draw their seeds from the run's own stream, and so does
 * the shuffling of `fit`.
 *
 * tfjs' `fit` shuffles each epoch's sample order with `tf.util.shuffle`, which draws from
 * `Math.random`. The first seeded run wraps that function once: inside a seeded run it shuffles
 * (Fisher–Yates, as tfjs does) from the run's stream; everywhere else it is tfjs' own, unchanged.
 */
import * as tf from '@tensorflow/tfjs';
import { random, seededRunning, withSeededRandom } from '../random';

type Shuffle = (array: unknown[] | Uint32Array | Int32Array | Float32Array) => void;

let shuffleHooked = false;

function hookShuffle(): void {
  if (shuffleHooked) return;
  shuffleHooked = true;
  const util = tf.util as unknown as { shuffle: Shuffle };
  const tfjsShuffle = util.shuffle;
  util.shuffle = (array) => {
    if (!seededRunning()) return tfjsShuffle(array);
    for (let counter = array.length; counter > 0; ) {
      const index = (random() * counter) | 0;
      counter -= 1;
      const kept = array[counter];
      array[counter] = array[index];
      array[index] = kept as never;
    }
  };
}

/**
 * Runs `fn` (a build and fit, or a fit) as a seeded run of `seed`; reproducible also when other
 * seeded runs overlap it. `seed` undefined runs `fn` as is.
 */
export function withSeededFit<T>(seed: number | undefined, fn: () => Promise<T>): Promise<T> {
  if (seed !== undefined) hookShuffle();
  return withSeededRandom(seed, fn);
}
