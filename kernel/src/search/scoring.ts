/**
 * Scorers by scikit-learn name ('accuracy', 'f1', 'roc_auc', 'neg_mean_squared_error', 'r2', …), a
 * function, or several at once (a list of names or an object of names and functions); greater is
 * better, as in scikit-learn (hence the negated losses).
 */
import type * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { accuracyScore, f1Score, type Label, logLoss, meanAbsoluteError, meanSquaredError, precisionScore, r2Score, recallScore, rocAucScore } from '../metrics';
import type { KerasClassifier } from './estimators/keras-classifier';
import type { Estimator } from './estimators/keras-estimator';

/** A custom scorer: greater is better. */
export type ScorerFn = (estimator: Estimator, X: tf.Tensor, y: Label[]) => number | Promise<number>;

type Kind = 'classifier' | 'regressor';
type Score = (estimator: Estimator, X: tf.Tensor, y: Label[]) => Promise<number>;
interface ScorerSpec {
  needs: Kind;
  score: Score;
  /** Checks the labels before any fit. */
  check?: (labels: readonly Label[], name: string) => void;
}

const predicted = async (e: Estimator, X: tf.Tensor) => (await e.predict(X)) as Label[];
const proba = (e: Estimator, X: tf.Tensor) => (e as KerasClassifier).predictProba(X);
/** True and predicted targets as rows (several outputs) for the regression metrics. */
async function regressionRows(e: Estimator, X: tf.Tensor, y: Label[]): Promise<[number[][], number[][]]> {
  const p = (await e.predict(X)).map((v) => (Array.isArray(v) ? v.map(Number) : [Number(v)]));
  const columns = p[0]?.length ?? 1;
  return [p.map((_row, r) => y.slice(r * columns, (r + 1) * columns).map(Number)), p];
}

function distinct(labels: readonly Label[]): number {
  return new Set(labels.map((l) => `${typeof l}:${String(l)}`)).size;
}
const binaryWithOne = (labels: readonly Label[], name: string) => {
  if (distinct(labels) !== 2 || !labels.includes(1)) {
    throw new InvalidArgumentError('scoring', `'${name}' needs two classes with 1 the positive label (scikit-learn's pos_label=1); use '${name}_macro' or '${name}_weighted' otherwise`, name);
  }
};
const twoClasses = (labels: readonly Label[], name: string) => {
  if (distinct(labels) !== 2) throw new InvalidArgumentError('scoring', `'${name}' needs exactly 2 classes, y has ${distinct(labels)}; use 'roc_auc_ovr'`, name);
};
const numeric = (labels: readonly Label[], name: string) => {
  if (labels.some((l) => typeof l !== 'number')) throw new InvalidArgumentError('scoring', `'${name}' needs numeric targets`, name);
};

const PRF = { precision: precisionScore, recall: recallScore, f1: f1Score } as const;
const prfScorers = Object.fromEntries(
  Object.entries(PRF).flatMap(([metric, fn]) => [
    [metric, { needs: 'classifier', check: binaryWithOne, score: async (e, X, y) => fn(y, await predicted(e, X)) } satisfies ScorerSpec],
    ...(['micro', 'macro', 'weighted'] as const).map((average) => [
      `${metric}_${average}`,
      { needs: 'classifier', score: async (e, X, y) => fn(y, await predicted(e, X), { average }) } satisfies ScorerSpec,
    ]),
  ]),
) as Record<string, ScorerSpec>;

const SCORERS: Record<string, ScorerSpec> = {
  accuracy: { needs: 'classifier', score: async (e, X, y) => accuracyScore(y, await predicted(e, X)) },
  ...prfScorers,
  roc_auc: {
    needs: 'classifier',
    check: twoClasses,
    score: async (e, X, y) => rocAucScore(y, (await proba(e, X)).map((row) => row[1]), { labels: (e as KerasClassifier).classes }),
  },
  roc_auc_ovr: { needs: 'classifier', score: async (e, X, y) => rocAucScore(y, await proba(e, X), { multiClass: 'ovr', labels: (e as KerasClassifier).classes }) },
  neg_log_loss: { needs: 'classifier', score: async (e, X, y) => -logLoss(y, await proba(e, X), { labels: (e as KerasClassifier).classes }) },
  neg_mean_squared_error: { needs: 'regressor', check: numeric, score: async (e, X, y) => -meanSquaredError(...(await regressionRows(e, X, y))) },
  neg_root_mean_squared_error: { needs: 'regressor', check: numeric, score: async (e, X, y) => -Math.sqrt(meanSquaredError(...(await regressionRows(e, X, y)))) },
  neg_mean_absolute_error: { needs: 'regressor', check: numeric, score: async (e, X, y) => -meanAbsoluteError(...(await regressionRows(e, X, y))) },
  r2: { needs: 'regressor', check: numeric, score: async (e, X, y) => r2Score(...(await regressionRows(e, X, y))) },
};

