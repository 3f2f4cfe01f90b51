/** Cross-validation splitters with scikit-learn's exact fold assignment. */
export type { Fold, Labels, Splitter } from './base';
export { KFold, type KFoldOptions } from './k-fold';
export { StratifiedKFold, type StratifiedKFoldOptions } from './stratified-k-fold';
export { TimeSeriesSplit, type TimeSeriesSplitOptions } from './time-series-split';
export { ShuffleSplit, shuffleSplitSizes, type ShuffleSplitOptions } from './shuffle-split';
export { StratifiedShuffleSplit, classIndicesFor, stratifiedShuffleDraw, type StratifiedShuffleSplitOptions } from './stratified-shuffle-split';
