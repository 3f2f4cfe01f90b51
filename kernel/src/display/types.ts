/**
 * The rnnlab display protocol: the payloads of the two JSON MIME types, written by hand to match
 * `schema/training.v1.schema.json` and `schema/study.v1.schema.json` field for field
 * (`types.spec.ts` checks that the key sets agree). Numbers typed `number | null` hold null for
 * non-finite values, which JSON cannot carry.
 */

/** MIME type of one training run ({@link TrainingPayload}). */
export const TRAINING_MIME = 'application/vnd.rnnlab.training.v1+json';

/** MIME type of a study or a cross-validated search ({@link StudyPayload}). */
export const STUDY_MIME = 'application/vnd.rnnlab.study.v1+json';

/** Statuses of a training run, in the schema's order. */
export const TRAINING_STATUSES = ['running', 'finished', 'stopped', 'pruned', 'failed'] as const;

/**
 * Where a training run stands: `'stopped'` is an early end by a callback or the user, `'pruned'` an
 * end asked by a study pruner, `'failed'` an error (see {@link TrainingPayload.error}).
 */
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** Metric values by name (`loss`, `val_loss`); null for a non-finite value. */
export type MetricLogs = Record<string, number | null>;

/** One layer of the model, as a row of the Keras summary. */
export interface LayerInfo {
  /** Layer name, e.g. `'lstm_1'`. */
  name: string;
  /** Layer class, e.g. `'LSTM'`. */
  className: string;
  /** Output shape with null for unknown sizes, e.g. `[null, 100, 128]`. */
  outputShape: (number | null)[];
  /** Number of weights. */
  params: number;
}

/** The model being trained. */
export interface ModelInfo {
  /** Model name, e.g. `'sequential'`. */
  name: string;
  /** Number of weights. */
  totalParams: number;
  /** Number of trainable weights; all of them when absent. */
  trainableParams?: number;
  /** Layers in order. */
  layers: LayerInfo[];
}

/** The fit parameters. */
export interface FitParams {
  /** Number of epochs asked for. */
  epochs: number;
  /** Batch size; null when the data set batches itself. */
  batchSize: number | null;
  /** Number of training samples; null when unknown. */
  samples: number | null;
  /** Whether `val_` metrics are computed. */
  validation: boolean;
}

/** One finished epoch. */
export interface EpochRecord {
  /** Epoch index from 0. */
  epoch: number;
  /** Metric values at the end of the epoch. */
  logs: MetricLogs;
  /** Wall time of the epoch in seconds. */
  seconds: number;
}

/** One finished batch. */
export interface BatchRecord {
  /** Epoch index from 0. */
  epoch: number;
  /** Batch index within the epoch, from 0. */
  batch: number;
  /** Training metric values at the end of the batch. */
  logs: MetricLogs;
}

/** Payload of {@link TRAINING_MIME}: one `model.fit` run. */
export interface TrainingPayload {
  /** Format version. */
  version: 1;
  /** Run id, also the Jupyter display id. */
  id: string;
  /** Optional heading shown instead of the model name. */
  title?: string;
  /** Where the run stands. */
  status: TrainingStatus;
  /** The error message when `status` is `'failed'`, null otherwise. */
  error: string | null;
  /** TensorFlow.js backend, e.g. `'wasm'`. */
  backend: string;
  /** The model. */
  model: ModelInfo;
  /** The fit parameters. */
  params: FitParams;
  /** Training metric names in order, without the `val_` ones (`['loss', 'acc']`). */
  metrics: string[];
  /** Finished epochs in order. */
  epochs: EpochRecord[];
  /** Optional per-batch records in order. */
  batches?: BatchRecord[];
  /** Start time, ISO 8601. */
  startedAt: string;
  /** End time, ISO 8601; null while running. */
  finishedAt: string | null;
  /** Wall time so far in seconds. */
  elapsedSeconds: number;
  /** Optional: the epoch in progress and the time left; null or absent when no epoch is in progress. */
  progress?: TrainingProgress | null;
  /** Optional: the best epoch and the early stop a callback tracked; absent when the fit used none. */
  callbacks?: TrainingCallbacks;
  /** Optional: the reader's view settings, written back by the renderer. */
  viewState?: TrainingViewState;
}

