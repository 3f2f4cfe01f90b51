/**
 * The Study: one optimisation problem in a storage. It is the only part that talks to the storage,
 * the sampler and the pruner; trials get a narrow context ({@link TrialRun}).
 */
import { InvalidArgumentError } from '../errors';
import { bestOf, paretoFront } from './best';
import type { Distribution, ParamValue } from './distributions';
import { StorageError, TrialPruned, UpdateFinishedTrialError, describeError, describeStorage, storageCall } from './errors';
import { trialValue, withValue, type AttrValue, type FrozenTrial, type StudyDirection, type TrialState } from './frozen-trial';
import { getParamImportances } from './importance';
import { notesOf, saveNote } from './notes';
import type { StudyRunStatus, StudySnapshot } from './observer';
import type { Pruner } from './pruners';
import { WORKER_ATTR, failStaleTrials, thisWorker } from './recovery';
import type { Sampler } from './samplers';
import type { StudyStorage } from './storages';
import { trialsTable, type TrialsTableRow } from './table';
import { Trial } from './trial';
import { TrialRun, type TrialHost } from './trial-run';
import { followStudy, type FollowOptions } from './follow';
import { checkAttrValue } from './validation';
import { validateTrial } from './create-trial';
import { optimizeStudy, type Objective, type OptimizeOptions } from './optimize';

/** How a trial ended, as `tell` takes it. */
export type TrialOutcome = { value: number | readonly number[] } | { error: unknown } | { state: 'PRUNED' | 'FAIL'; reason?: string };

/** Options of `enqueueTrial`. */
export interface EnqueueTrialOptions {
  /** User attributes the trial starts with. */
  userAttrs?: Record<string, AttrValue>;
  /** Skip when a trial with the same params exists already. Default false. */
  skipIfExists?: boolean;
}

/**
 * An optimisation study (Optuna's `Study`). Made by `createStudy` or `loadStudy`.
 *
 * `trials`, `bestTrial`, `bestParams` and `bestValue` read the study as this object last saw it
 * (after every trial of `optimize`); `await study.refresh()` picks up trials other processes added.
 *
 * @example
 * ```ts
 * const study = await createStudy({ direction: 'maximize' });
 * await study.optimize(objective, { nTrials: 30 });
 * console.log('Best Parameters:', study.bestParams);
 * console.log('Best Accuracy:', study.bestValue);
 * ```
 */
export class Study implements TrialHost {
  /** @internal called when a running trial reports a value (set by optimize for its live view). */
  changeListener: (() => void) | undefined;

  /** @internal */
  trialChanged(): void {
    this.changeListener?.();
  }

  private cache: FrozenTrial[] = [];
  /** Trial notes by trial id, as read with the trials. */
  private notes = new Map<number, string>();
  private readonly running = new Map<number, TrialRun>();
  private stopFlag = false;
  private pending: Promise<unknown> = Promise.resolve();
  /** Trials of this process whose end could not be written (storage down): trialId → fail reason. */
  private readonly unfinished = new Map<number, string>();

  /** @internal use `createStudy` or `loadStudy` */
  constructor(
    readonly studyName: string,
    readonly studyId: number,
    readonly directions: readonly StudyDirection[],
    readonly storage: StudyStorage,
    readonly sampler: Sampler,
    readonly pruner: Pruner,
  ) {}

  /** The single direction (throws for multi-objective studies, as Optuna). */
  get direction(): StudyDirection {
    if (this.directions.length !== 1) throw new InvalidArgumentError('study.direction', 'is only defined for single-objective studies; use study.directions', this.directions);
    return this.directions[0];
  }

  /** Every trial, by number (running trials of this process with their live state). */
  get trials(): FrozenTrial[] {
    return [...this.snapshot()];
  }

  /** The trials in `states` (default all), read from the storage now. */
  async getTrials(states?: readonly TrialState[]): Promise<FrozenTrial[]> {
    await this.refresh();
    return this.trials.filter((t) => !states || states.includes(t.state));
  }

