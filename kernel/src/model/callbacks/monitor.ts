/**
 * What the Keras callbacks share: the monitored epoch log (Keras names such as 'val_accuracy' find
 * tfjs' 'val_acc'), whether lower or higher is better ('auto' by the metric's name, as Keras), and
 * option checks.
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, oneOf } from '../../errors';

/** 'min', 'max', or 'auto' (by the metric's name). */
export type MonitorMode = 'auto' | 'min' | 'max';
const MODES: readonly MonitorMode[] = ['auto', 'min', 'max'];

/** Metrics that improve upwards (everything else named here improves downwards). */
const UP = new Set(['acc', 'accuracy', 'binaryAccuracy', 'binary_accuracy', 'categoricalAccuracy', 'categorical_accuracy', 'sparseCategoricalAccuracy', 'sparse_categorical_accuracy', 'auc', 'precision', 'recall', 'r2', 'r2_score']);
const DOWN = new Set(['loss', 'mse', 'mae', 'mape', 'msle', 'meanSquaredError', 'mean_squared_error', 'meanAbsoluteError', 'mean_absolute_error', 'binaryCrossentropy', 'binary_crossentropy', 'categoricalCrossentropy', 'categorical_crossentropy', 'sparseCategoricalCrossentropy', 'sparse_categorical_crossentropy', 'cosineProximity']);

/** Keras' name → tfjs' log name. */
const ALIASES: Record<string, string> = { accuracy: 'acc', val_accuracy: 'val_acc' };

/**
 * Whether `monitor` improves when it goes up.
 * @throws InvalidArgumentError for an unknown mode, or 'auto' on a metric whose direction is not known
 */
export function improvesUpwards(where: string, monitor: string, mode: unknown): boolean {
  if (!MODES.includes(mode as MonitorMode)) throw new InvalidArgumentError(`${where}.mode`, `must be ${oneOf(MODES)}`, mode);
  if (mode !== 'auto') return mode === 'max';
  const name = monitor.replace(/^val_/, '');
  if (UP.has(name)) return true;
  if (DOWN.has(name)) return false;
  throw new InvalidArgumentError(`${where}.mode`, `'auto' cannot tell whether '${monitor}' should be maximized or minimized`, mode, "Pass mode: 'max' or mode: 'min'.");
}

/** The monitored value of an epoch's logs, or undefined (with a warning naming the available logs). */
export async function monitoredValue(where: string, monitor: string, logs: tf.Logs | undefined): Promise<number | undefined> {
  const raw: unknown = logs?.[monitor] ?? (ALIASES[monitor] ? logs?.[ALIASES[monitor]] : undefined);
  if (raw === undefined) {
    process.emitWarning(`${where} is conditioned on metric '${monitor}', which is not available. Available metrics are: ${Object.keys(logs ?? {}).join(', ')}`, { type: 'UserWarning' } as never);
    return undefined;
  }
  return raw instanceof tf.Tensor ? (await raw.data())[0] : Number(raw);
}

/** A non-negative number option. */
export function nonNegative(argument: string, value: unknown, integer = false): number {
  if (typeof value !== 'number' || !(value >= 0) || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(argument, `must be a non-negative ${integer ? 'integer' : 'number'}`, value);
  }
  return value;
}

/** A `monitor` option. */
export function monitorName(argument: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new InvalidArgumentError(argument, "must name an epoch log such as 'val_loss' or 'val_accuracy'", value);
  return value;
}
