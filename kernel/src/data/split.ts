/**
 * Train / validation / test split in time order: the earliest samples train, the next validate, the
 * latest test — never shuffled, so no future value leaks into training.
 */
import { InvalidArgumentError } from '../errors';
import { checkKnownKeys } from '../validation';

export interface TimeSplitOptions {
  /** Fraction of the samples for validation. Default 0.15. */
  validation?: number;
  /** Fraction of the samples for the final test. Default 0.15. */
  test?: number;
}

export interface TimeSplit<T> {
  train: T[];
  validation: T[];
  test: T[];
}

function fraction(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0) || value >= 1) {
    throw new InvalidArgumentError(argument, 'must be a fraction in [0, 1)', value);
  }
  return value;
}

/** The sizes of the three parts for `n` samples (test and validation rounded down, train the rest). */
export function timeSplitSizes(n: number, options: TimeSplitOptions = {}): { train: number; validation: number; test: number } {
  checkKnownKeys('trainValTestSplit', options, ['validation', 'test']);
  const v = fraction('validation', options.validation ?? 0.15);
  const t = fraction('test', options.test ?? 0.15);
  if (v + t >= 1) throw new InvalidArgumentError('test', `+ validation (${v}) must leave samples to train on`, t);
  const test = Math.floor(n * t);
  const validation = Math.floor(n * v);
  const train = n - test - validation;
  if (train < 1) throw new InvalidArgumentError('validation', `leaves no training samples out of ${n}`, v);
  return { train, validation, test };
}

/** Splits each array in time order into train, validation and test parts. */
export function trainValTestSplit<T>(items: readonly T[], options: TimeSplitOptions = {}): TimeSplit<T> {
  const sizes = timeSplitSizes(items.length, options);
  return {
    train: items.slice(0, sizes.train),
    validation: items.slice(sizes.train, sizes.train + sizes.validation),
    test: items.slice(sizes.train + sizes.validation),
  };
}
