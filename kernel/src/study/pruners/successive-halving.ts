/**
 * SuccessiveHalvingPruner (asynchronous successive halving, Li et al. 2020), as Optuna implements it:
 * a trial reaching rung r at step minResource·η^(s+r) records its value in the system attribute
 * `completed_rung_<r>` and goes on only if it is within the top 1/η of the values recorded at that rung.
 */
import { InvalidArgumentError } from '../../errors';
import { lastStep, type FrozenTrial } from '../frozen-trial';
import { checkOptions } from '../validation';
import { singleDirection, type Pruner, type PrunerStudy } from './base';

/** Options of {@link SuccessiveHalvingPruner}. */
export interface SuccessiveHalvingPrunerOptions {
  /** Steps before the first rung, or 'auto' (max(last step of the first complete trial / 100, 1)). Default 'auto'. */
  minResource?: number | 'auto';
  /** η: the top 1/η of a rung goes on. Default 4. */
  reductionFactor?: number;
  /** s: the first rung is at minResource·η^s. Default 0. */
  minEarlyStoppingRate?: number;
  /** Trials needed at a rung before any is promoted. Default 0. */
  bootstrapCount?: number;
}

/** The system attribute key of rung `r`. */
export const completedRungKey = (rung: number): string => `completed_rung_${rung}`;

function currentRung(trial: FrozenTrial): number {
  let rung = 0;
  while (completedRungKey(rung) in trial.systemAttrs) rung++;
  return rung;
}

/** Optuna's `min_resource='auto'`: from the longest COMPLETE trial, max(lastStep / 100, 1). */
export function estimateMinResource(trials: readonly FrozenTrial[]): number | undefined {
  const steps = trials.filter((t) => t.state === 'COMPLETE').map(lastStep).filter((s): s is number => s !== undefined);
  if (steps.length === 0) return undefined;
  return Math.max(Math.floor(Math.max(...steps) / 100), 1);
}

/**
 * Asynchronous successive halving.
 *
 * @example
 * ```ts
 * const study = await createStudy({ pruner: new SuccessiveHalvingPruner({ minResource: 1, reductionFactor: 3 }) });
 * ```
 */
export class SuccessiveHalvingPruner implements Pruner {
  private minResource: number | undefined;
  private readonly reductionFactor: number;
  private readonly minEarlyStoppingRate: number;
  private readonly bootstrapCount: number;

  /** @throws InvalidArgumentError for a bad option (minResource < 1, reductionFactor < 2, …) */
  constructor(options: SuccessiveHalvingPrunerOptions = {}) {
    checkOptions('SuccessiveHalvingPruner', options, {
      minResource: (v, arg) => {
        if (v !== 'auto' && !(Number.isInteger(v) && (v as number) >= 1)) throw new InvalidArgumentError(arg, "must be an integer >= 1 or 'auto'", v);
      },
      reductionFactor: (v, arg) => {
        if (!(Number.isInteger(v) && (v as number) >= 2)) throw new InvalidArgumentError(arg, 'must be an integer >= 2', v);
      },
      minEarlyStoppingRate: 'nonNegativeInteger',
      bootstrapCount: 'nonNegativeInteger',
    });
    const minResource = options.minResource ?? 'auto';
    this.bootstrapCount = options.bootstrapCount ?? 0;
    if (this.bootstrapCount > 0 && minResource === 'auto') {
      throw new InvalidArgumentError('SuccessiveHalvingPruner.bootstrapCount', "must be 0 when minResource is 'auto'", this.bootstrapCount, 'Give minResource a number');
    }
    this.minResource = minResource === 'auto' ? undefined : minResource;
    this.reductionFactor = options.reductionFactor ?? 4;
    this.minEarlyStoppingRate = options.minEarlyStoppingRate ?? 0;
  }

  prune(study: PrunerStudy, trial: FrozenTrial): boolean {
    const step = lastStep(trial);
    if (step === undefined) return false;
    let rung = currentRung(trial);
    const value = trial.intermediateValues.get(step)!;
    const direction = singleDirection(study);
    for (;;) {
      if (this.minResource === undefined) {
        this.minResource = estimateMinResource(study.getTrials());
        if (this.minResource === undefined) return false;
      }
      const promotionStep = this.minResource * this.reductionFactor ** (this.minEarlyStoppingRate + rung);
      if (step < promotionStep) return false;
      if (Number.isNaN(value)) return true;
      const key = completedRungKey(rung);
      study.setTrialSystemAttr(key, value);
      const competing = study.getTrials().filter((t) => t.number !== trial.number && key in t.systemAttrs).map((t) => t.systemAttrs[key] as number);
      competing.push(value);
      if (competing.length <= this.bootstrapCount) return true;
      if (!promotable(value, competing, this.reductionFactor, direction === 'maximize')) return true;
      rung++;
    }
  }
}

function promotable(value: number, competing: number[], reductionFactor: number, maximize: boolean): boolean {
  let index = Math.floor(competing.length / reductionFactor) - 1;
  if (index === -1) index = 0;
  competing.sort((a, b) => a - b);
  return maximize ? value >= competing[competing.length - 1 - index] : value <= competing[index];
}
