/**
 * Following a study that other processes work on (`rnnlab worker`, Python optuna): its live view
 * re-reads the storage every few seconds and shows every worker's trials as they run and end.
 */
import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '../errors';
import { onInterrupt } from '../frontend';
import { isFinished } from './frozen-trial';
import { defaultStudyObserver, type StudyRunStatus } from './observer';
import type { Study } from './study';
import { checkOptions } from './validation';

/** Options of {@link followStudy}. */
export interface FollowOptions {
  /** Stop following once this many trials have ended (complete, pruned or failed). */
  until?: number;
  /** Stop following after this many seconds. */
  timeout?: number;
  /** Seconds between two reads of the storage. Default 1. */
  interval?: number;
}

const OPTIONS = { until: 'positiveInteger', timeout: 'positiveNumber', interval: 'positiveNumber' } as const;

/** Shows `study`'s live view and keeps it in step with the storage until `until`, `timeout` or an interrupt. */
export async function followStudy(study: Study, options: FollowOptions = {}): Promise<void> {
  checkOptions('follow', options, OPTIONS);
  if (options.until === undefined && options.timeout === undefined) {
    throw new InvalidArgumentError('follow', 'needs until (trials) or timeout (seconds), or it would never end', options, 'Interrupt the kernel to stop earlier.');
  }
  const viewId = `study-${randomUUID()}`;
  const observer = defaultStudyObserver();
  let status: StudyRunStatus = 'running';
  const ended = () => study.trials.filter((t) => isFinished(t.state)).length;
  const viewStarted = Date.now();
  const snapshot = () => study.viewSnapshot(viewId, status, { done: ended(), total: options.until ?? null, elapsedSeconds: (Date.now() - viewStarted) / 1000 });
  let stopped = false;
  const release = onInterrupt(() => {
    stopped = true;
  });
  const started = Date.now();
  try {
    await study.refresh();
    observer?.onStart?.(snapshot);
    while (!stopped) {
      if (options.until !== undefined && ended() >= options.until) break;
      if (options.timeout !== undefined && (Date.now() - started) / 1000 >= options.timeout) break;
      await new Promise((r) => setTimeout(r, (options.interval ?? 1) * 1000));
      await study.refresh();
      observer?.onUpdate?.(snapshot);
    }
    status = stopped ? 'stopped' : 'finished';
  } finally {
    release();
    if (status === 'running') status = 'failed';
    observer?.onEnd?.(snapshot);
  }
}
