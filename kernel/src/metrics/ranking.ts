/** scikit-learn's metrics of predicted scores and probabilities: `rocAucScore` and `logLoss`. */
import { InvalidArgumentError, oneOf } from '../errors';
import { checkConsistentLength, type LabelInput, labelKey, type NumericInput, sortedLabels, toLabels, toRows, type Label } from './inputs';

/** Area under the ROC curve of scores for a binary target (ties count one half). */
function binaryAuc(isPositive: readonly boolean[], scores: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const nPos = isPositive.filter(Boolean).length;
  const nNeg = isPositive.length - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new InvalidArgumentError('yTrue', 'holds only one class: ROC AUC is not defined in that case', isPositive.length);
  }
  const rankSum = ranks.reduce((s, r, i) => s + (isPositive[i] ? r : 0), 0);
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Options of {@link rocAucScore}. */
export interface RocAucOptions {
  /** Multiclass only: 'macro' (default) or 'weighted' by class prevalence. */
  average?: 'macro' | 'weighted';
  /** Multiclass only: 'ovr' (one class against the rest); scikit-learn's default 'raise' refuses multiclass. */
  multiClass?: 'raise' | 'ovr';
  /** Multiclass only: the classes of yScore's columns (default: yTrue's, sorted). */
  labels?: readonly Label[];
}

/**
 * Area under the ROC curve — scikit-learn's `roc_auc_score`. For two classes `yScore` holds one score
 * per sample for the greater label (e.g. `model.predict(x)` of a sigmoid head); for more, one
 * probability per class (rows summing to 1) with `multiClass: 'ovr'`.
 *
 * @throws InvalidArgumentError when yTrue has one class, or multiclass without `multiClass: 'ovr'`
 * @example
 * ```ts
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);   // 0.75
 * ```
 */
export function rocAucScore(yTrue: LabelInput, yScore: NumericInput, options: RocAucOptions = {}): number {
  const t = toLabels('yTrue', yTrue);
  const s = toRows('yScore', yScore);
  checkConsistentLength(t.length, s.values.length / s.columns, 'yScore');
  const classes = options.labels ? [...options.labels] : sortedLabels(t);
  if (classes.length <= 2 && s.columns === 1) {
    if (classes.length < 2) throw new InvalidArgumentError('yTrue', 'holds only one class: ROC AUC is not defined in that case', classes);
    const positive = labelKey(classes[1]);
    return binaryAuc(t.map((l) => labelKey(l) === positive), s.values);
  }
  if (s.columns === 1 || s.columns === 2 && classes.length === 2) {
    throw new InvalidArgumentError('yScore', 'must hold one score per sample (the positive class) for a binary target', `${s.columns} columns`, 'Pass the column of the positive class, e.g. proba.map((row) => row[1]).');
  }
  const multiClass = options.multiClass ?? 'raise';
  if (multiClass !== 'ovr') {
    throw new InvalidArgumentError('multiClass', `must be 'ovr' for a multiclass target (scikit-learn's default 'raise' refuses it)`, multiClass);
  }
  const average = options.average ?? 'macro';
  if (!['macro', 'weighted'].includes(average)) throw new InvalidArgumentError('average', `must be ${oneOf(['macro', 'weighted'])}`, average);
  if (s.columns !== classes.length) {
    throw new InvalidArgumentError('yScore', `must have one column per class (${classes.length})`, `${s.columns} columns`);
  }
  const n = t.length;
  for (let r = 0; r < n; r++) {
    const sum = s.values.slice(r * s.columns, (r + 1) * s.columns).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1.5e-8) throw new InvalidArgumentError(`yScore[${r}]`, 'must sum to 1 over the classes (probabilities) for multiclass ROC AUC', sum);
  }
  const aucs = classes.map((c, k) => binaryAuc(t.map((l) => labelKey(l) === labelKey(c)), Array.from({ length: n }, (_v, r) => s.values[r * s.columns + k])));
  if (average === 'macro') return aucs.reduce((a, b) => a + b, 0) / aucs.length;
  const counts = classes.map((c) => t.filter((l) => labelKey(l) === labelKey(c)).length);
  return aucs.reduce((a, v, k) => a + v * counts[k], 0) / counts.reduce((a, b) => a + b, 0);
}

/**
 * Mean cross-entropy of predicted probabilities — scikit-learn's `log_loss`. `yPred` holds one
 * probability per class (columns in sorted label order), or for two classes the probability of the
 * greater label. Probabilities are clipped to [ε, 1 − ε] (float64 ε).
 *
 * @example
 * ```ts
 * logLoss([0, 1, 1], [0.1, 0.8, 0.6]);   // 0.2797765635793422
 * ```
 */
export function logLoss(yTrue: LabelInput, yPred: NumericInput, options: { labels?: readonly Label[]; normalize?: boolean } = {}): number {
  const t = toLabels('yTrue', yTrue);
  const rows = toRows('yPred', yPred);
  checkConsistentLength(t.length, rows.values.length / rows.columns);
  const classes = options.labels ? sortedLabels(options.labels) : sortedLabels(t);
  if (classes.length < 2) {
    throw new InvalidArgumentError('yTrue', 'holds only one class; pass `labels` to name all classes', classes);
  }
  const index = new Map(classes.map((c, i) => [labelKey(c), i]));
  const columns = rows.columns === 1 ? 2 : rows.columns;
  if (columns !== classes.length) {
    throw new InvalidArgumentError('yPred', `must have one column per class (${classes.length}: ${JSON.stringify(classes)})`, `${rows.columns} columns`);
  }
  const eps = 2.220446049250313e-16;
  let total = 0;
  t.forEach((label, i) => {
    const k = index.get(labelKey(label));
    if (k === undefined) throw new InvalidArgumentError(`yTrue[${i}]`, `is not one of the labels ${JSON.stringify(classes)}`, label);
    const p = rows.columns === 1 ? (k === 1 ? rows.values[i] : 1 - rows.values[i]) : rows.values[i * columns + k];
    total -= Math.log(Math.min(Math.max(p, eps), 1 - eps));
  });
  return options.normalize === false ? total : total / t.length;
}
