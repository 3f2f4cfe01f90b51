/**
 * One op per recurrent layer per batch: the whole sequence forward, with a hand-written backward pass
 * registered through `tf.customGrad`, so tfjs' autodiff sees a single node instead of thousands.
 */
import * as tf from '@tensorflow/tfjs';
import type { SequenceSpec } from './cells';
import { loadNativeAddon, nativeSequenceBackward, nativeSequenceForward, type NativeSequenceArrays } from './native-kernel';
import { rnnKernelInfo } from './select';
import { type SequenceTensors, tfjsSequenceBackward, tfjsSequenceForward } from './tfjs-kernel';

type GradSave = (tensors: tf.Tensor[]) => void;
type OpResult = { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] };

function floats(t: tf.Tensor | null): Float32Array | null {
  return t === null ? null : (t.dataSync() as Float32Array);
}

function nativeOp(spec: SequenceSpec, t: SequenceTensors, threads: number): (...args: tf.Tensor[]) => tf.Tensor {
  const addon = loadNativeAddon().addon;
  if (addon === null) {
    throw new Error('rnnlab native kernel is not loaded');
  }
  return tf.customGrad(((...args: (tf.Tensor | GradSave)[]) => {
    void args;
    const arrays: NativeSequenceArrays = {
      x: floats(t.x) as Float32Array,
      kernel: floats(t.kernel) as Float32Array,
      recurrentKernel: floats(t.recurrentKernel) as Float32Array,
      bias: floats(t.bias),
      inputMask: floats(t.inputMask),
      recurrentMask: floats(t.recurrentMask),
    };
    const forward = nativeSequenceForward(addon, spec, arrays, threads);
    const value = tf.tensor3d(forward.h, [spec.batch, spec.timesteps, spec.units]);
    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      const g = nativeSequenceBackward(addon, spec, arrays, forward.cache, dy.dataSync() as Float32Array, threads);
      const grads = [
        tf.tensor(g.dx, t.x.shape),
        tf.tensor(g.dKernel, t.kernel.shape),
        tf.tensor(g.dRecurrentKernel, t.recurrentKernel.shape),
      ];
      if (t.bias) {
        grads.push(tf.tensor(g.dBias as Float32Array, t.bias.shape));
      }
      return grads;
    };
    return { value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (...args: tf.Tensor[]) => tf.Tensor;
}

function tfjsOp(spec: SequenceSpec, masks: Pick<SequenceTensors, 'inputMask' | 'recurrentMask'>) {
  return tf.customGrad(((...args: (tf.Tensor | GradSave)[]) => {
    const save = args.pop() as GradSave;
    const [x, kernel, recurrentKernel, bias] = args as tf.Tensor[];
    const tensors: SequenceTensors = { x, kernel, recurrentKernel, bias: bias ?? null, ...masks };
    const forward = tfjsSequenceForward(spec, tensors);
    const kept = [x, kernel, recurrentKernel, bias, masks.inputMask, masks.recurrentMask];
    save([...kept.filter((k): k is tf.Tensor => k != null), ...forward.saved]);
    const result: OpResult = {
      value: forward.h,
      gradFunc: (dy, saved) => {
        let at = 0;
        const next = (): tf.Tensor => saved[at++];
        const s: SequenceTensors = {
          x: next(),
          kernel: next(),
          recurrentKernel: next(),
          bias: bias ? next() : null,
          inputMask: masks.inputMask ? next() : null,
          recurrentMask: masks.recurrentMask ? next() : null,
        };
        const g = tfjsSequenceBackward(spec, s, saved.slice(at), dy);
        return [g.dx, g.dKernel, g.dRecurrentKernel, ...(g.dBias ? [g.dBias] : [])];
      },
    };
    return result;
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (...args: tf.Tensor[]) => tf.Tensor;
}

/**
 * Runs one recurrent layer over a whole batch of sequences as a single differentiable op.
 * @returns h [B, T, H] in processing order (reversed input order when `spec.goBackwards`).
 */
export function recurrentSequence(spec: SequenceSpec, t: SequenceTensors): tf.Tensor {
  const info = rnnKernelInfo();
  const inputs = [t.x, t.kernel, t.recurrentKernel, ...(t.bias ? [t.bias] : [])];
  const op = info.kernel === 'native' ? nativeOp(spec, t, info.threads) : tfjsOp(spec, t);
  return op(...inputs);
}
