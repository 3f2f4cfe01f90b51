/**
 * PercentilePruner (the base of MedianPruner): prunes a trial whose best reported value so far is
 * worse than the given percentile of the COMPLETE trials' values at the same step.
 */
import { InvalidArgumentError } from '../../errors';
import { lastStep, type FrozenTrial, type StudyDirection } from '../frozen-trial';
import { checkOptions } from '../validation';
import { singleDirection, type Pruner, type PrunerStudy } from './base';

/** Options of {@link PercentilePruner} and MedianPruner. */
export interface PercentilePrunerOptions {
  /** Complete trials needed before pruning starts. Default 5. */
  nStartupTrials?: number;
  /** Steps of a trial that are never pruned. Default 0. */
  nWarmupSteps?: number;
  /** Judge only every `intervalSteps` steps after the warm-up. Default 1. */
  intervalSteps?: number;
  /** Least number of trials reporting at a step for a decision there. Default 1. */
  nMinTrials?: number;
}

/** NumPy's `nanpercentile` with linear interpolation. */
export function nanPercentile(values: readonly number[], q: number): number {
  const xs = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (xs.length === 0) return NaN;
  const pos = ((xs.length - 1) * q) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return lo === hi ? xs[lo] : xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}

function bestSoFar(trial: FrozenTrial, direction: StudyDirection): number {
  const values = [...trial.intermediateValues.values()].filter((v) => !Number.isNaN(v));
  if (values.length === 0) return NaN;
  return direction === 'maximize' ? Math.max(...values) : Math.min(...values);
}

/** Whether `step` is the first report in its pruning interval (Optuna's rule). */
export function isFirstInIntervalStep(step: number, steps: Iterable<number>, nWarmupSteps: number, intervalSteps: number): boolean {
  const nearestLower = Math.floor((step - nWarmupSteps) / intervalSteps) * intervalSteps + nWarmupSteps;
  let secondLast = -1;
  for (const s of steps) if (s > secondLast && s !== step) secondLast = s;
  return secondLast < nearestLower;
}

/**
 * Prunes a trial whose best intermediate value is worse than the `percentile`-th percentile of the
 * complete trials' values at the same step.
 *
 * @example
 * ```ts
 * const study = await createStudy({ pruner: new PercentilePruner(25, { nWarmupSteps: 3 }) });
 * ```
 */
export class PercentilePruner implements Pruner {
  private readonly nStartupTrials: number;
  private readonly nWarmupSteps: number;
  private readonly intervalSteps: number;
  private readonly nMinTrials: number;

  /** @throws InvalidArgumentError when percentile is outside [0, 100] or an option is bad */
  constructor(readonly percentile: number, options: PercentilePrunerOptions = {}, where = 'PercentilePruner') {
    if (typeof percentile !== 'number' || !(percentile >= 0 && percentile <= 100)) {
      throw new InvalidArgumentError('percentile', 'must be a number in [0, 100]', percentile);
    }
    checkOptions(where, options, { nStartupTrials: 'nonNegativeInteger', nWarmupSteps: 'nonNegativeInteger', intervalSteps: 'positiveInteger', nMinTrials: 'positiveInteger' });
    this.nStartupTrials = options.nStartupTrials ?? 5;
    this.nWarmupSteps = options.nWarmupSteps ?? 0;
    this.intervalSteps = options.intervalSteps ?? 1;
    this.nMinTrials = options.nMinTrials ?? 1;
  }

  prune(study: PrunerStudy, trial: FrozenTrial): boolean {
    const complete = study.getTrials(['COMPLETE']);
    if (complete.length === 0 || complete.length < this.nStartupTrials) return false;
    const step = lastStep(trial);
    if (step === undefined || step < this.nWarmupSteps) return false;
    if (!isFirstInIntervalStep(step, trial.intermediateValues.keys(), this.nWarmupSteps, this.intervalSteps)) return false;
    const direction = singleDirection(study);
    const best = bestSoFar(trial, direction);
    if (Number.isNaN(best)) return true;
    const atStep = complete.filter((t) => t.intermediateValues.has(step)).map((t) => t.intermediateValues.get(step)!);
    if (atStep.length < this.nMinTrials) return false;
    const p = nanPercentile(atStep, direction === 'maximize' ? 100 - this.percentile : this.percentile);
    if (Number.isNaN(p)) return false;
    return direction === 'maximize' ? best < p : best > p;
  }
}
