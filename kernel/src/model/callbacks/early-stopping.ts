/**
 * Keras 3's `EarlyStopping`, with what tfjs' own lacks: `restoreBestWeights`, `startFromEpoch`,
 * and `baseline` that keeps waiting until it is beaten.
 */
import * as tf from '@tensorflow/tfjs';
import { checkKnownKeys } from '../../validation';
import { improvesUpwards, type MonitorMode, monitoredValue, monitorName, nonNegative } from './monitor';

/** Options of {@link EarlyStopping}, Keras' names in camelCase. */
export interface EarlyStoppingOptions {
  /** Epoch log to watch. Default 'val_loss'. */
  monitor?: string;
  /** Least change that counts as an improvement (its sign is ignored). Default 0. */
  minDelta?: number;
  /** Epochs without improvement before stopping. Default 0. */
  patience?: number;
  /** 0: silent; 1: a line when stopping and when restoring. Default 0. */
  verbose?: 0 | 1;
  /** 'min', 'max', or 'auto' (by the metric's name). Default 'auto'. */
  mode?: MonitorMode;
  /** Stop unless the monitored value beats this within `patience` epochs. */
  baseline?: number;
  /** At the end, set the weights of the best epoch. Default false. */
  restoreBestWeights?: boolean;
  /** Warm-up epochs that are not watched. Default 0. */
  startFromEpoch?: number;
}

/**
 * Stops training when the monitored metric stops improving — Keras 3's `EarlyStopping`.
 *
 * @throws InvalidArgumentError for a bad option, or 'auto' mode on a metric of unknown direction
 * @example
 * ```ts
 * // Python: EarlyStopping(monitor='val_loss', patience=3, restore_best_weights=True)
 * const stop = new EarlyStopping({ monitor: 'val_loss', patience: 3, restoreBestWeights: true });
 * await fitLive(model, x, y, { epochs: 50, validationSplit: 0.2, callbacks: [stop] });
 * stop.bestEpoch;   // the epoch whose weights the model now holds
 * ```
 */
export class EarlyStopping extends tf.Callback {
  readonly monitor: string;
  readonly minDelta: number;
  readonly patience: number;
  readonly baseline?: number;
  readonly restoreBestWeights: boolean;
  readonly startFromEpoch: number;
  readonly verbose: 0 | 1;
  /** Whether higher monitored values are better (`mode`, or the metric's name under 'auto'). */
  readonly upwards: boolean;
  /** Epochs since the last improvement. */
  wait = 0;
  /** The epoch (from 0) at which training was stopped; 0 when it was not. */
  stoppedEpoch = 0;
  /** The best monitored value seen, or null. */
  best: number | null = null;
  /** The epoch (from 0) of the best value. */
  bestEpoch = 0;
  private bestWeights: tf.Tensor[] | null = null;

  constructor(options: EarlyStoppingOptions = {}) {
    super();
    checkKnownKeys('EarlyStopping', options, ['monitor', 'minDelta', 'patience', 'verbose', 'mode', 'baseline', 'restoreBestWeights', 'startFromEpoch']);
    this.monitor = monitorName('EarlyStopping.monitor', options.monitor ?? 'val_loss');
    this.minDelta = Math.abs(typeof options.minDelta === 'number' && Number.isFinite(options.minDelta) ? options.minDelta : nonNegative('EarlyStopping.minDelta', options.minDelta ?? 0));
    this.patience = nonNegative('EarlyStopping.patience', options.patience ?? 0, true);
    this.startFromEpoch = nonNegative('EarlyStopping.startFromEpoch', options.startFromEpoch ?? 0, true);
    this.baseline = options.baseline;
    this.restoreBestWeights = options.restoreBestWeights ?? false;
    this.verbose = options.verbose ?? 0;
    this.upwards = improvesUpwards('EarlyStopping', this.monitor, options.mode ?? 'auto');
  }

  private isImprovement(value: number, reference: number | null | undefined): boolean {
    if (reference === null || reference === undefined) return true;
    return this.upwards ? value - this.minDelta > reference : value + this.minDelta < reference;
  }

  private keepWeights(): void {
    this.bestWeights?.forEach((w) => w.dispose());
    this.bestWeights = (this.model as tf.LayersModel).getWeights().map((w) => w.clone());
  }

  override async onTrainBegin(): Promise<void> {
    this.wait = 0;
    this.stoppedEpoch = 0;
    this.best = null;
    this.bestEpoch = 0;
    this.bestWeights?.forEach((w) => w.dispose());
    this.bestWeights = null;
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const current = await monitoredValue('EarlyStopping', this.monitor, logs);
    if (current === undefined || epoch < this.startFromEpoch) return;
    this.wait += 1;
    if (this.isImprovement(current, this.best)) {
      this.best = current;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.keepWeights();
      // The wait restarts only when both the baseline and the previous best are beaten.
      if (this.baseline === undefined || this.isImprovement(current, this.baseline)) this.wait = 0;
      return;
    }
    if (this.wait >= this.patience && epoch > 0) {
      this.stoppedEpoch = epoch;
      (this.model as tf.LayersModel).stopTraining = true;
    }
  }

  override async onTrainEnd(): Promise<void> {
    if (this.stoppedEpoch > 0 && this.verbose > 0) process.stdout.write(`Epoch ${this.stoppedEpoch + 1}: early stopping\n`);
    if (this.restoreBestWeights && this.bestWeights !== null) {
      if (this.verbose > 0) process.stdout.write(`Restoring model weights from the end of the best epoch: ${this.bestEpoch + 1}.\n`);
      (this.model as tf.LayersModel).setWeights(this.bestWeights);
      this.bestWeights.forEach((w) => w.dispose());
      this.bestWeights = null;
    }
  }
}
