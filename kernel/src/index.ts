/**
 * rnnlab: progressive RNN models and hyperparameter search for TypeScript notebooks.
 *
 * @example
 * ```ts
 * import { buildRnnProgressive, compileRnn } from 'rnnlab';
 * const model = compileRnn(buildRnnProgressive({ inputShape: [100, 10] }), { learningRate: 0.001 });
 * ```
 */
import { searchLiveObserver, searchPayload, studyBundle, studyViewBundle } from './display';
import { registerFormatter } from './frontend';
import { formatHistory, formatModel, registerInterruptibleFits, registerKerasHistoryNames, registerProgressLogger } from './model';
import { objectivePool, workerRunner } from './parallel';
import { BaseSearchCV, setParallelRunnerFactory, setSearchObserverFactory } from './search';
import { registerStudyRenderer, setObjectivePoolFactory, Study } from './study';

export { buildRnnProgressive, compileRnn, headOf, hiddenUnits, GRU, GRUCell, gru } from './model';
export { fitLive, loadModel, modelInfo, saveModel, TrainingView } from './model';
export { EarlyStopping, ModelCheckpoint, ReduceLROnPlateau } from './model';
export type { EarlyStoppingOptions, ModelCheckpointOptions, MonitorMode, ReduceLROnPlateauOptions } from './model';
export {
  accuracyScore,
  classificationReport,
  ClassificationReportTable,
  confusionMatrix,
  f1Score,
  logLoss,
  meanAbsoluteError,
  meanSquaredError,
  precisionRecallFscoreSupport,
  precisionScore,
  r2Score,
  recallScore,
  rocAucScore,
} from './metrics';
export type { Average, ClassificationReportOptions, ConfusionMatrixOptions, Label, LabelInput, NumericInput, PrfOptions, PrfResult, RegressionOptions, ReportDict, ReportRow, RocAucOptions, ZeroDivision } from './metrics';
export { FastBidirectional, fastBidirectional, FastDropout, fastDropout, FusedGRU, FusedLSTM, FusedSimpleRNN, fusedGRU, fusedLSTM, fusedSimpleRNN, rnnKernelInfo, setRnnKernel } from './model';
export { co2ChangeDataset, loadCo2Concentration, loadSeattleWeather, rainTomorrowDataset, slidingWindows, StandardScaler, timeSplitSizes, trainValTestSplit } from './data';
export type { Co2Month, PreparedTask, SeattleWeatherDay, TaskPart, SlidingWindowOptions, TimeSplit, TimeSplitOptions, Windows } from './data';
export { CELL_TYPES, DEFAULTS, MERGE_MODES, OUTPUT_ACTIVATIONS, RNN_IMPLEMENTATIONS } from './model';
export type {
  CellType,
  CompileRnnOptions,
  FitLiveOptions,
  TrainingViewOptions,
  GRUCellArgs,
  GRULayerArgs,
  HeadInfo,
  HiddenSizing,
  LossName,
  MergeMode,
  OptimizerName,
  OutputActivation,
  RnnImplementation,
  RnnKernelChoice,
  RnnKernelInfo,
  RnnKernelName,
  RnnProgressiveOptions,
} from './model';
export {
  crossValidate,
  crossValScore,
  GridSearchCV,
  KerasClassifier,
  KerasRegressor,
  KFold,
  loguniform,
  parameterGrid,
  parameterSampler,
  randint,
  RandomizedSearchCV,
  RandomState,
  ShuffleSplit,
  StratifiedKFold,
  StratifiedShuffleSplit,
  TimeSeriesSplit,
  trainTestSplit,
  uniform,
} from './search';
export type {
  BuildFn,
  CrossValidateOptions,
  CrossValidateResult,
  CvResults,
  Distribution,
  Estimator,
  GridSearchCVOptions,
  KerasEstimatorOptions,
  ParamDistributions,
  ParamGrid,
  Params,
  RandomizedSearchCVOptions,
  ResultRow,
  Scoring,
  ScoringName,
  ScorerFn,
  ShuffleSplitOptions,
  Splittable,
  Splitter,
  StratifiedShuffleSplitOptions,
  TrainTestSplitOptions,
} from './search';
export {
  categoricalDistribution,
  copyStudy,
  createStudy,
  createTrial,
  deleteStudy,
  DuplicatedStudyError,
  floatDistribution,
  getAllStudyNames,
  getAllStudySummaries,
  intDistribution,
  StudySummary,
  getParamImportances,
  GridSampler,
  HyperbandPruner,
  importance,
  InMemoryStorage,
  JournalFileStorage,
  JournalStorage,
  loadStudy,
  MedianPruner,
  NopPruner,
  PercentilePruner,
  RandomSampler,
  RDBStorage,
  SchemaVersionError,
  StorageError,
  STUDY_COMM_TARGET,
  Study,
  StudyNotFoundError,
  SuccessiveHalvingPruner,
  TPESampler,
  Trial,
  TrialPruned,
  TrialState,
} from './study';
export type {
  CreateStudyOptions,
  CreateTrialOptions,
  FrozenTrial,
  StorageInput,
  GridSamplerOptions,
  HyperbandPrunerOptions,
  JournalFileStorageOptions,
  LoadStudyOptions,
  MedianPrunerOptions,
  Objective,
  OptimizeCallback,
  OptimizeOptions,
  PercentilePrunerOptions,
  Pruner,
  RDBStorageOptions,
  RandomSamplerOptions,
  Sampler,
  StudyDirection,
  StudyObserver,
  StudySnapshot,
  StudyStorage,
  SuccessiveHalvingPrunerOptions,
  SuggestFloatOptions,
  SuggestIntOptions,
  TPESamplerOptions,
  TrialExecutor,
} from './study';
export { pruningCallback, PruningCallback } from './study';
export type { PruningCallbackOptions } from './study';
export { BACKEND_NAMES, backendInfo, ready, setBackend } from './backend';
export type { BackendAttempt, BackendInfo, BackendName } from './backend';
export { AllFitsFailedError, InvalidArgumentError, NotFittedError, UnknownOptionError, WorkerTransferError } from './errors';
export { clearOutput, display, MIME_BUNDLE, openComm, registerCommTarget, registerFormatter, toMimeBundle, Comm } from './frontend';
export type { CommData, CommTargetHandler, DisplayHandle, DisplayOptions, HasMimeBundle, MimeBundle } from './frontend';
export { LiveDisplay, onInterrupt } from './frontend';
export type { LiveDisplayOptions } from './frontend';
export { STUDY_MIME, TRAINING_MIME, studyBundle, trainingBundle } from './display';
export type { StudyPayload, TrainingPayload, TrialRecord } from './display';

registerProgressLogger();
registerInterruptibleFits();
registerKerasHistoryNames();
registerFormatter(formatModel);
registerFormatter(formatHistory);
// A search or a study as a cell's result shows its (final) leaderboard.
registerFormatter((value) => (value instanceof BaseSearchCV && value.state ? studyBundle(searchPayload(value.state)) : undefined));
registerFormatter((value) =>
  value instanceof Study ? studyViewBundle(value.viewSnapshot(`study-${value.studyName}`, 'finished', { done: value.trials.length, total: null })) : undefined,
);
setSearchObserverFactory(searchLiveObserver);
setParallelRunnerFactory(workerRunner);
registerStudyRenderer(studyViewBundle);
setObjectivePoolFactory(objectivePool);
