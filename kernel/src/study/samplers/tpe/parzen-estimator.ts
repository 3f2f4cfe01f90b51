/**
 * The Parzen estimator of TPE: a mixture with one kernel per observation plus a prior kernel.
 * Numerical parameters get truncated normal kernels (on the log scale for `log`, with the
 * probability mass of a grid cell for `step`/int); categorical ones get a smoothed one-hot kernel.
 * Bandwidths follow Optuna: the larger gap to the sorted neighbours (the range ends count as
 * neighbours, except that `considerEndpoints: false` ignores them for the outermost points), clipped
 * to [range / min(100, 1 + kernels), range] ("magic clip"); the prior kernel sits at the centre with
 * the whole range as its bandwidth.
 */
import type { Distribution } from '../../distributions';
import type { RandomState } from '../../../random';
import { clip, roundHalfEven } from '../round';
import { logGaussMass, truncnormFromUniform, truncnormLogPdf } from './truncnorm';

const EPS = 1e-12;

/** Settings shared by the estimators of one sampler. */
export interface ParzenEstimatorParameters {
  priorWeight: number;
  considerMagicClip: boolean;
  considerEndpoints: boolean;
  /** Weights of n observations, oldest first. */
  weights: (n: number) => number[];
}

/** One parameter's kernels (numerical). */
interface NumericalKernels {
  kind: 'numerical';
  mus: number[];
  sigmas: number[];
  /** Bounds on the transformed scale (log, widened by step/2). */
  low: number;
  high: number;
  log: boolean;
  /** Grid step on the original scale, 0 when continuous. */
  step: number;
  /** Original bounds. */
  rawLow: number;
  rawHigh: number;
}

/** One parameter's kernels (categorical): one probability row per kernel. */
interface CategoricalKernels {
  kind: 'categorical';
  rows: number[][];
}

type Kernels = NumericalKernels | CategoricalKernels;

/**
 * Optuna's default weights: 1 for each of the 25 newest observations, a ramp from 1/n to 1 for older ones.
 */
export function defaultWeights(n: number): number[] {
  if (n === 0) return [];
  if (n < 25) return new Array<number>(n).fill(1);
  const rampLength = n - 25;
  const ramp = Array.from({ length: rampLength }, (_v, i) => (rampLength === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (rampLength - 1)));
  return [...ramp, ...new Array<number>(25).fill(1)];
}

/** A Parzen estimator over a search space; observations are internal (float) values by parameter. */
export class ParzenEstimator {
  readonly weights: number[];
  private readonly kernels: Kernels[];
  private readonly names: string[];

  constructor(observations: Record<string, number[]>, searchSpace: Record<string, Distribution>, parameters: ParzenEstimatorParameters, predeterminedWeights?: number[]) {
    this.names = Object.keys(searchSpace);
    const n = this.names.length ? observations[this.names[0]].length : 0;
    let weights = predeterminedWeights ?? parameters.weights(n).slice(0, n);
    weights = n === 0 ? [1] : [...weights, parameters.priorWeight];
    const total = weights.reduce((s, w) => s + w, 0);
    this.weights = weights.map((w) => w / total);
    this.kernels = this.names.map((name) => kernelsFor(observations[name], searchSpace[name], parameters));
  }

  /** Draws `size` points: internal values by parameter. */
  sample(rng: RandomState, size: number): Record<string, number[]> {
    const active = Array.from({ length: size }, () => rng.choice(this.weights));
    const out: Record<string, number[]> = {};
    for (const [i, name] of this.names.entries()) {
      const k = this.kernels[i];
      out[name] = active.map((j) => (k.kind === 'categorical' ? rng.choice(k.rows[j]) : sampleNumerical(k, j, rng.randomSample())));
    }
    return out;
  }

