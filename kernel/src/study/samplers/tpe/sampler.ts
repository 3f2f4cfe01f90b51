/** TPESampler: the Tree-structured Parzen Estimator with Optuna's defaults. */
import { InvalidArgumentError } from '../../../errors';
import { isSingle, toExternal, toInternal, type Distribution, type ParamValue } from '../../distributions';
import type { FrozenTrial, TrialState } from '../../frozen-trial';
import type { RandomState } from '../../../random';
import { intersectionSearchSpace } from '../../search-space';
import { checkOptions } from '../../validation';
import type { Sampler, SamplerStudy } from '../base';
import { sampleUniform, samplerRandomState } from '../random';
import { ParzenEstimator, defaultWeights, type ParzenEstimatorParameters } from './parzen-estimator';
import { splitTrials } from './split';

/** Options of {@link TPESampler}, named as Optuna's in camelCase. */
export interface TPESamplerOptions {
  /** Seed of the random streams; the same seed gives the same parameter sequence. */
  seed?: number;
  /** Trials sampled at random before TPE starts. Default 10. */
  nStartupTrials?: number;
  /** Candidates drawn from the good-trials estimator per suggestion. Default 24. */
  nEiCandidates?: number;
  /** Number of good trials out of n finished ones. Default min(ceil(0.1·n), 25) (ceil(0.1·n) for several objectives). */
  gamma?: (n: number) => number;
  /** Weights of n observations, oldest first. Default: 1 for the newest 25, a ramp for older ones. */
  weights?: (n: number) => number[];
  /** Weight of the prior kernel. Default 1. */
  priorWeight?: number;
  /** Clip bandwidths from below by range / min(100, 1 + kernels). Default true. */
  considerMagicClip?: boolean;
  /** Let the range ends widen the outermost kernels. Default false. */
  considerEndpoints?: boolean;
  /**
   * Sample the shared parameters jointly (multivariate TPE). Default: true for one objective, false
   * for several (Optuna 5's default).
   */
  multivariate?: boolean;
  /** Count running trials as bad ones, so parallel trials spread out. Default true (Optuna 5). */
  constantLiar?: boolean;
}

/** Optuna's default gamma: min(ceil(0.1·n), 25). */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** Optuna's default gamma for several objectives: ceil(0.1·n). */
export function defaultGammaMultiObjective(n: number): number {
  return Math.ceil(0.1 * n);
}

/** System attribute that holds a running trial's jointly sampled params (Optuna's key). */
export const RELATIVE_PARAMS_KEY = 'tpe:relative_params';

const FINISHED_STATES: readonly TrialState[] = ['COMPLETE', 'PRUNED'];
const LIAR_STATES: readonly TrialState[] = ['COMPLETE', 'PRUNED', 'RUNNING'];

/**
 * Tree-structured Parzen Estimator: after `nStartupTrials` random trials, it splits finished trials
 * into the best `gamma(n)` and the rest, fits a Parzen estimator to each, draws `nEiCandidates`
 * candidates from the good one and keeps the candidate with the largest density ratio.
 *
 * Optuna note: the defaults are Optuna 5's (`multivariate` on for one objective, `constantLiar`
 * on). Both random streams are numpy RandomStates of the seed, as in Optuna: the start-up trials
 * are exactly Python's; after them the Parzen estimators draw in their own order, so later trials
 * differ from Python's (but a seed always gives the same ones).
 *
 * @example
 * ```ts
 * const study = await createStudy({ direction: 'maximize', sampler: new TPESampler({ seed: 1 }) });
 * ```
 */
export class TPESampler implements Sampler {
  private readonly rng: RandomState;
  private readonly randomRng: RandomState;
  private readonly nStartupTrials: number;
  private readonly nEiCandidates: number;
  private readonly gamma?: (n: number) => number;
  private readonly parameters: ParzenEstimatorParameters;
  private readonly multivariate?: boolean;
  private readonly constantLiar: boolean;

  /** @throws InvalidArgumentError for an unknown option or a bad value (before any trial runs) */
  constructor(options: TPESamplerOptions = {}) {
    checkOptions('TPESampler', options, {
      seed: 'integer',
      nStartupTrials: 'nonNegativeInteger',
      nEiCandidates: 'positiveInteger',
      gamma: 'function',
      weights: 'function',
      priorWeight: 'nonNegativeNumber',
      considerMagicClip: 'boolean',
      considerEndpoints: 'boolean',
      multivariate: 'boolean',
      constantLiar: 'boolean',
    });
    // Optuna note: as in Optuna, start-up trials come from a RandomSampler with the same seed (so they
    // are Python's draws); the Parzen estimators draw from a second stream of that seed.
    this.rng = samplerRandomState(options.seed);
    this.randomRng = samplerRandomState(options.seed);
    this.nStartupTrials = options.nStartupTrials ?? 10;
    this.nEiCandidates = options.nEiCandidates ?? 24;
    this.gamma = options.gamma;
    this.parameters = {
      priorWeight: options.priorWeight ?? 1,
      considerMagicClip: options.considerMagicClip ?? true,
      considerEndpoints: options.considerEndpoints ?? false,
      weights: options.weights ?? defaultWeights,
    };
    this.multivariate = options.multivariate;
    this.constantLiar = options.constantLiar ?? true;
  }