/** What a best-epoch callback (EarlyStopping, else ModelCheckpoint with saveBestOnly) tracked. */
export interface TrainingCallbacks {
  /** The watched epoch log under the payload's names, e.g. `'val_loss'`. */
  monitor: string;
  /** Whether lower or higher values are better. */
  mode: 'min' | 'max';
  /** Epoch index (from 0) of the best value so far; null before the first watched epoch. */
  bestEpoch: number | null;
  /** Epoch index (from 0) EarlyStopping stopped at; null when it did not. */
  stoppedEpoch: number | null;
  /** Whether the model ends with the best epoch's weights (restoreBestWeights). */
  restoredBestWeights: boolean;
}

/** Where a running fit is inside its current epoch. */
export interface TrainingProgress {
  /** Index of the epoch in progress, from 0. */
  epoch: number;
  /** Batches finished in this epoch. */
  batchesDone: number;
  /** Batches per epoch; null when the data set decides. */
  batchesTotal: number | null;
  /** Estimated seconds until the fit ends; null while unknown. */
  etaSeconds: number | null;
}

/** View settings of a training view chosen by the reader. */
export interface TrainingViewState {
  /** Log-scale y axes on the loss-like subplots. */
  logScale?: boolean;
}

/** Kinds of search view, in the schema's order. */
export const STUDY_KINDS = ['study', 'grid_search', 'randomized_search'] as const;

/** An Optuna-style study, or a scikit-learn-style `GridSearchCV` / `RandomizedSearchCV`. */
export type StudyKind = (typeof STUDY_KINDS)[number];

/** Optimisation directions, in the schema's order. */
export const STUDY_DIRECTIONS = ['minimize', 'maximize'] as const;

/** Whether lower or higher objective values are better. */
export type StudyDirection = (typeof STUDY_DIRECTIONS)[number];

/** Statuses of a study, in the schema's order. */
export const STUDY_STATUSES = ['running', 'finished', 'stopped', 'failed'] as const;

/** Where a study or search stands. */
export type StudyStatus = (typeof STUDY_STATUSES)[number];

/** Trial states (Optuna `TrialState` names), in the schema's order. */
export const TRIAL_STATES = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING', 'WAITING'] as const;

/** State of one trial. */
export type TrialState = (typeof TRIAL_STATES)[number];

/** A parameter value: number, categorical string or boolean, or null (Python `None`). */
export type ParamValue = number | string | boolean | null;

/** A float parameter in [low, high]. */
export interface FloatDistributionInfo {
  /** Discriminator. */
  type: 'float';
  /** Lower bound, inclusive. */
  low: number;
  /** Upper bound, inclusive. */
  high: number;
  /** Log scale; default false. */
  log?: boolean;
  /** Discretisation step; continuous when absent or null. */
  step?: number | null;
}

/** An integer parameter in [low, high]. */
export interface IntDistributionInfo {
  /** Discriminator. */
  type: 'int';
  /** Lower bound, inclusive. */
  low: number;
  /** Upper bound, inclusive. */
  high: number;
  /** Log scale; default false. */
  log?: boolean;
  /** Step between values; default 1. */
  step?: number;
}

/** A parameter taking one of listed values. */
export interface CategoricalDistributionInfo {
  /** Discriminator. */
  type: 'categorical';
  /** The values in order. */
  choices: ParamValue[];
}

/** The distribution of one parameter, told apart by `type`. */
export type DistributionInfo = FloatDistributionInfo | IntDistributionInfo | CategoricalDistributionInfo;

/** A `[step, value]` pair reported during a trial. */
export type IntermediateValue = [step: number, value: number | null];

