/**
 * rnnlab's native CPU addon (kernel/native: C++ with AVX2/FMA, built by `node kernel/native/build.mjs`,
 * which `npm start` / `npm test` run, or `npx rnnlab build-native`). It computes the fused recurrent
 * layers' sequences and dropout masks; everything that uses it has a JS/tfjs fallback.
 * Its API is documented in kernel/native/README.md.
 */
import * as path from 'node:path';

/** The addon's functions. Output arrays (`hOut`, `cacheOut`, `dxOut`) are optional: given, they are filled. */
export interface NativeAddon {
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
    hOut?: Float32Array | null,
    cacheOut?: Float32Array | null,
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
    dxOut?: Float32Array | null,
  ): { dx: Float32Array; dW: Float32Array; dU: Float32Array; dBias: Float32Array | null };
  /** Length of the cache `forward` fills for these dims. */
  cacheLength(kind: number, dims: Int32Array): number;
  /** Fills `out` with a Keras dropout mask (same values as the JS `keepMask`). */
  keepMask(out: Float32Array, rate: number, seed: number): Float32Array;
}

/** Where the build puts the addon: kernel/native/build, from both src/ and dist/ (same depth). */
export const NATIVE_ADDON_PATH = path.resolve(__dirname, '..', '..', 'native', 'build', 'rnnlab_native.node');

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
        error: /Cannot find module/.test(message) ? 'not built (run `npx rnnlab build-native`; it needs g++)' : message,
      };
    }
  }
  return loaded;
}
