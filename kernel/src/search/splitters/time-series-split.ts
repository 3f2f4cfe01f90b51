/**
 * scikit-learn's `TimeSeriesSplit`: expanding (or `maxTrainSize`-limited) training windows, each
 * followed by a test window, with an optional `gap` between them; the test windows end at the last sample.
 */
import { InvalidArgumentError } from '../../errors';
import { checkKnownKeys } from '../../validation';
import { type Fold, sampleCount, type Splitter } from './base';

export interface TimeSeriesSplitOptions {
  /** Number of folds, at least 2. Default 5. */
  nSplits?: number;
  /** Largest training window. Default: unlimited. */
  maxTrainSize?: number;
  /** Samples per test window. Default: n // (nSplits + 1). */
  testSize?: number;
  /** Samples left out between each training window and its test window. Default 0. */
  gap?: number;
}

function optionalCount(argument: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidArgumentError(argument, `must be an integer of at least ${min}`, value);
  }
  return value;
}

export class TimeSeriesSplit implements Splitter {
  readonly nSplits: number;
  readonly maxTrainSize?: number;
  readonly testSize?: number;
  readonly gap: number;

  constructor(options: TimeSeriesSplitOptions = {}) {
    checkKnownKeys('TimeSeriesSplit', options, ['nSplits', 'maxTrainSize', 'testSize', 'gap']);
    this.nSplits = optionalCount('nSplits', options.nSplits, 2) ?? 5;
    this.maxTrainSize = optionalCount('maxTrainSize', options.maxTrainSize, 1);
    this.testSize = optionalCount('testSize', options.testSize, 1);
    this.gap = optionalCount('gap', options.gap, 0) ?? 0;
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: number | { length: number }): Fold[] {
    const n = sampleCount(X);
    const nFolds = this.nSplits + 1;
    const testSize = this.testSize ?? Math.floor(n / nFolds);
    if (nFolds > n) {
      throw new InvalidArgumentError('nSplits', `+ 1 must not exceed the number of samples (${n})`, this.nSplits);
    }
    if (n - this.gap - testSize * this.nSplits <= 0) {
      throw new InvalidArgumentError(
        'nSplits',
        `is too many for ${n} samples with testSize=${testSize} and gap=${this.gap}`,
        this.nSplits,
      );
    }
    const folds: Fold[] = [];
    for (let testStart = n - this.nSplits * testSize; testStart < n; testStart += testSize) {
      const trainEnd = testStart - this.gap;
      const trainStart = this.maxTrainSize !== undefined && this.maxTrainSize < trainEnd ? trainEnd - this.maxTrainSize : 0;
      const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_v, i) => a + i);
      folds.push([range(trainStart, trainEnd), range(testStart, Math.min(n, testStart + testSize))]);
    }
    return folds;
  }
}
