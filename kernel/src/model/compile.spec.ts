import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ready } from '../backend';
import { InvalidArgumentError } from '../errors';
import { buildRnnProgressive } from './builder';
import { compileRnn, headOf } from './compile';

const tiny = (extra: object = {}) =>
  buildRnnProgressive({ inputShape: [4, 2], initialUnits: 4, numLayers: 1, ...extra });

describe('compileRnn', () => {
  before(async () => {
    await ready();
  });

  it('chooses the loss and metrics from the head', () => {
    const binary = compileRnn(tiny());
    assert.equal(binary.loss, 'binaryCrossentropy');
    assert.deepEqual(binary.metricsNames, ['loss', 'acc']);
    const multi = compileRnn(tiny({ outputUnits: 3, outputActivation: 'softmax' }));
    assert.equal(multi.loss, 'categoricalCrossentropy');
    const regression = compileRnn(tiny({ outputActivation: 'linear' }));
    assert.equal(regression.loss, 'meanSquaredError');
    assert.deepEqual(regression.metricsNames, ['loss', 'mse']);
    assert.equal(headOf(regression).task, 'regression');
  });

  it('uses Adam with learning rate 0.001 by default and honours named optimizers', () => {
    const adam = compileRnn(tiny());
    assert.equal(adam.optimizer.getClassName(), 'Adam');
    assert.equal(adam.optimizer.getConfig().learningRate, 0.001);
    const rms = compileRnn(tiny(), { optimizer: 'rmsprop', learningRate: 0.01 });
    assert.equal(rms.optimizer.getClassName(), 'RMSProp');
    assert.equal(rms.optimizer.getConfig().learningRate, 0.01);
    const sgd = compileRnn(tiny(), { optimizer: tf.train.sgd(0.5) });
    assert.equal(sgd.optimizer.getConfig().learningRate, 0.5);
  });

  it("accepts Keras' snake_case names as the seed writes them", () => {
    const model = compileRnn(tiny(), { loss: 'binary_crossentropy', metrics: ['accuracy'] });
    assert.equal(model.loss, 'binaryCrossentropy');
  });

  const BAD: [string, object, string][] = [
    ['unknown optimizer', { optimizer: 'adamw' }, 'optimizer'],
    ['zero learning rate', { learningRate: 0 }, 'learningRate'],
    ['negative learning rate', { learningRate: -1 }, 'learningRate'],
    ['learning rate with an optimizer object', { optimizer: tf.train.adam(0.1), learningRate: 0.1 }, 'learningRate'],
    ['unknown loss', { loss: 'crossEntropy' }, 'loss'],
    ['unknown metric', { metrics: ['auc2'] }, 'metrics[0]'],
    ['metrics not an array', { metrics: 'accuracy' }, 'metrics'],
    ['unknown option', { lr: 0.1 }, 'compileRnn.lr'],
  ];
  for (const [what, options, argument] of BAD) {
    it(`rejects ${what}`, () => {
      assert.throws(
        () => compileRnn(tiny(), options),
        (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument,
      );
    });
  }
});

describe('memory of compiled models', () => {
  before(async () => {
    await ready();
  });

  const x = () => tf.ones([4, 4, 2]);
  const y = () => tf.tensor2d([[0], [1], [0], [1]]);

  for (const cellType of ['LSTM', 'GRU', 'RNN'] as const) {
    for (const rnnImplementation of ['fused', 'layers'] as const) {
      it(`frees every tensor of a built, compiled and trained ${cellType} (${rnnImplementation}) on dispose`, async () => {
        const xs = x();
        const ys = y();
        const baseline = tf.memory().numTensors;
        const model = buildRnnProgressive({
          inputShape: [4, 2],
          initialUnits: 4,
          numLayers: 2,
          cellType,
          rnnImplementation,
          bidirectional: cellType === 'LSTM',
        });
        // After building, only the weights exist: no initialiser leaves tensors behind.
        assert.equal(tf.memory().numTensors - baseline, model.weights.length);
        compileRnn(model);
        await model.fit(xs, ys, { epochs: 1, batchSize: 2, verbose: 0 });
        model.dispose();
        assert.equal(tf.memory().numTensors, baseline);
        tf.dispose([xs, ys]);
      });
    }
  }

  it('frees the optimizer it made when the model is compiled again, and never one the user passed', async () => {
    const xs = x();
    const ys = y();
    const model = compileRnn(tiny());
    await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    const withAdamState = tf.memory().numTensors;
    compileRnn(model, { optimizer: 'sgd' });
    assert.ok(tf.memory().numTensors < withAdamState, 'the replaced Adam state was not freed');
    const mine = tf.train.adam(0.01);
    compileRnn(model, { optimizer: mine });
    await model.fit(xs, ys, { epochs: 1, verbose: 0 });
    const baseline = tf.memory().numTensors;
    model.dispose();
    // The user's optimizer keeps its state (they may reuse it); only the weights went.
    assert.ok(mine.getWeights !== undefined);
    const userState = (await mine.getWeights()).length;
    assert.ok(userState > 0);
    assert.ok(tf.memory().numTensors < baseline);
    mine.dispose();
    tf.dispose([xs, ys]);
  });
});
