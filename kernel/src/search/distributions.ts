/**
 * scipy.stats-style distributions for `RandomizedSearchCV`: `randint(low, high)` (high exclusive),
 * `uniform(loc, scale)` on [loc, loc + scale], `loguniform(a, b)`. Each draws exactly as scipy does
 * from a numpy-compatible {@link RandomState}, so seeded searches sample the same candidates.
 */
import { InvalidArgumentError } from '../errors';
import { checkRandomState, RandomState } from '../random';

/** A distribution a search can sample a parameter from. */
export interface Distribution {
  /** Which scipy distribution this mirrors. */
  readonly name: 'randint' | 'uniform' | 'loguniform';
  /** One draw (what scikit-learn's ParameterSampler takes per candidate). */
  sample(randomState: RandomState): number;
  /** `size` draws, as scipy's `rvs(size, random_state)`. */
  rvs(size?: number, randomState?: number | RandomState): number[];
  /** The range, for display: `{ type: 'int', low, high }` (inclusive bounds) and so on. */
  describe(): { type: 'int' | 'float'; low: number; high: number; log?: boolean };
}

function finite(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(argument, 'must be a finite number', value);
  }
  return value;
}

abstract class BaseDistribution implements Distribution {
  abstract readonly name: Distribution['name'];
  abstract sample(randomState: RandomState): number;
  abstract describe(): ReturnType<Distribution['describe']>;

  rvs(size = 1, randomState?: number | RandomState): number[] {
    if (!Number.isInteger(size) || size < 1) {
      throw new InvalidArgumentError('size', 'must be a positive integer', size);
    }
    const rs = checkRandomState(randomState);
    return Array.from({ length: size }, () => this.sample(rs));
  }
}

class RandInt extends BaseDistribution {
  readonly name = 'randint' as const;
  constructor(readonly low: number, readonly high: number) {
    super();
  }
  sample(rs: RandomState): number {
    return rs.randint(this.low, this.high);
  }
  describe() {
    return { type: 'int' as const, low: this.low, high: this.high - 1 };
  }
}

class Uniform extends BaseDistribution {
  readonly name = 'uniform' as const;
  constructor(readonly loc: number, readonly scale: number) {
    super();
  }
  sample(rs: RandomState): number {
    return rs.uniform(0, 1) * this.scale + this.loc;
  }
  describe() {
    return { type: 'float' as const, low: this.loc, high: this.loc + this.scale };
  }
}

class LogUniform extends BaseDistribution {
  readonly name = 'loguniform' as const;
  constructor(readonly a: number, readonly b: number) {
    super();
  }
  sample(rs: RandomState): number {
    const q = rs.uniform(0, 1);
    return Math.exp(Math.log(this.a) + q * (Math.log(this.b) - Math.log(this.a)));
  }
  describe() {
    return { type: 'float' as const, low: this.a, high: this.b, log: true };
  }
}

/**
 * Integers uniformly in [low, high) — scipy's `randint(low, high)`; `high` is exclusive.
 * @example `randint(64, 256)` draws 64…255.
 */
export function randint(low: number, high: number): Distribution {
  if (!Number.isInteger(low)) throw new InvalidArgumentError('low', 'must be an integer', low);
  if (!Number.isInteger(high) || high <= low) {
    throw new InvalidArgumentError('high', `must be an integer greater than low (${low}); high is exclusive`, high);
  }
  return new RandInt(low, high);
}

/**
 * Floats uniformly in [loc, loc + scale] — scipy's `uniform(loc, scale)`, NOT [low, high].
 * @example `uniform(0.2, 0.5)` draws from [0.2, 0.7].
 */
export function uniform(loc = 0, scale = 1): Distribution {
  finite('loc', loc);
  if (finite('scale', scale) <= 0) {
    throw new InvalidArgumentError('scale', 'must be positive (the width of [loc, loc + scale])', scale);
  }
  return new Uniform(loc, scale);
}

/** Floats whose logarithm is uniform in [log a, log b] — scipy's `loguniform(a, b)`. */
export function loguniform(a: number, b: number): Distribution {
  if (finite('a', a) <= 0) throw new InvalidArgumentError('a', 'must be positive', a);
  if (finite('b', b) <= a) throw new InvalidArgumentError('b', `must be greater than a (${a})`, b);
  return new LogUniform(a, b);
}

/** True for rnnlab distributions (as scikit-learn checks `hasattr(v, 'rvs')`). */
export function isDistribution(value: unknown): value is Distribution {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Distribution).sample === 'function' &&
    typeof (value as Distribution).rvs === 'function'
  );
}
