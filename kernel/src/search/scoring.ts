/**
 * Scorers by scikit-learn name ('accuracy', 'neg_mean_squared_error', 'neg_log_loss', 'roc_auc', 'f1',
 * 'r2') or a function; greater is better, as in scikit-learn (hence the negated losses).
 */
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, oneOf } from '../errors';
import type { Label } from './data';
import type { KerasClassifier } from './estimators/keras-classifier';
import type { Estimator } from './estimators/keras-estimator';
import { accuracyScore, f1Score, logLoss, meanSquaredError, r2Score, rocAucScore } from './metrics';

export type ScoringName = 'accuracy' | 'neg_mean_squared_error' | 'neg_log_loss' | 'roc_auc' | 'f1' | 'r2';
/** A custom scorer: greater is better. */
export type ScorerFn = (estimator: Estimator, X: tf.Tensor, y: Label[]) => number | Promise<number>;
export type Scoring = ScoringName | ScorerFn;

type Scorer = (estimator: Estimator, X: tf.Tensor, y: Label[]) => Promise<number>;

const asNumbers = (values: readonly unknown[]): number[] => values.map((v) => Number(v));

const SCORERS: Record<ScoringName, Scorer> = {
  accuracy: async (e, X, y) => accuracyScore(y, (await e.predict(X)) as Label[]),
  neg_mean_squared_error: async (e, X, y) => -meanSquaredError(asNumbers(y), asNumbers((await e.predict(X)).flat())),
  r2: async (e, X, y) => {
    const predicted = asNumbers((await e.predict(X)).flat());
    return r2Score(asNumbers(y), predicted, predicted.length / (y.length || 1) > 1 ? predicted.length / y.length : 1);
  },
  neg_log_loss: async (e, X, y) => {
    const c = e as KerasClassifier;
    const proba = await c.predictProba(X);
    const classes = c.classes as Label[];
    return -logLoss(y.map((l) => classes.indexOf(l)), proba);
  },
  roc_auc: async (e, X, y) => {
    const c = e as KerasClassifier;
    const proba = await c.predictProba(X);
    const positive = (c.classes as Label[])[1];
    return rocAucScore(y.map((l) => l === positive), proba.map((row) => row[1]));
  },
  f1: async (e, X, y) => f1Score(y, (await e.predict(X)) as Label[], 1),
};

export const SCORING_NAMES = Object.keys(SCORERS) as ScoringName[];
const CLASSIFIER_ONLY: ScoringName[] = ['accuracy', 'neg_log_loss', 'roc_auc', 'f1'];

/**
 * Resolves `scoring` to a scorer, checking before any fit that it suits the estimator and the labels.
 * Undefined scoring means the estimator's own `score` (accuracy or R²).
 */
export function checkScoring(scoring: unknown, estimatorType: 'classifier' | 'regressor', labels: readonly Label[]): Scorer {
  if (scoring === undefined) {
    return async (e, X, y) => e.score(X, y);
  }
  if (typeof scoring === 'function') {
    return async (e, X, y) => Number(await (scoring as ScorerFn)(e, X, y));
  }
  if (typeof scoring !== 'string' || !(SCORING_NAMES as string[]).includes(scoring)) {
    throw new InvalidArgumentError('scoring', `must be one of ${oneOf(SCORING_NAMES)} or a function`, scoring);
  }
  const name = scoring as ScoringName;
  if (estimatorType === 'regressor' && CLASSIFIER_ONLY.includes(name)) {
    throw new InvalidArgumentError('scoring', 'needs a classifier (the estimator is a KerasRegressor)', scoring, "Use 'r2' or 'neg_mean_squared_error'.");
  }
  const distinct = new Set(labels.map((l) => `${typeof l}:${String(l)}`));
  if (name === 'roc_auc' && distinct.size !== 2) {
    throw new InvalidArgumentError('scoring', `'roc_auc' needs exactly 2 classes, y has ${distinct.size}`, scoring);
  }
  if (name === 'f1' && (distinct.size !== 2 || !labels.includes(1))) {
    throw new InvalidArgumentError('scoring', "'f1' needs two classes with 1 the positive label (scikit-learn's pos_label=1)", scoring);
  }
  if ((name === 'r2' || name === 'neg_mean_squared_error') && labels.some((l) => typeof l !== 'number')) {
    throw new InvalidArgumentError('scoring', `'${name}' needs numeric targets`, scoring);
  }
  return SCORERS[name];
}
