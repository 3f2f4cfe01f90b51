/**
 * One op per recurrent layer per batch: the whole sequence forward, with a hand-written backward pass
 * registered through `tf.customGrad`, so tfjs' autodiff sees a single node instead of thousands.
 */
import * as tf from '@tensorflow/tfjs';
import type { SequenceSpec } from './cells';
import { loadNativeAddon } from '../native-addon';
import { nativeCacheLength, nativeSequenceBackward, nativeSequenceForward, type NativeSequenceArrays } from './native-kernel';
import { BufferPool } from '../buffer-pool';
import { rnnKernelInfo } from './select';
import { type SequenceTensors, tfjsSequenceBackward, tfjsSequenceForward } from './tfjs-kernel';

export type GradSave = (tensors: tf.Tensor[]) => void;
type OpResult = { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[] };

/** [B, T, H] with the time axis reversed, as a plain array copy (fast on every backend). */
function reverseTime(data: Float32Array, spec: SequenceSpec): Float32Array {
  const { batch: B, timesteps: T, units: H } = spec;
  const out = new Float32Array(data.length);
  for (let b = 0; b < B; b += 1) {
    for (let t = 0; t < T; t += 1) {
      const from = (b * T + t) * H;
      out.set(data.subarray(from, from + H), (b * T + (T - 1 - t)) * H);
    }
  }
  return out;
}

/** Whether the op hands h back in input order though the kernel computed it in processing order. */
export function flipped(spec: SequenceSpec): boolean {
  return spec.goBackwards && spec.inputOrder === true;
}

/** Buffers reused across native calls of this thread. */
export const POOL = new BufferPool();

/** What readFloats reads of tfjs' wasm backend: where each tensor's values sit in its memory. */
interface WasmBackendMemory {
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
  wasm: { HEAPU8: Uint8Array };
}

/**
 * A float32 tensor's values. On wasm they are copied straight from the backend's memory into an array
 * from POOL, added to `held` (the caller gives those back when done), instead of `dataSync`'s fresh
 * array per call: megabytes a batch whose collection cost a tenth of an epoch. Elsewhere `dataSync`
 * (on cpu the tensor's own array, no copy).
 */
export function readFloats(t: tf.Tensor, held: Float32Array[]): Float32Array {
  if (tf.getBackend() === 'wasm' && t.dtype === 'float32' && t.size > 0) {
    const backend = tf.backend() as unknown as WasmBackendMemory;
    const at = backend.dataIdMap.get(t.dataId);
    if (at !== undefined) {
      const out = POOL.take(t.size);
      out.set(new Float32Array(backend.wasm.HEAPU8.buffer, at.memoryOffset, t.size));
      held.push(out);
      return out;
    }
  }
  return t.dataSync() as Float32Array;
}

/** Gives the arrays of `held` back to POOL and empties it. */
export function giveBack(held: Float32Array[]): void {
  for (const a of held.splice(0)) POOL.give(a);
}

/** True while tfjs records operations for a gradient (inside `tf.grads`, `minimize`, `fit`). */
export function recordingGradients(): boolean {
  return (tf.engine() as unknown as { state: { gradientDepth: number } }).state.gradientDepth > 0;
}

/** The arrays of a native call (see readFloats for `held`). */
export function readArrays(t: SequenceTensors, held: Float32Array[], x?: Float32Array): NativeSequenceArrays {
  const maybe = (m: tf.Tensor | null) => (m === null ? null : readFloats(m, held));
  return {
    x: x ?? readFloats(t.x, held),
    kernel: readFloats(t.kernel, held),
    recurrentKernel: readFloats(t.recurrentKernel, held),
    bias: maybe(t.bias),
    inputMask: maybe(t.inputMask),
    recurrentMask: maybe(t.recurrentMask),
  };
}

function nativeOp(spec: SequenceSpec, t: SequenceTensors, threads: number): (...args: tf.Tensor[]) => tf.Tensor {
  const addon = loadNativeAddon().addon;
  if (addon === null) {
    throw new Error('rnnlab native kernel is not loaded');
  }
  // Only wasm copies the array a tensor is made from at once; cpu keeps it, and tensorflow (tfjs-node)
  // keeps it until the tensor's first use. Only on wasm can h and dx come from (and go back to) the pool.
  const copies = tf.getBackend() === 'wasm';
  const { batch: B, timesteps: T, features: D, units: H } = spec;
  return tf.customGrad(((...args: (tf.Tensor | GradSave)[]) => {
    void args;
    const held: Float32Array[] = [];
    const arrays = readArrays(t, held);
    const forward = nativeSequenceForward(addon, spec, arrays, threads, {
      h: copies ? POOL.take(B * T * H) : undefined,
      cache: POOL.take(nativeCacheLength(addon, spec)),
    });
    const h = flipped(spec) ? reverseTime(forward.h, spec) : forward.h;
    const value = tf.tensor3d(h, [B, T, H]);
    if (copies) POOL.give(forward.h);
    if (!recordingGradients()) {
      POOL.give(forward.cache);
      giveBack(held);
    }
    const gradFunc = (dy: tf.Tensor): tf.Tensor[] => {
      const heldDy: Float32Array[] = [];
      const dys = readFloats(dy, heldDy);
      const dh = flipped(spec) ? reverseTime(dys, spec) : dys;
      const g = nativeSequenceBackward(addon, spec, arrays, forward.cache, dh, threads, {
        dx: copies ? POOL.take(B * T * D) : undefined,
      });
      POOL.give(forward.cache);
      giveBack(held);
      giveBack(heldDy);
      const grads = [
        tf.tensor(g.dx, t.x.shape),
        tf.tensor(g.dKernel, t.kernel.shape),
        tf.tensor(g.dRecurrentKernel, t.recurrentKernel.shape),
      ];
      if (copies) POOL.give(g.dx);
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
      value: flipped(spec) ? tf.reverse(forward.h, 1) : forward.h,
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
        const g = tfjsSequenceBackward(spec, s, saved.slice(at), flipped(spec) ? tf.reverse(dy, 1) : dy);
        return [g.dx, g.dKernel, g.dRecurrentKernel, ...(g.dBias ? [g.dBias] : [])];
      },
    };
    return result;
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (...args: tf.Tensor[]) => tf.Tensor;
}

/**
 * Runs one recurrent layer over a whole batch of sequences as a single differentiable op.
 * @returns h [B, T, H] in processing order (reversed input order when `spec.goBackwards`, unless
 *   `spec.inputOrder`).
 */
export function recurrentSequence(spec: SequenceSpec, t: SequenceTensors): tf.Tensor {
  const info = rnnKernelInfo();
  const inputs = [t.x, t.kernel, t.recurrentKernel, ...(t.bias ? [t.bias] : [])];
  // 'layers' (no native kernel on a CPU backend) only tells the layers to run tfjs' own code; called
  // directly, the op then runs on tfjs ops.
  const op = info.kernel === 'native' ? nativeOp(spec, t, info.threads) : tfjsOp(spec, t);
  return op(...inputs);
}