  /** Re-reads the trials and their notes from the storage (other processes may have added some). */
  async refresh(): Promise<void> {
    await this.refreshTrials();
    this.notes = notesOf(await storageCall(this.storage, 'getStudySystemAttrs', () => this.storage.getStudySystemAttrs(this.studyId)));
  }

  /** Re-reads the trials only: what `ask` and `tell` need each trial (notes matter to views alone). */
  private async refreshTrials(): Promise<void> {
    await this.pending;
    await this.reload();
  }

  private async reload(): Promise<void> {
    this.cache = await storageCall(this.storage, 'getAllTrials', () => this.storage.getAllTrials(this.studyId));
  }

  /**
   * Sets the note (Markdown) of trial `number`, kept in the study as optuna-dashboard keeps notes, so
   * that optuna-dashboard shows it and rnnlab's leaderboard shows optuna-dashboard's; '' clears it.
   * optuna-dashboard's Python: `save_note(trial, body)`.
   *
   * @throws InvalidArgumentError for an unknown trial number or a body that is not a string
   * @example
   * ```ts
   * await study.setTrialNote(3, 'diverged after epoch 4: learning rate too high');
   * ```
   */
  async setTrialNote(number: number, body: string): Promise<void> {
    if (typeof body !== 'string') throw new InvalidArgumentError('body', 'must be a string (Markdown)', body);
    await this.refresh();
    const trial = this.cache.find((t) => t.number === number);
    if (!trial) throw new InvalidArgumentError('number', `must be the number of a trial of study '${this.studyName}' (0 to ${this.cache.length - 1})`, number);
    await storageCall(this.storage, 'setStudySystemAttr', () => saveNote(this.storage, this.studyId, trial.trialId, body));
    if (body === '') this.notes.delete(trial.trialId);
    else this.notes.set(trial.trialId, body);
    this.trialChanged();
  }

  /** The note of trial `number` ('' when it has none), read from the storage now. */
  async getTrialNote(number: number): Promise<string> {
    await this.refresh();
    const trial = this.cache.find((t) => t.number === number);
    return trial ? (this.notes.get(trial.trialId) ?? '') : '';
  }

  /** @internal every trial, running ones of this process with their live state */
  snapshot(): readonly FrozenTrial[] {
    return this.cache.map((t) => withValue(this.running.get(t.number)?.frozen() ?? t));
  }

  /**
   * The best COMPLETE trial.
   *
   * @throws Error when no trial is complete, or for a multi-objective study (use `bestTrials`)
   */
  get bestTrial(): FrozenTrial {
    const best = bestOf(this.snapshot(), this.direction);
    if (!best) throw new Error('no trial is complete yet: bestTrial is defined once a trial completes');
    return best;
  }

  /** The Pareto front: the COMPLETE trials no other dominates (the best trial for one objective). */
  get bestTrials(): FrozenTrial[] {
    return paretoFront(this.snapshot(), this.directions);
  }

  /** The best trial's parameters. */
  get bestParams(): Record<string, ParamValue> {
    return { ...this.bestTrial.params };
  }

  /** The best trial's value. */
  get bestValue(): number {
    return trialValue(this.bestTrial)!;
  }

  /** The study's user attributes. */
  async userAttrs(): Promise<Record<string, AttrValue>> {
    return this.storage.getStudyUserAttrs(this.studyId);
  }

  /** Sets a user attribute of the study. */
  async setUserAttr(key: string, value: AttrValue): Promise<void> {
    if (typeof key !== 'string' || key.length === 0) throw new InvalidArgumentError('key', 'must be a non-empty string', key);
    checkAttrValue(`setUserAttr('${key}') value`, value);
    await this.storage.setStudyUserAttr(this.studyId, key, value);
  }

