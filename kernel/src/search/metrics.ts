/** scikit-learn's metrics for the scorers: accuracy, F1, ROC AUC, log loss, MSE and R². */
import type { Label } from './data';

export function accuracyScore(yTrue: readonly Label[], yPred: readonly Label[]): number {
  let hits = 0;
  yTrue.forEach((t, i) => (hits += t === yPred[i] ? 1 : 0));
  return hits / yTrue.length;
}

/** Binary F1 of the positive label (scikit-learn's default `pos_label=1`); 0 when undefined, as sklearn. */
export function f1Score(yTrue: readonly Label[], yPred: readonly Label[], positive: Label): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  yTrue.forEach((t, i) => {
    const p = yPred[i];
    if (p === positive && t === positive) tp++;
    else if (p === positive) fp++;
    else if (t === positive) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Binary ROC AUC from scores of the positive class (ties count one half). */
export function rocAucScore(isPositive: readonly boolean[], scores: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const average = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = average;
    i = j + 1;
  }
  const nPos = isPositive.filter(Boolean).length;
  const nNeg = isPositive.length - nPos;
  if (nPos === 0 || nNeg === 0) {
    throw new Error('Only one class present in y_true. ROC AUC score is not defined in that case.');
  }
  const rankSum = ranks.reduce((s, r, i) => s + (isPositive[i] ? r : 0), 0);
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Cross-entropy of class probabilities (rows sum to 1), probabilities clipped to [eps, 1 − eps]. */
export function logLoss(trueIndex: readonly number[], proba: readonly (readonly number[])[]): number {
  const eps = 2.220446049250313e-16;
  let total = 0;
  trueIndex.forEach((k, i) => {
    const row = proba[i];
    const sum = row.reduce((s, v) => s + Math.min(Math.max(v, eps), 1 - eps), 0);
    total -= Math.log(Math.min(Math.max(row[k], eps), 1 - eps) / sum);
  });
  return total / trueIndex.length;
}

/** Mean squared error over all outputs (uniform average). */
export function meanSquaredError(yTrue: readonly number[], yPred: readonly number[]): number {
  return yTrue.reduce((s, t, i) => s + (t - yPred[i]) ** 2, 0) / yTrue.length;
}

/** R² of each output column averaged (`multioutput='uniform_average'`); rows are row-major. */
export function r2Score(yTrue: readonly number[], yPred: readonly number[], columns = 1): number {
  const n = yTrue.length / columns;
  let sum = 0;
  for (let c = 0; c < columns; c++) {
    let mean = 0;
    for (let r = 0; r < n; r++) mean += yTrue[r * columns + c];
    mean /= n;
    let ssRes = 0;
    let ssTot = 0;
    for (let r = 0; r < n; r++) {
      ssRes += (yTrue[r * columns + c] - yPred[r * columns + c]) ** 2;
      ssTot += (yTrue[r * columns + c] - mean) ** 2;
    }
    sum += ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  }
  return sum / columns;
}
