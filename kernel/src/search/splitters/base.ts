/** The splitter interface: index pairs only, never an estimator (as scikit-learn's splitters). */

/** One fold: training row indices and test row indices, both ascending. */
export type Fold = [train: number[], test: number[]];

/** Labels for stratification: numbers, strings or booleans, one per sample. */
export type Labels = readonly (number | string | boolean)[];

export interface Splitter {
  /** Number of folds `split` yields. */
  getNSplits(): number;
  /**
   * The folds for `nSamples` samples (or an array-like whose length is the sample count).
   * @param y - labels, required by stratified splitters
   */
  split(nSamples: number | { length: number }, y?: Labels): Fold[];
}

/** The sample count of `X` given as a count or an array-like. */
export function sampleCount(X: number | { length: number }): number {
  return typeof X === 'number' ? X : X.length;
}

/** Turns a test-index set into the (train, test) pair with ascending indices. */
export function foldFromTest(n: number, isTest: (i: number) => boolean): Fold {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < n; i++) (isTest(i) ? test : train).push(i);
  return [train, test];
}
