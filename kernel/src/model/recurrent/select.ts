/**
 * Which kernel runs the fused recurrent layers: the native CPU kernel when it is built and the
 * tensors live on the CPU (the cpu, wasm and tensorflow backends); on other (GPU) backends the
 * tfjs-op kernel; and on CPU backends without the native kernel tfjs' own step-by-step code, which
 * measured a little faster there than the tfjs-op kernel (bench/rnn/kernel-choice.ts).
 * `setRnnKernel` or `RNNLAB_RNN_KERNEL` can force 'native' or 'tfjs'.
 */
import * as os from 'node:os';
import { isMainThread } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, oneOf } from '../../errors';
import { loadNativeAddon } from '../native-addon';

/** What computes rnnlab's fused recurrent layers: a fused kernel, or tfjs' step-by-step layer code. */
export type RnnKernelName = 'native' | 'tfjs' | 'layers';
const CHOICES = ['auto', 'native', 'tfjs'] as const;
export type RnnKernelChoice = (typeof CHOICES)[number];

/** tfjs backends whose tensors the native kernel can read and write without a device copy. */
const CPU_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

/** What {@link rnnKernelInfo} reports. */
export interface RnnKernelInfo {
  /** The kernel the next fused layer call on the current backend uses. */
  kernel: RnnKernelName;
  /** 'auto', or the kernel forced by `setRnnKernel` / `RNNLAB_RNN_KERNEL`. */
  choice: RnnKernelChoice;
  /** The native addon's version string, or why it is not available. */
  native: { available: boolean; version?: string; reason?: string };
  /** Threads one native call may use. */
  threads: number;
  /** Why the kernel in use was chosen. */
  reason: string;
}

function checkChoice(argument: string, value: unknown): RnnKernelChoice {
  if (typeof value !== 'string' || !(CHOICES as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(argument, `must be one of ${oneOf(CHOICES)}`, value);
  }
  return value as RnnKernelChoice;
}

function checkThreads(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 64) {
    throw new InvalidArgumentError(argument, 'must be an integer from 1 to 64', value);
  }
  return value;
}

let choice: RnnKernelChoice = checkChoice('RNNLAB_RNN_KERNEL', process.env.RNNLAB_RNN_KERNEL ?? 'auto');
/**
 * Threads one native call uses unless told: every core in the notebook's (main) thread; one in a
 * worker thread, since workers exist when a search or study runs `nJobs > 1` fits side by side.
 * Results do not depend on it (the kernel splits the batch into fixed blocks).
 */
export function defaultRnnThreads(): number {
  return isMainThread ? Math.min(64, Math.max(1, os.availableParallelism())) : 1;
}

let threads = checkThreads(
  'RNNLAB_RNN_THREADS',
  process.env.RNNLAB_RNN_THREADS === undefined || process.env.RNNLAB_RNN_THREADS === ''
    ? defaultRnnThreads()
    : Number(process.env.RNNLAB_RNN_THREADS),
);

/**
 * Chooses the kernel of rnnlab's fused recurrent layers (rnnlab option; Keras has no equivalent).
 * @param kernel - 'auto' (default: native on CPU backends when built, else tfjs), 'native' or 'tfjs'.
 * @param options.threads - threads one native call may use (default: every core in the notebook's
 *   thread, 1 in the worker threads of `nJobs > 1`; `RNNLAB_RNN_THREADS` sets it too). Results are
 *   the same for any number.
 * @throws InvalidArgumentError for an unknown kernel, or 'native' when the addon is not available.
 * @example
 * ```ts
 * setRnnKernel('tfjs'); // e.g. to compare speeds
 * ```
 */
export function setRnnKernel(kernel: RnnKernelChoice, options: { threads?: number } = {}): RnnKernelInfo {
  const next = checkChoice('kernel', kernel);
  const nextThreads = options.threads === undefined ? threads : checkThreads('threads', options.threads);
  if (next === 'native') {
    const { addon, error } = loadNativeAddon();
    if (addon === null) {
      throw new InvalidArgumentError('kernel', `'native' is not available here: ${error}`, kernel);
    }
  }
  choice = next;
  threads = nextThreads;
  return rnnKernelInfo();
}

/** The kernel fused recurrent layers use now, and why. */
export function rnnKernelInfo(): RnnKernelInfo {
  const { addon, error } = loadNativeAddon();
  const native = addon ? { available: true, version: addon.version } : { available: false, reason: error };
  const backend = tf.getBackend();
  let kernel: RnnKernelName;
  let reason: string;
  if (choice === 'tfjs') {
    kernel = 'tfjs';
    reason = 'forced';
  } else if (choice === 'native') {
    if (addon === null) {
      throw new InvalidArgumentError('RNNLAB_RNN_KERNEL', `'native' is not available here: ${error}`, choice);
    }
    kernel = 'native';
    reason = 'forced';
  } else if (!CPU_BACKENDS.has(backend)) {
    kernel = 'tfjs';
    reason = `backend '${backend}' keeps tensors off the CPU`;
  } else if (addon === null) {
    kernel = 'layers';
    reason = `native kernel ${error}; on backend '${backend}' tfjs' step-by-step code is faster than the tfjs-op kernel`;
  } else {
    kernel = 'native';
    reason = `backend '${backend}'`;
  }
  return { kernel, choice, native, threads, reason };
}
