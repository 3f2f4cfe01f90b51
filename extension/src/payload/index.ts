export { checkStudy, checkTraining } from './validate';
export type { Checked } from './validate';
export { TRAINING_STATUSES, TRIAL_STATES } from './types';
export type {
  BatchRecord,
  Controls,
  Direction,
  Distribution,
  EpochRecord,
  JsonValue,
  LayerRow,
  Num,
  ParamValue,
  StudyKind,
  StudyPayload,
  StudyProgress,
  StudyViewState,
  StudyStatus,
  TrainingPayload,
  TrainingProgress,
  TrainingViewState,
  TrainingStatus,
  Trial,
  TrialState,
} from './types';
