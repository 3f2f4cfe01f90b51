/**
 * Keeps the kernel responsive while a model trains. In Node, tfjs' fit loop awaits only promises, so
 * a long fit never lets the event loop run: interrupt requests, comm messages (the views' Stop and
 * Prune buttons) and throttled view updates would wait until the fit ends. Every fit (any verbosity)
 * therefore yields to the event loop at batch ends, at most every {@link YIELD_EVERY_MS}, and stops at
 * the end of its current batch when the kernel is interrupted: the weights keep what was learnt, and
 * the returned History holds the epochs done.
 */
import * as tf from '@tensorflow/tfjs';
import { onInterrupt } from '../frontend';

/** Longest stretch of training without a turn of the event loop, in milliseconds. */
export const YIELD_EVERY_MS = 50;

const turnOfEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

class CooperativeFit extends tf.Callback {
  private release?: () => void;
  private lastYield = 0;

  override async onTrainBegin(): Promise<void> {
    this.lastYield = performance.now();
    this.release = onInterrupt(() => {
      this.model.stopTraining = true;
    });
  }

  override async onBatchEnd(): Promise<void> {
    if (performance.now() - this.lastYield >= YIELD_EVERY_MS) {
      await turnOfEventLoop();
      this.lastYield = performance.now();
    }
  }

  override async onTrainEnd(): Promise<void> {
    this.release?.();
    this.release = undefined;
  }
}

let registered = false;

/** Makes every fit of this process cooperative and interruptible (once). */
export function registerInterruptibleFits(): void {
  if (!registered) {
    registered = true;
    // Verbosity level 0: tfjs adds it to fits of every verbosity.
    tf.registerCallbackConstructor(0, CooperativeFit);
  }
}
