/**
 * scikit-learn's classification metrics from predicted labels: `accuracyScore`, `precisionScore`,
 * `recallScore`, `f1Score` (binary, micro, macro and weighted averages, or one value per label),
 * `precisionRecallFscoreSupport` and `confusionMatrix`.
 */
import { InvalidArgumentError, oneOf } from '../errors';
import { checkClassificationTargets, type Label, type LabelInput, labelKey, sortedLabels } from './inputs';

/** How per-label scores are combined: scikit-learn's `average` (`null`: one score per label). */
export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | null;
/** The value of an undefined ratio (0/0): `'warn'` gives 0 with a warning, as scikit-learn. */
export type ZeroDivision = 'warn' | 0 | 1 | typeof NaN;

/** Options of precisionScore, recallScore, f1Score and precisionRecallFscoreSupport. */
export interface PrfOptions {
  /** Default `'binary'`: the score of `posLabel` alone (two classes only). */
  average?: Average;
  /** The positive class with `average: 'binary'`. Default 1. */
  posLabel?: Label;
  /** The labels to score, in this order (default: every label of yTrue and yPred, sorted). */
  labels?: readonly Label[];
  /** Value of 0/0 ratios. Default `'warn'`. */
  zeroDivision?: ZeroDivision;
}

const AVERAGES: readonly string[] = ['binary', 'micro', 'macro', 'weighted'];

/**
 * Fraction (or, with `normalize: false`, number) of samples whose predicted label equals the true one.
 *
 * @example
 * ```ts
 * // Python: accuracy_score(y_test, y_pred)
 * accuracyScore([0, 1, 1, 0], [0, 1, 0, 0]);   // 0.75
 * ```
 */
export function accuracyScore(yTrue: LabelInput, yPred: LabelInput, options: { normalize?: boolean } = {}): number {
  const { t, p } = checkClassificationTargets(yTrue, yPred);
  let hits = 0;
  t.forEach((label, i) => (hits += labelKey(label) === labelKey(p[i]) ? 1 : 0));
  return options.normalize === false ? hits : hits / t.length;
}

function checkZeroDivision(value: unknown): ZeroDivision {
  if (value === undefined) return 'warn';
  if (value === 'warn' || value === 0 || value === 1 || Number.isNaN(value)) return value as ZeroDivision;
  throw new InvalidArgumentError('zeroDivision', "must be 'warn', 0, 1 or NaN", value);
}

function divide(numerator: number[], denominator: number[], metric: string, zeroDivision: ZeroDivision, why: string): number[] {
  let warned = false;
  return numerator.map((n, i) => {
    if (denominator[i] !== 0) return n / denominator[i];
    if (zeroDivision === 'warn' && !warned) {
      warned = true;
      process.emitWarning(`${metric} is ill-defined and being set to 0.0 ${why}. Use \`zeroDivision\` to control this behavior.`, { type: 'UndefinedMetricWarning' } as never);
    }
    return zeroDivision === 'warn' ? 0 : zeroDivision;
  });
}

/** numpy's `average` after dropping NaN entries (scikit-learn's `_nanaverage`). */
function nanAverage(values: number[], weights?: number[]): number {
  const keep = values.map((v) => !Number.isNaN(v));
  const v = values.filter((_x, i) => keep[i]);
  if (v.length === 0) return NaN;
  const w = weights?.filter((_x, i) => keep[i]);
  const total = w?.reduce((s, x) => s + x, 0) ?? 0;
  if (!w || total === 0) return v.reduce((s, x) => s + x, 0) / v.length;
  return v.reduce((s, x, i) => s + x * w[i], 0) / total;
}

/** Per-label precision, recall, F-beta and support, or their averages (`support` is then undefined). */
export interface PrfResult {
  precision: number | number[];
  recall: number | number[];
  fScore: number | number[];
  /** Samples of each label in yTrue (with `average: null` only). */
  support?: number[];
}

/**
 * scikit-learn's `precision_recall_fscore_support`.
 *
 * @param beta - weight of recall in the F-score (default 1: F1)
 * @throws InvalidArgumentError for an unknown `average`, `average: 'binary'` on more than two classes,
 *   or a `posLabel` that is not a label of the data
 */
