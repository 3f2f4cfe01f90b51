/** `study.optimize`: the trial loop, its options, interrupts, callbacks and observers. */
import { cpus } from 'node:os';
import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '../errors';
import { currentChannel, onInterrupt } from '../frontend';
import { registerStudyControls } from './controls';
import type { FrozenTrial } from './frozen-trial';
import { defaultStudyObserver, type StudyObserver, type StudyRunStatus, type StudySnapshot } from './observer';
import type { Study, TrialOutcome } from './study';
import { describeError, storageCall } from './errors';
import { type Trial, trialContextOf } from './trial';
import { heartbeatsOf } from './storages';
import { asyncExecutor, type TrialExecutor } from './executor';
import { checkOptions } from './validation';

/** An objective: returns the value (or one value per direction), possibly asynchronously. */
export type Objective = (trial: Trial) => number | readonly number[] | Promise<number | readonly number[]>;

/** Called after each trial with the study and the finished trial. */
export type OptimizeCallback = (study: Study, trial: FrozenTrial) => void | Promise<void>;

/** An error class for `catch`. */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** Options of `study.optimize`, named as Optuna's in camelCase. */
export interface OptimizeOptions {
  /** Trials to run (all jobs together); open-ended when absent (then give `timeout`, or stop it). */
  nTrials?: number;
  /** Seconds after which no new trial starts. */
  timeout?: number;
  /** Trials run at once; -1 for the number of CPUs. Default 1. */
  nJobs?: number;
  /** Called after each trial. */
  callbacks?: readonly OptimizeCallback[];
  /** Error classes that fail only the trial; any other error stops the study (and is rethrown). */
  catch?: readonly ErrorClass[];
  /** Show the live study view (rnnlab). Default true where a view is registered (in a notebook). */
  show?: boolean;
  /** Same as `show` (Optuna's `show_progress_bar`). */
  showProgressBar?: boolean;
  /** Extra observers of this run (rnnlab). */
  observers?: readonly StudyObserver[];
  /** How trials are run (rnnlab): see `executor.ts`. Default: `nJobs` concurrent async loops. */
  executor?: TrialExecutor;
  /**
   * rnnlab option: with `nJobs > 1`, where objectives run. 'threads' (default): each in a worker
   * thread with its own tfjs, so trials train in parallel on several cores (the objective is sent with
   * the notebook values it uses; see the README). 'async': concurrently in this thread.
   */
  parallelism?: 'threads' | 'async';
}

/** Runs objectives in worker threads; plugged in by the package root (kernel/src/parallel). */
export interface ObjectivePool {
  run(trial: Trial): Promise<number | readonly number[]>;
  close(): Promise<void>;
}
let objectivePoolFactory: ((objective: Objective, jobs: number) => Promise<ObjectivePool>) | undefined;
export function setObjectivePoolFactory(factory: ((objective: Objective, jobs: number) => Promise<ObjectivePool>) | undefined): void {
  objectivePoolFactory = factory;
}

const OPTIONS = {
  nTrials: 'positiveInteger',
  timeout: 'positiveNumber',
  nJobs: (v: unknown, arg: string) => {
    if (!(v === -1 || (Number.isInteger(v) && (v as number) >= 1))) throw new InvalidArgumentError(arg, 'must be an integer >= 1, or -1 for one job per CPU', v);
  },
  callbacks: (v: unknown, arg: string) => {
    if (!Array.isArray(v) || v.some((f) => typeof f !== 'function')) throw new InvalidArgumentError(arg, 'must be an array of functions (study, trial) => void', v);
  },
  catch: (v: unknown, arg: string) => {
    if (!Array.isArray(v) || v.some((f) => typeof f !== 'function')) throw new InvalidArgumentError(arg, 'must be an array of error classes, e.g. [RangeError]', v);
  },
  show: 'boolean',
  showProgressBar: 'boolean',
  observers: 'array',
  parallelism: (v: unknown, arg: string) => {
    if (v !== 'threads' && v !== 'async') throw new InvalidArgumentError(arg, "must be 'threads' or 'async'", v);
  },
  executor: (v: unknown, arg: string) => {
    if (typeof v !== 'object' || v === null || typeof (v as TrialExecutor).run !== 'function') throw new InvalidArgumentError(arg, 'must be a TrialExecutor ({ run(jobs, claim, runOne) })', v);
  },
} as const;