/** The scoring names rnnlab knows (scikit-learn's `get_scorer_names()` that apply to Keras estimators). */
export const SCORING_NAMES = Object.keys(SCORERS);
export type ScoringName =
  | 'accuracy'
  | 'precision' | 'precision_micro' | 'precision_macro' | 'precision_weighted'
  | 'recall' | 'recall_micro' | 'recall_macro' | 'recall_weighted'
  | 'f1' | 'f1_micro' | 'f1_macro' | 'f1_weighted'
  | 'roc_auc' | 'roc_auc_ovr' | 'neg_log_loss'
  | 'neg_mean_squared_error' | 'neg_root_mean_squared_error' | 'neg_mean_absolute_error' | 'r2';
/** `scoring`: a name, a function, or several at once (a list of names, or names mapped to names or functions). */
export type Scoring = ScoringName | ScorerFn | readonly ScoringName[] | Readonly<Record<string, ScoringName | ScorerFn>>;

/** Scores of a fitted estimator by scorer name (`score` for a single scorer). */
export type ScoresFn = (estimator: Estimator, X: tf.Tensor, y: Label[]) => Promise<Record<string, number>>;

/** The key of a single scorer's value. */
export const SINGLE_SCORE = 'score';

function resolveOne(scoring: unknown, argument: string, estimatorType: Kind, labels: readonly Label[]): Score {
  if (typeof scoring === 'function') return async (e, X, y) => Number(await (scoring as ScorerFn)(e, X, y));
  if (typeof scoring !== 'string' || !(scoring in SCORERS)) {
    throw new InvalidArgumentError(argument, `must be a scorer name (${SCORING_NAMES.join(', ')}) or a function`, scoring);
  }
  const spec = SCORERS[scoring];
  if (spec.needs !== estimatorType) {
    const fix = estimatorType === 'regressor' ? "Use 'r2', 'neg_mean_squared_error' or 'neg_mean_absolute_error'." : "Use 'accuracy', 'f1', 'roc_auc' or 'neg_log_loss'.";
    throw new InvalidArgumentError(argument, `needs a ${spec.needs} (the estimator is a ${estimatorType})`, scoring, fix);
  }
  spec.check?.(labels, scoring);
  return spec.score;
}

/**
 * The scorer names of a multi-metric `scoring` (scikit-learn's `cv_results_` suffixes), or undefined
 * for a single scorer.
 * @throws InvalidArgumentError for an empty or duplicated list, or a list of non-strings
 */
export function scoringNames(scoring: unknown): string[] | undefined {
  const known = (value: unknown, argument: string) => {
    if (typeof value !== 'function' && (typeof value !== 'string' || !(value in SCORERS))) {
      throw new InvalidArgumentError(argument, `must be a scorer name (${SCORING_NAMES.join(', ')}) or a function`, value);
    }
  };
  if (typeof scoring === 'string') known(scoring, 'scoring');
  if (Array.isArray(scoring)) {
    scoring.forEach((s, i) => typeof s === 'string' && known(s, `scoring[${i}]`));
    if (scoring.length === 0) throw new InvalidArgumentError('scoring', 'must hold at least one scorer name', scoring);
    if (scoring.some((s) => typeof s !== 'string')) throw new InvalidArgumentError('scoring', 'as a list must hold scorer names; pass an object { name: function } for custom scorers', scoring);
    if (new Set(scoring).size !== scoring.length) throw new InvalidArgumentError('scoring', 'must not repeat a name', scoring);
    return [...scoring];
  }
  if (typeof scoring === 'object' && scoring !== null) {
    const names = Object.keys(scoring);
    if (names.length === 0) throw new InvalidArgumentError('scoring', 'must hold at least one scorer', scoring);
    names.forEach((name) => known((scoring as Record<string, unknown>)[name], `scoring.${name}`));
    return names;
  }
  return undefined;
}

/**
 * Resolves `scoring` to a function giving every score by name, checking before any fit that each
 * scorer suits the estimator and the labels. Undefined scoring means the estimator's own `score`
 * (accuracy or R²); a single scorer's value is under `score`.
 */
export function checkScoring(scoring: unknown, estimatorType: Kind, labels: readonly Label[]): ScoresFn {
  const names = scoringNames(scoring);
  if (names === undefined) {
    const one: Score = scoring === undefined ? async (e, X, y) => e.score(X, y) : resolveOne(scoring, 'scoring', estimatorType, labels);
    return async (e, X, y) => ({ [SINGLE_SCORE]: await one(e, X, y) });
  }
  const table = Array.isArray(scoring) ? Object.fromEntries(names.map((n) => [n, n])) : (scoring as Record<string, unknown>);
  const scorers = names.map((name) => [name, resolveOne(table[name], Array.isArray(scoring) ? 'scoring' : `scoring.${name}`, estimatorType, labels)] as const);
  return async (e, X, y) => {
    const out: Record<string, number> = {};
    for (const [name, score] of scorers) out[name] = await score(e, X, y);
    return out;
  };
}
