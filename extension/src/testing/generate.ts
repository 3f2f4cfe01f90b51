/**
 * Generated study payloads for the figure tests: any number of trials over a mixed search space
 * (log float, int, categorical), in one or two objectives, with pruned, failed and running trials,
 * from a seeded generator (the same payload every run).
 */
import type { Distribution, StudyPayload, Trial } from '../payload';

/** What to generate. */
export interface GenerateOptions {
  trials: number;
  objectives?: 1 | 2;
  /** Give every 7th trial PRUNED, every 11th FAIL and the last one RUNNING. */
  mix?: boolean;
  /** A cross-validated search (fold scores, ranks) instead of a study. */
  search?: boolean;
  /** Parameters (at most 12). */
  params?: number;
}

const SPACE: [string, Distribution][] = [
  ['learningRate', { type: 'float', low: 1e-5, high: 1e-1, log: true }],
  ['initialUnits', { type: 'int', low: 8, high: 256 }],
  ['cellType', { type: 'categorical', choices: ['LSTM', 'GRU', 'RNN'] }],
  ['dropoutRate', { type: 'float', low: 0, high: 0.5 }],
  ['numLayers', { type: 'int', low: 1, high: 4 }],
  ['bidirectional', { type: 'categorical', choices: [true, false] }],
  ['batchSize', { type: 'categorical', choices: [16, 32, 64] }],
  ['recurrentDropoutRate', { type: 'float', low: 0, high: 0.3 }],
  ['weightDecay', { type: 'float', low: 1e-6, high: 1e-2, log: true }],
  ['epochs', { type: 'int', low: 5, high: 50, step: 5 }],
  ['optimizer', { type: 'categorical', choices: ['adam', 'rmsprop', 'sgd'] }],
  ['clipNorm', { type: 'float', low: 0.1, high: 10, log: true }],
];

/** A seeded uniform generator in [0, 1) (a linear congruential one: plenty for test data). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function draw(distribution: Distribution, u: number): number | string | boolean | null {
  if (distribution.type === 'categorical') return distribution.choices[Math.floor(u * distribution.choices.length)];
  if (distribution.log) return Number((distribution.low * (distribution.high / distribution.low) ** u).toPrecision(6));
  const value = distribution.low + u * (distribution.high - distribution.low);
  return distribution.type === 'int' ? Math.round(value) : Number(value.toPrecision(6));
}

/** A valid `study.v1` payload as described by `options`. */
export function generateStudy(options: GenerateOptions): StudyPayload {
  const next = random(options.trials * 31 + (options.objectives ?? 1) + (options.mix ? 7 : 0) + (options.search ? 3 : 0));
  const space = SPACE.slice(0, options.params ?? 4);
  const start = Date.parse('2025-01-31T12:00:00.000Z');
  const objectives = options.objectives ?? 1;
  const trials: Trial[] = Array.from({ length: options.trials }, (_, number) => {
    const state: Trial['state'] = options.mix
      ? number === options.trials - 1 && number > 0
        ? 'RUNNING'
        : number % 11 === 10
          ? 'FAIL'
          : number % 7 === 6
            ? 'PRUNED'
            : 'COMPLETE'
      : 'COMPLETE';
    const params = Object.fromEntries(space.map(([name, distribution]) => [name, draw(distribution, next())]));
    const loss = 0.2 + next();
    const steps = options.search ? 3 : 1 + Math.floor(next() * 10);
    const curve: [number, number | null][] = Array.from({ length: state === 'FAIL' ? 0 : steps }, (_, step) => [step, Number((loss + 0.5 / (step + 1)).toFixed(4))]);
    // Two workers: trials overlap in time, as with nJobs: 2.
    const began = start + Math.floor(number / 2) * 20_000 + (number % 2) * 7_000;
    const ended = state === 'RUNNING' ? null : began + 15_000 + Math.floor(next() * 10_000);
    const folds = curve.map(([, value]) => value);
    const mean = folds.length ? folds.reduce<number>((a, b) => a + (b ?? 0), 0) / folds.length : null;
    return {
      number,
      state,
      params,
      values: state === 'COMPLETE' ? (objectives === 1 ? [options.search ? mean : loss] : [loss, 1 - loss * next()]) : null,
      intermediateValues: curve,
      ...(options.search ? { foldScores: folds, meanScore: state === 'COMPLETE' ? mean : null, stdScore: state === 'COMPLETE' ? 0.01 : null, rank: null } : {}),
      datetimeStart: new Date(began).toISOString(),
      datetimeComplete: ended === null ? null : new Date(ended).toISOString(),
      durationSeconds: ended === null ? null : (ended - began) / 1000,
      userAttrs: (number % 3 === 0 ? { machine: `worker-${number % 2}` } : {}) as Record<string, string>,
      failReason: state === 'FAIL' ? 'Error: out of memory' : null,
    };
  });
  if (options.search) {
    const ranked = trials.filter((t) => t.state === 'COMPLETE').sort((a, b) => (b.meanScore ?? 0) - (a.meanScore ?? 0));
    ranked.forEach((trial, index) => {
      trial.rank = index + 1;
    });
  }
  const complete = trials.filter((t) => t.state === 'COMPLETE');
  const best = objectives === 1 ? (options.search ? complete.filter((t) => t.rank === 1) : [...complete].sort((a, b) => (a.values?.[0] ?? 0) - (b.values?.[0] ?? 0)).slice(0, 1)) : complete.slice(0, 3);
  return {
    version: 1,
    id: `generated-${options.trials}`,
    kind: options.search ? 'grid_search' : 'study',
    name: `generated ${options.trials}`,
    directions: objectives === 1 ? [options.search ? 'maximize' : 'minimize'] : ['minimize', 'maximize'],
    valueNames: objectives === 1 ? [options.search ? 'accuracy' : 'val_loss'] : ['val_loss', 'accuracy'],
    status: options.mix ? 'running' : 'finished',
    searchSpace: Object.fromEntries(space),
    paramNames: space.map(([name]) => name),
    trials,
    bestTrialNumbers: best.map((t) => t.number),
    importance: complete.length >= 2 ? Object.fromEntries(space.map(([name], i) => [name, (i + 1) / ((space.length * (space.length + 1)) / 2)])) : null,
    progress: { done: complete.length, total: options.trials, elapsedSeconds: 60, etaSeconds: options.mix ? 30 : null },
    controls: null,
  };
}
