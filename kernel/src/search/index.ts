/**
 * scikit-learn-style search: Keras estimators, splitters with scikit-learn's folds, scipy-style
 * distributions, GridSearchCV and RandomizedSearchCV.
 */
export { KerasClassifier } from './estimators/keras-classifier';
export { KerasRegressor } from './estimators/keras-regressor';
export type { BuildFn, Estimator, EstimatorParams, KerasEstimatorOptions } from './estimators/keras-estimator';
export { KFold, StratifiedKFold, TimeSeriesSplit } from './splitters';
export type { Fold, KFoldOptions, Splitter, StratifiedKFoldOptions, TimeSeriesSplitOptions } from './splitters';
export { loguniform, randint, uniform } from './distributions';
export type { Distribution } from './distributions';
export { parameterGrid, parameterSampler } from './parameter-grid';
export type { ParamDistributions, ParamGrid, Params, ParamValue } from './parameter-grid';
export { GridSearchCV } from './grid-search-cv';
export type { GridSearchCVOptions } from './grid-search-cv';
export { RandomizedSearchCV } from './randomized-search-cv';
export type { RandomizedSearchCVOptions } from './randomized-search-cv';
export { BaseSearchCV, deriveSeed, setParallelRunnerFactory } from './base-search';
export type { BaseSearchOptions, ParallelRunnerFactory, ResultRow } from './base-search';
export type { CvResults } from './cv-results';
export { RandomState } from '../random';
export { setSearchObserverFactory } from './search-state';
export type { FoldOutcome, SearchObserver, SearchState, SpaceEntry } from './search-state';
export { runFitTask } from './fit-runner';
export type { FitRunner, FitTask, SearchData } from './fit-runner';
export { checkScoring, SCORING_NAMES, scoringNames } from './scoring';
export type { Scoring, ScoringName, ScorerFn, ScoresFn } from './scoring';
export type { Label } from './data';
export { ShuffleSplit, StratifiedShuffleSplit } from './splitters';
export type { ShuffleSplitOptions, StratifiedShuffleSplitOptions } from './splitters';
export { trainTestSplit } from './train-test-split';
export type { Splittable, TrainTestSplitOptions } from './train-test-split';
export { crossValidate, crossValScore } from './cross-validate';
export type { CrossValidateOptions, CrossValidateResult } from './cross-validate';
export { checkRefit } from './refit';
export type { RefitPlan } from './refit';
