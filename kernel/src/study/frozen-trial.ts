/**
 * Read-only records of trials as samplers, pruners, storages and callbacks see them, and the trial
 * states and study directions with Optuna's names and integer codes (the codes are what a journal
 * file holds).
 */
import type { Distribution, ParamValue } from './distributions';

/**
 * Trial states, named as Optuna's `TrialState`.
 *
 * @example
 * ```ts
 * study.trials.filter((t) => t.state === TrialState.COMPLETE).length;
 * ```
 */
export const TrialState = {
  RUNNING: 'RUNNING',
  COMPLETE: 'COMPLETE',
  PRUNED: 'PRUNED',
  FAIL: 'FAIL',
  WAITING: 'WAITING',
} as const;

/** One of {@link TrialState}. */
export type TrialState = (typeof TrialState)[keyof typeof TrialState];

/** Optuna's integer code of each state (`TrialState.COMPLETE.value == 1`). */
export const TRIAL_STATE_CODES: Readonly<Record<TrialState, number>> = { RUNNING: 0, COMPLETE: 1, PRUNED: 2, FAIL: 3, WAITING: 4 };

/** The state of an Optuna integer code. */
export const TRIAL_STATE_OF_CODE: readonly TrialState[] = ['RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING'];

/** Whether a state is final (COMPLETE, PRUNED or FAIL). */
export function isFinished(state: TrialState): boolean {
  return state === 'COMPLETE' || state === 'PRUNED' || state === 'FAIL';
}

/** Whether lower or higher objective values are better. */
export type StudyDirection = 'minimize' | 'maximize';

/** The directions in order of their Optuna codes less one (`MINIMIZE = 1`, `MAXIMIZE = 2`). */
export const STUDY_DIRECTIONS: readonly StudyDirection[] = ['minimize', 'maximize'];

/** Optuna's integer code of each direction. */
export const DIRECTION_CODES: Readonly<Record<StudyDirection, number>> = { minimize: 1, maximize: 2 };

/** A JSON value (user and system attributes). */
export type AttrValue = null | boolean | number | string | AttrValue[] | { [key: string]: AttrValue };

/** A finished or running trial as stored: never changed in place. */
export interface FrozenTrial {
  /** Storage-wide id (Optuna `_trial_id`). */
  readonly trialId: number;
  /** Number within the study, from 0, in order of creation. */
  readonly number: number;
  readonly state: TrialState;
  /** One value per objective; null until COMPLETE (a PRUNED trial may hold its last intermediate value). */
  readonly values: readonly number[] | null;
  /**
   * Optuna's `value`: the single objective value, or null. Reading it on a multi-objective trial
   * throws, as in Optuna. Set on the trials a study hands out and on `createTrial`'s.
   */
  readonly value?: number | null;
  readonly datetimeStart: Date | null;
  readonly datetimeComplete: Date | null;
  /** Parameter values by name, in the order they were suggested. */
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly distributions: Readonly<Record<string, Distribution>>;
  readonly userAttrs: Readonly<Record<string, AttrValue>>;
  readonly systemAttrs: Readonly<Record<string, AttrValue>>;
  /** Reported values by step. */
  readonly intermediateValues: ReadonlyMap<number, number>;
}

/** The single objective value, or undefined (Optuna's `trial.value`). */
export function trialValue(trial: FrozenTrial): number | undefined {
  return trial.values && trial.values.length === 1 ? trial.values[0] : undefined;
}

const withValues = new WeakMap<FrozenTrial, FrozenTrial>();

/** `trial` with Optuna's `value` accessor (a copy; the same copy for the same record). */
export function withValue(trial: FrozenTrial): FrozenTrial {
  if (Object.prototype.hasOwnProperty.call(trial, 'value')) return trial;
  let out = withValues.get(trial);
  if (!out) {
    out = Object.defineProperty({ ...trial }, 'value', {
      enumerable: false,
      get(this: FrozenTrial): number | null {
        if (this.values && this.values.length > 1) {
          throw new Error(`trial ${this.number} has ${this.values.length} objective values: \`value\` is not available in multi-objective optimization, use \`values\``);
        }
        return this.values ? this.values[0] : null;
      },
    }) as FrozenTrial;
    withValues.set(trial, out);
  }
  return out;
}

/** The largest reported step, or undefined (Optuna's `last_step`). */
export function lastStep(trial: FrozenTrial): number | undefined {
  let last: number | undefined;
  for (const step of trial.intermediateValues.keys()) if (last === undefined || step > last) last = step;
  return last;
}

/** Why a FAIL trial failed (the `fail_reason` system attribute), or null. */
export function failReason(trial: FrozenTrial): string | null {
  const reason = trial.systemAttrs.fail_reason;
  return typeof reason === 'string' ? reason : null;
}

/** A deep copy with changes, for storages that replace records instead of mutating them. */
export function withChanges(trial: FrozenTrial, changes: Partial<FrozenTrial>): FrozenTrial {
  return { ...trial, ...changes };
}