export function precisionRecallFscoreSupport(yTrue: LabelInput, yPred: LabelInput, options: PrfOptions & { beta?: number } = {}): PrfResult {
  const average = options.average === undefined ? 'binary' : options.average;
  if (average !== null && !AVERAGES.includes(average)) {
    throw new InvalidArgumentError('average', `must be ${oneOf(AVERAGES)} or null`, average);
  }
  const zeroDivision = checkZeroDivision(options.zeroDivision);
  const beta = options.beta ?? 1;
  if (typeof beta !== 'number' || !(beta >= 0)) throw new InvalidArgumentError('beta', 'must be a number >= 0', beta);
  const { t, p, type } = checkClassificationTargets(yTrue, yPred);
  const present = sortedLabels([...t, ...p]);
  let labels = options.labels ? [...options.labels] : present;
  if (average === 'binary') {
    const posLabel = options.posLabel ?? 1;
    if (type !== 'binary') {
      throw new InvalidArgumentError('average', `is 'binary' but the target is ${type}; choose one of 'micro', 'macro', 'weighted' or null`, average);
    }
    if (!present.some((l) => labelKey(l) === labelKey(posLabel)) && present.length >= 2) {
      throw new InvalidArgumentError('posLabel', `is not a label of the data; it should be one of ${JSON.stringify(present)}`, posLabel);
    }
    labels = [posLabel];
  }
  const keys = labels.map(labelKey);
  const tp = keys.map(() => 0);
  const predSum = keys.map(() => 0);
  const trueSum = keys.map(() => 0);
  const index = new Map(keys.map((k, i) => [k, i]));
  t.forEach((label, i) => {
    const ti = index.get(labelKey(label));
    const pi = index.get(labelKey(p[i]));
    if (ti !== undefined) trueSum[ti]++;
    if (pi !== undefined) predSum[pi]++;
    if (ti !== undefined && ti === pi) tp[ti]++;
  });
  const sum = (a: number[]) => [a.reduce((s, v) => s + v, 0)];
  const [tpS, predS, trueS] = average === 'micro' ? [sum(tp), sum(predSum), sum(trueSum)] : [tp, predSum, trueSum];
  const precision = divide(tpS, predS, 'Precision', zeroDivision, 'in labels with no predicted samples');
  const recall = divide(tpS, trueS, 'Recall', zeroDivision, 'in labels with no true samples');
  const b2 = beta * beta;
  const fScore = Number.isFinite(beta)
    ? beta === 0
      ? precision
      : divide(tpS.map((v) => (1 + b2) * v), trueS.map((v, i) => b2 * v + predS[i]), 'F-score', zeroDivision, 'in labels with no true nor predicted samples')
    : recall;
  if (average === null) return { precision, recall, fScore, support: trueSum };
  const weights = average === 'weighted' ? trueSum : undefined;
  return { precision: nanAverage(precision, weights), recall: nanAverage(recall, weights), fScore: nanAverage(fScore, weights), support: undefined };
}

type Prf<O extends PrfOptions> = O extends { average: null } ? number[] : number;

/**
 * Precision tp / (tp + fp) — scikit-learn's `precision_score`.
 *
 * @example
 * ```ts
 * precisionScore([0, 1, 1, 0], [1, 1, 0, 0]);                        // 0.5
 * precisionScore([0, 1, 2, 2], [0, 2, 2, 1], { average: 'macro' });  // 0.5
 * ```
 */
export function precisionScore<O extends PrfOptions>(yTrue: LabelInput, yPred: LabelInput, options?: O): Prf<O> {
  return precisionRecallFscoreSupport(yTrue, yPred, options).precision as Prf<O>;
}

/** Recall tp / (tp + fn) — scikit-learn's `recall_score` (same options as {@link precisionScore}). */
export function recallScore<O extends PrfOptions>(yTrue: LabelInput, yPred: LabelInput, options?: O): Prf<O> {
  return precisionRecallFscoreSupport(yTrue, yPred, options).recall as Prf<O>;
}

/**
 * F1 = 2 tp / (2 tp + fp + fn) — scikit-learn's `f1_score` (same options as {@link precisionScore}).
 *
 * @example
 * ```ts
 * f1Score(yTest, yPred);                          // binary, positive label 1
 * f1Score(yTest, yPred, { average: 'weighted' }); // multiclass, weighted by support
 * ```
 */
export function f1Score<O extends PrfOptions>(yTrue: LabelInput, yPred: LabelInput, options?: O): Prf<O> {
  return precisionRecallFscoreSupport(yTrue, yPred, options).fScore as Prf<O>;
}

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** Row and column order (default: every label, sorted). */
  labels?: readonly Label[];
  /** Divide by the row sums (`'true'`), column sums (`'pred'`) or the total (`'all'`). */
  normalize?: 'true' | 'pred' | 'all';
}

/**
 * Counts of true label (row) against predicted label (column) — scikit-learn's `confusion_matrix`.
 *
 * @example
 * ```ts
 * confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]);   // [[2, 0], [1, 1]]
 * ```
 */
export function confusionMatrix(yTrue: LabelInput, yPred: LabelInput, options: ConfusionMatrixOptions = {}): number[][] {
  const { t, p } = checkClassificationTargets(yTrue, yPred);
  const labels = options.labels ? [...options.labels] : sortedLabels([...t, ...p]);
  if (labels.length === 0) throw new InvalidArgumentError('labels', 'must hold at least one label', options.labels);
  const index = new Map(labels.map((l, i) => [labelKey(l), i]));
  if (!t.some((l) => index.has(labelKey(l)))) throw new InvalidArgumentError('labels', 'must include at least one label of yTrue', options.labels);
  if (options.normalize !== undefined && !['true', 'pred', 'all'].includes(options.normalize)) {
    throw new InvalidArgumentError('normalize', "must be 'true', 'pred' or 'all'", options.normalize);
  }
  const cm = labels.map(() => labels.map(() => 0));
  t.forEach((label, i) => {
    const r = index.get(labelKey(label));
    const c = index.get(labelKey(p[i]));
    if (r !== undefined && c !== undefined) cm[r][c]++;
  });
  const safe = (v: number, d: number) => (d === 0 ? 0 : v / d);
  if (options.normalize === 'true') return cm.map((row) => row.map((v) => safe(v, row.reduce((s, x) => s + x, 0))));
  if (options.normalize === 'pred') return cm.map((row) => row.map((v, c) => safe(v, cm.reduce((s, r) => s + r[c], 0))));
  if (options.normalize === 'all') {
    const total = cm.flat().reduce((s, x) => s + x, 0);
    return cm.map((row) => row.map((v) => safe(v, total)));
  }
  return cm;
}
