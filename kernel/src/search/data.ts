/**
 * Inputs of the estimators: tfjs tensors or nested arrays, held once as flat typed arrays so that folds
 * can take rows by index cheaply (and so that worker threads can share them).
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';

/** Features: a tensor of shape [samples, ...] or nested number arrays of that shape. */
export type FeatureInput = tf.Tensor | readonly unknown[];
/** Targets: a tensor or an array of numbers, strings or booleans (or rows of numbers). */
export type TargetInput = tf.Tensor | readonly unknown[];
/** One label or target value. */
export type { Label } from '../metrics';
import type { Label } from '../metrics';

/** Rows of numbers with a shape: the features as the estimators hold them. */
export interface Matrix {
  values: Float32Array;
  /** [samples, ...rest]. */
  shape: number[];
}

function shapeOf(argument: string, value: unknown, depth = 0): number[] {
  if (!Array.isArray(value)) return [];
  if (value.length === 0) throw new InvalidArgumentError(argument, 'must not be empty', value);
  const inner = shapeOf(argument, value[0], depth + 1);
  return [value.length, ...inner];
}

/** Index path (`[i][j]`) of flat position `at` in a tensor of `shape`. */
function indexPath(at: number, shape: readonly number[]): string {
  const parts: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    parts.unshift(at % shape[d]);
    at = Math.floor(at / shape[d]);
  }
  return parts.map((p) => `[${p}]`).join('');
}

/** Throws for the first NaN or infinite value, naming its position as arrays are named. */
function checkFinite(argument: string, values: ArrayLike<number>, shape: readonly number[]): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new InvalidArgumentError(`${argument}${indexPath(i, shape)}`, 'must be a finite number', values[i]);
  }
}

/** Converts features to a {@link Matrix}, checking that nested arrays are rectangular and numeric. */
export function toMatrix(argument: string, X: FeatureInput): Matrix {
  if (X instanceof tf.Tensor) {
    if (X.rank < 1 || X.shape[0] === 0) throw new InvalidArgumentError(argument, 'must hold at least one sample', X.shape);
    if (X.dtype === 'string') throw new InvalidArgumentError(argument, 'must be a numeric tensor', X.dtype);
    const values = Float32Array.from(X.dataSync() as ArrayLike<number>);
    checkFinite(argument, values, X.shape);
    return { values, shape: [...X.shape] };
  }
  if (!Array.isArray(X)) {
    throw new InvalidArgumentError(argument, 'must be a tfjs tensor or a nested array of numbers', X);
  }
  const shape = shapeOf(argument, X);
  const size = shape.reduce((p, d) => p * d, 1);
  const values = new Float32Array(size);
  let at = 0;
  const walk = (v: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new InvalidArgumentError(`${argument}${path}`, 'must be a finite number', v);
      }
      values[at++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) {
      throw new InvalidArgumentError(`${argument}${path}`, `must be an array of length ${shape[depth]} (rows must agree)`, v);
    }
    v.forEach((item, i) => walk(item, depth + 1, `${path}[${i}]`));
  };
  walk(X, 0, '');
  return { values, shape };
}

/** Converts targets to a flat array of labels (rank 1) or rows (rank 2, for regressors). */
export function toTargets(argument: string, y: TargetInput): { values: Label[]; columns: number } {
  if (y instanceof tf.Tensor) {
    if (y.rank > 2) throw new InvalidArgumentError(argument, 'must have rank 1 or 2', y.shape);
    const columns = y.rank === 2 ? (y.shape[1] as number) : 1;
    const values = y.dataSync() as ArrayLike<number>;
    if (y.dtype !== 'string') checkFinite(argument, values, y.shape);
    return { values: Array.from(values), columns };
  }
  if (!Array.isArray(y)) throw new InvalidArgumentError(argument, 'must be a tfjs tensor or an array', y);
  if (y.length === 0) throw new InvalidArgumentError(argument, 'must not be empty', y);
  if (Array.isArray(y[0])) {
    const columns = (y[0] as unknown[]).length;
    const flat: Label[] = [];
    y.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== columns) {
        throw new InvalidArgumentError(`${argument}[${i}]`, `must be a row of ${columns} numbers`, row);
      }
      row.forEach((v, j) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidArgumentError(`${argument}[${i}][${j}]`, 'must be a finite number', v);
        flat.push(v);
      });
    });
    if (columns === 1) return { values: flat, columns: 1 };
    return { values: flat, columns };
  }
  y.forEach((v, i) => {
    if (!['number', 'string', 'boolean'].includes(typeof v) || (typeof v === 'number' && !Number.isFinite(v))) {
      throw new InvalidArgumentError(`${argument}[${i}]`, 'must be a finite number, a string or a boolean', v);
    }
  });
  return { values: [...(y as Label[])], columns: 1 };
}

/** The number of samples. */
export function rows(m: Matrix): number {
  return m.shape[0];
}

/** The rows `indices` of `m` as a tensor. */
export function takeRows(m: Matrix, indices: readonly number[]): tf.Tensor {
  const rowSize = m.values.length / m.shape[0];
  const out = new Float32Array(indices.length * rowSize);
  indices.forEach((r, i) => out.set(m.values.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize));
  return tf.tensor(out, [indices.length, ...m.shape.slice(1)]);
}

/** The labels at `indices` (row-major rows for several columns). */
export function takeTargets(values: readonly Label[], columns: number, indices: readonly number[]): Label[] {
  const out: Label[] = [];
  for (const r of indices) for (let c = 0; c < columns; c++) out.push(values[r * columns + c]);
  return out;
}

/** Checks that features and targets have the same number of samples. */
export function checkSameLength(X: Matrix, y: { values: readonly Label[]; columns: number }): void {
  const nY = y.values.length / y.columns;
  if (rows(X) !== nY) {
    throw new InvalidArgumentError('y', `must have one target per sample of X (${rows(X)})`, `${nY} targets`);
  }
}
