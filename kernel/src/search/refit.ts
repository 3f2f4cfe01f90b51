/**
 * scikit-learn's `refit` rules: with one scorer `refit` is true or false; with several it names the
 * scorer that picks the best candidate (or is false: no best candidate, no refit).
 */
import { InvalidArgumentError } from '../errors';
import { scoringNames, SINGLE_SCORE } from './scoring';

/** How a search ranks and refits. */
export interface RefitPlan {
  /** Scorer names: the `cvResults` suffixes (`['score']` for a single scorer). */
  scorers: string[];
  multimetric: boolean;
  /** The scorer that ranks candidates (the view's value; best* with `refit`). */
  rankBy: string;
  /** Refit the best candidate on all data. */
  refit: boolean;
}

/**
 * Checks `refit` against `scoring`.
 * @throws InvalidArgumentError for `refit: true` (or absent) with several scorers, a name that is not
 *   a scorer, or a name with a single scorer
 */
export function checkRefit(refit: unknown, scoring: unknown): RefitPlan {
  const names = scoringNames(scoring);
  if (names === undefined) {
    if (refit !== undefined && typeof refit !== 'boolean') {
      throw new InvalidArgumentError('refit', 'must be true or false with a single scorer (a scorer name only with several scorers)', refit);
    }
    return { scorers: [SINGLE_SCORE], multimetric: false, rankBy: SINGLE_SCORE, refit: refit !== false };
  }
  if (refit === false) return { scorers: names, multimetric: true, rankBy: names[0], refit: false };
  if (typeof refit !== 'string' || !names.includes(refit)) {
    throw new InvalidArgumentError(
      'refit',
      `must name the scorer that picks the best candidate (one of ${names.map((n) => `'${n}'`).join(', ')}) with several scorers, or be false`,
      refit,
      'With refit: false there is no bestParams, bestScore or bestEstimator.',
    );
  }
  return { scorers: names, multimetric: true, rankBy: refit, refit: true };
}
