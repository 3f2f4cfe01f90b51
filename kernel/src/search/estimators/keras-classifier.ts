/**
 * `KerasClassifier`: a classifier around the seed's `create_model`. Labels may be numbers, strings or
 * booleans; `classes` holds them sorted (numpy's `unique`). A one-unit sigmoid head is trained on 0/1
 * for two classes; a softmax head on one-hot rows (or class indices with a sparse loss).
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../../errors';
import { headOf } from '../../model';
import { type FeatureInput, type Label, type Matrix, toMatrix, toTargets } from '../data';
import { accuracyScore, sortedLabels } from '../../metrics';
import { type Estimator, KerasEstimator, type KerasEstimatorOptions } from './keras-estimator';


export class KerasClassifier extends KerasEstimator {
  readonly estimatorType = 'classifier' as const;
  /** The class labels seen by `fit`, sorted. */
  classes?: Label[];

  /**
   * @example
   * ```ts
   * const model = new KerasClassifier({ buildFn: createModel, verbose: 0 });
   * ```
   */
  constructor(options: KerasEstimatorOptions) {
    super(options);
  }

  clone(): KerasClassifier {
    return new KerasClassifier(this.getParams() as KerasEstimatorOptions);
  }

  async fit(X: FeatureInput, y: unknown, options: { randomState?: number } = {}): Promise<this> {
    const m = toMatrix('X', X);
    const t = toTargets('y', y as never);
    if (t.columns !== 1) throw new InvalidArgumentError('y', 'must hold one label per sample for a classifier', `${t.columns} columns`);
    return this.fitMatrix(m, t.values, options.randomState);
  }

  /** Fits on already converted data (the searches call this per fold). */
  async fitMatrix(X: Matrix, labels: readonly Label[], seed?: number): Promise<this> {
    if (labels.length !== X.shape[0]) {
      throw new InvalidArgumentError('y', `must have one label per sample of X (${X.shape[0]})`, `${labels.length} labels`);
    }
    this.classes = sortedLabels(labels);
    const index = new Map(this.classes.map((c, i) => [`${typeof c}:${String(c)}`, i]));
    const codes = labels.map((l) => index.get(`${typeof l}:${String(l)}`) as number);
    const classes = this.classes;
    await this.fitModelWith(X, seed, (model) => {
      const head = headOf(model);
      if (head.units === 1) {
        if (classes.length > 2) {
          throw new InvalidArgumentError('y', `has ${classes.length} classes but the model has one output unit`, classes, "Build a softmax head with outputUnits equal to the number of classes.");
        }
        return tf.tensor2d(codes, [codes.length, 1]);
      }
      if (head.units < classes.length) {
        throw new InvalidArgumentError('y', `has ${classes.length} classes but the model has ${head.units} output units`, classes);
      }
      const sparse = typeof model.loss === 'string' && model.loss.startsWith('sparse');
      return sparse ? tf.tensor2d(codes, [codes.length, 1]) : tf.oneHot(tf.tensor1d(codes, 'int32'), head.units).cast('float32');
    });
    return this;
  }

  /** Probability of each class, one row per sample (`predict_proba`). */
  async predictProba(X: FeatureInput): Promise<number[][]> {
    const raw = this.predictRaw(X);
    if (raw[0]?.length === 1) return raw.map(([p]) => [1 - p, p]);
    return raw.map((row) => row.slice(0, this.classes?.length));
  }

  async predict(X: FeatureInput): Promise<Label[]> {
    const proba = await this.predictProba(X);
    const classes = this.classes as Label[];
    return proba.map((row) => classes[row.indexOf(Math.max(...row))]);
  }

  /** Accuracy on `X`, `y` (scikit-learn's default classifier score). */
  async score(X: FeatureInput, y: unknown): Promise<number> {
    const t = toTargets('y', y as never);
    return accuracyScore(t.values, await this.predict(X));
  }
}

export type { Estimator };
