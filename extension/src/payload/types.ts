/**
 * TypeScript mirror of the two display payloads defined in `schema/` (the single source of truth).
 * `validate.ts` checks every payload against the JSON schemas before a view reads it, and
 * `types.spec.ts` checks that these types name the same keys and enums as the schemas.
 */

/** A number, or null for a non-finite value (NaN, Infinity); shown as "n/a". */
export type Num = number | null;

/** Where a training run stands. */
export type TrainingStatus = 'running' | 'finished' | 'stopped' | 'pruned' | 'failed';

/** Every training status, in display order. */
export const TRAINING_STATUSES: readonly TrainingStatus[] = ['running', 'finished', 'stopped', 'pruned', 'failed'];

/** One layer, as a row of the Keras model summary. */
export interface LayerRow {
  name: string;
  className: string;
  outputShape: (number | null)[];
  params: number;
}

/** One finished epoch; `logs` maps metric names (with `val_` ones) to values. */
export interface EpochRecord {
  epoch: number;
  logs: Record<string, Num>;
  seconds: number;
}

/** One finished batch (training metrics only). */
export interface BatchRecord {
  epoch: number;
  batch: number;
  logs: Record<string, Num>;
}

/** Payload of `application/vnd.rnnlab.training.v1+json`: one `model.fit` run. */
export interface TrainingPayload {
  version: 1;
  id: string;
  title?: string;
  status: TrainingStatus;
  error: string | null;
  backend: string;
  model: { name: string; totalParams: number; trainableParams?: number; layers: LayerRow[] };
  params: { epochs: number; batchSize: number | null; samples: number | null; validation: boolean };
  metrics: string[];
  epochs: EpochRecord[];
  batches?: BatchRecord[];
  startedAt: string;
  finishedAt: string | null;
  elapsedSeconds: number;
  /** The epoch in progress and the time left of the fit; null or absent when no epoch is in progress. */
  progress?: TrainingProgress | null;
  /** The best epoch and the early stop a callback (EarlyStopping, ModelCheckpoint) tracked; absent without one. */
  callbacks?: TrainingCallbacks;
  /** The reader's view settings, written back into the output so that a reload restores them. */
  viewState?: TrainingViewState;
}

/** What a best-epoch callback tracked: epochs from 0, `stoppedEpoch` null when training was not stopped. */
export interface TrainingCallbacks {
  monitor: string;
  mode: 'min' | 'max';
  bestEpoch: number | null;
  stoppedEpoch: number | null;
  restoredBestWeights: boolean;
}

/** Where a running fit is inside its current epoch. */
export interface TrainingProgress {
  epoch: number;
  batchesDone: number;
  batchesTotal: number | null;
  etaSeconds: number | null;
}

/** View settings of a training view. */
export interface TrainingViewState {
  logScale?: boolean;
}

/** Where a study or search stands. */
export type StudyStatus = 'running' | 'finished' | 'stopped' | 'failed';

/** Optuna `TrialState` names. */
export type TrialState = 'COMPLETE' | 'PRUNED' | 'FAIL' | 'RUNNING' | 'WAITING';

/** Every trial state, in display order. */
export const TRIAL_STATES: readonly TrialState[] = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING', 'WAITING'];

/** Whether lower or higher values are better. */
export type Direction = 'minimize' | 'maximize';

/** What the payload describes. */
export type StudyKind = 'study' | 'grid_search' | 'randomized_search';

/** A parameter value: a number, a categorical string or boolean, or null. */
export type ParamValue = number | string | boolean | null;

/** The distribution of one parameter, told apart by `type`. */
export type Distribution =
  | { type: 'float'; low: number; high: number; log?: boolean; step?: number | null }
  | { type: 'int'; low: number; high: number; log?: boolean; step?: number }
  | { type: 'categorical'; choices: ParamValue[] };

/** JSON value of a user attribute. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One trial of a study, or one candidate of a search. */
export interface Trial {
  number: number;
  state: TrialState;
  params: Record<string, ParamValue>;
  values: Num[] | null;
  intermediateValues: [number, Num][];
  foldScores?: Num[];
  meanScore?: Num;
  stdScore?: Num;
  rank?: number | null;
  datetimeStart: string | null;
  datetimeComplete: string | null;
  durationSeconds: number | null;
  userAttrs: Record<string, JsonValue>;
  failReason: string | null;
  note?: string;
}

/** Where a live view sends Stop and Prune requests. */
export interface Controls {
  commTarget: string;
  studyId: string;
}

/** Payload of `application/vnd.rnnlab.study.v1+json`: a study or a cross-validated search. */
export interface StudyPayload {
  version: 1;
  id: string;
  kind: StudyKind;
  name: string;
  directions: Direction[];
  valueNames: string[];
  status: StudyStatus;
  searchSpace: Record<string, Distribution>;
  trials: Trial[];
  bestTrialNumbers: number[];
  importance: Record<string, number> | null;
  /** Why importance is null; the view hides its panel and shows this. */
  importanceNote?: string;
  /** Parameter names in suggestion order (saved notebooks sort object keys). */
  paramNames?: string[];
  progress?: StudyProgress;
  controls: Controls | null;
  /** The reader's view settings, written back into the output so that a reload restores them. */
  viewState?: StudyViewState;
}

/** How far a search is. */
export interface StudyProgress {
  done: number;
  total: number | null;
  label?: string;
  elapsedSeconds?: number;
  etaSeconds?: number | null;
}

/** View settings of a study view. */
export interface StudyViewState {
  logScale?: boolean;
  sort?: { column: string; descending: boolean };
  hiddenStates?: ('complete' | 'pruned' | 'failed' | 'running')[];
  selectedTrial?: number | null;
  contourParams?: [string, string];
  /** Brushed parallel-coordinates ranges by axis name, in the axis' units. */
  parallelRanges?: Record<string, [number, number][]>;
}
