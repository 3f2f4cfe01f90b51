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