  private isMultivariate(study: SamplerStudy): boolean {
    return this.multivariate ?? study.directions.length <= 1;
  }

  inferRelativeSearchSpace(study: SamplerStudy): Record<string, Distribution> {
    if (!this.isMultivariate(study)) return {};
    const space: Record<string, Distribution> = {};
    for (const [name, d] of Object.entries(intersectionSearchSpace(study.getTrials(FINISHED_STATES), true))) {
      if (!isSingle(d)) space[name] = d;
    }
    return space;
  }

  sampleRelative(study: SamplerStudy, trial: FrozenTrial, searchSpace: Record<string, Distribution>): Record<string, ParamValue> {
    if (Object.keys(searchSpace).length === 0) return {};
    if (study.getTrials(FINISHED_STATES).length < this.nStartupTrials) return {};
    const params = this.sample(study, trial, searchSpace);
    if (this.constantLiar) study.setTrialSystemAttr(`${RELATIVE_PARAMS_KEY}:0`, JSON.stringify(params));
    return params;
  }

  sampleIndependent(study: SamplerStudy, trial: FrozenTrial, paramName: string, distribution: Distribution): ParamValue {
    if (study.getTrials(FINISHED_STATES).length < this.nStartupTrials) return sampleUniform(this.randomRng, distribution);
    return this.sample(study, trial, { [paramName]: distribution })[paramName];
  }

  private paramsOf(study: SamplerStudy, trial: FrozenTrial): Readonly<Record<string, ParamValue>> {
    if (trial.state !== 'RUNNING' || !this.isMultivariate(study)) return trial.params;
    const stored = trial.systemAttrs[`${RELATIVE_PARAMS_KEY}:0`];
    if (typeof stored !== 'string') return trial.params;
    try {
      return { ...(JSON.parse(stored) as Record<string, ParamValue>), ...trial.params };
    } catch {
      return trial.params;
    }
  }

  private observations(study: SamplerStudy, trials: readonly FrozenTrial[], space: Record<string, Distribution>): Record<string, number[]> {
    const out: Record<string, number[]> = Object.fromEntries(Object.keys(space).map((k) => [k, [] as number[]]));
    for (const trial of trials) {
      const params = this.paramsOf(study, trial);
      if (!Object.keys(space).every((k) => k in params)) continue;
      for (const [name, d] of Object.entries(space)) out[name].push(toInternal(d, params[name]));
    }
    return out;
  }

  private sample(study: SamplerStudy, trial: FrozenTrial, space: Record<string, Distribution>): Record<string, ParamValue> {
    let trials = study.getTrials(this.constantLiar ? LIAR_STATES : FINISHED_STATES);
    trials = trials.filter((t) => t.number !== trial.number);
    const gamma = this.gamma ?? (study.directions.length <= 1 ? defaultGamma : defaultGammaMultiObjective);
    const n = trials.filter((t) => t.state !== 'RUNNING').length;
    const nBelow = gamma(n);
    if (!Number.isInteger(nBelow) || nBelow < 0) throw new InvalidArgumentError('TPESampler.gamma', 'must return an integer >= 0', nBelow);
    const [below, above] = splitTrials(trials, study.directions, nBelow);
    const obsBelow = this.observations(study, below, space);
    const nObsBelow = Object.values(obsBelow)[0]?.length ?? 0;
    const mpeBelow = new ParzenEstimator(obsBelow, space, this.parameters, study.directions.length > 1 ? new Array<number>(nObsBelow).fill(1) : undefined);
    const mpeAbove = new ParzenEstimator(this.observations(study, above, space), space, this.parameters);
    const candidates = mpeBelow.sample(this.rng, this.nEiCandidates);
    const lBelow = mpeBelow.logPdf(candidates);
    const lAbove = mpeAbove.logPdf(candidates);
    let best = 0;
    for (let i = 1; i < lBelow.length; i++) if (lBelow[i] - lAbove[i] > lBelow[best] - lAbove[best]) best = i;
    const out: Record<string, ParamValue> = {};
    for (const [name, d] of Object.entries(space)) out[name] = toExternal(d, candidates[name][best]);
    return out;
  }
}
