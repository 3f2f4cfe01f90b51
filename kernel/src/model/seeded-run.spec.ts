import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ready } from '../backend';
import { buildRnnProgressive } from './builder';
import { compileRnn } from './compile';
import { withSeededFit } from './seeded-run';

/** Builds (seeded by the run) and fits with shuffling and dropout; returns the final weights. */
async function seededBuildAndFit(seed: number): Promise<number[]> {
  return withSeededFit(seed, async () => {
    const model = compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: 3, numLayers: 1, dropoutRate: 0.5 }), { learningRate: 0.05 });
    const x = tf.tensor3d(Array.from({ length: 16 * 8 }, (_v, i) => Math.sin(i)), [16, 4, 2]);
    const y = tf.tensor2d(Array.from({ length: 16 }, (_v, i) => i % 2), [16, 1]);
    await model.fit(x, y, { epochs: 2, batchSize: 4, shuffle: true, verbose: 0 });
    const weights = model.getWeights().flatMap((w) => Array.from(w.dataSync()));
    x.dispose();
    y.dispose();
    model.dispose();
    return weights;
  });
}

describe('seeded runs', () => {
  before(async () => {
    await ready();
  });

  it('repeat exactly, alone or overlapping other seeded runs, and never replace Math.random', async () => {
    const random = Math.random;
    const alone = await seededBuildAndFit(1);
    const other = await seededBuildAndFit(2);
    assert.deepEqual(await seededBuildAndFit(1), alone);
    assert.notDeepEqual(other, alone);
    const overlapping = await Promise.all([seededBuildAndFit(1), seededBuildAndFit(2), seededBuildAndFit(1)]);
    assert.deepEqual(overlapping, [alone, other, alone]);
    assert.equal(Math.random, random);
  });

  it('leave code outside them on tfjs’ own shuffle and Math.random', async () => {
    const shuffled = Array.from({ length: 1000 }, (_v, i) => i);
    const random = Math.random;
    let draws = 0;
    Math.random = () => {
      draws += 1;
      return random();
    };
    try {
      await withSeededFit(3, async () => undefined);
      tf.util.shuffle(shuffled);
    } finally {
      Math.random = random;
    }
    assert.equal(draws, 1000);
  });
});
