/**
 * HyperbandPruner: several successive-halving brackets with different first rungs; each trial is
 * assigned a bracket by a CRC-32 hash of `<studyName>_<trialNumber>` (as Optuna, so Python and
 * rnnlab assign the same brackets), and is judged (and sampled) only against its bracket's trials.
 */
import { InvalidArgumentError } from '../../errors';
import { lastStep, type FrozenTrial } from '../frozen-trial';
import { checkOptions } from '../validation';
import type { Pruner, PrunerStudy } from './base';
import { SuccessiveHalvingPruner } from './successive-halving';

/** Options of {@link HyperbandPruner}. */
export interface HyperbandPrunerOptions {
  /** Steps of the first rung of the most aggressive bracket. Default 1. */
  minResource?: number;
  /** Steps of a full trial, or 'auto' (last step of the first complete trial + 1). Default 'auto'. */
  maxResource?: number | 'auto';
  /** η. Default 3. */
  reductionFactor?: number;
  /** Trials needed at a rung before any is promoted. Default 0. */
  bootstrapCount?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_v, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (zlib's, as Python's `binascii.crc32`) of a string's UTF-8 bytes. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Hyperband (Li et al. 2018) over asynchronous successive halving.
 *
 * @example
 * ```ts
 * const study = await createStudy({ pruner: new HyperbandPruner({ minResource: 1, maxResource: 30, reductionFactor: 3 }) });
 * ```
 */
export class HyperbandPruner implements Pruner {
  private readonly minResource: number;
  private maxResource: number | 'auto';
  private readonly reductionFactor: number;
  private readonly bootstrapCount: number;
  private readonly pruners: SuccessiveHalvingPruner[] = [];
  private readonly budgets: number[] = [];
  private totalBudget = 0;

  /** @throws InvalidArgumentError for a bad option */
  constructor(options: HyperbandPrunerOptions = {}) {
    checkOptions('HyperbandPruner', options, {
      minResource: 'positiveInteger',
      maxResource: (v, arg) => {
        if (v !== 'auto' && !(Number.isInteger(v) && (v as number) >= 1)) throw new InvalidArgumentError(arg, "must be an integer >= 1 or 'auto'", v);
      },
      reductionFactor: (v, arg) => {
        if (!(Number.isInteger(v) && (v as number) >= 2)) throw new InvalidArgumentError(arg, 'must be an integer >= 2', v);
      },
      bootstrapCount: 'nonNegativeInteger',
    });
    this.minResource = options.minResource ?? 1;
    this.maxResource = options.maxResource ?? 'auto';
    this.reductionFactor = options.reductionFactor ?? 3;
    this.bootstrapCount = options.bootstrapCount ?? 0;
    if (this.bootstrapCount > 0 && this.maxResource === 'auto') {
      throw new InvalidArgumentError('HyperbandPruner.bootstrapCount', "must be 0 when maxResource is 'auto'", this.bootstrapCount, 'Give maxResource a number');
    }
  }

  /** Number of brackets (known once maxResource is). */
  get nBrackets(): number {
    return this.pruners.length;
  }

  private initialise(study: PrunerStudy): void {
    if (this.maxResource === 'auto') {
      const steps = study.getTrials(['COMPLETE']).map(lastStep).filter((s): s is number => s !== undefined);
      if (steps.length === 0) return;
      this.maxResource = Math.max(...steps) + 1;
    }
    const n = Math.floor(Math.log(this.maxResource / this.minResource) / Math.log(this.reductionFactor)) + 1;
    for (let bracket = 0; bracket < n; bracket++) {
      const s = n - 1 - bracket;
      const budget = Math.ceil((n * this.reductionFactor ** s) / (s + 1));
      this.budgets.push(budget);
      this.totalBudget += budget;
      this.pruners.push(new SuccessiveHalvingPruner({ minResource: this.minResource, reductionFactor: this.reductionFactor, minEarlyStoppingRate: bracket, bootstrapCount: this.bootstrapCount }));
    }
  }

  /** The bracket of trial `number` in study `studyName` (0 before initialisation). */
  bracketOf(studyName: string, number: number): number {
    if (this.pruners.length === 0) return 0;
    let n = crc32(`${studyName}_${number}`) % this.totalBudget;
    for (let bracket = 0; bracket < this.budgets.length; bracket++) {
      n -= this.budgets[bracket];
      if (n < 0) return bracket;
    }
    return this.budgets.length - 1;
  }

  private bracketStudy(study: PrunerStudy, bracket: number): PrunerStudy {
    return {
      studyName: study.studyName,
      directions: study.directions,
      getTrials: (states) => study.getTrials(states).filter((t) => this.bracketOf(study.studyName, t.number) === bracket),
      setTrialSystemAttr: (key, value) => study.setTrialSystemAttr(key, value),
    };
  }

  prune(study: PrunerStudy, trial: FrozenTrial): boolean {
    if (this.pruners.length === 0) {
      this.initialise(study);
      if (this.pruners.length === 0) return false;
    }
    const bracket = this.bracketOf(study.studyName, trial.number);
    return this.pruners[bracket].prune(this.bracketStudy(study, bracket), trial);
  }

  filterTrials(study: PrunerStudy, trial: FrozenTrial, trials: readonly FrozenTrial[]): readonly FrozenTrial[] {
    if (this.pruners.length === 0) return trials;
    const bracket = this.bracketOf(study.studyName, trial.number);
    return trials.filter((t) => this.bracketOf(study.studyName, t.number) === bracket);
  }
}
