/**
 * scikit-learn's `StandardScaler` for sequence data: per-feature mean and (population) standard
 * deviation learnt by `fit` — on the training part only — then applied to any part.
 */
import { InvalidArgumentError } from '../errors';

/** Rows of features, or sequences of rows (samples × timesteps × features). */
type Rows = readonly (readonly number[])[];
type Sequences = readonly Rows[];

function flatten(data: Rows | Sequences): Rows {
  return Array.isArray(data[0]?.[0]) ? (data as Sequences).flat() : (data as Rows);
}

export class StandardScaler {
  /** Mean of each feature (after fit). */
  mean?: number[];
  /** Standard deviation of each feature (1 where it is 0, as scikit-learn does). */
  scale?: number[];

  /** Learns the mean and standard deviation of each feature (the last axis). */
  fit(data: Rows | Sequences): this {
    const rows = flatten(data);
    if (rows.length === 0) throw new InvalidArgumentError('data', 'must hold at least one row', data);
    const width = rows[0].length;
    const mean = new Array<number>(width).fill(0);
    for (const r of rows) r.forEach((v, j) => (mean[j] += v));
    mean.forEach((_m, j) => (mean[j] /= rows.length));
    const variance = new Array<number>(width).fill(0);
    for (const r of rows) r.forEach((v, j) => (variance[j] += (v - mean[j]) ** 2));
    this.mean = mean;
    this.scale = variance.map((s) => Math.sqrt(s / rows.length) || 1);
    return this;
  }

  private checkFitted(): { mean: number[]; scale: number[] } {
    if (!this.mean || !this.scale) throw new Error('the StandardScaler is not fitted yet: call fit(train) first');
    return { mean: this.mean, scale: this.scale };
  }

  /** (x − mean) / scale for every value; keeps the shape. */
  transform<D extends Rows | Sequences>(data: D): D {
    const { mean, scale } = this.checkFitted();
    const row = (r: readonly number[]) => {
      if (r.length !== mean.length) throw new InvalidArgumentError('data', `rows must have ${mean.length} features`, r);
      return r.map((v, j) => (v - mean[j]) / scale[j]);
    };
    return (Array.isArray(data[0]?.[0]) ? (data as Sequences).map((s) => s.map(row)) : (data as Rows).map(row)) as unknown as D;
  }

  fitTransform<D extends Rows | Sequences>(data: D): D {
    return this.fit(data).transform(data);
  }

  /** Undoes `transform` for values of feature `column` (e.g. to read a regression in original units). */
  inverseTransformColumn(values: readonly number[], column = 0): number[] {
    const { mean, scale } = this.checkFitted();
    return values.map((v) => v * scale[column] + mean[column]);
  }
}
