/**
 * The seed's `model.compile(optimizer=Adam(learning_rate=...), loss=..., metrics=[...])`, with the
 * loss and metrics chosen from the model's output layer when they are left out.
 */
import * as tf from '@tensorflow/tfjs';
import { ready } from '../backend';
import { InvalidArgumentError, oneOf } from '../errors';
import { checkChoice, checkKnownKeys } from '../validation';

/** Optimizers that {@link compileRnn} created, by the model they were made for. */
const ownedOptimizer = new WeakMap<tf.LayersModel, tf.Optimizer>();

export type OptimizerName = 'adam' | 'rmsprop' | 'sgd';
const OPTIMIZERS: Record<OptimizerName, (learningRate: number) => tf.Optimizer> = {
  adam: (lr) => tf.train.adam(lr),
  rmsprop: (lr) => tf.train.rmsprop(lr),
  sgd: (lr) => tf.train.sgd(lr),
};
const OPTIMIZER_NAMES = Object.keys(OPTIMIZERS) as OptimizerName[];

/** Losses by their tfjs name; Keras' snake_case names and short aliases are accepted too. */
export type LossName =
  | 'binaryCrossentropy'
  | 'categoricalCrossentropy'
  | 'sparseCategoricalCrossentropy'
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'meanAbsolutePercentageError'
  | 'meanSquaredLogarithmicError'
  | 'hinge'
  | 'squaredHinge'
  | 'logcosh'
  | 'poisson'
  | 'kullbackLeiblerDivergence';
const LOSSES: Record<string, LossName> = {
  binaryCrossentropy: 'binaryCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  categoricalCrossentropy: 'categoricalCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  sparseCategoricalCrossentropy: 'sparseCategoricalCrossentropy',
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  meanSquaredError: 'meanSquaredError',
  mean_squared_error: 'meanSquaredError',
  mse: 'meanSquaredError',
  MSE: 'meanSquaredError',
  meanAbsoluteError: 'meanAbsoluteError',
  mean_absolute_error: 'meanAbsoluteError',
  mae: 'meanAbsoluteError',
  meanAbsolutePercentageError: 'meanAbsolutePercentageError',
  mape: 'meanAbsolutePercentageError',
  meanSquaredLogarithmicError: 'meanSquaredLogarithmicError',
  msle: 'meanSquaredLogarithmicError',
  hinge: 'hinge',
  squaredHinge: 'squaredHinge',
  squared_hinge: 'squaredHinge',
  logcosh: 'logcosh',
  poisson: 'poisson',
  kullbackLeiblerDivergence: 'kullbackLeiblerDivergence',
  kl_divergence: 'kullbackLeiblerDivergence',
};

/** Metrics tfjs computes, by the names `compileRnn` accepts. */
const METRICS: Record<string, string> = {
  accuracy: 'accuracy',
  acc: 'accuracy',
  binaryAccuracy: 'binaryAccuracy',
  binary_accuracy: 'binaryAccuracy',
  categoricalAccuracy: 'categoricalAccuracy',
  categorical_accuracy: 'categoricalAccuracy',
  sparseCategoricalAccuracy: 'sparseCategoricalAccuracy',
  precision: 'precision',
  recall: 'recall',
  mse: 'mse',
  MSE: 'mse',
  meanSquaredError: 'mse',
  mean_squared_error: 'mse',
  mae: 'mae',
  MAE: 'mae',
  meanAbsoluteError: 'mae',
  mean_absolute_error: 'mae',
  mape: 'mape',
  cosineProximity: 'cosineProximity',
};

export interface CompileRnnOptions {
  /** 'adam' (default), 'rmsprop', 'sgd', or a tfjs optimizer such as `tf.train.adam(0.001)`. */
  optimizer?: OptimizerName | tf.Optimizer;
  /** Learning rate of a named optimizer. Default 0.001. Not allowed with an optimizer object. */
  learningRate?: number;
  /** Loss; default from the head: binaryCrossentropy (sigmoid), categoricalCrossentropy (softmax), meanSquaredError (otherwise). */
  loss?: LossName | string;
  /** Metrics; default ['accuracy'] for classification heads, ['mse'] for regression. */
  metrics?: string[];
}

/** What the last Dense layer says about the task. */
export interface HeadInfo {
  task: 'binary' | 'multiclass' | 'regression';
  units: number;
  activation: string;
}

