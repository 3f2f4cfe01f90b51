/**
 * scikit-learn's `StratifiedShuffleSplit`: random splits that keep each class's share. Per split, the
 * training and test counts of each class are drawn by scikit-learn's `_approximate_mode`, then each
 * class's samples are permuted and both sets permuted again — every draw in scikit-learn's order, so
 * the indices equal Python's for the same seed.
 */
import { InvalidArgumentError } from '../../errors';
import { labelKey, sortedLabels } from '../../metrics';
import { checkRandomState, type RandomState } from '../../random';
import { type Fold, type Labels, sampleCount, type Splitter } from './base';
import { checkShuffleSplitOptions, type ShuffleSplitOptions, shuffleSplitSizes } from './shuffle-split';

export type StratifiedShuffleSplitOptions = ShuffleSplitOptions;

/** scikit-learn's `_approximate_mode`: `nDraws` spread over classes like their counts, ties broken at random. */
function approximateMode(counts: readonly number[], nDraws: number, rng: RandomState): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const continuous = counts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = Math.trunc(nDraws - floored.reduce((s, v) => s + v, 0));
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds = remainder.flatMap((r, i) => (r === value ? [i] : []));
      const addNow = Math.min(inds.length, needToAdd);
      for (const k of rng.permutation(inds.length).slice(0, addNow)) floored[inds[k]]++;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}

/** Draws `[train, test]` for `y`: the split scikit-learn's StratifiedShuffleSplit yields. */
export function stratifiedShuffleDraw(nTrain: number, nTest: number, rng: RandomState, classIndices: number[][]): Fold {
  const counts = classIndices.map((c) => c.length);
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(counts.map((c, i) => c - nI[i]), nTest, rng);
  const train: number[] = [];
  const test: number[] = [];
  classIndices.forEach((indices, i) => {
    const permuted = rng.permutation(indices.length).map((k) => indices[k]);
    train.push(...permuted.slice(0, nI[i]));
    test.push(...permuted.slice(nI[i], nI[i] + tI[i]));
  });
  rng.shuffle(train);
  rng.shuffle(test);
  return [train, test];
}

/**
 * Sample indices of each class (classes in numpy's sorted order), checked for a stratified split.
 * @throws InvalidArgumentError when a class has one member, or a set is smaller than the class count
 */
export function classIndicesFor(y: Labels, nTrain: number, nTest: number): number[][] {
  const classes = sortedLabels(y);
  const index = new Map(classes.map((c, i) => [labelKey(c), i]));
  const out: number[][] = classes.map(() => []);
  y.forEach((label, i) => out[index.get(labelKey(label)) as number].push(i));
  const smallest = Math.min(...out.map((c) => c.length));
  if (smallest < 2) {
    throw new InvalidArgumentError('stratify', 'must have at least 2 members in every class (the least populated class has 1)', classes[out.findIndex((c) => c.length < 2)]);
  }
  if (nTrain < classes.length) throw new InvalidArgumentError('trainSize', `gives ${nTrain} training samples, fewer than the ${classes.length} classes`, nTrain);
  if (nTest < classes.length) throw new InvalidArgumentError('testSize', `gives ${nTest} test samples, fewer than the ${classes.length} classes`, nTest);
  return out;
}

/** Stratified random permutation cross-validation. */
export class StratifiedShuffleSplit implements Splitter {
  readonly nSplits: number;

  constructor(private readonly options: StratifiedShuffleSplitOptions = {}) {
    this.nSplits = checkShuffleSplitOptions('StratifiedShuffleSplit', options);
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: number | { length: number }, y?: Labels): Fold[] {
    const n = sampleCount(X);
    if (y === undefined) throw new InvalidArgumentError('y', 'is required by StratifiedShuffleSplit (the labels to stratify on)', y);
    if (y.length !== n) throw new InvalidArgumentError('y', `must have one label per sample (${n})`, `${y.length} labels`);
    const [nTrain, nTest] = shuffleSplitSizes(n, this.options.testSize, this.options.trainSize, 0.1);
    const classIndices = classIndicesFor(y, nTrain, nTest);
    const rng = checkRandomState(this.options.randomState);
    return Array.from({ length: this.nSplits }, () => stratifiedShuffleDraw(nTrain, nTest, rng, classIndices));
  }
}