  /** The log density (mass for grids and categories) of each point. */
  logPdf(samples: Record<string, number[]>): number[] {
    const size = this.names.length ? samples[this.names[0]].length : 0;
    const out: number[] = [];
    for (let s = 0; s < size; s++) {
      const perKernel = this.weights.map((w) => Math.log(w));
      for (const [i, name] of this.names.entries()) {
        const k = this.kernels[i];
        const x = samples[name][s];
        for (let j = 0; j < perKernel.length; j++) perKernel[j] += k.kind === 'categorical' ? Math.log(k.rows[j][Math.trunc(x)]) : logPdfNumerical(k, j, x);
      }
      let max = Math.max(...perKernel);
      if (max === -Infinity) max = 0;
      out.push(Math.log(perKernel.reduce((acc, v) => acc + Math.exp(v - max), 0)) + max);
    }
    return out;
  }
}

function kernelsFor(observed: number[], d: Distribution, p: ParzenEstimatorParameters): Kernels {
  if (d.type === 'categorical') {
    const nChoices = d.choices.length;
    if (observed.length === 0) return { kind: 'categorical', rows: [new Array<number>(nChoices).fill(1 / nChoices)] };
    const nKernels = observed.length + 1;
    const rows = Array.from({ length: nKernels }, () => new Array<number>(nChoices).fill(p.priorWeight / nKernels));
    observed.forEach((index, i) => (rows[i][Math.trunc(index)] += 1));
    for (const row of rows) {
      const sum = row.reduce((s, v) => s + v, 0);
      if (sum !== 0) row.forEach((v, c) => (row[c] = v / sum));
    }
    return { kind: 'categorical', rows };
  }
  const step = d.step ?? 0;
  let low = d.low - step / 2;
  let high = d.high + step / 2;
  let mus = observed;
  if (d.log) {
    mus = observed.map(Math.log);
    low = Math.log(low);
    high = Math.log(high);
  }
  const sigmas = bandwidths(mus, low, high, p);
  return { kind: 'numerical', mus: [...mus, 0.5 * (low + high)], sigmas: [...sigmas, high - low], low, high, log: d.log, step, rawLow: d.low, rawHigh: d.high };
}

function bandwidths(mus: number[], low: number, high: number, p: ParzenEstimatorParameters): number[] {
  const order = mus.map((_m, i) => i).sort((a, b) => mus[a] - mus[b]);
  const sorted = [low, ...order.map((i) => mus[i]), high];
  const sortedSigmas = order.map((_i, k) => Math.max(sorted[k + 1] - sorted[k], sorted[k + 2] - sorted[k + 1]));
  if (!p.considerEndpoints && sorted.length >= 4) {
    sortedSigmas[0] = sorted[2] - sorted[1];
    sortedSigmas[sortedSigmas.length - 1] = sorted[sorted.length - 2] - sorted[sorted.length - 3];
  }
  const maxSigma = high - low;
  const minSigma = p.considerMagicClip ? (high - low) / Math.min(100, 1 + mus.length + 1) : EPS;
  const sigmas = new Array<number>(mus.length);
  order.forEach((i, k) => (sigmas[i] = clip(sortedSigmas[k], minSigma, maxSigma)));
  return sigmas;
}

function sampleNumerical(k: NumericalKernels, j: number, u: number): number {
  const mu = k.mus[j];
  const sigma = k.sigmas[j];
  let x = truncnormFromUniform(u, (k.low - mu) / sigma, (k.high - mu) / sigma, mu, sigma);
  if (k.log) x = Math.exp(x);
  if (k.step !== 0) x = clip(k.rawLow + roundHalfEven((x - k.rawLow) / k.step) * k.step, k.rawLow, k.rawHigh);
  return x;
}

function logPdfNumerical(k: NumericalKernels, j: number, x: number): number {
  const mu = k.mus[j];
  const sigma = k.sigmas[j];
  const a = (k.low - mu) / sigma;
  const b = (k.high - mu) / sigma;
  if (k.step === 0) return truncnormLogPdf(k.log ? Math.log(x) : x, a, b, mu, sigma);
  const left = k.log ? Math.log(x - k.step / 2) : x - k.step / 2;
  const right = k.log ? Math.log(x + k.step / 2) : x + k.step / 2;
  return logGaussMass((left - mu) / sigma, (right - mu) / sigma) - logGaussMass(a, b);
}
