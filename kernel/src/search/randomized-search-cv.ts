/** `RandomizedSearchCV`: `nIter` candidates drawn as scikit-learn's ParameterSampler draws them. */
import { InvalidArgumentError } from '../errors';
import { BaseSearchCV, type BaseSearchOptions } from './base-search';
import { isDistribution } from './distributions';
import { type ParamDistributions, type Params, parameterSampler } from './parameter-grid';
import type { SearchKind, SpaceEntry } from './search-state';

export interface RandomizedSearchCVOptions extends BaseSearchOptions {
  /** Parameter name → values (uniform choice) or a distribution (randint, uniform, loguniform). */
  paramDistributions: ParamDistributions | ParamDistributions[];
  /** Number of candidates. Default 10. */
  nIter?: number;
  /** Seed of the draws (the same candidates as Python's for the same seed) and of the fits. */
  randomState?: number;
}

export class RandomizedSearchCV extends BaseSearchCV {
  protected readonly kind: SearchKind = 'randomized_search';
  private readonly drawn: Params[];
  private readonly distributions: ParamDistributions[];

  /**
   * The seed's `RandomizedSearchCV(estimator=model, param_distributions=param_dist, n_iter=30, cv=3)`.
   * @throws InvalidArgumentError for nIter < 1, empty or malformed distributions — before any fit.
   * @example
   * ```ts
   * const search = new RandomizedSearchCV({ estimator: model, paramDistributions: paramDist, nIter: 30, cv: 3, randomState: 0 });
   * await search.fit(xTrain, yTrain);
   * ```
   */
  constructor(options: RandomizedSearchCVOptions) {
    super('RandomizedSearchCV', ['paramDistributions', 'nIter', 'randomState'], options);
    const nIter = options.nIter ?? 10;
    if (!Number.isInteger(nIter) || nIter < 1) {
      throw new InvalidArgumentError('nIter', 'must be a positive integer', options.nIter);
    }
    if (options.paramDistributions === undefined) {
      throw new InvalidArgumentError('paramDistributions', 'is required: parameter name → values or distribution', undefined);
    }
    if (options.randomState !== undefined && (!Number.isInteger(options.randomState) || options.randomState < 0 || options.randomState > 0xffffffff)) {
      throw new InvalidArgumentError('randomState', 'must be an integer in [0, 4294967295]', options.randomState);
    }
    this.distributions = Array.isArray(options.paramDistributions) ? options.paramDistributions : [options.paramDistributions];
    this.drawn = parameterSampler(options.paramDistributions, nIter, options.randomState);
  }

  protected candidates(): Params[] {
    return this.drawn;
  }

  protected fitSeedBase(): number | undefined {
    return (this.options as RandomizedSearchCVOptions).randomState;
  }

  protected searchSpace(): Record<string, SpaceEntry> {
    const space: Record<string, SpaceEntry> = {};
    for (const dist of this.distributions) {
      for (const [name, value] of Object.entries(dist)) {
        space[name] = isDistribution(value) ? value.describe() : { type: 'categorical', choices: [...value] };
      }
    }
    return space;
  }
}
