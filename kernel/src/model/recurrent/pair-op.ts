/**
 * Both directions of a Bidirectional layer as one differentiable op on the native kernel, so that
 * their sequences run at the same time: the forward passes in one `forwardMany` call and the backward
 * passes in one `backwardMany` call, whose row blocks share the kernel's threads. Two separate ops would
 * run one direction after the other, since tfjs calls them one at a time.
 */
import * as tf from '@tensorflow/tfjs';
import type { SequenceSpec } from './cells';
import { loadNativeAddon } from '../native-addon';
import { nativeBackwardArgs, nativeCacheLength, nativeForwardArgs } from './native-kernel';
import { rnnKernelInfo } from './select';
import { flipped, giveBack, type GradSave, POOL, readArrays, readFloats, recordingGradients } from './sequence-op';
import type { SequenceTensors } from './tfjs-kernel';

/**
 * Copies between one direction's h [B, T, H] (processing order) and its half of the pair's
 * [B, T, 2H] (input order when `spec.inputOrder`): `toPair` true writes the pair, false reads it.
 */
function copyHalf(spec: SequenceSpec, half: Float32Array, pair: Float32Array, offset: number, toPair: boolean): void {
  const { batch: B, timesteps: T, units: H } = spec;
  const reverse = flipped(spec);
  for (let b = 0; b < B; b += 1) {
    for (let t = 0; t < T; t += 1) {
      const from = (b * T + (reverse ? T - 1 - t : t)) * H;
      const at = (b * T + t) * 2 * H + offset;
      if (toPair) pair.set(half.subarray(from, from + H), at);
      else half.set(pair.subarray(at, at + H), from);
    }
  }
}

/**
 * The two directions' sequences side by side, [B, T, 2H]: `specs[0]`'s h in `[..., 0:H]`, `specs[1]`'s
 * in `[..., H:2H]`; both read the same x. `null` when the native kernel is not the one in use, or the two
 * directions differ in size (then the caller runs them one by one).
 */
export function nativeSequencePair(
  specs: readonly [SequenceSpec, SequenceSpec],
  ts: readonly [SequenceTensors, SequenceTensors],
): tf.Tensor | null {
  const info = rnnKernelInfo();
  const addon = loadNativeAddon().addon;
  const [s0, s1] = specs;
  if (info.kernel !== 'native' || addon === null || ts[0].x !== ts[1].x || s0.units !== s1.units) return null;
  const { batch: B, timesteps: T, features: D, units: H } = s0;
  const threads = info.threads;
  const weights = (t: SequenceTensors) => [t.kernel, t.recurrentKernel, ...(t.bias ? [t.bias] : [])];
  const op = tf.customGrad(((...args: (tf.Tensor | GradSave)[]) => {
    void args;
    const held: Float32Array[] = [];
    const x = readFloats(ts[0].x, held);
    const arrays = [readArrays(ts[0], held, x), readArrays(ts[1], held, x)] as const;
    const forward = addon.forwardMany(
      specs.map((s, i) => nativeForwardArgs(s, arrays[i], threads, { cache: POOL.take(nativeCacheLength(addon, s)) })),
    );
    // Only wasm copies the array a tensor is made from at once (see sequence-op.ts).
    const copies = tf.getBackend() === 'wasm';
    const out = copies ? POOL.take(B * T * 2 * H) : new Float32Array(B * T * 2 * H);
    specs.forEach((s, i) => copyHalf(s, forward[i].h, out, i * H, true));
    const value = tf.tensor3d(out, [B, T, 2 * H]);
    if (copies) POOL.give(out);
    if (!recordingGradients()) {
      forward.forEach((f) => POOL.give(f.cache));
      giveBack(held);
    }
    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      const heldDy: Float32Array[] = [];
      const dys = readFloats(dy, heldDy);
      const dhs = specs.map((s, i) => {
        const dh = POOL.take(B * T * H);
        heldDy.push(dh);
        copyHalf(s, dh, dys, i * H, false);
        return dh;
      });
      const g = addon.backwardMany(
        specs.map((s, i) => nativeBackwardArgs(s, arrays[i], forward[i].cache, dhs[i], threads, copies ? { dx: POOL.take(B * T * D) } : {})),
      );
      forward.forEach((f) => POOL.give(f.cache));
      giveBack(held);
      giveBack(heldDy);
      const dx = g[0].dx;
      for (let k = 0; k < dx.length; k += 1) dx[k] += g[1].dx[k];
      const grads = [tf.tensor(dx, [B, T, D])];
      if (copies) g.forEach((gi) => POOL.give(gi.dx));
      g.forEach((gi, i) => {
        grads.push(tf.tensor(gi.dW, ts[i].kernel.shape), tf.tensor(gi.dU, ts[i].recurrentKernel.shape));
        if (ts[i].bias) grads.push(tf.tensor(gi.dBias as Float32Array, (ts[i].bias as tf.Tensor).shape));
      });
      return grads;
    };
    return { value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (...args: tf.Tensor[]) => tf.Tensor;
  return op(ts[0].x, ...weights(ts[0]), ...weights(ts[1]));
}
