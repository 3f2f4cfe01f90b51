/**
 * What GridSearchCV and RandomizedSearchCV share (scikit-learn's BaseSearchCV): every candidate is fit
 * on every fold, scored, and summarised in `cvResults`; the best candidate is refit on all data.
 */
import { randomUUID } from 'node:crypto';
import { AllFitsFailedError, countReasons, formatReasons, InvalidArgumentError } from '../errors';
import { onInterrupt } from '../frontend';
import { checkKnownKeys } from '../validation';
import { checkCv, type CvInput } from './check-cv';
import { buildCvResults, type CandidateOutcome, type CvResults, rankScores } from './cv-results';
import { type FeatureInput, type Label, type TargetInput, toMatrix, toTargets } from './data';
import type { Estimator } from './estimators/keras-estimator';
import { type FitRunner, type FitTask, inProcessRunner, type SearchData } from './fit-runner';
import type { KerasClassifier } from './estimators/keras-classifier';
import type { Params } from './parameter-grid';
import { checkRefit, notRefitError, type RefitPlan, scoreRefitted } from './refit';
import { checkScoring, type Scoring, type ScoresFn } from './scoring';
import { createObserver, type SearchKind, type SearchState, type SpaceEntry } from './search-state';
import { registerStoppable } from './stop-control';

export interface BaseSearchOptions {
  /** A KerasClassifier or KerasRegressor (its parameters are the defaults of every candidate). */
  estimator: Estimator;
  /**
   * How to score a fitted candidate on a test fold: a scikit-learn scorer name ('accuracy', 'f1',
   * 'roc_auc', 'neg_mean_squared_error', 'r2', …), a function, or several (a list of names, or an
   * object of names and functions) with `refit` naming the one that picks the best candidate.
   * Default: the estimator's `score` (accuracy or R²).
   */
  scoring?: Scoring;
  /** Folds: a count (StratifiedKFold for classifiers, KFold otherwise; default 5), a splitter, or index pairs. */
  cv?: CvInput;
  /**
   * Refit the best candidate on all the data as `bestEstimator` (then the search predicts and scores
   * as it). Default true; with several scorers, the name of the scorer that picks the best candidate.
   */
  refit?: boolean | string;
  /** Fits run at once in worker threads; -1: one per core. Default 1 (in this thread). */
  nJobs?: number;
  /** Score recorded for a fit that fails (default NaN), or 'raise' to stop the search. */
  errorScore?: number | 'raise';
  /** Also score the training folds (`*_train_score` columns). Default false. */
  returnTrainScore?: boolean;
  /** 0: quiet; 1 and more: a line per fit. Default 0. */
  verbose?: number;
  /** Show the live search view under the cell. Default true. */
  show?: boolean;
}

/** Factory of worker-thread runners, plugged in by kernel/src/parallel (kept out of this module). */
export type ParallelRunnerFactory = (
  estimator: Estimator,
  data: SearchData,
  scoring: Scoring | undefined,
  nJobs: number,
) => Promise<FitRunner>;
let parallelRunnerFactory: ParallelRunnerFactory | undefined;
export function setParallelRunnerFactory(factory: ParallelRunnerFactory | undefined): void {
  parallelRunnerFactory = factory;
}

const COMMON_KEYS = ['estimator', 'scoring', 'cv', 'refit', 'nJobs', 'errorScore', 'returnTrainScore', 'verbose', 'show'];

/** One row of `resultsTable()`. */
export interface ResultRow {
  rank: number;
  candidate: number;
  params: Params;
  meanTestScore: number;
  stdTestScore: number;
  meanTrainScore?: number;
  meanFitTime: number;
}

