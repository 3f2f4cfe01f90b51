/**
 * scikit-learn's `StratifiedKFold`: each fold keeps the class proportions. Classes are numbered by
 * first appearance, samples are dealt to folds in sorted-label order, and with `shuffle` each class's
 * fold assignment is permuted by the numpy-compatible generator — the same folds as Python.
 */
import { InvalidArgumentError } from '../../errors';
import { checkRandomState } from '../../random';
import { type Fold, foldFromTest, type Labels, type Splitter } from './base';
import { checkSplitOptions, type KFoldOptions } from './k-fold';

export type StratifiedKFoldOptions = KFoldOptions;

/** Warnings a split raised (e.g. a class smaller than the number of folds), as scikit-learn warns. */
export type SplitWarning = (message: string) => void;

export class StratifiedKFold implements Splitter {
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly randomState?: number;

  constructor(options: StratifiedKFoldOptions = {}, private readonly warn: SplitWarning = (m) => process.emitWarning(m)) {
    ({ nSplits: this.nSplits, shuffle: this.shuffle } = checkSplitOptions('StratifiedKFold', options));
    this.randomState = options.randomState;
  }

  getNSplits(): number {
    return this.nSplits;
  }

  split(X: number | { length: number }, y?: Labels): Fold[] {
    if (y === undefined) {
      throw new InvalidArgumentError('y', 'is required by StratifiedKFold (the labels to stratify on)', y);
    }
    const n = typeof X === 'number' ? X : X.length;
    if (y.length !== n) {
      throw new InvalidArgumentError('y', `must have one label per sample (${n})`, `${y.length} labels`);
    }
    // Class codes in order of first appearance.
    const codeOf = new Map<string, number>();
    const encoded = y.map((label) => {
      const key = `${typeof label}:${String(label)}`;
      if (!codeOf.has(key)) codeOf.set(key, codeOf.size);
      return codeOf.get(key) as number;
    });
    const nClasses = codeOf.size;
    const counts = new Array<number>(nClasses).fill(0);
    for (const c of encoded) counts[c]++;
    if (counts.every((c) => this.nSplits > c)) {
      throw new InvalidArgumentError(
        'nSplits',
        `cannot be greater than the number of members in each class (largest class: ${Math.max(...counts)})`,
        this.nSplits,
      );
    }
    const smallest = Math.min(...counts);
    if (this.nSplits > smallest) {
      this.warn(`The least populated class in y has only ${smallest} members, which is less than nSplits=${this.nSplits}.`);
    }
    // Deal sorted labels round-robin to folds: allocation[fold][class].
    const sorted = [...encoded].sort((a, b) => a - b);
    const allocation = Array.from({ length: this.nSplits }, () => new Array<number>(nClasses).fill(0));
    sorted.forEach((c, i) => allocation[i % this.nSplits][c]++);
    const rs = this.shuffle ? checkRandomState(this.randomState) : undefined;
    const testFold = new Array<number>(n).fill(0);
    for (let k = 0; k < nClasses; k++) {
      const foldsForClass: number[] = [];
      for (let f = 0; f < this.nSplits; f++) {
        for (let r = 0; r < allocation[f][k]; r++) foldsForClass.push(f);
      }
      rs?.shuffle(foldsForClass);
      let next = 0;
      encoded.forEach((c, i) => {
        if (c === k) testFold[i] = foldsForClass[next++];
      });
    }
    return Array.from({ length: this.nSplits }, (_v, f) => foldFromTest(n, (i) => testFold[i] === f));
  }
}
