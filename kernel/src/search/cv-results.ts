/**
 * `cvResults`: scikit-learn's `cv_results_` with its key names and semantics — per-split scores,
 * means, population standard deviations, and min-ranks with failed (NaN) candidates ranked last.
 */
import type { ParamValue, Params } from './parameter-grid';

/** scikit-learn's `cv_results_` (column name → one entry per candidate). */
export interface CvResults {
  mean_fit_time: number[];
  std_fit_time: number[];
  mean_score_time: number[];
  std_score_time: number[];
  params: Params[];
  /** With one scorer (with several: `mean_test_<name>`, `std_test_<name>`, `rank_test_<name>`). */
  mean_test_score: number[];
  std_test_score: number[];
  rank_test_score: number[];
  /**
   * `param_<name>`, `split<k>_test_score`, `mean_test_score`, `std_test_score`, `rank_test_score`, and
   * with returnTrainScore the `*_train_score` columns; with several scorers one set per scorer name
   * (`mean_test_f1`, `rank_test_f1`, …) instead of `*_score`.
   */
  [column: string]: (number | ParamValue | Params)[];
}

/** What one candidate's fits gave. */
export interface CandidateOutcome {
  params: Params;
  /** Per scorer name (`score` for a single scorer): one score per fold. */
  testScores: Record<string, number[]>;
  trainScores?: Record<string, number[]>;
  fitTimes: number[];
  scoreTimes: number[];
}

export function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

/** Population standard deviation (numpy's `std`, ddof 0); NaN if any value is NaN. */
export function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

/** scipy's `rankdata(-x, method='min')` after scikit-learn puts NaN below the worst score. */
export function rankScores(scores: readonly number[]): number[] {
  if (scores.every((s) => Number.isNaN(s))) return scores.map(() => 1);
  const finite = scores.filter((s) => !Number.isNaN(s));
  const floor = Math.min(...finite) - 1;
  const filled = scores.map((s) => (Number.isNaN(s) ? floor : s));
  return filled.map((s) => 1 + filled.filter((other) => other > s).length);
}

/** `cv_results_` of complete candidates; `scorers` are the scorer names (`['score']` for one scorer). */
export function buildCvResults(outcomes: readonly CandidateOutcome[], nSplits: number, withTrain: boolean, scorers: readonly string[] = ['score']): CvResults {
  // Columns in scikit-learn's order.
  const results: Record<string, (number | ParamValue | Params)[]> = {
    mean_fit_time: outcomes.map((o) => mean(o.fitTimes)),
    std_fit_time: outcomes.map((o) => std(o.fitTimes)),
    mean_score_time: outcomes.map((o) => mean(o.scoreTimes)),
    std_score_time: outcomes.map((o) => std(o.scoreTimes)),
  };
  const names = [...new Set(outcomes.flatMap((o) => Object.keys(o.params)))].sort();
  for (const name of names) {
    results[`param_${name}`] = outcomes.map((o) => (name in o.params ? o.params[name] : null));
  }
  results.params = outcomes.map((o) => o.params);
  const store = (key: string, pick: (o: CandidateOutcome) => number[]) => {
    for (let k = 0; k < nSplits; k++) results[`split${k}_${key}`] = outcomes.map((o) => pick(o)[k]);
    results[`mean_${key}`] = outcomes.map((o) => mean(pick(o)));
    results[`std_${key}`] = outcomes.map((o) => std(pick(o)));
  };
  // scikit-learn's order: per scorer, its test columns with the rank, then its train columns.
  for (const name of scorers) {
    store(`test_${name}`, (o) => o.testScores[name]);
    results[`rank_test_${name}`] = rankScores(results[`mean_test_${name}`] as number[]);
    if (withTrain) store(`train_${name}`, (o) => o.trainScores?.[name] ?? []);
  }
  return results as CvResults;
}
