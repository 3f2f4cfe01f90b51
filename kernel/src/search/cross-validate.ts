/**
 * scikit-learn's `cross_validate` and `cross_val_score`: one fit per fold of the same splitters the
 * searches use (`cv: 5` is StratifiedKFold for classifiers, KFold otherwise), scored by the same scorers.
 */
import { InvalidArgumentError } from '../errors';
import { checkKnownKeys } from '../validation';
import { checkCv, type CvInput } from './check-cv';
import { type FeatureInput, type TargetInput, toMatrix, toTargets } from './data';
import type { Estimator } from './estimators/keras-estimator';
import { runFitTask } from './fit-runner';
import { checkScoring, type Scoring, scoringNames, SINGLE_SCORE } from './scoring';

export interface CrossValidateOptions {
  /** Folds: a count (StratifiedKFold for classifiers, KFold otherwise; default 5), a splitter, or index pairs. */
  cv?: CvInput;
  /** A scorer name, a function, or several (a list or an object); default: the estimator's `score`. */
  scoring?: Scoring;
  /** Also score the training folds (`train_*` keys). Default false. */
  returnTrainScore?: boolean;
  /** Score recorded for a fit that fails (default NaN), or 'raise' to stop. */
  errorScore?: number | 'raise';
}

/** scikit-learn's result: `fit_time`, `score_time`, `test_score` (or `test_<name>` per scorer), `train_*`. */
export type CrossValidateResult = Record<string, number[]>;

/**
 * Fits a clone of `estimator` on each training fold and scores it on the test fold — scikit-learn's
 * `cross_validate`.
 *
 * @throws InvalidArgumentError before any fit for bad data, cv or scoring
 * @example
 * ```ts
 * const r = await crossValidate(model, X, y, { cv: 3, scoring: ['accuracy', 'f1'] });
 * r.test_accuracy;   // one score per fold
 * ```
 */
export async function crossValidate(estimator: Estimator, X: FeatureInput, y: TargetInput, options: CrossValidateOptions = {}): Promise<CrossValidateResult> {
  checkKnownKeys('crossValidate', options, ['cv', 'scoring', 'returnTrainScore', 'errorScore']);
  if (!estimator || typeof estimator.clone !== 'function') throw new InvalidArgumentError('estimator', 'must be a KerasClassifier or KerasRegressor', estimator);
  const errorScore = options.errorScore ?? NaN;
  if (errorScore !== 'raise' && typeof errorScore !== 'number') throw new InvalidArgumentError('errorScore', "must be a number (NaN by default) or 'raise'", errorScore);
  const Xm = toMatrix('X', X);
  const targets = toTargets('y', y);
  const n = Xm.shape[0];
  if (targets.values.length / targets.columns !== n) {
    throw new InvalidArgumentError('y', `must have one target per sample of X (${n})`, `${targets.values.length / targets.columns} targets`);
  }
  const folds = checkCv(options.cv, estimator.estimatorType === 'classifier', (m) => process.emitWarning(m)).split(n, targets.columns === 1 ? targets.values : undefined);
  const score = checkScoring(options.scoring, estimator.estimatorType, targets.values);
  const names = scoringNames(options.scoring) ?? [SINGLE_SCORE];
  const key = (kind: 'test' | 'train', name: string) => (name === SINGLE_SCORE ? `${kind}_score` : `${kind}_${name}`);
  const withTrain = options.returnTrainScore === true;
  const result: CrossValidateResult = { fit_time: [], score_time: [] };
  for (const name of names) {
    result[key('test', name)] = [];
    if (withTrain) result[key('train', name)] = [];
  }
  const data = { X: Xm, y: targets.values, columns: targets.columns };
  for (const [fold, [train, test]] of folds.entries()) {
    try {
      const outcome = await runFitTask(estimator, data, score, { candidate: 0, fold, params: {}, train, test, withTrainScore: withTrain });
      result.fit_time.push(outcome.fitTime);
      result.score_time.push(outcome.scoreTime);
      for (const name of names) {
        result[key('test', name)].push((outcome.testScores as Record<string, number>)[name]);
        if (withTrain) result[key('train', name)].push((outcome.trainScores as Record<string, number>)[name]);
      }
    } catch (error) {
      if (errorScore === 'raise') throw error;
      process.emitWarning(`Fold ${fold} failed: ${error instanceof Error ? error.message : String(error)}. Its score is set to errorScore=${errorScore}.`, { type: 'FitFailedWarning' } as never);
      result.fit_time.push(0);
      result.score_time.push(0);
      for (const name of names) {
        result[key('test', name)].push(errorScore);
        if (withTrain) result[key('train', name)].push(errorScore);
      }
    }
  }
  return result;
}

/**
 * The test score of each fold — scikit-learn's `cross_val_score` (one scorer).
 *
 * @example
 * ```ts
 * // Python: cross_val_score(model, X, y, cv=3, scoring='f1')
 * const scores = await crossValScore(model, X, y, { cv: 3, scoring: 'f1' });
 * ```
 */
export async function crossValScore(estimator: Estimator, X: FeatureInput, y: TargetInput, options: Omit<CrossValidateOptions, 'returnTrainScore'> & { scoring?: Exclude<Scoring, readonly unknown[] | Record<string, unknown>> } = {}): Promise<number[]> {
  if (scoringNames(options.scoring) !== undefined) {
    throw new InvalidArgumentError('scoring', 'must be a single scorer for crossValScore; use crossValidate for several', options.scoring);
  }
  return (await crossValidate(estimator, X, y, options)).test_score;
}
