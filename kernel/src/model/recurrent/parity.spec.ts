/**
 * Parity of the fused sequence op with tf.layers' own cells, stepped one timestep at a time: same
 * weights, inputs and dropout masks → outputs and gradients (inputs, kernel, recurrent kernel, bias)
 * equal within 1e-4 relative, for every cell, both directions, with and without masks, on both kernels.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { GRU } from '../layers';
import type { CellKind, SequenceSpec } from './cells';
import { loadNativeAddon } from '../native-addon';
import { recurrentSequence } from './sequence-op';
import { setRnnKernel } from './select';
import { STANDARD_RECURRENT } from './layers';
import { relativeError } from './spec-helpers';

const B = 3;
const T = 5;
const D = 4;
const H = 6;

function keepMask(shape: [number, number], rate: number, seed: number): tf.Tensor {
  return tf.tidy(() => tf.mul(tf.cast(tf.greater(tf.randomUniform(shape, 0, 1, 'float32', seed), rate), 'float32'), 1 / (1 - rate)));
}

interface StandardCell {
  call(inputs: tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor[];
  dropoutMask: tf.Tensor | tf.Tensor[] | null;
  recurrentDropoutMask: tf.Tensor | tf.Tensor[] | null;
}

/** A built standard layer of `kind` with random weights (bias included). */
function standardLayer(kind: CellKind, withMasks: boolean): tf.layers.Layer {
  const common = {
    units: H,
    recurrentActivation: 'sigmoid' as const,
    dropout: withMasks ? 0.3 : 0,
    recurrentDropout: withMasks ? 0.2 : 0,
    returnSequences: true,
  };
  const layer =
    kind === 'LSTM'
      ? new STANDARD_RECURRENT.LSTM(common)
      : kind === 'GRU'
        ? new GRU({ ...common, resetAfter: true })
        : new STANDARD_RECURRENT.SimpleRNN(common);
  layer.build([B, T, D]);
  layer.setWeights(layer.getWeights().map((w, i) => tf.randomNormal(w.shape, 0, 0.5, 'float32', 10 + i)));
  return layer;
}

/** tf.layers' cell stepped over the sequence: h [B, T, H] in processing order. */
function steppedReference(kind: CellKind, layer: tf.layers.Layer, x: tf.Tensor, goBackwards: boolean, masks: tf.Tensor[] | null): tf.Tensor {
  const cell = (layer as unknown as { cell: StandardCell }).cell;
  if (masks) {
    // tfjs' LSTM cell reads a list of per-gate masks (it uses the first); the others one tensor.
    cell.dropoutMask = kind === 'LSTM' ? [masks[0], masks[0], masks[0], masks[0]] : masks[0];
    cell.recurrentDropoutMask = kind === 'LSTM' ? [masks[1], masks[1], masks[1], masks[1]] : masks[1];
  }
  const steps = tf.unstack(goBackwards ? tf.reverse(x, 1) : x, 1);
  let state = kind === 'LSTM' ? [tf.zeros([B, H]), tf.zeros([B, H])] : [tf.zeros([B, H])];
  const outputs: tf.Tensor[] = [];
  for (const xt of steps) {
    const out = cell.call([xt, ...state], { training: true });
    state = out.slice(1);
    outputs.push(out[0]);
  }
  return tf.stack(outputs, 1);
}

const KINDS: CellKind[] = ['LSTM', 'GRU', 'SimpleRNN'];
const nativeAvailable = loadNativeAddon().addon !== null;
const requireNative = process.env.RNNLAB_REQUIRE_NATIVE === '1';

for (const kernel of ['tfjs', 'native'] as const) {
  const skip = kernel === 'native' && !nativeAvailable && !requireNative ? 'native kernel not built' : false;
  describe(`fused sequence op (${kernel} kernel) vs tf.layers cells`, { skip }, () => {
    before(async () => {
      await tf.setBackend('cpu');
      setRnnKernel(kernel);
    });
    after(() => {
      setRnnKernel('auto');
    });
    for (const kind of KINDS) {
      for (const goBackwards of [false, true]) {
        for (const withMasks of [false, true]) {
          it(`${kind}${goBackwards ? ' goBackwards' : ''}${withMasks ? ' with dropout masks' : ''}: outputs and gradients`, () => {
            tf.tidy(() => {
              const layer = standardLayer(kind, withMasks);
              const weights = (layer as unknown as { cell: { kernel: { read(): tf.Variable }; recurrentKernel: { read(): tf.Variable }; bias: { read(): tf.Variable } } }).cell;
              const [kernelVar, recurrentVar, biasVar] = [weights.kernel.read(), weights.recurrentKernel.read(), weights.bias.read()];
              const x = tf.variable(tf.randomNormal([B, T, D], 0, 1, 'float32', 3));
              const probe = tf.randomNormal([B, T, H], 0, 1, 'float32', 4);
              const masks = withMasks ? [keepMask([B, D], 0.3, 5), keepMask([B, H], 0.2, 6)] : null;

              const expectedH = steppedReference(kind, layer, x, goBackwards, masks);
              const expectedGrads = tf.variableGrads(
                () => tf.sum(tf.mul(steppedReference(kind, layer, x, goBackwards, masks), probe)) as tf.Scalar,
                [x, kernelVar, recurrentVar, biasVar],
              ).grads;

              const spec: SequenceSpec = {
                kind,
                batch: B,
                timesteps: T,
                features: D,
                units: H,
                goBackwards,
                activation: 'tanh',
                recurrentActivation: 'sigmoid',
              };
              const run = (xs: tf.Tensor, k: tf.Tensor, u: tf.Tensor, b: tf.Tensor) =>
                recurrentSequence(spec, {
                  x: xs,
                  kernel: k,
                  recurrentKernel: u,
                  bias: b,
                  inputMask: masks ? masks[0] : null,
                  recurrentMask: masks ? masks[1] : null,
                });
              const actualH = run(x, kernelVar, recurrentVar, biasVar);
              const actualGrads = tf.grads((xs, k, u, b) => tf.sum(tf.mul(run(xs, k, u, b), probe)))([x, kernelVar, recurrentVar, biasVar]);

              assert.ok(relativeError(actualH, expectedH) <= 1e-4, `outputs: ${relativeError(actualH, expectedH)}`);
              const names = ['x', 'kernel', 'recurrentKernel', 'bias'];
              [x, kernelVar, recurrentVar, biasVar].forEach((v, i) => {
                const err = relativeError(actualGrads[i], expectedGrads[v.name]);
                assert.ok(err <= 1e-4, `gradient of ${names[i]}: relative error ${err}`);
              });
              x.dispose();
            });
          });
        }
      }
    }
  });
}
