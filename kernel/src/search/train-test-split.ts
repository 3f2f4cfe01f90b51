/**
 * scikit-learn's `train_test_split`: the same rows in the same order as Python for the same
 * `randomState` (ShuffleSplit's permutation, or StratifiedShuffleSplit's draws with `stratify`).
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { type LabelInput, toLabels } from '../metrics';
import { checkRandomState, type RandomState } from '../random';
import { checkKnownKeys } from '../validation';
import { classIndicesFor, shuffleSplitSizes, stratifiedShuffleDraw } from './splitters';

/** What can be split: a tfjs tensor (rows along the first axis) or an array. */
export type Splittable = tf.Tensor | readonly unknown[];

export interface TrainTestSplitOptions {
  /** A fraction in (0, 1) or a number of samples. Default 0.25 (the complement of trainSize when that is given). */
  testSize?: number;
  /** A fraction in (0, 1) or a number of samples. Default: the rest. */
  trainSize?: number;
  /** Shuffle before splitting. Default true; false takes the first rows for training (time order). */
  shuffle?: boolean;
  /** Labels to keep the class shares of in both parts (usually `y`). */
  stratify?: LabelInput;
  /** Seed (or generator) of the shuffle: the same split as Python's for the same seed. */
  randomState?: number | RandomState;
}

const rowsOf = (value: Splittable) => (value instanceof tf.Tensor ? value.shape[0] : value.length);

function take<T extends Splittable>(value: T, indices: number[]): T {
  if (value instanceof tf.Tensor) return tf.tidy(() => tf.gather(value, tf.tensor1d(indices, 'int32'))) as T;
  return indices.map((i) => value[i]) as unknown as T;
}

function isOptions(value: unknown): value is TrainTestSplitOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof tf.Tensor);
}

/**
 * Splits features and targets into random train and test parts — scikit-learn's `train_test_split`.
 * Tensors give tensors, arrays give arrays.
 *
 * @returns `[xTrain, xTest, yTrain, yTest]` (or `[xTrain, xTest]` for one input)
 * @throws InvalidArgumentError for sizes out of range, inputs of different lengths, `stratify` with
 *   `shuffle: false`, or a class with a single member
 * @example
 * ```ts
 * // Python: X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, stratify=y, random_state=42)
 * const [xTrain, xTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.2, stratify: y, randomState: 42 });
 * ```
 */
export function trainTestSplit<A extends Splittable, B extends Splittable>(X: A, y: B, options?: TrainTestSplitOptions): [A, A, B, B];
export function trainTestSplit<A extends Splittable>(X: A, options?: TrainTestSplitOptions): [A, A];
export function trainTestSplit(X: Splittable, ...rest: unknown[]): Splittable[] {
  const options: TrainTestSplitOptions = (isOptions(rest[rest.length - 1]) ? rest.pop() : {}) as TrainTestSplitOptions;
  checkKnownKeys('trainTestSplit', options, ['testSize', 'trainSize', 'shuffle', 'stratify', 'randomState']);
  const arrays = [X, ...rest] as Splittable[];
  arrays.forEach((a, i) => {
    if (!(a instanceof tf.Tensor) && !Array.isArray(a)) throw new InvalidArgumentError(i === 0 ? 'X' : 'y', 'must be a tfjs tensor or an array', a);
  });
  const n = rowsOf(X);
  arrays.slice(1).forEach((a) => {
    if (rowsOf(a) !== n) throw new InvalidArgumentError('y', `must have as many rows as X (${n})`, `${rowsOf(a)} rows`);
  });
  const shuffle = options.shuffle ?? true;
  if (typeof shuffle !== 'boolean') throw new InvalidArgumentError('shuffle', 'must be true or false', shuffle);
  const [nTrain, nTest] = shuffleSplitSizes(n, options.testSize, options.trainSize, 0.25);
  let train: number[];
  let test: number[];
  if (!shuffle) {
    if (options.stratify !== undefined) {
      throw new InvalidArgumentError('stratify', 'needs shuffle: true (a stratified split is random)', 'labels', 'Leave stratify out, or set shuffle: true.');
    }
    train = Array.from({ length: nTrain }, (_v, i) => i);
    test = Array.from({ length: nTest }, (_v, i) => nTrain + i);
  } else if (options.stratify !== undefined) {
    const labels = toLabels('stratify', options.stratify);
    if (labels.length !== n) throw new InvalidArgumentError('stratify', `must have one label per row of X (${n})`, `${labels.length} labels`);
    [train, test] = stratifiedShuffleDraw(nTrain, nTest, checkRandomState(options.randomState), classIndicesFor(labels, nTrain, nTest));
  } else {
    const permutation = checkRandomState(options.randomState).permutation(n);
    [train, test] = [permutation.slice(nTest, nTest + nTrain), permutation.slice(0, nTest)];
  }
  return arrays.flatMap((a) => [take(a, train), take(a, test)]);
}
