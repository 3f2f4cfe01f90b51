/**
 * The fused layers are drop-in tf.layers: same weights (names, shapes, order), same outputs and
 * gradients in models (returnSequences on and off, Bidirectional), standard config and class names.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { gru } from '../layers';
import { FusedGRU, FusedLSTM, FusedSimpleRNN, STANDARD_RECURRENT, fusedGRU, fusedLSTM, fusedSimpleRNN, withStandardRecurrentClasses } from './layers';
import { relativeError } from './spec-helpers';
import { fastBidirectional } from './bidirectional';
import { loadNativeAddon } from '../native-addon';
import { setRnnKernel } from './select';

type Kind = 'LSTM' | 'GRU' | 'SimpleRNN';
interface LayerArgs {
  units: number;
  returnSequences: boolean;
  recurrentActivation?: 'sigmoid';
}

const FUSED: Record<Kind, (a: LayerArgs) => tf.layers.Layer> = {
  LSTM: (a) => fusedLSTM(a),
  GRU: (a) => fusedGRU(a),
  SimpleRNN: (a) => fusedSimpleRNN(a),
};
const STANDARD: Record<Kind, (a: LayerArgs) => tf.layers.Layer> = {
  LSTM: (a) => new STANDARD_RECURRENT.LSTM(a),
  GRU: (a) => gru(a),
  SimpleRNN: (a) => new STANDARD_RECURRENT.SimpleRNN(a),
};

/** Two stacked recurrent layers (optionally bidirectional) and a Dense head. */
function model(kind: Kind, make: Record<Kind, (a: LayerArgs) => tf.layers.Layer>, bidirectional: boolean, lastSequences: boolean): tf.Sequential {
  // The fused model wraps with rnnlab's Bidirectional (no sequence reversal), the other with tfjs'.
  const bidi = make === FUSED ? fastBidirectional : tf.layers.bidirectional;
  const wrap = (layer: tf.layers.Layer, first: boolean) =>
    bidirectional ? bidi({ layer: layer as never, mergeMode: 'concat', inputShape: first ? [7, 3] : undefined }) : layer;
  const m = tf.sequential();
  const first = make[kind]({ units: 5, returnSequences: true, recurrentActivation: 'sigmoid', ...(bidirectional ? {} : { inputShape: [7, 3] }) } as LayerArgs);
  m.add(wrap(first, true));
  m.add(wrap(make[kind]({ units: 4, returnSequences: lastSequences, recurrentActivation: 'sigmoid' }), false));
  m.add(tf.layers.dense({ units: 1 }));
  return m;
}

const kernels = loadNativeAddon().addon !== null || process.env.RNNLAB_REQUIRE_NATIVE === '1' ? (['tfjs', 'native'] as const) : (['tfjs'] as const);

describe('fused layers in models', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });
  after(() => {
    setRnnKernel('auto');
  });
  for (const kernel of kernels) {
    for (const kind of ['LSTM', 'GRU', 'SimpleRNN'] as const) {
      for (const bidirectional of [false, true]) {
        for (const lastSequences of [false, true]) {
          it(`${kernel} kernel: ${bidirectional ? 'bidirectional ' : ''}${kind}, returnSequences ${lastSequences}: same outputs and weight gradients as tf.layers`, () => {
            setRnnKernel(kernel);
            const fused = model(kind, FUSED, bidirectional, lastSequences);
            const standard = withStandardRecurrentClasses(() => model(kind, STANDARD, bidirectional, lastSequences));
            standard.setWeights(fused.getWeights());
            assert.deepEqual(
              fused.weights.map((w) => w.shape),
              standard.weights.map((w) => w.shape),
            );
            const x = tf.randomNormal([4, 7, 3], 0, 1, 'float32', 1);
            const y = tf.randomNormal(lastSequences ? [4, 7, 1] : [4, 1], 0, 1, 'float32', 2);
            const loss = (m: tf.Sequential) => () => tf.losses.meanSquaredError(y, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
            const a = tf.variableGrads(loss(fused), fused.trainableWeights.map((w) => w.read() as tf.Variable));
            const b = tf.variableGrads(loss(standard), standard.trainableWeights.map((w) => w.read() as tf.Variable));
            assert.ok(relativeError(a.value, b.value) <= 1e-4, `loss ${a.value.dataSync()[0]} vs ${b.value.dataSync()[0]}`);
            fused.trainableWeights.forEach((w, i) => {
              const err = relativeError(a.grads[(w.read() as tf.Variable).name], b.grads[(standard.trainableWeights[i].read() as tf.Variable).name]);
              assert.ok(err <= 1e-4, `gradient of ${w.name}: relative error ${err}`);
            });
            // The layers really differ in class: the fused model uses the fused op, the other tfjs' cells.
            const recurrent = (m: tf.Sequential) => {
              const layer = m.layers[0] as tf.layers.Layer & { forwardLayer?: tf.layers.Layer; backwardLayer?: tf.layers.Layer };
              return bidirectional ? [layer.forwardLayer, layer.backwardLayer] : [layer];
            };
            const fusedClass = { LSTM: FusedLSTM, GRU: FusedGRU, SimpleRNN: FusedSimpleRNN }[kind];
            for (const layer of recurrent(fused)) assert.ok(layer instanceof fusedClass);
            for (const layer of recurrent(standard)) assert.ok(!(layer instanceof fusedClass));
          });
        }
      }
    }
  }

  it('keeps the standard class names, configs and weight names, so saved models load anywhere', async () => {
    const fused = model('LSTM', FUSED, true, false);
    const standard = withStandardRecurrentClasses(() => model('LSTM', STANDARD, true, false));
    const strip = (m: tf.Sequential) => JSON.parse(JSON.stringify(m.toJSON(null, false)).replace(/"name":"[A-Za-z_0-9]+"/g, '"name":"_"'));
    assert.deepEqual(strip(fused), strip(standard));
    const names = (m: tf.Sequential) => m.weights.map((w) => w.name.replace(/\d+/g, ''));
    assert.deepEqual(names(fused), names(standard));
    // Loading a standard tfjs model file in an rnnlab process gives fused layers.
    let saved: tf.io.ModelArtifacts | undefined;
    await standard.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved as tf.io.ModelArtifacts));
    const layer = loaded.layers[0] as tf.layers.Layer & { forwardLayer: tf.layers.Layer; backwardLayer: tf.layers.Layer };
    assert.ok(layer.forwardLayer instanceof FusedLSTM && layer.backwardLayer instanceof FusedLSTM);
    const x = tf.randomNormal([2, 7, 3], 0, 1, 'float32', 3);
    assert.ok(relativeError(loaded.predict(x) as tf.Tensor, standard.predict(x) as tf.Tensor) <= 1e-5);
  });

  it('falls back to the step-by-step code for what the fused op does not cover (returnState)', () => {
    const layer = fusedLSTM({ units: 3, returnState: true } as LayerArgs & { returnState: boolean });
    const out = layer.apply(tf.ones([2, 4, 3])) as tf.Tensor[];
    assert.equal(out.length, 3);
    assert.deepEqual(out[0].shape, [2, 3]);
  });
});

