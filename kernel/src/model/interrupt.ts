/**
 * Every `model.fit` (any verbosity) stops at the end of its current batch when the kernel is
 * interrupted: the weights keep what was learnt, and the returned History holds the epochs done.
 */
import * as tf from '@tensorflow/tfjs';
import { onInterrupt } from '../frontend';

class StopOnInterrupt extends tf.Callback {
  private release?: () => void;

  override async onTrainBegin(): Promise<void> {
    this.release = onInterrupt(() => {
      this.model.stopTraining = true;
    });
  }

  override async onTrainEnd(): Promise<void> {
    this.release?.();
    this.release = undefined;
  }
}

let registered = false;

/** Makes every fit of this process interruptible (once). */
export function registerInterruptibleFits(): void {
  if (!registered) {
    registered = true;
    // Verbosity level 0: tfjs adds it to fits of every verbosity.
    tf.registerCallbackConstructor(0, StopOnInterrupt);
  }
}
