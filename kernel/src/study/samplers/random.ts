/** RandomSampler: independent uniform draws on each parameter's (log) scale, seeded. */
import type { Distribution, ParamValue } from '../distributions';
import { isSingle } from '../distributions';
import { Rng } from '../rng';
import { checkOptions } from '../validation';
import type { Sampler } from './base';
import { clip, nextBelow, roundHalfEven } from './round';

/** Options of {@link RandomSampler}. */
export interface RandomSamplerOptions {
  /** Seed of the random stream; the same seed gives the same parameter sequence. */
  seed?: number;
}

/**
 * Draws one value from `d` with `rng`, as Optuna's RandomSampler does: uniform on the (log) scale,
 * integers and stepped floats uniform over [low - step/2, high + step/2] and then snapped to the grid.
 * Optuna note: categorical choices are drawn as a uniform index (Optuna takes the arg-max of
 * uniform one-hot scores, which has the same distribution).
 */
export function sampleUniform(rng: Rng, d: Distribution): ParamValue {
  if (d.type === 'categorical') return d.choices[rng.int(d.choices.length)];
  if (d.type === 'float') {
    if (d.log) {
      const v = Math.exp(rng.uniform(Math.log(d.low), Math.log(d.high)));
      return isSingle(d) ? v : clip(v, d.low, nextBelow(d.high));
    }
    if (d.step !== null) {
      const u = rng.uniform(d.low - d.step / 2, d.high + d.step / 2);
      return clip(roundHalfEven((u - d.low) / d.step) * d.step + d.low, d.low, d.high);
    }
    const v = rng.uniform(d.low, d.high);
    return isSingle(d) ? v : Math.min(v, nextBelow(d.high));
  }
  if (d.log) {
    const u = rng.uniform(Math.log(d.low - 0.5), Math.log(d.high + 0.5));
    return clip(roundHalfEven(Math.exp(u)), d.low, d.high);
  }
  const u = rng.uniform(d.low - d.step / 2, d.high + d.step / 2);
  return clip(roundHalfEven((u - d.low) / d.step) * d.step + d.low, d.low, d.high);
}

/**
 * Samples every parameter independently and uniformly (log-uniformly for `log` parameters).
 *
 * @example
 * ```ts
 * const study = await createStudy({ sampler: new RandomSampler({ seed: 42 }) });
 * ```
 */
export class RandomSampler implements Sampler {
  private readonly rng: Rng;

  /** @throws InvalidArgumentError for an unknown option or a non-integer seed */
  constructor(options: RandomSamplerOptions = {}) {
    checkOptions('RandomSampler', options, { seed: 'integer' });
    this.rng = new Rng(options.seed);
  }

  inferRelativeSearchSpace(): Record<string, Distribution> {
    return {};
  }

  sampleRelative(): Record<string, ParamValue> {
    return {};
  }

  sampleIndependent(_study: unknown, _trial: unknown, _name: string, distribution: Distribution): ParamValue {
    return sampleUniform(this.rng, distribution);
  }
}
