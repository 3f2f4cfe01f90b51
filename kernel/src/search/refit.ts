/**
 * scikit-learn's `refit` rules: with one scorer `refit` is true or false; with several it names the
 * scorer that picks the best candidate (or is false: no best candidate, no refit).
 */
import { InvalidArgumentError, NotFittedError } from '../errors';
import { type FeatureInput, type TargetInput, takeRows, toMatrix, toTargets } from './data';
import type { Estimator } from './estimators/keras-estimator';
import { checkScoring, type Scoring, scoringNames, SINGLE_SCORE } from './scoring';

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

/** Why a search has no refit estimator for `method` (scikit-learn's NotFittedError, with the reason). */
export function notRefitError(name: string, method: string, plan: RefitPlan, fitted: boolean, status: string | undefined): NotFittedError {
  if (!fitted) return new NotFittedError(`This ${name} is not fitted yet: call fit(X, y) before ${method}()`);
  const why = !plan.refit
    ? `it was created with refit: false${plan.multimetric ? ' (several scorers: set refit to one of their names)' : ''}`
    : `the search ended ${status ?? 'early'} before the refit`;
  return new NotFittedError(`${method}() needs the best candidate refit on all data, but this ${name} has none: ${why}. Refit one yourself from bestParams, or fit the search again.`);
}

/** scikit-learn's `search.score`: the refit estimator scored by the search's scorer (the `refit` one of several). */
export async function scoreRefitted(best: Estimator, scoring: Scoring | undefined, plan: RefitPlan, X: FeatureInput, y: TargetInput): Promise<number> {
  const targets = toTargets('y', y);
  const one = plan.multimetric ? (Array.isArray(scoring) ? plan.rankBy : (scoring as Record<string, Scoring>)[plan.rankBy]) : scoring;
  const m = toMatrix('X', X);
  const xs = takeRows(m, Array.from({ length: m.shape[0] }, (_v, i) => i));
  try {
    return (await checkScoring(one, best.estimatorType, targets.values)(best, xs, targets.values))[SINGLE_SCORE];
  } finally {
    xs.dispose();
  }
}