export abstract class BaseSearchCV {
  /** scikit-learn's `cv_results_`, after `fit`. */
  cvResults?: CvResults;
  bestIndex?: number;
  bestScore?: number;
  bestParams?: Params;
  /** The best candidate refit on all data (with `refit: true`). */
  bestEstimator?: Estimator;
  /** Number of folds. */
  nSplits?: number;
  /** Seconds the refit took. */
  refitTime?: number;
  /** The live state (also after fit). */
  state?: SearchState;
  protected readonly options: BaseSearchOptions;
  private readonly plan: RefitPlan;
  private stopRequested = false;

  protected constructor(where: string, extraKeys: string[], options: BaseSearchOptions) {
    if (typeof options !== 'object' || options === null) {
      throw new InvalidArgumentError('options', `must be an object such as { estimator, ${extraKeys[0]} }`, options);
    }
    checkKnownKeys(where, options, [...COMMON_KEYS, ...extraKeys]);
    const e = options.estimator as Partial<Estimator> | undefined;
    if (!e || typeof e.clone !== 'function' || typeof e.setParams !== 'function' || typeof e.getParams !== 'function') {
      throw new InvalidArgumentError('estimator', 'must be a KerasClassifier or KerasRegressor', options.estimator);
    }
    const nJobs = options.nJobs ?? 1;
    if (!Number.isInteger(nJobs) || nJobs === 0 || nJobs < -1) {
      throw new InvalidArgumentError('nJobs', 'must be a positive integer or -1 (one per core)', options.nJobs);
    }
    const errorScore = options.errorScore ?? NaN;
    if (errorScore !== 'raise' && typeof errorScore !== 'number') {
      throw new InvalidArgumentError('errorScore', "must be a number (NaN by default) or 'raise'", errorScore);
    }
    this.plan = checkRefit(options.refit, options.scoring);
    for (const key of ['returnTrainScore', 'show'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'boolean') {
        throw new InvalidArgumentError(key, 'must be true or false', options[key]);
      }
    }
    this.options = options;
  }

  protected abstract readonly kind: SearchKind;
  /** The candidates, in order. */
  protected abstract candidates(): Params[];
  /** The parameter ranges, for the view. */
  protected abstract searchSpace(): Record<string, SpaceEntry>;
  /** Seed of the fits (RandomizedSearchCV's randomState); undefined: fits are not seeded. */
  protected abstract fitSeedBase(): number | undefined;

  /** Stops the search after the fits under way (as an interrupt does); completed candidates are kept. */
  stop(): void {
    this.stopRequested = true;
  }

  /**
   * Fits every candidate on every fold, then refits the best one.
   * @throws InvalidArgumentError before any fit for bad data, parameter names, cv or scoring.
   */
  async fit(X: FeatureInput, y: TargetInput): Promise<this> {
    const { estimator } = this.options;
    const warn = (m: string) => process.emitWarning(m, { type: 'UserWarning' } as never);
    const Xm = toMatrix('X', X);
    const targets = toTargets('y', y);
    const n = Xm.shape[0];
    if (targets.values.length / targets.columns !== n) {
      throw new InvalidArgumentError('y', `must have one target per sample of X (${n})`, `${targets.values.length / targets.columns} targets`);
    }
    const candidates = this.candidates();
    this.checkParamNames(estimator, candidates);
    const splitter = checkCv(this.options.cv, estimator.estimatorType === 'classifier', warn);
    const folds = splitter.split(n, targets.columns === 1 ? targets.values : undefined);
    const score = checkScoring(this.options.scoring, estimator.estimatorType, targets.values);
    const data: SearchData = { X: Xm, y: targets.values, columns: targets.columns };
    const nSplits = folds.length;
    this.nSplits = nSplits;

    const state: SearchState = {
      id: randomUUID(),
      kind: this.kind,
      name: this.constructor.name,
      valueName: typeof this.options.scoring === 'string' ? this.options.scoring : this.plan.multimetric ? this.plan.rankBy : 'score',
      status: 'running',
      searchSpace: this.searchSpace(),
      candidates,
      nSplits,
      outcomes: candidates.map(() => new Array(nSplits).fill(undefined)),
      started: candidates.map(() => undefined),
      finished: candidates.map(() => undefined),
    };
    this.state = state;
    const unregister = registerStoppable(state.id, () => this.stop());
    state.controls = { commTarget: 'rnnlab.search', studyId: state.id };
    const observer = this.options.show === false ? undefined : createObserver(state);
    observer?.update(state);
    const releaseInterrupt = onInterrupt(() => this.stop());
    this.stopRequested = false;

    const runner = await this.makeRunner(estimator, data, score);
    try {
      await this.runAll(candidates, folds, runner, state, () => observer?.update(state));
    } catch (error) {
      state.status = 'failed';
      state.error = error instanceof Error ? error.message : String(error);
      throw error;
    } finally {
      await runner.close();
      releaseInterrupt();
      unregister();
      state.controls = undefined;
      if (state.status === 'running') state.status = this.stopRequested ? 'stopped' : 'finished';
      this.summarise(state);
      observer?.finish(state);
    }
    if (this.plan.refit && this.bestParams && state.status === 'finished') {
      const started = performance.now();
      const best = estimator.clone().setParams(this.bestParams) as Estimator;
      const seed = this.fitSeedBase();
      await best.fit(X, y, { randomState: seed === undefined ? undefined : deriveSeed(seed, -1, -1) });
      this.bestEstimator = best;
      this.refitTime = (performance.now() - started) / 1000;
    }
    return this;
  }

