/**
 * Sliding windows over a time series: each sample is `windowSize` consecutive steps of the features,
 * its target the value `horizon` steps after the window's last step.
 */
import { InvalidArgumentError } from '../errors';
import { checkKnownKeys, checkPositiveInteger } from '../validation';

export interface SlidingWindowOptions {
  /** Steps per sample (the RNN's timesteps). */
  windowSize: number;
  /** How many steps after the window's last step the target is taken. Default 1 (the next step). */
  horizon?: number;
  /** Steps between the starts of two windows. Default 1. */
  stride?: number;
}

/** Windows of a series: `X[i]` is [windowSize][features], `y[i]` the target, `end[i]` the target's step. */
export interface Windows<T> {
  X: number[][][];
  y: T[];
  /** Index (into the series) of each sample's target step, for time-ordered splits and dates. */
  targetIndex: number[];
}

/**
 * @param features - the series, one row of feature values per step
 * @param targets - one target per step (its value at the target step is used)
 * @example
 * ```ts
 * const { X, y } = slidingWindows(rows.map((d) => [d.tempMax, d.precipitation]), rows.map((d) => d.precipitation > 0 ? 1 : 0), { windowSize: 7 });
 * ```
 */
export function slidingWindows<T>(features: readonly (readonly number[])[], targets: readonly T[], options: SlidingWindowOptions): Windows<T> {
  checkKnownKeys('slidingWindows', options, ['windowSize', 'horizon', 'stride']);
  const windowSize = checkPositiveInteger('windowSize', options.windowSize);
  const horizon = checkPositiveInteger('horizon', options.horizon ?? 1);
  const stride = checkPositiveInteger('stride', options.stride ?? 1);
  if (targets.length !== features.length) {
    throw new InvalidArgumentError('targets', `must have one value per step of features (${features.length})`, `${targets.length} values`);
  }
  if (windowSize + horizon > features.length) {
    throw new InvalidArgumentError('windowSize', `+ horizon must not exceed the series length (${features.length})`, windowSize);
  }
  const width = features[0]?.length ?? 0;
  const out: Windows<T> = { X: [], y: [], targetIndex: [] };
  for (let start = 0; start + windowSize - 1 + horizon < features.length; start += stride) {
    const window = features.slice(start, start + windowSize).map((row, i) => {
      if (row.length !== width) {
        throw new InvalidArgumentError(`features[${start + i}]`, `must have ${width} values like the first row`, row);
      }
      return [...row];
    });
    const target = start + windowSize - 1 + horizon;
    out.X.push(window);
    out.y.push(targets[target]);
    out.targetIndex.push(target);
  }
  return out;
}
