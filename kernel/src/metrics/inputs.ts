/**
 * Inputs of the metrics: arrays of labels or numbers, column vectors (`[[0], [1]]`, a `[n, 1]` tensor, as
 * a Keras model predicts), or tfjs tensors — scikit-learn's `column_or_1d` and `_check_targets`.
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';

/** One label: a number, string or boolean. */
export type Label = number | string | boolean;
/** Labels or targets: an array (or a column vector), or a tfjs tensor of rank 1 or shape [n, 1]. */
export type LabelInput = readonly (Label | readonly Label[])[] | tf.Tensor;
/** Numbers, one row per sample and one column per output (regression with several outputs). */
export type NumericInput = readonly (number | readonly number[])[] | tf.Tensor;

/** Flattens a column vector or rank-1 input to one label per sample. */
export function toLabels(argument: string, value: LabelInput): Label[] {
  if (value instanceof tf.Tensor) {
    if (value.rank === 1 || (value.rank === 2 && value.shape[1] === 1)) return Array.from(value.dataSync());
    throw new InvalidArgumentError(argument, 'must be a tensor of rank 1 or of shape [n, 1]', value.shape);
  }
  if (!Array.isArray(value)) throw new InvalidArgumentError(argument, 'must be an array of labels or a tfjs tensor', value);
  return value.map((v: unknown, i) => {
    const item = Array.isArray(v) && v.length === 1 ? v[0] : v;
    if (!['number', 'string', 'boolean'].includes(typeof item)) {
      throw new InvalidArgumentError(`${argument}[${i}]`, 'must be a number, string or boolean (or a row of one)', v);
    }
    return item as Label;
  });
}

/** Numeric rows: `{ values, columns }` with `values` row-major. */
export function toRows(argument: string, value: NumericInput): { values: number[]; columns: number } {
  if (value instanceof tf.Tensor) {
    if (value.rank > 2) throw new InvalidArgumentError(argument, 'must be a tensor of rank 1 or 2', value.shape);
    return { values: Array.from(value.dataSync()), columns: value.rank === 2 ? (value.shape[1] as number) : 1 };
  }
  if (!Array.isArray(value)) throw new InvalidArgumentError(argument, 'must be an array of numbers or a tfjs tensor', value);
  const columns = Array.isArray(value[0]) ? (value[0] as unknown[]).length : 1;
  const values: number[] = [];
  value.forEach((row: unknown, i) => {
    const items = Array.isArray(row) ? row : [row];
    if (items.length !== columns) throw new InvalidArgumentError(`${argument}[${i}]`, `must be a row of ${columns} numbers`, row);
    for (const v of items) {
      if (typeof v !== 'number' || Number.isNaN(v)) throw new InvalidArgumentError(`${argument}[${i}]`, 'must hold numbers', row);
      values.push(v);
    }
  });
  return { values, columns };
}

/** Checks two inputs describe the same number of samples. */
export function checkConsistentLength(a: number, b: number, argument = 'yPred'): void {
  if (a !== b) {
    throw new InvalidArgumentError(argument, `must have as many samples as yTrue (${a})`, `${b} samples`);
  }
  if (a === 0) throw new InvalidArgumentError('yTrue', 'must hold at least one sample', 0);
}

/** The key that identifies a label whatever its type (1 and '1' differ, as in numpy). */
export const labelKey = (l: Label): string => `${typeof l}:${String(l)}`;

/** numpy's `unique` order: numbers ascending, strings by code point, false before true. */
export function sortedLabels(labels: readonly Label[]): Label[] {
  const unique = [...new Map(labels.map((l) => [labelKey(l), l])).values()];
  const types = new Set(unique.map((l) => typeof l));
  if (types.size > 1) {
    throw new InvalidArgumentError('y', `mixes label types (${[...types].join(' and ')}); use one type`, unique.slice(0, 6));
  }
  return unique.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** scikit-learn's `type_of_target` for one label per sample: 'binary', 'multiclass' or 'continuous'. */
export function targetType(labels: readonly Label[]): 'binary' | 'multiclass' | 'continuous' {
  if (labels.some((l) => typeof l === 'number' && !Number.isInteger(l))) return 'continuous';
  return sortedLabels(labels).length <= 2 ? 'binary' : 'multiclass';
}

/** Labels of both arrays, checked to be classification targets (scikit-learn's `_check_targets`). */
export function checkClassificationTargets(yTrue: LabelInput, yPred: LabelInput): { t: Label[]; p: Label[]; type: 'binary' | 'multiclass' } {
  const t = toLabels('yTrue', yTrue);
  const p = toLabels('yPred', yPred);
  checkConsistentLength(t.length, p.length);
  const types = [targetType(t), targetType(p)];
  if (types.includes('continuous')) {
    const which = types[0] === 'continuous' ? 'yTrue' : 'yPred';
    throw new InvalidArgumentError(
      which,
      "must hold class labels, not continuous values (classification metrics can't handle a mix of binary and continuous targets)",
      (which === 'yTrue' ? t : p).slice(0, 6),
      'Threshold probabilities first, e.g. yPred = probabilities.greater(0.5).cast("int32").',
    );
  }
  const all = sortedLabels([...t, ...p]);
  return { t, p, type: types.includes('multiclass') || all.length > 2 ? 'multiclass' : 'binary' };
}
