/**
 * scikit-learn's `ShuffleSplit` and the sizes rule it shares with `StratifiedShuffleSplit` and
 * `trainTestSplit`: each split is a fresh permutation of the samples (numpy-compatible generator, so
 * the same indices as Python for the same seed), test rows first. Indices keep the permutation's order.
 */
import { InvalidArgumentError } from '../../errors';
import { checkRandomState, type RandomState } from '../../random';
import { checkKnownKeys } from '../../validation';
import { type Fold, sampleCount, type Splitter } from './base';

export interface ShuffleSplitOptions {
  /** Number of re-shuffling splits. Default 10. */
  nSplits?: number;
  /** A fraction in (0, 1) or a number of samples. Default 0.1 (the complement of trainSize when that is given). */
  testSize?: number;
  /** A fraction in (0, 1) or a number of samples. Default: the rest after testSize. */
  trainSize?: number;
  /** Seed (or generator) of the permutations. */
  randomState?: number | RandomState;
}

function checkSize(argument: string, value: number | undefined, n: number): void {
  if (value === undefined) return;
  const fraction = typeof value === 'number' && value > 0 && value < 1;
  const count = typeof value === 'number' && Number.isInteger(value) && value > 0 && value < n;
  if (!fraction && !count) {
    throw new InvalidArgumentError(argument, `must be a fraction in (0, 1) or a whole number of samples in [1, ${n - 1}] (there are ${n} samples)`, value);
  }
}

/**
 * scikit-learn's `_validate_shuffle_split`: `[nTrain, nTest]` for `n` samples. A fraction of the test
 * set rounds up, of the training set down.
 */
export function shuffleSplitSizes(n: number, testSize: number | undefined, trainSize: number | undefined, defaultTestSize: number): [number, number] {
  const test = testSize === undefined && trainSize === undefined ? defaultTestSize : testSize;
  checkSize('testSize', test, n);
  checkSize('trainSize', trainSize, n);
  if (test !== undefined && trainSize !== undefined && test < 1 && trainSize < 1 && test + trainSize > 1) {
    throw new InvalidArgumentError('trainSize', `plus testSize (${test}) must be at most 1 as fractions`, trainSize);
  }
  let nTest = test === undefined ? undefined : test < 1 ? Math.ceil(test * n) : test;
  let nTrain = trainSize === undefined ? undefined : trainSize < 1 ? Math.floor(trainSize * n) : trainSize;
  if (nTrain === undefined) nTrain = n - (nTest as number);
  if (nTest === undefined) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new InvalidArgumentError('trainSize', `plus testSize must not exceed the number of samples (${n}): they give ${nTrain} + ${nTest}`, trainSize, 'Reduce testSize and/or trainSize.');
  }
  if (nTrain === 0) {
    throw new InvalidArgumentError('testSize', `leaves an empty training set with ${n} samples`, testSize, 'Adjust testSize or trainSize.');
  }
  return [nTrain, nTest];
}

/** Checks the options both shuffle splitters take. */
export function checkShuffleSplitOptions(where: string, options: ShuffleSplitOptions): number {
  checkKnownKeys(where, options, ['nSplits', 'testSize', 'trainSize', 'randomState']);
  const nSplits = options.nSplits ?? 10;
  if (!Number.isInteger(nSplits) || nSplits < 1) throw new InvalidArgumentError('nSplits', 'must be a positive integer', nSplits);
  return nSplits;
}

/** Random permutation cross-validation: `nSplits` independent train/test draws. */
export class ShuffleSplit implements Splitter {
  readonly nSplits: number;

  constructor(private readonly options: ShuffleSplitOptions = {}) {
    this.nSplits = checkShuffleSplitOptions('ShuffleSplit', options);
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: number | { length: number }): Fold[] {
    const n = sampleCount(X);
    const [nTrain, nTest] = shuffleSplitSizes(n, this.options.testSize, this.options.trainSize, 0.1);
    const rng = checkRandomState(this.options.randomState);
    return Array.from({ length: this.nSplits }, () => {
      const permutation = rng.permutation(n);
      return [permutation.slice(nTest, nTest + nTrain), permutation.slice(0, nTest)] as Fold;
    });
  }
}
