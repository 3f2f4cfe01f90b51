/**
 * rnnlab's native CPU addon (kernel/native: C++ with AVX-512, AVX2/FMA and baseline paths in one binary,
 * the path chosen at load time; built by `node kernel/native/build.mjs`, which `npm start` / `npm test`
 * run, or `npx rnnlab build-native`). It computes the fused recurrent layers' sequences and dropout
 * masks; everything that uses it has a JS/tfjs fallback. Its API is documented in kernel/native/README.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The addon's functions. Output arrays (`hOut`, `cacheOut`, `dxOut`) are optional: given, they are filled. */
export interface NativeAddon {
  /** "rnnlab-native 2 avx512 (avx512f+...)": the version and the ISA path in use. */
  version: string;
  /** The ISA path in use: 'avx512', 'avx2' or 'baseline' (`RNNLAB_NATIVE_ISA` forces one). */
  isa: string;
  /** The CPU features the path's code uses, e.g. "avx2+fma". */
  isaFeatures: string;
  /** The paths this CPU supports, widest first, comma separated. */
  isaAvailable: string;
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
  /** Several `forward` calls (their argument lists) run together on one pool of threads. */
  forwardMany(calls: unknown[][]): { h: Float32Array; cache: Float32Array }[];
  /** Several `backward` calls (their argument lists) run together on one pool of threads. */
  backwardMany(calls: unknown[][]): { dx: Float32Array; dW: Float32Array; dU: Float32Array; dBias: Float32Array | null }[];
  /** Length of the cache `forward` fills for these dims. */
  cacheLength(kind: number, dims: Int32Array): number;
  /** Fills `out` with a Keras dropout mask (same values as the JS `keepMask`). */
  keepMask(out: Float32Array, rate: number, seed: number): Float32Array;
}

/** Where the build puts the addon when kernel/native is writable: kernel/native/build (from src/ and dist/, same depth). */
export const NATIVE_ADDON_PATH = path.resolve(__dirname, '..', '..', 'native', 'build', 'rnnlab_native.node');

/**
 * Where the build puts it otherwise (a root-owned global install): the per-user cache
 * `$XDG_CACHE_HOME/rnnlab/native/<version>-<platform>-<arch>` (`~/.cache/...` without XDG_CACHE_HOME),
 * as kernel/native/build.mjs computes it.
 */
export function nativeAddonCachePath(): string {
  const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'rnnlab', 'native', `${pkg.version}-${process.platform}-${process.arch}`, 'rnnlab_native.node');
}

let loaded: { addon: NativeAddon | null; error: string } | undefined;

/** Loads the addon once (from the package, else the per-user cache); `null` with the reason when it is not built or does not load here. */
export function loadNativeAddon(): { addon: NativeAddon | null; error: string } {
  if (loaded === undefined) {
    try {
      const file = [NATIVE_ADDON_PATH, nativeAddonCachePath()].find((p) => existsSync(p));
      loaded =
        file === undefined
          ? { addon: null, error: 'not built (run `npx rnnlab build-native`; it needs g++)' }
          : // A plain require: the addon is a build product, not a dependency.
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            { addon: require(file) as NativeAddon, error: '' };
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      loaded = { addon: null, error: message };
    }
  }
  return loaded;
}
