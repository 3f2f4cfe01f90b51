import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { createStudy } from './create';
import type { Pruner } from './pruners';
import { pruningCallback } from './pruning-callback';
import { RandomSampler } from './samplers';

/** Prunes any trial once it has reported step 2. */
const pruneAtStep2: Pruner = { prune: (_s, t) => t.intermediateValues.has(2) };

describe('pruningCallback', () => {
  it('reports each epoch and stops the fit when the pruner says so', async () => {
    await tf.setBackend('cpu');
    const study = await createStudy({ sampler: new RandomSampler({ seed: 0 }), pruner: pruneAtStep2 });
    const x = tf.randomNormal([16, 3], 0, 1, 'float32', 1);
    const y = tf.randomNormal([16, 1], 0, 1, 'float32', 2);
    let epochsRun = 0;
    await study.optimize(async (trial) => {
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
      model.compile({ optimizer: tf.train.sgd(trial.suggestFloat('lr', 1e-3, 1e-1, { log: true })), loss: 'meanSquaredError' });
      const pruning = pruningCallback(trial, { monitor: 'val_loss' });
      try {
        const history = await model.fit(x, y, { epochs: 10, validationSplit: 0.25, verbose: 0, callbacks: [pruning] });
        return history.history.val_loss[history.history.val_loss.length - 1] as number;
      } finally {
        epochsRun = pruning.prunedAtEpoch === null ? 10 : pruning.prunedAtEpoch + 1;
        await model.fit(x, y, { epochs: 1, verbose: 0 }); // the model is not stuck in a fit
      }
    }, { nTrials: 1, show: false });
    const [trial] = study.trials;
    assert.equal(trial.state, 'PRUNED');
    assert.deepEqual([...trial.intermediateValues.keys()], [0, 1, 2]);
    assert.equal(epochsRun, 3);
    x.dispose();
    y.dispose();
  });

  it("monitors Keras 3's val_accuracy, which tfjs logs as val_acc", async () => {
    const reported: [number, number][] = [];
    const trial = { number: 0, report: (value: number, step: number) => reported.push([step, value]), shouldPrune: () => false } as never;
    const pruning = pruningCallback(trial, { monitor: 'val_accuracy' });
    await pruning.onEpochEnd(0, { val_acc: 0.75, acc: 0.5 });
    assert.deepEqual(reported, [[0, 0.75]]);
    await assert.rejects(pruningCallback(trial, { monitor: 'val_auc' }).onEpochEnd(0, { val_acc: 0.75 }), /val_accuracy/);
  });

  it('rejects unknown options', () => {
    assert.throws(() => pruningCallback({} as never, { monitor: 'val_loss', mode: 'min' } as never), InvalidArgumentError);
  });
});