  private checkParamNames(estimator: Estimator, candidates: Params[]): void {
    const valid = (estimator as { validParamNames?: () => string[] | undefined }).validParamNames?.();
    if (!valid) return;
    for (const name of new Set(candidates.flatMap((c) => Object.keys(c)))) {
      if (!valid.includes(name)) {
        throw new InvalidArgumentError(
          name,
          'is not a parameter of the estimator (neither a fit parameter nor one its buildFn declares)',
          name,
          `Valid parameters: ${valid.join(', ')}`,
        );
      }
    }
  }

  private async makeRunner(estimator: Estimator, data: SearchData, score: ScoresFn): Promise<FitRunner> {
    const requested = this.options.nJobs ?? 1;
    const nJobs = requested === -1 ? (await import('node:os')).availableParallelism() : requested;
    if (nJobs > 1) {
      if (!parallelRunnerFactory) {
        throw new Error('nJobs > 1 needs the worker pool, which is not available in this process');
      }
      return parallelRunnerFactory(estimator, data, this.options.scoring, nJobs);
    }
    return inProcessRunner(estimator, data, score);
  }

  private async runAll(
    candidates: Params[],
    folds: [number[], number[]][],
    runner: FitRunner,
    state: SearchState,
    changed: () => void,
  ): Promise<void> {
    const seedBase = this.fitSeedBase();
    const tasks: FitTask[] = [];
    candidates.forEach((params, candidate) =>
      folds.forEach(([train, test], fold) =>
        tasks.push({
          candidate,
          fold,
          params,
          train,
          test,
          seed: seedBase === undefined ? undefined : deriveSeed(seedBase, candidate, fold),
          withTrainScore: this.options.returnTrainScore === true,
        }),
      ),
    );
    const errorScore = this.options.errorScore ?? NaN;
    const verbose = this.options.verbose ?? 0;
    const width = this.options.nJobs === -1 ? (await import('node:os')).availableParallelism() : Math.max(1, this.options.nJobs ?? 1);
    let next = 0;
    let failure: unknown;
    const failures: string[] = [];
    let ended = 0;
    const worker = async () => {
      while (next < tasks.length && !this.stopRequested && failure === undefined) {
        const task = tasks[next++];
        state.started[task.candidate] ??= new Date().toISOString();
        changed();
        let outcome;
        try {
          outcome = await runner.run(task);
          const { rankBy } = this.plan;
          if (outcome.testScores) outcome.testScore = outcome.testScores[rankBy];
          if (outcome.trainScores) outcome.trainScore = outcome.trainScores[rankBy];
          if (Number.isNaN(outcome.testScore)) throw new Error('the score is NaN (did the loss diverge?)');
        } catch (error) {
          if (errorScore === 'raise') {
            failure = error;
            return;
          }
          const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          const failed = Object.fromEntries(this.plan.scorers.map((name) => [name, errorScore as number]));
          outcome = { testScore: errorScore as number, trainScore: task.withTrainScore ? (errorScore as number) : undefined, testScores: failed, trainScores: task.withTrainScore ? failed : undefined, fitTime: 0, scoreTime: 0, error: reason };
        }
        // A fit cut short by a stop or an interrupt is not a result: its candidate stays incomplete.
        if (this.stopRequested) break;
        ended++;
        if (outcome.error !== undefined) failures.push(outcome.error);
        state.outcomes[task.candidate][task.fold] = outcome;
        if (state.outcomes[task.candidate].every((o) => o !== undefined)) state.finished[task.candidate] = new Date().toISOString();
        if (verbose > 0) {
          process.stdout.write(
            `[CV ${task.fold + 1}/${folds.length}] candidate ${task.candidate + 1}/${candidates.length} ${JSON.stringify(task.params)}; score=${outcome.testScore.toFixed(4)} (${outcome.fitTime.toFixed(1)}s)\n`,
          );
        }
        changed();
      }
    };
    await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
    if (failure !== undefined) throw failure;
    reportFailures(failures, ended, ended === tasks.length, errorScore as number);
  }

