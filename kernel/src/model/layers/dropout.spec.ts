import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { FastDropout, fastDropout, keepMask, STANDARD_DROPOUT } from './dropout';

describe('FastDropout (Keras Dropout with a fast mask)', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });

  it('keeps each value with probability 1 − rate and scales survivors by 1 / (1 − rate)', () => {
    const n = 200_000;
    for (const rate of [0.1, 0.3, 0.5, 0.9]) {
      const mask = keepMask(n, rate, 12345);
      const scale = 1 / (1 - rate);
      let kept = 0;
      for (const v of mask) {
        assert.ok(v === 0 || v === Math.fround(scale), `mask value ${v}`);
        if (v !== 0) kept += 1;
      }
      // 5 standard deviations of a binomial count.
      const sd = Math.sqrt(n * rate * (1 - rate));
      assert.ok(Math.abs(kept - n * (1 - rate)) < 5 * sd, `rate ${rate}: kept ${kept} of ${n}`);
    }
  });

  it('gives the same mask for the same seed and different ones for other seeds', () => {
    assert.deepEqual(keepMask(1000, 0.3, 7), keepMask(1000, 0.3, 7));
    assert.deepEqual(keepMask(1000, 0.3, 7, new Float32Array(1000).fill(5)), keepMask(1000, 0.3, 7), 'a reused array is overwritten');
    assert.notDeepEqual(keepMask(1000, 0.3, 7), keepMask(1000, 0.3, 8));
  });

  it('is the identity outside training and multiplies by the mask in training (gradient = mask)', () => {
    const layer = fastDropout({ rate: 0.4, seed: 3 });
    const x = tf.randomNormal([8, 5, 6], 0, 1, 'float32', 1);
    assert.deepEqual((layer.apply(x) as tf.Tensor).arraySync(), x.arraySync());
    const y = layer.apply(x, { training: true }) as tf.Tensor;
    const ratio = tf.div(y, x).dataSync();
    for (const r of ratio) assert.ok(Math.abs(r) < 1e-6 || Math.abs(r - 1 / 0.6) < 1e-5, `ratio ${r}`);
    const grad = tf.grad((a: tf.Tensor) => tf.sum(layer.apply(a, { training: true }) as tf.Tensor))(x).dataSync();
    for (const g of grad) assert.ok(g === 0 || Math.abs(g - 1 / 0.6) < 1e-5, `gradient ${g}`);
  });

  it("back-propagates dy · mask, tfjs mul's gradient value for value, and leaves no tensors behind", () => {
    const x = tf.randomNormal([4, 7, 9], 0, 1, 'float32', 2);
    const w = tf.randomNormal([4, 7, 9], 0, 1, 'float32', 3);
    // Two layers with one seed draw the same masks in the same order: the first shows the mask.
    const mask = fastDropout({ rate: 0.3, seed: 9 }).apply(tf.onesLike(x), { training: true }) as tf.Tensor;
    const layer = fastDropout({ rate: 0.3, seed: 9 });
    const before = tf.memory().numTensors;
    const grad = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(layer.apply(a, { training: true }) as tf.Tensor, w)))(x);
    assert.equal(tf.memory().numTensors, before + 1, 'only the gradient is left');
    assert.deepEqual(Array.from(grad.dataSync()), Array.from(tf.mul(w, mask).dataSync()));
  });

  it('draws a new mask every call; with a seed the sequence of masks repeats (Keras 3 SeedGenerator)', () => {
    const x = tf.ones([4, 50]);
    const masks = (layer: tf.layers.Layer) => [0, 1, 2].map(() => (layer.apply(x, { training: true }) as tf.Tensor).arraySync());
    const a = masks(fastDropout({ rate: 0.5, seed: 11 }));
    const b = masks(fastDropout({ rate: 0.5, seed: 11 }));
    assert.deepEqual(a, b);
    assert.notDeepEqual(a[0], a[1]);
  });

  it("keeps tfjs' class name and config, and is what a loaded 'Dropout' becomes", () => {
    const fast = fastDropout({ rate: 0.25, seed: 5, name: 'd' });
    const standard = new STANDARD_DROPOUT({ rate: 0.25, seed: 5, name: 'd' });
    assert.equal(fast.getClassName(), 'Dropout');
    assert.deepEqual(fast.getConfig(), standard.getConfig());
    const restored = tf.layers.dropout({ rate: 0.25 });
    const copy = tf.serialization.SerializationMap.getMap().classNameMap['Dropout'][0];
    assert.equal(copy, FastDropout);
    assert.ok(!(restored instanceof FastDropout), 'tf.layers.dropout itself is unchanged');
  });
});

describe('keepMask: native and JS give the same masks', () => {
  it('matches the JS generator value for value (or the addon is not built)', async (t) => {
    const { loadNativeAddon } = await import('../native-addon');
    const addon = loadNativeAddon().addon;
    if (addon === null) {
      if (process.env.RNNLAB_REQUIRE_NATIVE === '1') assert.fail('native addon required but not built');
      t.skip('native addon not built');
      return;
    }
    const native = keepMask(10_001, 0.3, 0xdeadbeef);
    // The JS generator, written out here as the reference.
    const js = new Float32Array(10_001);
    const threshold = Math.floor(0.7 * 4294967296);
    for (let i = 0; i < js.length; i += 1) {
      let z = 0xdeadbeef ^ Math.imul(i, 0x9e3779b9);
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      z ^= z >>> 16;
      if (z >>> 0 < threshold) js[i] = 1 / 0.7;
    }
    assert.deepEqual(native, js);
  });
});
