import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ready } from '../backend';
import { buildRnnProgressive, hiddenUnits } from './builder';
import type { RnnProgressiveOptions } from './options';
import { FusedGRU, FusedLSTM, FusedSimpleRNN } from './recurrent';

const FUSED_CLASSES = [FusedLSTM, FusedGRU, FusedSimpleRNN];
import reference from './fixtures/keras-builder-reference.json';

/** The Python arguments of tools/reference/keras_builder_reference.py, as rnnlab options. */
function toOptions(args: Record<string, unknown>): RnnProgressiveOptions {
  const o: RnnProgressiveOptions = { inputShape: args.input_shape as [number, number] };
  if (args.initial_units !== undefined) o.initialUnits = args.initial_units as number;
  if (args.num_layers !== undefined) o.numLayers = args.num_layers as number;
  if (args.cell_type !== undefined) o.cellType = args.cell_type as RnnProgressiveOptions['cellType'];
  if (args.bidirectional !== undefined) o.bidirectional = args.bidirectional as boolean;
  if (args.merge_mode !== undefined) o.mergeMode = args.merge_mode as RnnProgressiveOptions['mergeMode'];
  if (args.output_units !== undefined) o.outputUnits = args.output_units as number;
  if (args.output_activation !== undefined) {
    o.outputActivation = args.output_activation as RnnProgressiveOptions['outputActivation'];
  }
  if (args.units_list !== undefined) o.hiddenSizing = args.units_list as number[];
  return o;
}

/** tfjs class names of the layers Keras lists as LSTM, GRU, SimpleRNN, Bidirectional, Dropout, Dense. */
const KERAS_CLASS: Record<string, string> = {
  LSTM: 'LSTM',
  GRU: 'GRU',
  SimpleRNN: 'SimpleRNN',
  Bidirectional: 'Bidirectional',
  Dropout: 'Dropout',
  Dense: 'Dense',
};

describe('buildRnnProgressive matches Keras 3', () => {
  before(async () => {
    await ready();
  });

  it('gives the seed defaults 133,025 parameters (LSTM 128-64-32 on 100 x 10)', () => {
    const model = buildRnnProgressive({ inputShape: [100, 10] });
    assert.equal(model.countParams(), 133025);
    assert.deepEqual(hiddenUnits({ inputShape: [100, 10] }), [128, 64, 32]);
  });

  for (const [name, config] of Object.entries(reference.configs)) {
    it(`${name}: layer list, output shapes and parameter counts equal Keras ${reference.keras_version}`, () => {
      const model = buildRnnProgressive(toOptions(config.args as Record<string, unknown>));
      assert.equal(model.countParams(), config.total);
      assert.deepEqual(hiddenUnits(toOptions(config.args as Record<string, unknown>)), config.units);
      const actual = model.layers.map((layer) => ({
        class: layer.getClassName(),
        outputShape: (layer.outputShape as (number | null)[]).slice(1),
        params: layer.countParams(),
      }));
      const expected = config.layers.map((l) => ({ ...l, class: KERAS_CLASS[l.class] }));
      assert.deepEqual(actual, expected);
    });
  }

  it('lays out GRU weights as Keras 3 (reset_after=True): bias of shape [2, 3·units]', () => {
    const model = buildRnnProgressive({ inputShape: [100, 10], cellType: 'GRU' });
    const shapes = model.layers[0].getWeights().map((w) => w.shape);
    assert.deepEqual(shapes, reference.configs.seed_gru.weightShapes?.weights.map((w) => w.shape));
  });

  it('lays out Bidirectional LSTM weights as Keras (forward kernel, recurrent, bias, then backward)', () => {
    const model = buildRnnProgressive({ inputShape: [100, 10], bidirectional: true });
    const shapes = model.layers[0].getWeights().map((w) => w.shape);
    assert.deepEqual(shapes, reference.configs.bilstm_concat.weightShapes?.weights.map((w) => w.shape));
  });
});

