/** scikit-learn's regression metrics: `meanSquaredError`, `meanAbsoluteError`, `r2Score`. */
import { InvalidArgumentError } from '../errors';
import { checkConsistentLength, type NumericInput, toRows } from './inputs';

/** Options of the regression metrics: several outputs averaged (default) or one value each. */
export interface RegressionOptions {
  multioutput?: 'uniform_average' | 'raw_values';
}
type Out<O extends RegressionOptions> = O extends { multioutput: 'raw_values' } ? number[] : number;

/** Applies `perColumn` to each output column, then averages unless `raw_values`. */
function byColumn<O extends RegressionOptions>(yTrue: NumericInput, yPred: NumericInput, options: O | undefined, perColumn: (t: number[], p: number[]) => number): Out<O> {
  const t = toRows('yTrue', yTrue);
  const p = toRows('yPred', yPred);
  checkConsistentLength(t.values.length / t.columns, p.values.length / p.columns);
  if (t.columns !== p.columns) throw new InvalidArgumentError('yPred', `must have as many outputs as yTrue (${t.columns})`, `${p.columns} outputs`);
  const multioutput = options?.multioutput ?? 'uniform_average';
  if (multioutput !== 'uniform_average' && multioutput !== 'raw_values') {
    throw new InvalidArgumentError('multioutput', "must be 'uniform_average' or 'raw_values'", multioutput);
  }
  const n = t.values.length / t.columns;
  const column = (v: number[], c: number) => Array.from({ length: n }, (_x, r) => v[r * t.columns + c]);
  const values = Array.from({ length: t.columns }, (_x, c) => perColumn(column(t.values, c), column(p.values, c)));
  return (multioutput === 'raw_values' ? values : values.reduce((s, v) => s + v, 0) / values.length) as Out<O>;
}

const meanOf = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

/**
 * Mean of squared errors — scikit-learn's `mean_squared_error`.
 *
 * @example
 * ```ts
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);   // 0.375
 * ```
 */
export function meanSquaredError<O extends RegressionOptions>(yTrue: NumericInput, yPred: NumericInput, options?: O): Out<O> {
  return byColumn(yTrue, yPred, options, (t, p) => meanOf(t.map((v, i) => (v - p[i]) ** 2)));
}

/** Mean of absolute errors — scikit-learn's `mean_absolute_error`. */
export function meanAbsoluteError<O extends RegressionOptions>(yTrue: NumericInput, yPred: NumericInput, options?: O): Out<O> {
  return byColumn(yTrue, yPred, options, (t, p) => meanOf(t.map((v, i) => Math.abs(v - p[i]))));
}

/**
 * Coefficient of determination — scikit-learn's `r2_score` (1 for a perfect fit; a constant target
 * gives 1 when predicted exactly and 0 otherwise, scikit-learn's `force_finite`).
 *
 * @example
 * ```ts
 * r2Score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]);   // 0.9486081370449679
 * ```
 */
export function r2Score<O extends RegressionOptions>(yTrue: NumericInput, yPred: NumericInput, options?: O): Out<O> {
  return byColumn(yTrue, yPred, options, (t, p) => {
    const mean = meanOf(t);
    const ssRes = t.reduce((s, v, i) => s + (v - p[i]) ** 2, 0);
    const ssTot = t.reduce((s, v) => s + (v - mean) ** 2, 0);
    return ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  });
}