describe("rnnlab's Bidirectional around fused layers", () => {
  before(async () => {
    await tf.setBackend('cpu');
  });
  for (const mergeMode of ['concat', 'sum', 'ave', 'mul'] as const) {
    it(`merge mode '${mergeMode}': same outputs and weight gradients as tfjs' Bidirectional around tf.layers`, () => {
      const make = (fast: boolean) => {
        const m = tf.sequential();
        const inner = fast
          ? fusedLSTM({ units: 4, returnSequences: true, recurrentActivation: 'sigmoid' })
          : new STANDARD_RECURRENT.LSTM({ units: 4, returnSequences: true, recurrentActivation: 'sigmoid' });
        const args = { layer: inner as never, mergeMode, inputShape: [5, 3] };
        m.add(fast ? fastBidirectional(args) : withStandardRecurrentClasses(() => tf.layers.bidirectional(args)));
        m.add(tf.layers.dense({ units: 1 }));
        return m;
      };
      const fast = make(true);
      const standard = make(false);
      standard.setWeights(fast.getWeights());
      // The fast path really runs: the backward layer is fused and hands over its sequence in input order
      // (alone, or on the native kernel as half of one op with the forward layer).
      const backward = (fast.layers[0] as unknown as { backwardLayer: FusedLSTM }).backwardLayer;
      assert.ok(backward instanceof FusedLSTM);
      let inputOrderCalls = 0;
      const original = backward.callInInputOrder.bind(backward);
      backward.callInInputOrder = (inputs, kwargs) => {
        inputOrderCalls += 1;
        return original(inputs, kwargs);
      };
      const originalSequence = backward.fusedSequence.bind(backward);
      backward.fusedSequence = (inputs, kwargs, inputOrder) => {
        if (inputOrder) inputOrderCalls += 1;
        return originalSequence(inputs, kwargs, inputOrder);
      };
      const x = tf.randomNormal([3, 5, 3], 0, 1, 'float32', 8);
      const y = tf.randomNormal([3, 5, 1], 0, 1, 'float32', 9);
      const loss = (m: tf.Sequential) => () => tf.losses.meanSquaredError(y, m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
      const a = tf.variableGrads(loss(fast), fast.trainableWeights.map((w) => w.read() as tf.Variable));
      const b = tf.variableGrads(loss(standard), standard.trainableWeights.map((w) => w.read() as tf.Variable));
      assert.ok(relativeError(a.value, b.value) <= 1e-4);
      assert.ok(inputOrderCalls > 0, 'the fused backward layer was asked for input order');
      fast.trainableWeights.forEach((w, i) => {
        const err = relativeError(a.grads[(w.read() as tf.Variable).name], b.grads[(standard.trainableWeights[i].read() as tf.Variable).name]);
        assert.ok(err <= 1e-4, `gradient of ${w.name}: relative error ${err}`);
      });
    });
  }
});

describe('Bidirectional around a goBackwards layer', () => {
  it("keeps tfjs' output (the backward copy then goes forwards, and the wrapper reverses it)", async () => {
    await tf.setBackend('cpu');
    const build = (fast: boolean) => {
      const inner = fast
        ? fusedLSTM({ units: 3, returnSequences: true, goBackwards: true, recurrentActivation: 'sigmoid' } as never)
        : new STANDARD_RECURRENT.LSTM({ units: 3, returnSequences: true, goBackwards: true, recurrentActivation: 'sigmoid' });
      const args = { layer: inner as never, inputShape: [4, 2] };
      const m = tf.sequential();
      m.add(fast ? fastBidirectional(args) : withStandardRecurrentClasses(() => tf.layers.bidirectional(args)));
      return m;
    };
    const fast = build(true);
    const standard = build(false);
    standard.setWeights(fast.getWeights());
    const x = tf.randomNormal([2, 4, 2], 0, 1, 'float32', 5);
    assert.ok(relativeError(fast.predict(x) as tf.Tensor, standard.predict(x) as tf.Tensor) <= 1e-5);
  });
});

