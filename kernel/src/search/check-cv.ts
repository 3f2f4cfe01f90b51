/** scikit-learn's `check_cv`: an integer means StratifiedKFold for classifiers, KFold otherwise. */
import { InvalidArgumentError } from '../errors';
import { type Fold, KFold, type Splitter, StratifiedKFold } from './splitters';

/** What `cv` may be: a number of folds, a splitter, or explicit (train, test) index pairs. */
export type CvInput = number | Splitter | readonly Fold[];

export function checkCv(cv: CvInput | undefined, classifier: boolean, warn: (m: string) => void): Splitter {
  const value = cv ?? 5;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 2) {
      throw new InvalidArgumentError('cv', 'must be an integer of at least 2, a splitter, or a list of folds', value);
    }
    return classifier ? new StratifiedKFold({ nSplits: value }, warn) : new KFold({ nSplits: value });
  }
  if (Array.isArray(value)) {
    if (value.length === 0) throw new InvalidArgumentError('cv', 'must hold at least one (train, test) pair', value);
    const folds = value as readonly Fold[];
    return { getNSplits: () => folds.length, split: (X) => checkFolds(folds, typeof X === 'number' ? X : X.length) };
  }
  if (typeof (value as Splitter).split === 'function' && typeof (value as Splitter).getNSplits === 'function') {
    return value as Splitter;
  }
  throw new InvalidArgumentError('cv', 'must be an integer of at least 2, a splitter, or a list of folds', value);
}

/** Copies explicit folds, checking each is a non-empty train and test list of sample indices in [0, n). */
function checkFolds(folds: readonly Fold[], n: number): Fold[] {
  return folds.map((fold, i) => {
    if (!Array.isArray(fold) || fold.length !== 2) throw new InvalidArgumentError(`cv[${i}]`, 'must be a [trainIndices, testIndices] pair', fold);
    return fold.map((indices, part) => {
      const argument = `cv[${i}][${part}] (${part === 0 ? 'train' : 'test'} indices)`;
      if (!Array.isArray(indices) || indices.length === 0) throw new InvalidArgumentError(argument, 'must be a non-empty array of sample indices', indices);
      const bad = indices.find((k) => !Number.isInteger(k) || k < 0 || k >= n);
      if (bad !== undefined) throw new InvalidArgumentError(argument, `must hold integer sample indices in [0, ${n - 1}] (the data has ${n} samples)`, bad);
      return [...indices];
    }) as unknown as Fold;
  });
}