  /**
   * One row per trial with Optuna's `trials_dataframe()` columns (`number`, `value`,
   * `datetime_start`, `datetime_complete`, `duration`, `params_<name>`, `user_attrs_<key>`,
   * `system_attrs_<key>`, `state`); `console.table(study.trialsTable())` prints it.
   */
  trialsTable(): TrialsTableRow[] {
    return trialsTable(this.snapshot(), this.directions);
  }

  /**
   * Queues a trial with fixed parameter values; `optimize` runs queued trials first. Parameters
   * not given are sampled as usual.
   *
   * @example
   * ```ts
   * study.enqueueTrial({ cellType: 'LSTM', initialUnits: 128 });
   * ```
   */
  enqueueTrial(params: Record<string, ParamValue>, options: EnqueueTrialOptions = {}): Promise<void> {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) throw new InvalidArgumentError('params', 'must be an object of parameter values', params);
    const work = this.pending.then(async () => {
      if (options.skipIfExists) {
        await this.reload();
        const same = this.cache.some((t) => {
          const existing = (t.systemAttrs.fixed_params as Record<string, ParamValue> | undefined) ?? t.params;
          const keys = Object.keys(params);
          return keys.length === Object.keys(existing).length && keys.every((k) => existing[k] === params[k]);
        });
        if (same) return;
      }
      await this.storage.createNewTrial(this.studyId, { state: 'WAITING', userAttrs: options.userAttrs ?? {}, systemAttrs: { fixed_params: params as AttrValue } });
    });
    this.pending = work.catch(() => undefined);
    return work;
  }

  /**
   * Adds a trial made by `createTrial` (or taken from another study) — Optuna's `add_trial`. Samplers
   * and pruners see it like any other trial.
   *
   * @throws InvalidArgumentError for a trial Optuna would refuse, or values of the wrong length
   * @example
   * ```ts
   * await study.addTrial(createTrial({ params: { x: 2 }, distributions: { x: floatDistribution('x', 0, 10) }, value: 4 }));
   * ```
   */
  addTrial(trial: FrozenTrial): Promise<void> {
    return this.addTrials([trial]);
  }

  /** Adds several trials in order (Optuna's `add_trials`). */
  addTrials(trials: readonly FrozenTrial[]): Promise<void> {
    for (const trial of trials) {
      validateTrial(trial);
      if (trial.values && trial.values.length !== this.directions.length) {
        throw new InvalidArgumentError('trial.values', `must hold one value per objective of the study (${this.directions.length})`, trial.values);
      }
    }
    const work = this.pending.then(async () => {
      for (const t of trials) {
        const { state, values, datetimeStart, datetimeComplete, params, distributions, userAttrs, systemAttrs, intermediateValues } = t;
        await this.storage.createNewTrial(this.studyId, { state, values, datetimeStart, datetimeComplete, params, distributions, userAttrs, systemAttrs, intermediateValues });
      }
      await this.reload();
    });
    this.pending = work.catch(() => undefined);
    return work;
  }

  /** Asks running `optimize` loops to start no further trial (a sampler or a callback may call it). */
  stop(): void {
    this.stopFlag = true;
  }

  /** @internal whether `stop()` was called; `optimize` clears it when it starts */
  get stopRequested(): boolean {
    return this.stopFlag;
  }

  /** @internal */
  clearStop(): void {
    this.stopFlag = false;
  }

  /** Marks RUNNING trials of dead processes on this host FAIL (see `recovery.ts`); returns their numbers. */
  async failStaleTrials(): Promise<number[]> {
    await this.pending;
    await this.failUnfinished();
    const failed = await failStaleTrials(this.storage, this.studyId);
    await this.refresh();
    return failed;
  }

  /** Marks a trial FAIL with `reason` (unless it has finished already). */
  private async failTrial(trialId: number, reason: string): Promise<void> {
    try {
      await this.storage.setTrialSystemAttr(trialId, 'fail_reason', reason);
      await this.storage.setTrialStateValues(trialId, 'FAIL', null);
    } catch (error) {
      if (!(error instanceof UpdateFinishedTrialError)) throw error;
    }
  }

  /** Writes the FAIL of trials whose storage failed earlier, now that it may be reachable again. */
  private async failUnfinished(): Promise<void> {
    for (const [trialId, reason] of [...this.unfinished]) {
      await storageCall(this.storage, 'failing a trial whose earlier write failed', () => this.failTrial(trialId, reason));
      this.unfinished.delete(trialId);
    }
  }

  /**
   * Starts a trial (Optuna's `ask`): claims a queued trial or creates one, and runs the sampler's
   * start-of-trial steps. Finish it with {@link tell}.
   */
  async ask(): Promise<Trial> {
    await this.failUnfinished();
    await this.refreshTrials();
    let trialId: number | undefined;
    const owner = { [WORKER_ATTR]: thisWorker() };
    for (const waiting of this.cache.filter((t) => t.state === 'WAITING')) {
      try {
        // The owner goes in first, so that a claimed trial is never RUNNING without one (a kill
        // between the two writes leaves a WAITING trial, which the next worker claims).
        await this.storage.setTrialSystemAttr(waiting.trialId, WORKER_ATTR, owner[WORKER_ATTR]);
        if (await this.storage.setTrialStateValues(waiting.trialId, 'RUNNING')) {
          trialId = waiting.trialId;
          await this.storage.setTrialSystemAttr(trialId, WORKER_ATTR, owner[WORKER_ATTR]); // another claimer may have written its own
          break;
        }
      } catch (error) {
        if (!(error instanceof UpdateFinishedTrialError)) throw new StorageError(describeStorage(this.storage), `claiming the queued trial ${waiting.number}`, error);
        // finished by another worker meanwhile
      }
    }
    // A new trial is created RUNNING with its owner (and, on RDB storages with heartbeats, its first
    // heartbeat) in one record, so a kill at any instant leaves nothing that recovery cannot judge.
    trialId ??= await storageCall(this.storage, 'createNewTrial', () => this.storage.createNewTrial(this.studyId, { state: 'RUNNING', datetimeStart: new Date(), systemAttrs: owner }));
    const created = trialId;
    const frozen = await storageCall(this.storage, 'getTrial', () => this.storage.getTrial(created));
    await this.refreshTrials();
    const run = new TrialRun(this, frozen);
    this.running.set(frozen.number, run);
    try {
      run.start();
    } catch (error) {
      this.running.delete(frozen.number);
      await run.flush().catch(() => undefined);
      await this.failTrial(trialId, describeError(error));
      throw error;
    }
    return new Trial(run);
  }

  /** @internal the running trial with this number, if this process runs it */
  runningTrial(number: number): TrialRun | undefined {
    return this.running.get(number);
  }

  /**
   * Ends a trial started by {@link ask} (Optuna's `tell`): a value (or one per objective) completes
   * it unless it is NaN or of the wrong length (then FAIL); `TrialPruned` prunes it (keeping the last
   * reported value as Optuna does); any other error fails it with the error as `fail_reason`.
   *
   * @returns the finished trial
   */
  async tell(trial: Trial, outcome: TrialOutcome): Promise<FrozenTrial> {
    const run = this.running.get(trial.number);
    if (!run) throw new InvalidArgumentError('trial', 'must be a running trial of this study (tell it once)', trial.number);
    let state: TrialState;
    let values: number[] | null = null;
    let reason: string | undefined;
    if ('value' in outcome) {
      const raw = outcome.value;
      const list = typeof raw === 'number' ? [raw] : Array.isArray(raw) ? [...(raw as number[])] : [NaN];
      const bad = list.length !== this.directions.length
        ? `the objective returned ${list.length} value(s) for ${this.directions.length} direction(s)`
        : list.find((v) => typeof v !== 'number' || Number.isNaN(v)) !== undefined
          ? `the objective returned ${String(raw)}, which is not a number (NaN values fail the trial)`
          : undefined;
      state = bad ? 'FAIL' : 'COMPLETE';
      values = bad ? null : list;
      reason = bad;
    } else if ('error' in outcome) {
      if (outcome.error instanceof TrialPruned) {
        state = 'PRUNED';
      } else {
        state = 'FAIL';
        reason = describeError(outcome.error);
      }
    } else {
      state = outcome.state;
      reason = outcome.reason;
    }
    if (state === 'PRUNED') {
      const last = [...run.intermediateValues()].pop();
      if (last && !Number.isNaN(last[1]) && this.directions.length === 1) values = [last[1]];
    }
    try {
      this.sampler.afterTrial?.(run.samplerStudy(), run.frozen(), state, values);
    } finally {
      if (reason !== undefined) run.setSystemAttr('fail_reason', reason);
      run.write(`setTrialStateValues(${state})`, (s) => s.setTrialStateValues(run.trialId, state, values));
      run.finish(state, values);
      this.running.delete(trial.number);
      await this.flushOrFail(run);
    }
    await this.refreshTrials().catch(() => undefined);
    return withValue(this.cache.find((t) => t.number === trial.number) ?? run.frozen());
  }

  /**
   * Waits for a finished trial's writes. When one failed, the trial is marked FAIL with that error
   * as its `fail_reason` (now, or at this study's next `ask` once the storage is reachable again)
   * and the error is thrown: it names the storage, the operation and the original error.
   */
  private async flushOrFail(run: TrialRun): Promise<void> {
    try {
      await run.flush();
    } catch (error) {
      if (error instanceof UpdateFinishedTrialError) {
        // Another worker finished it meanwhile: it failed the trial as stale while this process could
        // not reach the storage (its heartbeats stopped). The stored state stands; the study goes on.
        process.emitWarning(`trial ${run.number} was finished by another worker before this one could write its result (${run.state()}); the stored state stands`);
        return;
      }
      const reason = describeError(error);
      try {
        await this.failTrial(run.trialId, reason);
      } catch {
        this.unfinished.set(run.trialId, reason);
      }
      throw error;
    }
  }

  /**
   * Runs the objective on new trials (Optuna's `optimize`): see {@link OptimizeOptions}.
   *
   * @example
   * ```ts
   * await study.optimize(objective, { nTrials: 30, nJobs: 2, timeout: 600 });
   * ```
   */
  optimize(objective: Objective, options: OptimizeOptions = {}): Promise<void> {
    return optimizeStudy(this, objective, options);
  }

  /**
   * Shows the study's live view following the storage — the trials of every worker on a shared
   * database or journal — until `until` trials have ended or `timeout` seconds have passed.
   * @example
   * ```ts
   * await study.follow({ until: 100 });   // while `rnnlab worker` processes run the trials
   * ```
   */
  follow(options: FollowOptions = {}): Promise<void> {
    return followStudy(this, options);
  }

  /** A plain-data picture of the study for views. */
  viewSnapshot(viewId: string, status: StudyRunStatus, progress: StudySnapshot['progress']): StudySnapshot {
    const trials = this.snapshot();
    const searchSpace: Record<string, Distribution> = {};
    for (const t of trials) Object.assign(searchSpace, t.distributions);
    const best = this.directions.length === 1 ? bestOf(trials, this.directions[0]) : undefined;
    const bestNumbers = this.directions.length === 1 ? (best ? [best.number] : []) : paretoFront(trials, this.directions).map((t) => t.number);
    const complete = trials.filter((t) => t.state === 'COMPLETE');
    let importance: Record<string, number> | null = null;
    if (complete.length >= 2 && Object.keys(searchSpace).length > 0) {
      try {
        importance = getParamImportances({ trials, directions: this.directions });
      } catch {
        importance = null;
      }
    }
    const notes: Record<number, string> = {};
    for (const t of trials) {
      const note = this.notes.get(t.trialId);
      if (note !== undefined) notes[t.number] = note;
    }
    return { viewId, studyName: this.studyName, directions: this.directions, status, trials, bestTrialNumbers: bestNumbers, searchSpace, importance, progress, acceptsControls: status === 'running', notes };
  }
}