/** Runs `objective` on new trials of `study` (see {@link OptimizeOptions}). */
export async function optimizeStudy(study: Study, objective: Objective, options: OptimizeOptions = {}): Promise<void> {
  if (typeof objective !== 'function') throw new InvalidArgumentError('objective', 'must be a function (trial) => value', objective);
  checkOptions('optimize', options, OPTIONS);
  const nJobs = options.nJobs === -1 ? Math.max(1, cpus().length) : (options.nJobs ?? 1);
  const pool =
    nJobs > 1 && (options.parallelism ?? 'threads') === 'threads' && objectivePoolFactory && !options.executor
      ? await objectivePoolFactory(objective, nJobs)
      : undefined;
  const runObjective: Objective = pool ? (trial) => pool.run(trial) : objective;
  const total = options.nTrials ?? null;
  const viewId = `study-${randomUUID()}`;
  const observers: StudyObserver[] = [...(options.observers ?? [])];
  if ((options.show ?? options.showProgressBar ?? true) !== false) {
    const view = defaultStudyObserver();
    if (view) observers.push(view);
  }
  let status: StudyRunStatus = 'running';
  let done = 0;
  let started = 0;
  let interrupted = false;
  const viewStarted = Date.now();
  const snapshot = (): StudySnapshot => study.viewSnapshot(viewId, status, { done, total, elapsedSeconds: (Date.now() - viewStarted) / 1000 });
  const notify = (event: 'onStart' | 'onUpdate' | 'onEnd'): void => {
    for (const o of observers) {
      try {
        o[event]?.(snapshot);
      } catch {
        // a failing view must not stop the study
      }
    }
  };

  study.clearStop();
  await study.failStaleTrials();
  const startedAt = Date.now();
  const unlistenInterrupt = onInterrupt(() => {
    interrupted = true;
    study.stop();
  });
  const unregisterControls = observers.length
    ? registerStudyControls(viewId, {
        stop: () => study.stop(),
        prune: (number) => {
          const run = study.runningTrial(number);
          if (run) run.pruneRequested = true;
          return run !== undefined;
        },
      })
    : () => undefined;
  notify('onStart');

  const claim = (): boolean => {
    if (study.stopRequested) return false;
    if (total !== null && started >= total) return false;
    if (options.timeout !== undefined && (Date.now() - startedAt) / 1000 >= options.timeout) return false;
    started++;
    return true;
  };

  const heartbeats = heartbeatsOf(study.storage);
  const runOne = async (): Promise<void> => {
    // As Optuna: before each trial, fail the trials whose worker stopped sending heartbeats.
    if (heartbeats) await storageCall(study.storage, 'failStaleHeartbeatTrials', () => heartbeats.failStaleHeartbeatTrials(study.studyId));
    const trial = await study.ask();
    let beat: NodeJS.Timeout | undefined;
    if (heartbeats?.heartbeatInterval !== undefined) {
      const trialId = (trialContextOf(trial) as unknown as { trialId: number }).trialId;
      const record = () => void heartbeats.recordHeartbeat(trialId).catch(() => undefined);
      record();
      beat = setInterval(record, heartbeats.heartbeatInterval * 1000);
      beat.unref();
    }
    try {
      await runTrial(trial);
    } finally {
      if (beat) clearInterval(beat);
    }
  };

  const runTrial = async (trial: Trial): Promise<void> => {
    notify('onUpdate');
    let outcome: TrialOutcome;
    let stopError: unknown;
    let objectiveError: unknown;
    try {
      outcome = { value: await runObjective(trial) };
    } catch (error) {
      objectiveError = error;
      outcome = interrupted ? { state: 'FAIL', reason: `interrupted: ${describeError(error)}` } : { error };
    }
    // Outside the objective's try: a storage write that fails here surfaces as itself (a
    // StorageError naming the storage and the operation) and stops the study; `tell` has marked the
    // trial FAIL with it, or will once the storage is reachable again.
    const frozen = await study.tell(trial, outcome);
    if (objectiveError !== undefined && !interrupted) {
      const caught = (options.catch ?? []).some((cls) => objectiveError instanceof cls);
      if (frozen.state === 'FAIL' && !caught) stopError = objectiveError;
    }
    done++;
    if (frozen.state === 'FAIL' && stopError === undefined) {
      currentChannel().stream('stderr', `Trial ${frozen.number} failed: ${String(frozen.systemAttrs.fail_reason ?? '')}\n`);
    }
    for (const callback of options.callbacks ?? []) await callback(study, frozen);
    notify('onUpdate');
    if (stopError !== undefined) {
      study.stop();
      throw stopError;
    }
  };

  study.changeListener = () => notify('onUpdate');
  try {
    await (options.executor ?? asyncExecutor).run(nJobs, claim, runOne);
    status = interrupted || (study.stopRequested && total !== null && done < total) ? 'stopped' : 'finished';
  } catch (error) {
    status = 'failed';
    throw error;
  } finally {
    study.changeListener = undefined;
    await pool?.close();
    unlistenInterrupt();
    unregisterControls();
    await study.refresh().catch(() => undefined);
    notify('onEnd');
  }
}
