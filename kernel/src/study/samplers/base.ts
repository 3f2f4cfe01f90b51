/**
 * The sampler interface (Optuna's `BaseSampler` in camelCase). A sampler sees the study only through
 * {@link SamplerStudy}: read-only frozen trials, the directions, and a way to tag the current trial
 * and to stop the study. It never sees the storage.
 */
import type { Distribution, ParamValue } from '../distributions';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../frozen-trial';

/** What a sampler may see and do. */
export interface SamplerStudy {
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  /** The study's trials (a snapshot), optionally only those in `states`. */
  getTrials(states?: readonly TrialState[]): readonly FrozenTrial[];
  /** Sets a system attribute on the trial being sampled (Optuna samplers keep their bookkeeping there). */
  setTrialSystemAttr(key: string, value: AttrValue): void;
  /** Asks the study to start no further trial (GridSampler, once the grid is done). */
  stop(): void;
}

/**
 * Chooses parameter values. Relative sampling draws several parameters jointly at the start of a
 * trial; independent sampling draws one parameter when the objective asks for it.
 */
export interface Sampler {
  /** The parameters to draw jointly for `trial` (empty for independent samplers). */
  inferRelativeSearchSpace(study: SamplerStudy, trial: FrozenTrial): Record<string, Distribution>;
  /** Draws the parameters of `searchSpace` jointly. */
  sampleRelative(study: SamplerStudy, trial: FrozenTrial, searchSpace: Record<string, Distribution>): Record<string, ParamValue>;
  /** Draws one parameter. */
  sampleIndependent(study: SamplerStudy, trial: FrozenTrial, paramName: string, distribution: Distribution): ParamValue;
  /** Called when a trial starts, before any sampling. */
  beforeTrial?(study: SamplerStudy, trial: FrozenTrial): void;
  /** Called when a trial ends, before its state is stored. */
  afterTrial?(study: SamplerStudy, trial: FrozenTrial, state: TrialState, values: readonly number[] | null): void;
}

/** Whether a value looks like a sampler (for option checks). */
export function isSampler(value: unknown): value is Sampler {
  return typeof value === 'object' && value !== null && typeof (value as Sampler).sampleIndependent === 'function' && typeof (value as Sampler).sampleRelative === 'function';
}
