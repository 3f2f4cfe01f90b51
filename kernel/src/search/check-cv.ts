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
    return { getNSplits: () => folds.length, split: () => folds.map(([a, b]) => [[...a], [...b]]) };
  }
  if (typeof (value as Splitter).split === 'function' && typeof (value as Splitter).getNSplits === 'function') {
    return value as Splitter;
  }
  throw new InvalidArgumentError('cv', 'must be an integer of at least 2, a splitter, or a list of folds', value);
}
