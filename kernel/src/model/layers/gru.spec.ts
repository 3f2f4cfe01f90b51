import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { gru } from './gru';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Keras 3's GRU step (reset_after=True) written out with plain numbers, gates z, r, h. */
function referenceGru(
  x: number[][],
  kernel: number[][],
  recurrent: number[][],
  bias: number[][],
  units: number,
): number[] {
  let h = new Array<number>(units).fill(0);
  for (const xt of x) {
    const gate = (g: number, j: number) => {
      const col = g * units + j;
      const fromX = xt.reduce((s, v, i) => s + v * kernel[i][col], 0) + bias[0][col];
      const fromH = h.reduce((s, v, i) => s + v * recurrent[i][col], 0) + bias[1][col];
      return [fromX, fromH];
    };
    h = h.map((hPrev, j) => {
      const [xz, hz] = gate(0, j);
      const [xr, hr] = gate(1, j);
      const [xh, hh] = gate(2, j);
      const z = sigmoid(xz + hz);
      const r = sigmoid(xr + hr);
      const candidate = Math.tanh(xh + r * hh);
      return z * hPrev + (1 - z) * candidate;
    });
  }
  return h;
}

function filled(rows: number, cols: number, offset: number): number[][] {
  return Array.from({ length: rows }, (_r, i) =>
    Array.from({ length: cols }, (_c, j) => Math.sin(offset + 1.7 * i + 0.3 * j) * 0.5),
  );
}

describe('GRU (Keras 3 reset_after form)', () => {
  it('computes the Keras 3 recurrence exactly', () => {
    const units = 3;
    const features = 2;
    const x = filled(4, features, 0.1);
    const kernel = filled(features, 3 * units, 1);
    const recurrent = filled(units, 3 * units, 2);
    const bias = filled(2, 3 * units, 3);
    const layer = gru({ units, inputShape: [4, features] });
    const model = tf.sequential({ layers: [layer] });
    layer.setWeights([tf.tensor2d(kernel), tf.tensor2d(recurrent), tf.tensor2d(bias)]);
    const out = Array.from((model.predict(tf.tensor3d([x])) as tf.Tensor).dataSync());
    const expected = referenceGru(x, kernel, recurrent, bias, units);
    out.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-5, `${v} vs ${expected[i]}`));
  });

  it('with resetAfter false equals tfjs’ own GRU for the same weights', () => {
    const input = tf.tensor3d([filled(5, 2, 0.4)]);
    const ours = tf.sequential({ layers: [gru({ units: 4, resetAfter: false, inputShape: [5, 2] })] });
    const theirs = tf.sequential({
      layers: [tf.layers.gru({ units: 4, recurrentActivation: 'sigmoid', inputShape: [5, 2] })],
    });
    assert.deepEqual(
      ours.getWeights().map((w) => w.shape),
      theirs.getWeights().map((w) => w.shape),
    );
    ours.setWeights(theirs.getWeights());
    const a = (ours.predict(input) as tf.Tensor).dataSync();
    const b = (theirs.predict(input) as tf.Tensor).dataSync();
    a.forEach((v, i) => assert.ok(Math.abs(v - b[i]) < 1e-6));
  });

  it('survives a save/load round trip as a standard tfjs model (same predictions)', async () => {
    const model = tf.sequential({ layers: [gru({ units: 3, inputShape: [4, 2], returnSequences: true })] });
    model.add(tf.layers.bidirectional({ layer: gru({ units: 2 }) as unknown as tf.RNN }));
    const input = tf.tensor3d([filled(4, 2, 0.7)]);
    const before = Array.from((model.predict(input) as tf.Tensor).dataSync());
    let artifacts: tf.io.ModelArtifacts | undefined;
    await model.save(tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    const topology = JSON.stringify(artifacts?.modelTopology);
    assert.match(topology, /"class_name":"GRU"/);
    assert.match(topology, /"reset_after":true/);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts as tf.io.ModelArtifacts));
    const after = Array.from((loaded.predict(input) as tf.Tensor).dataSync());
    assert.deepEqual(after, before);
  });

  it('drops recurrent state units in training only', () => {
    const layer = gru({ units: 8, recurrentDropout: 0.5, seed: 1, inputShape: [6, 2] });
    const model = tf.sequential({ layers: [layer] });
    const input = tf.tensor3d([filled(6, 2, 0.2)]);
    const inference1 = (model.predict(input) as tf.Tensor).dataSync();
    const inference2 = (model.predict(input) as tf.Tensor).dataSync();
    assert.deepEqual(inference1, inference2);
    const training = (layer.apply(input, { training: true }) as tf.Tensor).dataSync();
    assert.notDeepEqual(Array.from(training), Array.from(inference1));
  });
});
