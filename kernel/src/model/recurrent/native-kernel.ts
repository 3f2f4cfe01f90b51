/**
 * The native kernel: rnnlab's C++ addon (see ../native-addon.ts) computing a whole sequence forward
 * and its backward pass on the CPU, adapted to {@link SequenceSpec}. Output arrays may be passed in
 * (`out`), so that callers can reuse buffers.
 */
import { type NativeAddon } from '../native-addon';
import { CELL_KINDS, FUSED_ACTIVATIONS, type SequenceSpec } from './cells';

/** Arrays a native call reads; masks and bias may be absent. */
export interface NativeSequenceArrays {
  x: Float32Array;
  kernel: Float32Array;
  recurrentKernel: Float32Array;
  bias: Float32Array | null;
  inputMask: Float32Array | null;
  recurrentMask: Float32Array | null;
}

function dims(spec: SequenceSpec, threads: number): Int32Array {
  return Int32Array.from([
    spec.batch,
    spec.timesteps,
    spec.features,
    spec.units,
    spec.goBackwards ? 1 : 0,
    FUSED_ACTIVATIONS[spec.activation],
    FUSED_ACTIVATIONS[spec.recurrentActivation],
    threads,
  ]);
}

/** Length of the cache {@link nativeSequenceForward} fills. */
export function nativeCacheLength(addon: NativeAddon, spec: SequenceSpec): number {
  return addon.cacheLength(CELL_KINDS[spec.kind].code, dims(spec, 1));
}

/** `forward`'s argument list (for `forward` itself or `forwardMany`). */
export function nativeForwardArgs(
  spec: SequenceSpec,
  a: NativeSequenceArrays,
  threads: number,
  out: { h?: Float32Array; cache?: Float32Array } = {},
): Parameters<NativeAddon['forward']> {
  return [
    CELL_KINDS[spec.kind].code,
    dims(spec, threads),
    a.x,
    a.kernel,
    a.recurrentKernel,
    a.bias,
    a.inputMask,
    a.recurrentMask,
    out.h ?? null,
    out.cache ?? null,
  ];
}

/** `backward`'s argument list (for `backward` itself or `backwardMany`). */
export function nativeBackwardArgs(
  spec: SequenceSpec,
  a: NativeSequenceArrays,
  cache: Float32Array,
  dh: Float32Array,
  threads: number,
  out: { dx?: Float32Array } = {},
): Parameters<NativeAddon['backward']> {
  const [kind, d, x, W, U, bias, inMask, recMask] = nativeForwardArgs(spec, a, threads);
  return [kind, d, x, W, U, bias, inMask, recMask, cache, dh, out.dx ?? null];
}

/** Forward over the whole sequence: h [B, T, H] in processing order, and the cache for backward. */
export function nativeSequenceForward(
  addon: NativeAddon,
  spec: SequenceSpec,
  a: NativeSequenceArrays,
  threads: number,
  out: { h?: Float32Array; cache?: Float32Array } = {},
): { h: Float32Array; cache: Float32Array } {
  return addon.forward(...nativeForwardArgs(spec, a, threads, out));
}

/** Backpropagation through time for {@link nativeSequenceForward}. */
export function nativeSequenceBackward(
  addon: NativeAddon,
  spec: SequenceSpec,
  a: NativeSequenceArrays,
  cache: Float32Array,
  dh: Float32Array,
  threads: number,
  out: { dx?: Float32Array } = {},
): { dx: Float32Array; dKernel: Float32Array; dRecurrentKernel: Float32Array; dBias: Float32Array | null } {
  const g = addon.backward(...nativeBackwardArgs(spec, a, cache, dh, threads, out));
  return { dx: g.dx, dKernel: g.dW, dRecurrentKernel: g.dU, dBias: g.dBias };
}