/** One trial of a study, or one candidate of a search. */
export interface TrialRecord {
  /** Trial number (candidate index) from 0. */
  number: number;
  /** Trial state. */
  state: TrialState;
  /** Parameter values by name. */
  params: Record<string, ParamValue>;
  /** Objective values, one per direction (searches: the mean test score); null until complete. */
  values: (number | null)[] | null;
  /** Values reported during the trial, by increasing step. */
  intermediateValues: IntermediateValue[];
  /** Searches only: test score of each fold. */
  foldScores?: (number | null)[];
  /** Searches only: mean of the fold scores. */
  meanScore?: number | null;
  /** Searches only: standard deviation of the fold scores. */
  stdScore?: number | null;
  /** Searches only: rank from 1; null while unknown. */
  rank?: number | null;
  /** Start time, ISO 8601; null while waiting. */
  datetimeStart: string | null;
  /** End time, ISO 8601; null until the trial ends. */
  datetimeComplete: string | null;
  /** Duration in seconds; null until the trial ends. */
  durationSeconds: number | null;
  /** User attributes, any JSON values. */
  userAttrs: Record<string, unknown>;
  /** Why the trial failed; null unless `state` is `'FAIL'`. */
  failReason: string | null;
  /** Optional note on the trial. */
  note?: string;
}

/** How far a search is. */
export interface StudyProgress {
  /** Units of work done (trials, or candidate-fold fits). */
  done: number;
  /** Units of work in all; null when open-ended. */
  total: number | null;
  /** Optional human text, e.g. `'candidate 3 of 16, fold 2 of 3'`. */
  label?: string;
  /** Optional wall time so far, in seconds. */
  elapsedSeconds?: number;
  /** Optional estimated seconds until the end; null while unknown or open-ended. */
  etaSeconds?: number | null;
}

/** View settings of a study view chosen by the reader. */
export interface StudyViewState {
  /** Log-scale value axes on the loss-like charts. */
  logScale?: boolean;
  /** The leaderboard's sort column (`'number'`, `'value'`, `'param:' + name`, …) and order. */
  sort?: { column: string; descending: boolean };
  /** The leaderboard's state filters turned off (`'complete'`, `'pruned'`, `'failed'`, `'running'`). */
  hiddenStates?: ('complete' | 'pruned' | 'failed' | 'running')[];
  /** The highlighted trial; null for none. */
  selectedTrial?: number | null;
  /** The two parameters of the contour plot. */
  contourParams?: [string, string];
  /** Brushed parallel-coordinates ranges by axis name, in the axis' units (log10, choice index). */
  parallelRanges?: Record<string, [number, number][]>;
}

/** Where a live view sends Stop and Prune requests. */
export interface StudyControls {
  /** Jupyter comm target name. */
  commTarget: string;
  /** Id the kernel knows the study by. */
  studyId: string;
}

/** Payload of {@link STUDY_MIME}: a study or a cross-validated search. */
export interface StudyPayload {
  /** Format version. */
  version: 1;
  /** View id, also the Jupyter display id. */
  id: string;
  /** Study or search kind. */
  kind: StudyKind;
  /** Study name or search label. */
  name: string;
  /** One direction per objective. */
  directions: StudyDirection[];
  /** One name per objective, e.g. `['accuracy']`. */
  valueNames: string[];
  /** Where the study stands. */
  status: StudyStatus;
  /** Distribution of each parameter by name, in display order. */
  searchSpace: Record<string, DistributionInfo>;
  /** Every trial so far, by number. */
  trials: TrialRecord[];
  /** The best trial (single objective) or the Pareto front (several). */
  bestTrialNumbers: number[];
  /** Parameter importance by name, or null. */
  importance: Record<string, number> | null;
  /** Optional: why `importance` is null; the view hides its panel and shows this. */
  importanceNote?: string;
  /** Optional: parameter names in suggestion order (saved notebooks sort object keys). */
  paramNames?: string[];
  /** Optional: the reader's view settings, written back by the renderer. */
  viewState?: StudyViewState;
  /** Optional progress. */
  progress?: StudyProgress;
  /** Where the extension sends requests; null without a live kernel. */
  controls: StudyControls | null;
}

/** A Jupyter MIME bundle: data by MIME type. */
export type MimeBundle = Record<string, unknown>;