/** Reads the task from the model's last layer (a Dense layer, as {@link buildRnnProgressive} makes). */
export function headOf(model: tf.LayersModel): HeadInfo {
  const last = model.layers[model.layers.length - 1];
  const config = last?.getConfig() ?? {};
  const activation = typeof config.activation === 'string' ? config.activation : 'linear';
  const units = typeof config.units === 'number' ? config.units : 1;
  const task = activation === 'softmax' ? 'multiclass' : activation === 'sigmoid' ? 'binary' : 'regression';
  return { task, units, activation };
}

const DEFAULT_LOSS: Record<HeadInfo['task'], LossName> = {
  binary: 'binaryCrossentropy',
  multiclass: 'categoricalCrossentropy',
  regression: 'meanSquaredError',
};
const DEFAULT_METRICS: Record<HeadInfo['task'], string[]> = {
  binary: ['accuracy'],
  multiclass: ['accuracy'],
  regression: ['mse'],
};

const fitWaitsForBackend = new WeakSet<tf.LayersModel>();

/**
 * Compiles `model` as the seed does, choosing the loss and metrics from the output layer when left out,
 * and returns it. The first `fit` waits for {@link ready} (the backend choice).
 *
 * Keras note: Keras' snake_case names are accepted ('binary_crossentropy', 'mse', 'mae').
 *
 * @throws InvalidArgumentError for an unknown optimizer, loss or metric, or a bad learning rate.
 * @example
 * ```ts
 * compileRnn(model, { optimizer: 'adam', learningRate: 0.001, loss: 'binaryCrossentropy', metrics: ['accuracy'] });
 * ```
 */
export function compileRnn<M extends tf.LayersModel>(model: M, options: CompileRnnOptions = {}): M {
  if (!(model instanceof tf.LayersModel)) {
    throw new InvalidArgumentError('model', 'must be a tfjs LayersModel (from buildRnnProgressive)', model);
  }
  checkKnownKeys('compileRnn', options, ['optimizer', 'learningRate', 'loss', 'metrics']);
  const head = headOf(model);
  let optimizer: tf.Optimizer;
  if (typeof options.optimizer === 'object' && options.optimizer !== null && options.optimizer instanceof tf.Optimizer) {
    if (options.learningRate !== undefined) {
      throw new InvalidArgumentError(
        'learningRate',
        'cannot be combined with an optimizer object',
        options.learningRate,
        "Pass the learning rate to the optimizer, or name it: { optimizer: 'adam', learningRate }.",
      );
    }
    optimizer = options.optimizer;
  } else {
    const name = checkChoice('optimizer', options.optimizer ?? 'adam', OPTIMIZER_NAMES);
    const learningRate = options.learningRate ?? 0.001;
    if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {
      throw new InvalidArgumentError('learningRate', 'must be a positive number', learningRate);
    }
    optimizer = OPTIMIZERS[name](learningRate);
  }
  let loss: LossName = DEFAULT_LOSS[head.task];
  if (options.loss !== undefined) {
    const known = typeof options.loss === 'string' ? LOSSES[options.loss] : undefined;
    if (known === undefined) {
      throw new InvalidArgumentError('loss', `must be one of ${oneOf(Object.keys(LOSSES))}`, options.loss);
    }
    loss = known;
  }
  let metrics = DEFAULT_METRICS[head.task];
  if (options.metrics !== undefined) {
    if (!Array.isArray(options.metrics)) {
      throw new InvalidArgumentError('metrics', 'must be an array of metric names', options.metrics);
    }
    metrics = options.metrics.map((m, i) => {
      const known = typeof m === 'string' ? METRICS[m] : undefined;
      if (known === undefined) {
        throw new InvalidArgumentError(`metrics[${i}]`, `must be one of ${oneOf(Object.keys(METRICS))}`, m);
      }
      return known;
    });
  }
  const previous = ownedOptimizer.get(model);
  model.compile({ optimizer, loss, metrics });
  // tfjs frees an optimizer with its model only when compile() made it from a name. An optimizer that
  // compileRnn made is ours to free as well: with the model (Adam keeps two tensors per weight), or
  // when a new compile replaces it.
  if (previous !== undefined && previous !== optimizer) previous.dispose();
  if (typeof options.optimizer === 'object') {
    ownedOptimizer.delete(model);
  } else {
    ownedOptimizer.set(model, optimizer);
    (model as unknown as { isOptimizerOwned: boolean }).isOptimizerOwned = true;
  }
  if (!fitWaitsForBackend.has(model)) {
    fitWaitsForBackend.add(model);
    const fit = model.fit.bind(model);
    model.fit = async (...args: Parameters<typeof fit>) => {
      await ready();
      return fit(...args);
    };
  }
  return model;
}
