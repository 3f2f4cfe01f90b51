/** `KerasRegressor`: a regressor around a build function; targets are numbers (or rows of numbers). */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../../errors';
import { type FeatureInput, type Label, type Matrix, toMatrix, toTargets } from '../data';
import { r2Score } from '../../metrics';
import { KerasEstimator, type KerasEstimatorOptions } from './keras-estimator';

function numbers(values: readonly Label[]): number[] {
  return values.map((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidArgumentError(`y[${i}]`, 'must be a finite number for a regressor', v);
    }
    return v;
  });
}

export class KerasRegressor extends KerasEstimator {
  readonly estimatorType = 'regressor' as const;
  /** Number of target columns seen by `fit`. */
  outputs?: number;

  constructor(options: KerasEstimatorOptions) {
    super(options);
  }

  clone(): KerasRegressor {
    return new KerasRegressor(this.getParams() as KerasEstimatorOptions);
  }

  async fit(X: FeatureInput, y: unknown, options: { randomState?: number } = {}): Promise<this> {
    const t = toTargets('y', y as never);
    return this.fitMatrix(toMatrix('X', X), t.values, options.randomState, t.columns);
  }

  async fitMatrix(X: Matrix, targets: readonly Label[], seed?: number, columns = 1): Promise<this> {
    const values = numbers(targets);
    if (values.length / columns !== X.shape[0]) {
      throw new InvalidArgumentError('y', `must have one target per sample of X (${X.shape[0]})`, `${values.length / columns} targets`);
    }
    this.outputs = columns;
    await this.fitModelWith(X, seed, () => tf.tensor2d(values, [values.length / columns, columns]));
    return this;
  }

  /** Predictions: numbers for one output, rows for several. */
  async predict(X: FeatureInput): Promise<(number | number[])[]> {
    const raw = this.predictRaw(X);
    return this.outputs === 1 || raw[0]?.length === 1 ? raw.map((r) => r[0]) : raw;
  }

  /** R² on `X`, `y` (scikit-learn's default regressor score). */
  async score(X: FeatureInput, y: unknown): Promise<number> {
    const t = toTargets('y', y as never);
    const predicted = (await this.predict(X)).map((row) => (Array.isArray(row) ? row : [row]));
    const truth = numbers(t.values);
    return r2Score(predicted.map((_row, r) => truth.slice(r * t.columns, (r + 1) * t.columns)), predicted);
  }
}
