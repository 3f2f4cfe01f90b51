/**
 * The bridge between a study and a tfjs `model.fit`: a callback that reports a monitored metric
 * after each epoch and stops the fit when the pruner says so. This is the only study file that
 * knows tfjs; the rest of the study code is model-agnostic.
 */
import * as tf from '@tensorflow/tfjs';
import { kerasMetricName, tfjsMetricName } from '../display';
import { InvalidArgumentError } from '../errors';
import { TrialPruned } from './errors';
import type { Trial } from './trial';
import { checkOptions } from './validation';

/** Options of {@link pruningCallback}. */
export interface PruningCallbackOptions {
  /** The epoch log to report (Keras 3 name), e.g. 'val_loss' (default) or 'val_accuracy' (tfjs' 'val_acc' also works). */
  monitor?: string;
  /**
   * Make `model.fit` reject with {@link TrialPruned} once it has stopped (default true, as Optuna's
   * callback raises). False: the fit resolves and `throwIfPruned()` throws later.
   */
  throwOnPrune?: boolean;
}

/**
 * A tfjs callback for `model.fit` that reports `monitor` as the trial's intermediate value at each
 * epoch and, when `trial.shouldPrune()`, stops training; `model.fit` then rejects with
 * {@link TrialPruned}, so the study records the trial as PRUNED.
 *
 * Optuna note: Optuna's `TFKerasPruningCallback` raises inside the epoch hook; rnnlab first lets
 * tfjs end the epoch loop (`stopTraining`) and raises from `onTrainEnd`, so the model is not left
 * in the middle of a fit and can be trained again.
 *
 * @throws InvalidArgumentError for an unknown option
 * @example
 * ```ts
 * const pruning = pruningCallback(trial, { monitor: 'val_loss' });
 * await model.fit(x, y, { epochs: 20, validationSplit: 0.2, callbacks: [pruning] });  // throws TrialPruned when pruned
 * ```
 */
export function pruningCallback(trial: Trial, options: PruningCallbackOptions = {}): PruningCallback {
  checkOptions('pruningCallback', options, { monitor: 'string', throwOnPrune: 'boolean' });
  return new PruningCallback(trial, options.monitor ?? 'val_loss', options.throwOnPrune ?? true);
}

/** The callback made by {@link pruningCallback}. */
export class PruningCallback extends tf.Callback {
  /** Set when the pruner stopped the fit: the epoch it stopped at. */
  prunedAtEpoch: number | null = null;

  constructor(private readonly trial: Trial, readonly monitor: string, readonly throwOnPrune = true) {
    super();
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const raw = logs?.[this.monitor] ?? logs?.[tfjsMetricName(this.monitor)];
    if (raw === undefined) {
      throw new InvalidArgumentError('monitor', `must name an epoch log (${Object.keys(logs ?? {}).map(kerasMetricName).join(', ')})`, this.monitor, 'Pass validationData or validationSplit to fit for val_ metrics');
    }
    const value = typeof raw === 'number' ? raw : (await (raw as tf.Scalar).data())[0];
    this.trial.report(value, epoch);
    if (this.trial.shouldPrune()) {
      this.prunedAtEpoch = epoch;
      if (this.model) this.model.stopTraining = true;
    }
  }

  override async onTrainEnd(): Promise<void> {
    if (this.throwOnPrune) this.throwIfPruned();
  }

  /** Throws {@link TrialPruned} when the pruner stopped the fit. */
  throwIfPruned(): void {
    if (this.prunedAtEpoch !== null) throw new TrialPruned(`trial ${this.trial.number} pruned at epoch ${this.prunedAtEpoch}`);
  }
}
