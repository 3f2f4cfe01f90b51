/**
 * Parameter importance by PED-ANOVA (Watanabe et al., "PED-ANOVA: Efficiently quantifying
 * hyperparameter importance in arbitrary subspaces", IJCAI 2023), the method of Optuna's
 * `PedAnovaImportanceEvaluator`: for each parameter, the Pearson divergence between the
 * distribution of its values in the top 10 % of trials and in all trials, both estimated by
 * Scott-bandwidth Parzen estimators on a grid of at most 50 cells. A parameter whose good values
 * look like all its values does not matter. No randomness: the same trials give the same result.
 *
 * Optuna note: Optuna's default `get_param_importances` uses fANOVA on a random forest; rnnlab uses
 * PED-ANOVA (also in Optuna), which needs no forest and is deterministic. Results are normalised to
 * sum to 1, as `get_param_importances(normalize=True)`.
 */
import { InvalidArgumentError } from '../errors';
import { isSingle, toInternal, type Distribution } from './distributions';
import type { FrozenTrial, StudyDirection } from './frozen-trial';
import { logGaussMass } from './samplers/tpe/truncnorm';
import { nonDominationRanks } from './samplers/tpe/split';

/** Options of {@link getParamImportances}. */
export interface ImportanceOptions {
  /** Share of best trials compared with all trials. Default 0.1. */
  targetQuantile?: number;
  /** Only these parameters (default: every parameter of a complete trial). */
  params?: readonly string[];
}

const N_STEPS = 50;
const PRIOR_WEIGHT = 1;
const MIN_TRIALS_IN_REGIME = 2;

/** The study-like input: its trials and directions (a `Study` fits). */
export interface ImportanceInput {
  readonly trials: readonly FrozenTrial[];
  readonly directions: readonly StudyDirection[];
}

/**
 * Importance of each parameter, summing to 1, most important first.
 *
 * @param study - a study (or its trials and directions)
 * @returns `{ [param]: importance }`; equal shares when fewer than 2 trials are complete
 * @throws InvalidArgumentError when `targetQuantile` is not in (0, 1)
 * @example
 * ```ts
 * getParamImportances(study);  // { learningRate: 0.71, initialUnits: 0.2, cellType: 0.09 }
 * ```
 */
export function getParamImportances(study: ImportanceInput, options: ImportanceOptions = {}): Record<string, number> {
  const q = options.targetQuantile ?? 0.1;
  if (!(q > 0 && q < 1)) throw new InvalidArgumentError('targetQuantile', 'must be in (0, 1)', q);
  const trials = study.trials.filter((t) => t.state === 'COMPLETE' && t.values && t.values.every(Number.isFinite));
  const names = options.params ? [...options.params] : [...new Set(trials.flatMap((t) => Object.keys(t.distributions)))];
  const raw: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  if (trials.length > 1) {
    const target = topTrials(trials, study.directions, q);
    const targetIds = new Set(target.map((t) => t.number));
    const quantile = target.length / trials.length;
    for (const name of names) {
      for (const regime of regimes(name, trials)) {
        const targetRegime = regime.trials.filter((t) => targetIds.has(t.number));
        if (isSingle(regime.distribution) || targetRegime.length === 0) continue;
        const pTarget = targetRegime.length / target.length;
        const pRegion = regime.trials.length / trials.length;
        raw[name] += ((pTarget * pTarget) / pRegion) * pearsonDivergence(name, regime.distribution, targetRegime, regime.trials);
      }
      raw[name] *= quantile * quantile;
    }
  }
  const total = Object.values(raw).reduce((s, v) => s + v, 0);
  const normalised = names.map((n) => [n, total > 0 ? raw[n] / total : 1 / names.length] as [string, number]);
  normalised.sort((a, b) => b[1] - a[1]);
  return Object.fromEntries(normalised);
}

/** Alias of {@link getParamImportances}, the name the leaderboard uses. */
export const importance = getParamImportances;

function topTrials(trials: FrozenTrial[], directions: readonly StudyDirection[], q: number): FrozenTrial[] {
  const n = Math.ceil(q * trials.length);
  if (directions.length > 1) {
    const losses = trials.map((t) => t.values!.map((v, i) => (directions[i] === 'maximize' ? -v : v)));
    const ranks = nonDominationRanks(losses);
    const order = trials.map((_t, i) => i).sort((a, b) => ranks[a] - ranks[b] || a - b);
    return order.slice(0, n).map((i) => trials[i]);
  }
  const sign = directions[0] === 'maximize' ? -1 : 1;
  const losses = trials.map((t) => sign * t.values![0]);
  const cutoff = [...losses].sort((a, b) => a - b)[n - 1];
  return trials.filter((_t, i) => losses[i] <= cutoff);
}

