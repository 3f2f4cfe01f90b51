/**
 * Keras `Dropout` with a fast mask generator.
 *
 * tfjs' Dropout draws its mask with `tf.randomUniform` (a JS PRNG, ~25 ns a number) and four more
 * ops: about 15 ms for the seed's first Dropout ([32, 100, 128]) per batch on wasm — as long as the
 * fused recurrent layer itself. This one draws a Bernoulli keep-mask directly into a Float32Array
 * (a counter hash: in the native addon when built, else in JS) and multiplies once. Same semantics as Keras: zeros with
 * probability `rate`, survivors scaled by 1 / (1 − rate), identity outside training.
 * Porting note: with a `seed`, tfjs repeats the same mask every batch; this layer (like Keras 3's
 * SeedGenerator) draws a new mask each call from a stream that the seed makes repeatable.
 * Registered under the standard class name 'Dropout', so configs and saved models are unchanged.
 */
import * as tf from '@tensorflow/tfjs';
import type { Dropout, DropoutLayerArgs } from '@tensorflow/tfjs-layers/dist/layers/core';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import { randomSeed } from '../../random';
import { BufferPool } from '../buffer-pool';
import { loadNativeAddon } from '../native-addon';
import { RNNLAB_SUBCLASS, standardClass } from './registry';

/** A 32-bit seed mixed from two numbers (splitmix32 finaliser). */
function mixSeed(a: number, b: number): number {
  let z = (Math.imul(a >>> 0, 0x9e3779b9) + Math.imul(b >>> 0, 0x85ebca6b) + 0x6d2b79f5) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  z ^= z >>> 16;
  return z >>> 0 || 0x9e3779b9;
}

/**
 * A Keras dropout mask of `size` values: 0 with probability `rate`, else 1 / (1 − rate).
 * @param seed - 32-bit seed; the same seed gives the same mask.
 * @param out - filled when given (every value written), else a new array.
 */
export function keepMask(size: number, rate: number, seed: number, out: Float32Array = new Float32Array(size)): Float32Array {
  const addon = loadNativeAddon().addon;
  if (addon !== null) {
    // The same values, vectorised.
    return addon.keepMask(out, rate, seed >>> 0);
  }
  const scale = 1 / (1 - rate);
  const threshold = Math.floor((1 - rate) * 4294967296);
  const s = seed >>> 0;
  for (let i = 0; i < size; i += 1) {
    // murmur3's finaliser of seed ^ i·0x9e3779b9: every value independent of the others.
    let z = s ^ Math.imul(i, 0x9e3779b9);
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    out[i] = z >>> 0 < threshold ? scale : 0;
  }
  return out;
}

const StandardDropout = standardClass<typeof Dropout>('Dropout');

/** Keras `Dropout` with a fast mask (see the module comment). */
export class FastDropout extends StandardDropout {
  static readonly [RNNLAB_SUBCLASS] = true;
  private calls = 0;

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    // tfjs declares these fields private; they are plain properties set by its constructor.
    const { rate, noiseShape, seed } = this as unknown as { rate: number; noiseShape?: number[] | null; seed?: number };
    const input = Array.isArray(inputs) ? inputs[0] : inputs;
    const training = kwargs != null && kwargs['training'] === true;
    if (!training || !(rate > 0 && rate < 1) || noiseShape != null || (Array.isArray(inputs) && inputs.length !== 1)) {
      return super.call(inputs, kwargs);
    }
    const maskSeed = seed === undefined || seed === null ? randomSeed() : mixSeed(seed, this.calls);
    this.calls += 1;
    return applyMask(input, keepMask(input.size, rate, maskSeed, MASKS.take(input.size)));
  }
}

/**
 * Masks for reuse: a fresh multi-MB array per Dropout and batch fed the garbage collector. A mask goes
 * back after its gradient (or at once outside gradient recording); one whose gradient is never asked
 * for is simply collected.
 */
const MASKS = new BufferPool(4, 64 * 1024 * 1024);

/**
 * `x · mask` whose gradient is `dy · mask`, the values of tfjs' `mul` and its gradient, without what
 * `mul` records for its gradient: a copy of both operands (on wasm two full copies of the layer's
 * input per batch, 6 MB for the seed BiLSTM's first Dropout). The mask stays a JS array until needed.
 */
function applyMask(x: tf.Tensor, mask: Float32Array): tf.Tensor {
  // Only wasm copies the array a tensor is made from at once; elsewhere the tensor may keep it.
  const reuse = tf.getBackend() === 'wasm';
  const op = tf.customGrad(((input: tf.Tensor) => {
    const value = tf.tidy(() => tf.mul(input, tf.tensor(mask, input.shape)));
    const recording = (tf.engine() as unknown as { state: { gradientDepth: number } }).state.gradientDepth > 0;
    if (reuse && !recording) MASKS.give(mask);
    return {
      value,
      gradFunc: (dy: tf.Tensor) => {
        const dx = tf.tidy(() => tf.mul(dy, tf.tensor(mask, dy.shape)));
        if (reuse) MASKS.give(mask);
        return dx;
      },
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (input: tf.Tensor) => tf.Tensor;
  return op(x);
}
tf.serialization.registerClass(FastDropout as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>);

/** tfjs' Dropout, for `rnnImplementation: 'layers'`. */
export const STANDARD_DROPOUT = StandardDropout;

/** Creates a Keras `Dropout` layer with a fast mask; arguments as `tf.layers.dropout`. */
export function fastDropout(args: DropoutLayerArgs): FastDropout {
  return new FastDropout(args);
}
