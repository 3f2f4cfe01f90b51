/**
 * The native kernel: rnnlab's C++ addon (kernel/native, built by `node kernel/native/build.mjs`
 * during setup) computing a whole sequence forward and its backward pass on the CPU.
 * Its API is documented in kernel/native/README.md; this module loads it and adapts it to {@link SequenceSpec}.
 */
import * as path from 'node:path';
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

interface NativeAddon {
  version: string;
  forward(
    kind: number,
    dims: Int32Array,
    x: Float32Array,
    W: Float32Array,
    U: Float32Array,
    bias: Float32Array | null,
    inMask: Float32Array | null,
    recMask: Float32Array | null,
  ): { h: Float32Array; cache: Float32Array };
  backward(
    kind: number,
    dims: Int32Array,
    x: Float32Array,
    W: Float32Array,
    U: Float32Array,
    bias: Float32Array | null,
    inMask: Float32Array | null,
    recMask: Float32Array | null,
    cache: Float32Array,
    dh: Float32Array,
  ): { dx: Float32Array; dW: Float32Array; dU: Float32Array; dBias: Float32Array | null };
}

/** Where setup puts the addon: kernel/native/build, from both src/ and dist/ (same depth). */
export const NATIVE_ADDON_PATH = path.resolve(__dirname, '..', '..', '..', 'native', 'build', 'rnnlab_native.node');

let loaded: { addon: NativeAddon | null; error: string } | undefined;

/** Loads the addon once; `null` with the reason when it is not built or does not load here. */
export function loadNativeAddon(): { addon: NativeAddon | null; error: string } {
  if (loaded === undefined) {
    try {
      // A plain require: the addon is a build product, not a dependency.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = { addon: require(NATIVE_ADDON_PATH) as NativeAddon, error: '' };
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      loaded = {
        addon: null,
        error: /Cannot find module/.test(message)
          ? 'not built (run `node kernel/native/build.mjs`; it needs g++)'
          : message,
      };
    }
  }
  return loaded;
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

/** Forward over the whole sequence: h [B, T, H] in processing order, and the cache for backward. */
export function nativeSequenceForward(
  addon: NativeAddon,
  spec: SequenceSpec,
  a: NativeSequenceArrays,
  threads: number,
): { h: Float32Array; cache: Float32Array } {
  return addon.forward(
    CELL_KINDS[spec.kind].code,
    dims(spec, threads),
    a.x,
    a.kernel,
    a.recurrentKernel,
    a.bias,
    a.inputMask,
    a.recurrentMask,
  );
}

/** Backpropagation through time for {@link nativeSequenceForward}. */
export function nativeSequenceBackward(
  addon: NativeAddon,
  spec: SequenceSpec,
  a: NativeSequenceArrays,
  cache: Float32Array,
  dh: Float32Array,
  threads: number,
): { dx: Float32Array; dKernel: Float32Array; dRecurrentKernel: Float32Array; dBias: Float32Array | null } {
  const g = addon.backward(
    CELL_KINDS[spec.kind].code,
    dims(spec, threads),
    a.x,
    a.kernel,
    a.recurrentKernel,
    a.bias,
    a.inputMask,
    a.recurrentMask,
    cache,
    dh,
  );
  return { dx: g.dx, dKernel: g.dW, dRecurrentKernel: g.dU, dBias: g.dBias };
}

export type { NativeAddon };
