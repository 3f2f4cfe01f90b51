/**
 * Keras 3's `ModelCheckpoint` in the tfjs file format: after each epoch (or, with `saveBestOnly`, each
 * improvement) the model is written as `<folder>/model.json` + `weights.bin`, which `loadModel` reads.
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../../errors';
import { checkKnownKeys } from '../../validation';
import { saveModel } from '../io';
import { improvesUpwards, type MonitorMode, monitoredValue, monitorName } from './monitor';

/** Options of {@link ModelCheckpoint}, Keras' names in camelCase. */
export interface ModelCheckpointOptions {
  /** Epoch log to watch with `saveBestOnly`. Default 'val_loss'. */
  monitor?: string;
  verbose?: 0 | 1;
  /** Save only when the monitored value improves on the best so far. Default false. */
  saveBestOnly?: boolean;
  /** Default 'auto'. */
  mode?: MonitorMode;
  /** The value to beat before the first save (with saveBestOnly). */
  initialValueThreshold?: number;
}

/** Python's `str.format` for the path: `{epoch}`, `{epoch:02d}`, `{val_loss:.2f}`. */
function formatPath(template: string, values: Record<string, number>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?::(0?)(\d*)(?:\.(\d+))?([df]))?\}/g, (whole, name: string, zero: string, width: string, precision: string, kind: string) => {
    const value = values[name];
    if (value === undefined) throw new InvalidArgumentError('ModelCheckpoint.filepath', `names {${name}}, which is neither epoch nor an epoch log (${Object.keys(values).join(', ')})`, whole);
    const text = kind === 'd' ? String(Math.trunc(value)) : kind === 'f' ? value.toFixed(precision ? Number(precision) : 6) : String(value);
    return width ? text.padStart(Number(width), zero === '0' ? '0' : ' ') : text;
  });
}

/**
 * Saves the model (or only the best one) during training — Keras 3's `ModelCheckpoint`, writing the
 * tfjs format into the folder `filepath` (which may hold `{epoch:02d}` or `{val_loss:.2f}`).
 *
 * Keras note: Keras writes `.keras` or `.weights.h5` files; rnnlab writes tfjs model folders (weights
 * and topology), which `loadModel` and tfjs-node read.
 *
 * @example
 * ```ts
 * const checkpoint = new ModelCheckpoint('models/best', { monitor: 'val_loss', saveBestOnly: true });
 * await fitLive(model, x, y, { epochs: 20, validationSplit: 0.2, callbacks: [checkpoint] });
 * const best = await loadModel('models/best');
 * ```
 */
export class ModelCheckpoint extends tf.Callback {
  readonly monitor: string;
  readonly saveBestOnly: boolean;
  readonly verbose: 0 | 1;
  /** Whether higher monitored values are better (`mode`, or the metric's name under 'auto'). */
  readonly upwards: boolean;
  private readonly threshold?: number;
  /** The best monitored value saved so far. */
  best: number;
  /** The epoch (from 0) last saved, or null. */
  savedEpoch: number | null = null;

  constructor(readonly filepath: string, options: ModelCheckpointOptions = {}) {
    super();
    if (typeof filepath !== 'string' || filepath === '') throw new InvalidArgumentError('ModelCheckpoint.filepath', 'must be a folder path such as "models/best"', filepath);
    checkKnownKeys('ModelCheckpoint', options, ['monitor', 'verbose', 'saveBestOnly', 'mode', 'initialValueThreshold']);
    this.monitor = monitorName('ModelCheckpoint.monitor', options.monitor ?? 'val_loss');
    this.saveBestOnly = options.saveBestOnly ?? false;
    this.verbose = options.verbose ?? 0;
    this.upwards = improvesUpwards('ModelCheckpoint', this.monitor, options.mode ?? 'auto');
    this.threshold = options.initialValueThreshold;
    this.best = this.threshold ?? (this.upwards ? -Infinity : Infinity);
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const values: Record<string, number> = { epoch: epoch + 1 };
    for (const [k, v] of Object.entries(logs ?? {})) values[k] = typeof v === 'number' ? v : (await (v as unknown as tf.Tensor).data())[0];
    const path = formatPath(this.filepath, values);
    if (this.saveBestOnly) {
      const current = await monitoredValue('ModelCheckpoint', this.monitor, logs);
      if (current === undefined) return;
      if (!(this.upwards ? current > this.best : current < this.best)) {
        if (this.verbose > 0) process.stdout.write(`\nEpoch ${epoch + 1}: ${this.monitor} did not improve from ${this.best.toFixed(5)}\n`);
        return;
      }
      if (this.verbose > 0) process.stdout.write(`\nEpoch ${epoch + 1}: ${this.monitor} improved from ${this.best.toFixed(5)} to ${current.toFixed(5)}, saving model to ${path}\n`);
      this.best = current;
    } else if (this.verbose > 0) {
      process.stdout.write(`\nEpoch ${epoch + 1}: saving model to ${path}\n`);
    }
    await saveModel(this.model as tf.LayersModel, path);
    this.savedEpoch = epoch;
  }
}
