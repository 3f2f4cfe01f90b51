/**
 * What KerasClassifier and KerasRegressor share: scikit-learn's estimator contract (fit, predict,
 * score, getParams, setParams, clone) around a function that builds and compiles a tfjs model — the
 * seed's `create_model`. Parameters the build function takes go to it; `epochs`, `batchSize`,
 * `validationSplit`, `shuffle`, `callbacks` and `verbose` go to `fit`. Every one of them can be searched.
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../../errors';
import { withSeededFit } from '../../model';
import { checkRate } from '../../validation';
import { type FeatureInput, type Label, type Matrix, takeRows, toMatrix } from '../data';
import type { ParamValue } from '../parameter-grid';
import { callbackObjects } from '../../model';
import { declaredParamNames } from './param-names';

/** How the estimator calls `buildFn`: with the build parameters it holds. */
type BuildCall = (params: Record<string, ParamValue>) => tf.LayersModel | Promise<tf.LayersModel>;

/**
 * The seed's `create_model`: builds and compiles a model from parameters (may be async).
 *
 * Any function of one parameter object fits (`(params: never) => …`). The union matters for inline
 * arrow functions: with a single signature, `({ units = 32 } = {}) => …` would take `units`' type from
 * `Record<string, ParamValue>` (so `units` would not be a number); with two, TypeScript types the
 * parameters from the function's own defaults, as it does for a named function.
 */
export type BuildFn = BuildCall | ((params: never) => tf.LayersModel | Promise<tf.LayersModel>);

/** Arguments that go to `model.fit`. */
export const FIT_PARAMS = ['epochs', 'batchSize', 'validationSplit', 'shuffle', 'verbose', 'callbacks', 'randomState'] as const;

export interface KerasEstimatorOptions {
  /** Builds and compiles the model from the build parameters. */
  buildFn: BuildFn;
  /** Epochs per fit. Default 1 (as Keras). */
  epochs?: number;
  /** Batch size. Default 32 (as Keras). */
  batchSize?: number;
  /** Fraction of the training rows held out for validation metrics. Default 0. */
  validationSplit?: number;
  /** Shuffle the rows every epoch. Default true. */
  shuffle?: boolean;
  /** 0: silent (default), 1: a line per epoch. */
  verbose?: 0 | 1;
  /** Callbacks passed to every fit: objects such as `new EarlyStopping(…)` and `{ onEpochEnd }` configs, mixed freely. */
  callbacks?: tf.Callback | tf.CustomCallbackArgs | (tf.Callback | tf.CustomCallbackArgs)[];
  /** rnnlab option: seed for weight initialisation, dropout and shuffling, so fits repeat exactly. */
  randomState?: number;
  /** Any other key is a parameter of `buildFn`. */
  [buildParam: string]: unknown;
}

/** The values `getParams()` returns: every fit and build parameter, and `buildFn`. */
export type EstimatorParams = Record<string, unknown>;

/** The estimator interface the searches use. */
export interface Estimator {
  readonly estimatorType: 'classifier' | 'regressor';
  fit(X: FeatureInput, y: unknown, options?: { randomState?: number }): Promise<this>;
  predict(X: FeatureInput): Promise<unknown[]>;
  score(X: FeatureInput, y: unknown): Promise<number>;
  getParams(): EstimatorParams;
  setParams(params: Record<string, unknown>): this;
  clone(): Estimator;
}

function positiveInteger(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(argument, 'must be a positive integer', value);
  }
  return value;
}

export abstract class KerasEstimator implements Estimator {
  abstract readonly estimatorType: 'classifier' | 'regressor';
  /** The fitted model (after `fit`). */
  model?: tf.LayersModel;
  /** The History of the last fit. */
  history?: tf.History;
  protected params: EstimatorParams;
  private readonly buildParamNames?: string[];

  constructor(options: KerasEstimatorOptions) {
    if (typeof options?.buildFn !== 'function') {
      throw new InvalidArgumentError('buildFn', 'must be a function that returns a compiled tfjs model', options?.buildFn);
    }
    this.buildParamNames = declaredParamNames(options.buildFn as never);
    this.params = { epochs: 1, batchSize: 32, validationSplit: 0, shuffle: true, verbose: 0 };
    this.setParams(options as Record<string, unknown>);
  }

  /** Names `setParams` accepts: fit parameters, and `buildFn`'s declared ones (any name if it declares none). */
  validParamNames(): string[] | undefined {
    return this.buildParamNames === undefined ? undefined : ['buildFn', ...FIT_PARAMS, ...this.buildParamNames];
  }