  /** Fills cvResults and best* from the candidates whose folds all ended. */
  private summarise(state: SearchState): void {
    const complete: CandidateOutcome[] = [];
    const indices: number[] = [];
    state.candidates.forEach((params, i) => {
      const outcomes = state.outcomes[i];
      if (outcomes.every((o) => o !== undefined)) {
        const done = outcomes as NonNullable<(typeof outcomes)[number]>[];
        const byScorer = (pick: (o: (typeof done)[number]) => Record<string, number> | undefined, fallback: (o: (typeof done)[number]) => number | undefined) =>
          Object.fromEntries(this.plan.scorers.map((name) => [name, done.map((o) => pick(o)?.[name] ?? fallback(o) ?? NaN)]));
        complete.push({
          params,
          testScores: byScorer((o) => o.testScores, (o) => o.testScore),
          trainScores: this.options.returnTrainScore ? byScorer((o) => o.trainScores, (o) => o.trainScore) : undefined,
          fitTimes: done.map((o) => o.fitTime),
          scoreTimes: done.map((o) => o.scoreTime),
        });
        indices.push(i);
      }
    });
    if (complete.length === 0) return;
    const { scorers, rankBy, multimetric, refit } = this.plan;
    const results = buildCvResults(complete, state.nSplits, this.options.returnTrainScore === true, scorers);
    this.cvResults = results;
    const means = results[`mean_test_${rankBy}`] as number[];
    // scikit-learn sets best* for one scorer always, for several only when refit names one.
    if (!multimetric || refit) {
      const ranks = results[`rank_test_${rankBy}`] as number[];
      const best = ranks.indexOf(Math.min(...ranks));
      this.bestIndex = best;
      this.bestScore = means[best];
      this.bestParams = results.params[best];
    }
    state.ranks = state.candidates.map(() => NaN);
    rankScores(means).forEach((r, j) => ((state.ranks as number[])[indices[j]] = r));
  }

  /** The estimator type of the searched estimator ('classifier' or 'regressor'). */
  get estimatorType(): 'classifier' | 'regressor' {
    return this.options.estimator.estimatorType;
  }

