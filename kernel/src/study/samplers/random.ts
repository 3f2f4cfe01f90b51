/** RandomSampler: independent uniform draws on each parameter's (log) scale, with numpy's RandomState as Optuna. */
import type { Distribution, ParamValue } from '../distributions';
import { isSingle } from '../distributions';
import { InvalidArgumentError } from '../../errors';
import { checkRandomState, RandomState } from '../../random';
import { checkOptions } from '../validation';
import type { Sampler } from './base';
import { clip, nextBelow, roundHalfEven } from './round';

/** Options of {@link RandomSampler}. */
export interface RandomSamplerOptions {
  /** Seed of numpy's RandomState in [0, 2^32 - 1]; the same seed gives the parameters Python Optuna draws. */
  seed?: number;
}

/**
 * A numpy RandomState for a sampler's `seed` option (a fresh random seed when absent), as Optuna's
 * `LazyRandomState(seed)`.
 *
 * @throws InvalidArgumentError when `seed` is outside [0, 2^32 - 1] (numpy's seed range)
 */
export function samplerRandomState(seed: number | undefined): RandomState {
  if (seed !== undefined && (seed < 0 || seed > 0xffffffff)) {
    throw new InvalidArgumentError('seed', 'must be an integer in [0, 4294967295] (numpy seeds)', seed);
  }
  return checkRandomState(seed);
}

/** `[low, high)` of `d` on the scale Optuna's RandomSampler draws on (log scale, half a step wider). */
function drawBounds(d: Exclude<Distribution, { type: 'categorical' }>): [number, number] {
  if (d.type === 'float') {
    if (d.log) return [Math.log(d.low), Math.log(d.high)];
    if (d.step !== null) return [d.low - d.step / 2, d.high + d.step / 2];
    return [d.low, d.high];
  }
  if (d.log) return [Math.log(d.low - d.step / 2), Math.log(d.high + d.step / 2)];
  return [d.low - d.step / 2, d.high + d.step / 2];
}

/** Maps a draw on that scale back to a value of `d`, as Optuna's `_untransform_numerical_param`. */
function fromDraw(d: Exclude<Distribution, { type: 'categorical' }>, u: number): number {
  if (d.type === 'float') {
    if (d.log) return isSingle(d) ? Math.exp(u) : clip(Math.exp(u), d.low, nextBelow(d.high));
    if (d.step !== null) return clip(roundHalfEven((u - d.low) / d.step) * d.step + d.low, d.low, d.high);
    return isSingle(d) ? u : Math.min(u, nextBelow(d.high));
  }
  if (d.log) return clip(roundHalfEven(Math.exp(u)), d.low, d.high);
  return clip(Math.floor((u - d.low) / d.step + 0.5) * d.step + d.low, d.low, d.high);
}

/**
 * Draws one value from `d` exactly as Optuna's RandomSampler does with the same numpy RandomState:
 * one `uniform` on the (log) scale for numbers (integers and stepped floats over
 * [low - step/2, high + step/2], then snapped to the grid), and for categories one uniform score per
 * choice, taking the first highest (Optuna's one-hot arg-max). The same seed and the same suggest
 * calls therefore give Python Optuna's parameters.
 */
export function sampleUniform(rng: RandomState, d: Distribution): ParamValue {
  if (d.type === 'categorical') {
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < d.choices.length; i++) {
      const score = rng.uniform(0, 1);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return d.choices[best];
  }
  const [low, high] = drawBounds(d);
  return fromDraw(d, rng.uniform(low, high));
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
  private readonly rng: RandomState;

  /** @throws InvalidArgumentError for an unknown option or a non-integer seed */
  constructor(options: RandomSamplerOptions = {}) {
    checkOptions('RandomSampler', options, { seed: 'integer' });
    this.rng = samplerRandomState(options.seed);
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
