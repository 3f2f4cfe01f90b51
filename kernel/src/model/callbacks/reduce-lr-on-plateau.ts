/** Keras 3's `ReduceLROnPlateau`: multiply the optimizer's learning rate by `factor` when the monitored metric stalls. */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../../errors';
import { checkKnownKeys } from '../../validation';
import { improvesUpwards, type MonitorMode, monitoredValue, monitorName, nonNegative } from './monitor';

/** Options of {@link ReduceLROnPlateau}, Keras' names in camelCase. */
export interface ReduceLROnPlateauOptions {
  /** Default 'val_loss'. */
  monitor?: string;
  /** New rate = rate × factor, in (0, 1). Default 0.1. */
  factor?: number;
  /** Epochs without improvement before reducing. Default 10. */
  patience?: number;
  verbose?: 0 | 1;
  /** Default 'auto'. */
  mode?: MonitorMode;
  /** Least change that counts as an improvement. Default 1e-4. */
  minDelta?: number;
  /** Epochs to wait after a reduction before watching again. Default 0. */
  cooldown?: number;
  /** Lower bound of the rate. Default 0. */
  minLr?: number;
}

type WithRate = tf.Optimizer & { learningRate?: number; setLearningRate?: (rate: number) => void };

/**
 * Reduces the learning rate when a metric has stopped improving — Keras 3's `ReduceLROnPlateau`.
 * Works with the Adam, RMSProp and SGD optimizers (`compileRnn`'s).
 *
 * Keras note: Keras also writes the rate into the epoch logs as `learning_rate`; rnnlab keeps the logs
 * as the model wrote them (read `lastLearningRate` instead).
 *
 * @throws InvalidArgumentError for a factor outside (0, 1) or another bad option
 * @example
 * ```ts
 * const reduce = new ReduceLROnPlateau({ monitor: 'val_loss', factor: 0.5, patience: 2, minLr: 1e-5 });
 * ```
 */
export class ReduceLROnPlateau extends tf.Callback {
  readonly monitor: string;
  readonly factor: number;
  readonly patience: number;
  readonly minDelta: number;
  readonly cooldown: number;
  readonly minLr: number;
  readonly verbose: 0 | 1;
  private readonly upwards: boolean;
  private best = NaN;
  private wait = 0;
  private cooldownCounter = 0;
  /** The learning rate at the end of the last epoch. */
  lastLearningRate?: number;

  constructor(options: ReduceLROnPlateauOptions = {}) {
    super();
    checkKnownKeys('ReduceLROnPlateau', options, ['monitor', 'factor', 'patience', 'verbose', 'mode', 'minDelta', 'cooldown', 'minLr']);
    this.monitor = monitorName('ReduceLROnPlateau.monitor', options.monitor ?? 'val_loss');
    this.factor = options.factor ?? 0.1;
    if (typeof this.factor !== 'number' || !(this.factor > 0 && this.factor < 1)) {
      throw new InvalidArgumentError('ReduceLROnPlateau.factor', 'must be a number in (0, 1)', options.factor);
    }
    this.patience = nonNegative('ReduceLROnPlateau.patience', options.patience ?? 10, true);
    this.minDelta = nonNegative('ReduceLROnPlateau.minDelta', options.minDelta ?? 1e-4);
    this.cooldown = nonNegative('ReduceLROnPlateau.cooldown', options.cooldown ?? 0, true);
    this.minLr = nonNegative('ReduceLROnPlateau.minLr', options.minLr ?? 0);
    this.verbose = options.verbose ?? 0;
    this.upwards = improvesUpwards('ReduceLROnPlateau', this.monitor, options.mode ?? 'auto');
  }

  private optimizer(): WithRate {
    const optimizer = (this.model as tf.LayersModel).optimizer as WithRate;
    if (typeof optimizer?.learningRate !== 'number') {
      throw new InvalidArgumentError('optimizer', 'must have a numeric learningRate (Adam, RMSProp or SGD) for ReduceLROnPlateau', optimizer?.getClassName?.());
    }
    return optimizer;
  }

  override async onTrainBegin(): Promise<void> {
    this.best = this.upwards ? -Infinity : Infinity;
    this.wait = 0;
    this.cooldownCounter = 0;
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const optimizer = this.optimizer();
    this.lastLearningRate = optimizer.learningRate;
    const current = await monitoredValue('ReduceLROnPlateau', this.monitor, logs);
    if (current === undefined) return;
    if (this.cooldownCounter > 0) {
      this.cooldownCounter -= 1;
      this.wait = 0;
    }
    const better = this.upwards ? current > this.best + this.minDelta : current < this.best - this.minDelta;
    if (better) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownCounter <= 0) {
      this.wait += 1;
      if (this.wait >= this.patience) {
        const old = optimizer.learningRate as number;
        if (old > Math.fround(this.minLr)) {
          const rate = Math.max(old * this.factor, this.minLr);
          if (typeof optimizer.setLearningRate === 'function') optimizer.setLearningRate(rate);
          else optimizer.learningRate = rate;
          this.lastLearningRate = rate;
          if (this.verbose > 0) process.stdout.write(`\nEpoch ${epoch + 1}: ReduceLROnPlateau reducing learning rate to ${rate}.\n`);
          this.cooldownCounter = this.cooldown;
          this.wait = 0;
        }
      }
    }
  }
}