function regimes(name: string, trials: FrozenTrial[]): { distribution: Distribution; trials: FrozenTrial[] }[] {
  const groups = new Map<string, { distribution: Distribution; trials: FrozenTrial[] }>();
  for (const t of trials) {
    const d = t.distributions[name];
    if (!d) continue;
    const key = JSON.stringify(d);
    if (!groups.has(key)) groups.set(key, { distribution: d, trials: [] });
    groups.get(key)!.trials.push(t);
  }
  return [...groups.values()].filter((g) => g.trials.length >= MIN_TRIALS_IN_REGIME);
}

function gridCounts(name: string, d: Distribution, trials: FrozenTrial[]): number[] {
  if (d.type === 'categorical') {
    const counts = new Array<number>(d.choices.length).fill(0);
    for (const t of trials) counts[toInternal(d, t.params[name])]++;
    return counts;
  }
  let nSteps = N_STEPS;
  if (d.type === 'int' && d.log) nSteps = Math.min(Math.ceil(Math.log(d.high - d.low + 1) / Math.log(2)) + 1, nSteps);
  else if (d.step !== null && d.step !== undefined) nSteps = Math.min(Math.round((d.high - d.low) / d.step) + 1, nSteps);
  const low = d.log ? Math.log(d.low) : d.low;
  const high = d.log ? Math.log(d.high) : d.high;
  const size = (high - low) / (nSteps - 1);
  const counts = new Array<number>(nSteps).fill(0);
  for (const t of trials) {
    const v = d.log ? Math.log(t.params[name] as number) : (t.params[name] as number);
    counts[Math.min(Math.max(Math.ceil((v - low) / size - 0.5), 0), nSteps - 1)]++;
  }
  return counts;
}

/** The density on grid cells 0..size-1 of a Scott-bandwidth Parzen estimator fitted to `counts`. */
function gridPdf(counts: number[], categorical: boolean): number[] {
  const size = counts.length;
  const obs = counts.map((_c, i) => i).filter((i) => counts[i] > 0);
  const w = obs.map((i) => counts[i]);
  const mixture = obs.length === 0 ? [1] : [...w, PRIOR_WEIGHT];
  const total = mixture.reduce((s, v) => s + v, 0);
  const mix = mixture.map((v) => v / total);
  if (categorical) {
    const nKernels = obs.length + 1;
    const rows = obs.length === 0 ? [new Array<number>(size).fill(1 / size)] : Array.from({ length: nKernels }, () => new Array<number>(size).fill(PRIOR_WEIGHT / nKernels));
    if (obs.length) obs.forEach((o, k) => (rows[k][o] += 1));
    for (const row of rows) {
      const s = row.reduce((a, b) => a + b, 0);
      row.forEach((v, c) => (row[c] = v / s));
    }
    return Array.from({ length: size }, (_v, c) => rows.reduce((acc, row, k) => acc + mix[k] * row[c], 0));
  }
  const low = 0;
  const high = size - 1;
  const wSum = w.reduce((s, v) => s + v, 0);
  const mean = obs.reduce((s, o, k) => s + o * w[k], 0) / Math.max(wSum, 1);
  let sigma = Math.sqrt(obs.reduce((s, o, k) => s + (o - mean) ** 2 * w[k], 0) / Math.max(1, wSum - 1));
  const cum: number[] = [];
  w.reduce((s, v) => (cum.push(s + v), s + v), 0);
  const q1 = cum.findIndex((c) => c >= Math.floor(wSum / 4));
  let q3 = cum.findIndex((c) => c > Math.floor((wSum * 3) / 4));
  if (q3 < 0) q3 = obs.length;
  const iqr = obs.length ? obs[Math.min(obs.length - 1, q3)] - obs[Math.max(q1, 0)] : 0;
  sigma = 1.059 * Math.min(iqr / 1.34, sigma) * wSum ** -0.2;
  const sigmaMin = 0.5 / 1.64;
  const mus = [...obs, (low + high) / 2];
  const sigmas = [...obs.map(() => Math.max(sigma, sigmaMin)), high - low + 1];
  const kernels = obs.length === 0 ? [{ mu: mus[mus.length - 1], sigma: sigmas[sigmas.length - 1] }] : mus.map((mu, k) => ({ mu, sigma: sigmas[k] }));
  return Array.from({ length: size }, (_v, x) =>
    kernels.reduce((acc, { mu, sigma: s }, k) => acc + mix[k] * Math.exp(logGaussMass((x - 0.5 - mu) / s, (x + 0.5 - mu) / s) - logGaussMass((low - 0.5 - mu) / s, (high + 0.5 - mu) / s)), 0),
  );
}

function pearsonDivergence(name: string, d: Distribution, target: FrozenTrial[], region: FrozenTrial[]): number {
  const top = gridPdf(gridCounts(name, d, target), d.type === 'categorical').map((p) => p + 1e-12);
  const local = gridPdf(gridCounts(name, d, region), d.type === 'categorical').map((p) => p + 1e-12);
  return local.reduce((s, l, i) => s + l * (top[i] / l - 1) ** 2, 0);
}
