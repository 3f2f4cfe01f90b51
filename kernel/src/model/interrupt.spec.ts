import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ready } from '../backend';
import { buildRnnProgressive } from './builder';
import { compileRnn } from './compile';
import { registerInterruptibleFits } from './interrupt';

describe('fits are cooperative', () => {
  before(async () => {
    await ready();
    registerInterruptibleFits();
  });

  it('lets timers run while a fit without callbacks trains', async () => {
    const model = compileRnn(buildRnnProgressive({ inputShape: [8, 2], initialUnits: 8, numLayers: 1, seed: 1 }));
    const x = tf.randomNormal([256, 8, 2], 0, 1, 'float32', 1);
    const y = tf.randomUniform([256, 1], 0, 1, 'float32', 2).round();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    await model.fit(x, y, { epochs: 4, batchSize: 8, verbose: 0 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    // Without yielding, no timer fires until the fit ends.
    assert.ok(seconds < 0.3 || ticks >= 3, `${ticks} timer ticks during a ${seconds.toFixed(2)} s fit`);
  });
});
