/** Seeded randomness: numpy's legacy RandomState (MT19937) and seeded runs of tfjs code. */
export { checkRandomState, RandomState } from './random-state';
export { random, randomSeed, runSeed, seededRunning, withSeededRandom } from './seeded-random';
