/**
 * The pruner interface (Optuna's `BasePruner`). A pruner sees read-only frozen trials through
 * {@link PrunerStudy}; the only thing it may write is a system attribute of the trial it judges
 * (successive halving records the rungs a trial reached there).
 */
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../frozen-trial';

/** What a pruner may see and do. */
export interface PrunerStudy {
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  /** The study's trials (a snapshot), optionally only those in `states`. */
  getTrials(states?: readonly TrialState[]): readonly FrozenTrial[];
  /** Sets a system attribute of the trial being judged. */
  setTrialSystemAttr(key: string, value: AttrValue): void;
}

/** Decides whether a running trial should stop early, from its reported values. */
export interface Pruner {
  /** True when `trial` (RUNNING, with its latest reports) should be pruned. */
  prune(study: PrunerStudy, trial: FrozenTrial): boolean;
  /**
   * The trials the sampler should learn from for `trial` (Hyperband: those of the same bracket).
   * Absent: all of them.
   */
  filterTrials?(study: PrunerStudy, trial: FrozenTrial, trials: readonly FrozenTrial[]): readonly FrozenTrial[];
}

/** Whether a value looks like a pruner (for option checks). */
export function isPruner(value: unknown): value is Pruner {
  return typeof value === 'object' && value !== null && typeof (value as Pruner).prune === 'function';
}

/** The single direction of a study; pruners work on single-objective studies. */
export function singleDirection(study: PrunerStudy): StudyDirection {
  if (study.directions.length !== 1) {
    throw new Error('pruning needs a single-objective study: trial.shouldPrune() is not supported with several directions');
  }
  return study.directions[0];
}