  getParams(): EstimatorParams {
    return { ...this.params };
  }

  setParams(params: Record<string, unknown>): this {
    const valid = this.validParamNames();
    for (const [key, value] of Object.entries(params)) {
      if (valid && !valid.includes(key)) {
        throw new InvalidArgumentError(
          key,
          `is not a parameter of ${this.constructor.name}: its buildFn declares ${this.buildParamNames?.join(', ') || 'none'}`,
          value,
          `Valid parameters: ${valid.join(', ')}`,
        );
      }
      this.checkParam(key, value);
      this.params[key] = value;
    }
    return this;
  }

  private checkParam(key: string, value: unknown): void {
    if (key === 'epochs' || key === 'batchSize') positiveInteger(key, value);
    else if (key === 'validationSplit' && value !== 0) checkRate(key, value);
    else if (key === 'shuffle' && typeof value !== 'boolean') throw new InvalidArgumentError(key, 'must be true or false', value);
    else if (key === 'verbose' && value !== 0 && value !== 1) throw new InvalidArgumentError(key, 'must be 0 or 1', value);
    else if (key === 'randomState' && value !== undefined && (!Number.isInteger(value) || (value as number) < 0)) {
      throw new InvalidArgumentError(key, 'must be a non-negative integer', value);
    }
  }

  /** A new, unfitted estimator with the same parameters (scikit-learn's `clone`). */
  abstract clone(): Estimator;

  /** The parameters for `buildFn`. */
  protected buildParams(): Record<string, ParamValue> {
    const out: Record<string, ParamValue> = {};
    for (const [k, v] of Object.entries(this.params)) {
      if (k !== 'buildFn' && !(FIT_PARAMS as readonly string[]).includes(k)) out[k] = v as ParamValue;
    }
    return out;
  }

  /**
   * Builds the model, encodes the targets for it, and fits it on all rows of `X`. The estimator's own
   * `randomState` wins over `seed` (which a search derives per candidate and fold).
   */
  protected async fitModelWith(
    X: Matrix,
    seed: number | undefined,
    encodeTargets: (model: tf.LayersModel) => tf.Tensor,
  ): Promise<void> {
    const p = this.params;
    const fitSeed = (p.randomState as number | undefined) ?? seed;
    await withSeededFit(fitSeed, async () => {
      const model = await (p.buildFn as BuildCall)(this.buildParams());
      if (!(model instanceof tf.LayersModel)) {
        throw new InvalidArgumentError('buildFn', 'must return a tfjs LayersModel', model);
      }
      if (!model.optimizer) {
        throw new InvalidArgumentError('buildFn', 'must return a compiled model (call compileRnn or model.compile)', model.name);
      }
      const targets = encodeTargets(model);
      const xs = takeRows(X, Array.from({ length: X.shape[0] }, (_v, i) => i));
      try {
        this.history = await model.fit(xs, targets, {
          epochs: p.epochs as number,
          batchSize: p.batchSize as number,
          validationSplit: p.validationSplit as number,
          shuffle: p.shuffle as boolean,
          verbose: p.verbose as 0 | 1,
          callbacks: callbackObjects(p.callbacks) as unknown as tf.CustomCallbackArgs[],
        });
      } finally {
        xs.dispose();
        targets.dispose();
      }
      this.model?.dispose();
      this.model = model;
    });
  }

  /** The model's raw output for `X`. */
  protected predictRaw(X: FeatureInput): number[][] {
    if (!this.model) {
      throw new Error(`this ${this.constructor.name} is not fitted yet: call fit(X, y) first`);
    }
    const m = toMatrix('X', X);
    const xs = takeRows(m, Array.from({ length: m.shape[0] }, (_v, i) => i));
    try {
      const out = this.model.predict(xs) as tf.Tensor;
      const rows = out.arraySync() as number[][];
      out.dispose();
      return rows;
    } finally {
      xs.dispose();
    }
  }

  abstract fit(X: FeatureInput, y: unknown, options?: { randomState?: number }): Promise<this>;
  /** Fits on converted data: the searches call this for each fold. */
  abstract fitMatrix(X: Matrix, targets: readonly Label[], seed?: number, columns?: number): Promise<this>;
  abstract predict(X: FeatureInput): Promise<unknown[]>;
  abstract score(X: FeatureInput, y: unknown): Promise<number>;
}