describe('buildRnnProgressive options', () => {
  it('sizes layers progressively with a floor, fixed, or from an explicit list', () => {
    assert.deepEqual(hiddenUnits({ inputShape: [5, 1], initialUnits: 4, numLayers: 4 }), [4, 2, 1, 1]);
    assert.deepEqual(hiddenUnits({ inputShape: [5, 1], initialUnits: 100, numLayers: 4, minUnits: 16 }), [
      100, 50, 25, 16,
    ]);
    assert.deepEqual(hiddenUnits({ inputShape: [5, 1], initialUnits: 24, numLayers: 3, hiddenSizing: 'fixed' }), [
      24, 24, 24,
    ]);
    assert.deepEqual(hiddenUnits({ inputShape: [5, 1], hiddenSizing: [7, 9] }), [7, 9]);
  });

  it('puts a Dropout with the given rate after every recurrent layer and returns sequences on all but the last', () => {
    const model = buildRnnProgressive({ inputShape: [6, 2], initialUnits: 8, numLayers: 3, dropoutRate: 0.25 });
    const names = model.layers.map((l) => l.getClassName());
    assert.deepEqual(names, ['LSTM', 'Dropout', 'LSTM', 'Dropout', 'LSTM', 'Dropout', 'Dense']);
    const rates = model.layers.filter((l) => l.getClassName() === 'Dropout').map((l) => l.getConfig().rate);
    assert.deepEqual(rates, [0.25, 0.25, 0.25]);
    const returns = model.layers.filter((l) => l.getClassName() === 'LSTM').map((l) => l.getConfig().returnSequences);
    assert.deepEqual(returns, [true, true, false]);
  });

  it('passes recurrentDropout, name and the output head through', () => {
    const model = buildRnnProgressive({
      inputShape: [6, 2],
      initialUnits: 8,
      numLayers: 2,
      cellType: 'GRU',
      recurrentDropout: 0.1,
      outputUnits: 3,
      outputActivation: 'softmax',
      name: 'my_rnn',
    });
    assert.equal(model.name, 'my_rnn');
    assert.equal(model.layers[0].getConfig().recurrentDropout, 0.1);
    const dense = model.layers[model.layers.length - 1].getConfig();
    assert.equal(dense.units, 3);
    assert.equal(dense.activation, 'softmax');
  });

  it("uses rnnlab's fused layers by default and tf.layers with rnnImplementation 'layers' (same weights, same outputs)", () => {
    for (const cellType of ['LSTM', 'GRU', 'RNN'] as const) {
      for (const bidirectional of [false, true]) {
        const options = { inputShape: [6, 3], initialUnits: 8, numLayers: 2, cellType, bidirectional, seed: 7 } as const;
        const fused = buildRnnProgressive(options);
        const standard = buildRnnProgressive({ ...options, rnnImplementation: 'layers' });
        const recurrent = (m: tf.Sequential) =>
          m.layers
            .filter((l) => l.getClassName() !== 'Dropout' && l.getClassName() !== 'Dense')
            .flatMap((l) => (bidirectional ? [(l as unknown as { forwardLayer: object }).forwardLayer, (l as unknown as { backwardLayer: object }).backwardLayer] : [l]));
        assert.ok(recurrent(fused).every((l) => FUSED_CLASSES.some((c) => l instanceof c)), `${cellType}: fused by default`);
        assert.ok(recurrent(standard).every((l) => !FUSED_CLASSES.some((c) => l instanceof c)), `${cellType}: standard with 'layers'`);
        assert.equal(fused.countParams(), standard.countParams());
        const x = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 1);
        const a = (fused.predict(x) as tf.Tensor).dataSync();
        const b = (standard.predict(x) as tf.Tensor).dataSync();
        a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-5, `${cellType}${bidirectional ? ' bidirectional' : ''}: ${v} vs ${b[i]}`));
      }
    }
    assert.throws(() => buildRnnProgressive({ inputShape: [6, 3], rnnImplementation: 'cudnn' as never }), /rnnImplementation.*'fused'.*'layers'/s);
  });

  it('gives identical weights for the same seed and different ones for another seed', () => {
    const weights = (seed: number) =>
      buildRnnProgressive({ inputShape: [6, 2], initialUnits: 8, numLayers: 2, cellType: 'GRU', seed })
        .getWeights()
        .map((w) => Array.from(w.dataSync()));
    assert.deepEqual(weights(7), weights(7));
    assert.notDeepEqual(weights(7), weights(8));
  });

  it('uses Keras 3 cell defaults: sigmoid recurrent activation and a unit forget bias for LSTM', () => {
    const model = buildRnnProgressive({ inputShape: [6, 2], initialUnits: 4, numLayers: 1 });
    const config = model.layers[0].getConfig();
    assert.equal(config.recurrentActivation, 'sigmoid');
    assert.equal(config.unitForgetBias, true);
    const bias = Array.from(model.layers[0].getWeights()[2].dataSync());
    // Gate order i, f, c, o: the forget gate's 4 biases start at 1, the rest at 0.
    assert.deepEqual(bias, [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('learns a simple sequence task (loss falls, accuracy well above chance)', async () => {
    await ready();
    // Label: is the sum of the first feature over the sequence positive?
    const n = 256;
    const x = tf.randomNormal([n, 8, 2], 0, 1, 'float32', 11);
    const y = tf.tidy(() => x.slice([0, 0, 0], [n, 8, 1]).sum([1, 2]).greater(0).cast('float32').reshape([n, 1]));
    const model = buildRnnProgressive({
      inputShape: [8, 2],
      initialUnits: 16,
      numLayers: 2,
      cellType: 'GRU',
      dropoutRate: 0,
      seed: 3,
    });
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(x, y, { epochs: 15, batchSize: 32, verbose: 0, shuffle: false });
    const loss = history.history.loss as number[];
    const acc = history.history.acc as number[];
    assert.ok(loss[loss.length - 1] < 0.6 * loss[0], `loss ${loss[0]} -> ${loss[loss.length - 1]}`);
    assert.ok(acc[acc.length - 1] > 0.85, `final accuracy ${acc[acc.length - 1]}`);
  });
});
