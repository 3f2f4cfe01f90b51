/**
 * Crash recovery. Every trial rnnlab starts carries the system attribute `rnnlab:worker`
 * (`{ host, pid }` of the process running it). When a study is opened or optimised, a RUNNING
 * trial whose process is on this host and no longer alive (`process.kill(pid, 0)` fails with ESRCH)
 * is marked FAIL with the `fail_reason` "the process running it (pid N on HOST) died". Completed
 * trials are never touched. Trials started by other hosts or by Python are left alone: their
 * liveness cannot be told from here (Optuna's heartbeat covers them for database storages).
 * A pid reused by an unrelated process after a crash keeps the trial RUNNING until that process ends.
 */
import { hostname } from 'node:os';
import { UpdateFinishedTrialError } from './errors';
import type { AttrValue, FrozenTrial } from './frozen-trial';
import type { StudyStorage } from './storages';

/** The system attribute key naming a trial's process. */
export const WORKER_ATTR = 'rnnlab:worker';

/** This process as {@link WORKER_ATTR} records it. */
export function thisWorker(): AttrValue {
  return { host: hostname(), pid: process.pid };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `trial` is RUNNING on this host in a process that has died. */
export function isStale(trial: FrozenTrial): boolean {
  if (trial.state !== 'RUNNING') return false;
  const worker = trial.systemAttrs[WORKER_ATTR];
  if (!worker || typeof worker !== 'object' || Array.isArray(worker)) return false;
  const { host, pid } = worker as { host?: unknown; pid?: unknown };
  if (host !== hostname() || typeof pid !== 'number' || pid === process.pid) return false;
  return !alive(pid);
}

/**
 * Marks the stale trials of a study FAIL. Returns the numbers of the trials it failed.
 */
export async function failStaleTrials(storage: StudyStorage, studyId: number): Promise<number[]> {
  const failed: number[] = [];
  for (const trial of await storage.getAllTrials(studyId, ['RUNNING'])) {
    if (!isStale(trial)) continue;
    const { host, pid } = trial.systemAttrs[WORKER_ATTR] as { host: string; pid: number };
    try {
      await storage.setTrialSystemAttr(trial.trialId, 'fail_reason', `the process running it (pid ${pid} on ${host}) died`);
      await storage.setTrialStateValues(trial.trialId, 'FAIL', null);
      failed.push(trial.number);
    } catch (error) {
      if (!(error instanceof UpdateFinishedTrialError)) throw error;
    }
  }
  return failed;
}
