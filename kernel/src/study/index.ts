/**
 * Optuna-style studies: `createStudy`, `loadStudy`, the `Study` and its `Trial`s, samplers
 * (TPE, random, grid), pruners (median, percentile, successive halving, Hyperband, none), storages
 * (in memory, Optuna journal file, Optuna RDB on SQLite or PostgreSQL), parameter importance and the tfjs pruning callback.
 */
export { createStudy, loadStudy } from './create';
export type { CreateStudyOptions, LoadStudyOptions } from './create';
export { Study } from './study';
export type { EnqueueTrialOptions, TrialOutcome } from './study';
export type { Objective, ObjectivePool, OptimizeCallback, OptimizeOptions, ErrorClass } from './optimize';
export { setObjectivePoolFactory } from './optimize';
export { asyncExecutor } from './executor';
export type { TrialExecutor } from './executor';
export { Trial, trialContextOf } from './trial';
export type { SuggestFloatOptions, SuggestIntOptions, TrialContext } from './trial';
export { TrialState, isFinished } from './frozen-trial';
export type { AttrValue, FrozenTrial, StudyDirection } from './frozen-trial';
export { floatDistribution, intDistribution, categoricalDistribution } from './distributions';
export type { CategoricalDistribution, Distribution, FloatDistribution, IntDistribution, ParamValue } from './distributions';
export { TrialPruned, DuplicatedStudyError, StudyNotFoundError, UpdateFinishedTrialError, RecordNotFoundError, StorageError } from './errors';
export { GridSampler, RandomSampler, TPESampler } from './samplers';
export type { GridSamplerOptions, RandomSamplerOptions, Sampler, SamplerStudy, TPESamplerOptions } from './samplers';
export { HyperbandPruner, MedianPruner, NopPruner, PercentilePruner, SuccessiveHalvingPruner } from './pruners';
export type { HyperbandPrunerOptions, MedianPrunerOptions, PercentilePrunerOptions, Pruner, PrunerStudy, SuccessiveHalvingPrunerOptions } from './pruners';
export { InMemoryStorage, JournalFileStorage, JournalStorage, RDBStorage, SchemaVersionError } from './storages';
export type { HeartbeatStorage, JournalBackend, JournalFileStorageOptions, RDBStorageOptions, StoredStudy, StudyStorage, TrialTemplate } from './storages';
export { getParamImportances, importance } from './importance';
export type { ImportanceOptions } from './importance';
export { registerStudyRenderer, liveStudyView } from './live-view';
export type { StudyRenderer } from './live-view';
export { setDefaultStudyObserver } from './observer';
export type { StudyObserver, StudySnapshot, StudyRunStatus } from './observer';
export { STUDY_COMM_TARGET } from './controls';
export { pruningCallback, PruningCallback } from './pruning-callback';
export type { PruningCallbackOptions } from './pruning-callback';
export type { FollowOptions } from './follow';
export { copyStudy, deleteStudy, getAllStudyNames, getAllStudySummaries, StudySummary } from './manage';
export { createTrial } from './create-trial';
export type { CreateTrialOptions } from './create-trial';
export { storageFrom } from './storages';
export type { StorageInput } from './storages';