  /** The refit best estimator, or a NotFittedError saying why there is none. */
  private refitted(method: string): Estimator {
    if (this.bestEstimator) return this.bestEstimator;
    throw notRefitError(this.constructor.name, method, this.plan, this.cvResults !== undefined, this.state?.status);
  }

  /**
   * Labels (classifier) or values (regressor) predicted by the refit best estimator — scikit-learn's
   * `search.predict`, delegated to `bestEstimator`.
   * @throws NotFittedError before `fit`, with `refit: false`, or when the search was stopped
   */
  async predict(X: FeatureInput): Promise<(Label | number[])[]> {
    return (await this.refitted('predict').predict(X)) as (Label | number[])[];
  }

  /**
   * Class probabilities from the refit best classifier — scikit-learn's `search.predict_proba`.
   * @throws NotFittedError as {@link predict}; InvalidArgumentError for a regressor
   */
  async predictProba(X: FeatureInput): Promise<number[][]> {
    const best = this.refitted('predictProba');
    if (best.estimatorType !== 'classifier') throw new InvalidArgumentError('estimator', 'must be a classifier for predictProba', best.constructor.name);
    return (best as KerasClassifier).predictProba(X);
  }

  /** The class labels of the refit best classifier. */
  get classes(): unknown[] | undefined {
    return (this.bestEstimator as KerasClassifier | undefined)?.classes;
  }

  /**
   * The refit best estimator's score on `X`, `y` by the search's scorer (the `refit` one with several;
   * the estimator's own accuracy or R² without `scoring`) — scikit-learn's `search.score`.
   * @throws NotFittedError as {@link predict}
   */
  async score(X: FeatureInput, y: TargetInput): Promise<number> {
    return scoreRefitted(this.refitted('score'), this.options.scoring, this.plan, X, y);
  }

  /** The candidates sorted by rank (best first), with their mean scores. */
  resultsTable(): ResultRow[] {
    const r = this.cvResults;
    if (!r) throw new Error('the search has no results yet: call fit(X, y) first');
    const column = (name: string) => r[name] as number[] | undefined;
    const key = this.plan.rankBy;
    return r.params
      .map((params, i) => ({
        rank: (column(`rank_test_${key}`) as number[])[i],
        candidate: i,
        params,
        meanTestScore: (column(`mean_test_${key}`) as number[])[i],
        stdTestScore: (column(`std_test_${key}`) as number[])[i],
        ...(column(`mean_train_${key}`) ? { meanTrainScore: (column(`mean_train_${key}`) as number[])[i] } : {}),
        meanFitTime: r.mean_fit_time[i],
      }))
      .sort((a, b) => a.rank - b.rank || a.candidate - b.candidate);
  }
}

/**
 * scikit-learn's handling of failed fits once the search has run: when all `nFits` failed, an
 * AllFitsFailedError; when some did, one FitFailedWarning with the distinct reasons and their counts.
 * A search stopped early (`allRan` false) only warns about the `nFits` fits that ended.
 */
function reportFailures(failures: readonly string[], nFits: number, allRan: boolean, errorScore: number): void {
  if (failures.length === 0) return;
  const reasons = countReasons(failures);
  if (allRan && failures.length === nFits) throw new AllFitsFailedError(nFits, reasons);
  process.emitWarning(
    `${failures.length} of ${allRan ? 'the' : 'the first'} ${nFits} fits failed; their scores are set to errorScore=${errorScore}.\n` +
      `Reasons (fits × error):\n${formatReasons(reasons)}\n` +
      "Set errorScore: 'raise' to stop at the first failing fit with its traceback.",
    { type: 'FitFailedWarning' } as never,
  );
}

/** A fit seed from the search seed, the candidate and the fold (the same whatever nJobs is). */
export function deriveSeed(base: number, candidate: number, fold: number): number {
  let h = (base ^ 0x9e3779b9) >>> 0;
  for (const v of [candidate + 1, fold + 1]) {
    h = Math.imul(h ^ v, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h;
}
