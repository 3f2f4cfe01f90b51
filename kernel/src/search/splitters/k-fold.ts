/** scikit-learn's `KFold`: consecutive folds (optionally of shuffled indices), the first `n % k` one larger. */
import { InvalidArgumentError } from '../../errors';
import { checkKnownKeys } from '../../validation';
import { checkRandomState } from '../../random';
import { type Fold, foldFromTest, sampleCount, type Splitter } from './base';

export interface KFoldOptions {
  /** Number of folds, at least 2. Default 5. */
  nSplits?: number;
  /** Shuffle the indices before splitting. Default false. */
  shuffle?: boolean;
  /** Seed of the shuffle (numpy-compatible: the same folds as Python for the same seed). */
  randomState?: number;
}

export function checkSplitOptions(where: string, options: KFoldOptions): { nSplits: number; shuffle: boolean } {
  checkKnownKeys(where, options, ['nSplits', 'shuffle', 'randomState']);
  const nSplits = options.nSplits ?? 5;
  if (!Number.isInteger(nSplits) || nSplits < 2) {
    throw new InvalidArgumentError('nSplits', 'must be an integer of at least 2', nSplits);
  }
  const shuffle = options.shuffle ?? false;
  if (typeof shuffle !== 'boolean') throw new InvalidArgumentError('shuffle', 'must be true or false', shuffle);
  if (!shuffle && options.randomState !== undefined) {
    throw new InvalidArgumentError(
      'randomState',
      'has no effect unless shuffle is true',
      options.randomState,
      'Set shuffle: true, or leave randomState out.',
    );
  }
  return { nSplits, shuffle };
}

export class KFold implements Splitter {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly randomState?: number;

  constructor(options: KFoldOptions = {}) {
    ({ nSplits: this.nSplits, shuffle: this.shuffle } = checkSplitOptions('KFold', options));
    this.randomState = options.randomState;
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: number | { length: number }): Fold[] {
    const n = sampleCount(X);
    if (this.nSplits > n) {
      throw new InvalidArgumentError(
        'nSplits',
        `must not exceed the number of samples (${n})`,
        this.nSplits,
      );
    }
    const indices = Array.from({ length: n }, (_v, i) => i);
    if (this.shuffle) checkRandomState(this.randomState).shuffle(indices);
    const folds: Fold[] = [];
    let start = 0;
    for (let k = 0; k < this.nSplits; k++) {
      const size = Math.floor(n / this.nSplits) + (k < n % this.nSplits ? 1 : 0);
      const test = new Set(indices.slice(start, start + size));
      folds.push(foldFromTest(n, (i) => test.has(i)));
      start += size;
    }
    return folds;
  }
}
