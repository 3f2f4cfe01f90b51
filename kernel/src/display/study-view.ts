/**
 * The study view's payload, built from a study snapshot: a pure function from the study folder's
 * plain data to the {@link StudyPayload} of `study.v1` (and its MIME bundle). The study code never
 * imports this file; the package entry point hands {@link studyViewBundle} to
 * `registerStudyRenderer`.
 */
import type { Distribution, FrozenTrial, StudySnapshot } from '../study';
import { studyBundle } from './bundle';
import { estimateEta } from './eta';
import { toJsonNumber, toJsonValue } from './json';
import type { DistributionInfo, MimeBundle, StudyPayload, TrialRecord } from './types';

/** The comm target of the Stop / Prune controls (the study folder's `STUDY_COMM_TARGET`). */
const COMM_TARGET = 'rnnlab.study';

/** A distribution as the payload writes it. */
export function distributionInfo(d: Distribution): DistributionInfo {
  if (d.type === 'categorical') return { type: 'categorical', choices: [...d.choices] };
  if (d.type === 'int') return { type: 'int', low: d.low, high: d.high, log: d.log, step: d.step };
  return { type: 'float', low: d.low, high: d.high, log: d.log, step: d.step };
}

/** One trial as the payload writes it (non-finite numbers become null). */
export function trialRecord(t: FrozenTrial, note?: string): TrialRecord {
  const start = t.datetimeStart;
  const end = t.datetimeComplete;
  const reason = t.systemAttrs.fail_reason;
  return {
    number: t.number,
    state: t.state,
    params: { ...t.params },
    values: t.values ? t.values.map(toJsonNumber) : null,
    intermediateValues: [...t.intermediateValues].map(([step, value]) => [step, toJsonNumber(value)]),
    datetimeStart: start ? start.toISOString() : null,
    datetimeComplete: end ? end.toISOString() : null,
    durationSeconds: start && end ? (end.getTime() - start.getTime()) / 1000 : null,
    userAttrs: toJsonValue(t.userAttrs) as Record<string, unknown>,
    failReason: t.state === 'FAIL' ? (typeof reason === 'string' ? reason : 'failed') : null,
    ...(note ? { note } : {}),
  };
}

/** Why a snapshot has no importance. */
function importanceNote(snapshot: StudySnapshot): string {
  const complete = snapshot.trials.filter((t) => t.state === 'COMPLETE').length;
  if (Object.keys(snapshot.searchSpace).length === 0) return 'no parameters suggested yet';
  return complete < 2 ? `parameter importance needs 2 complete trials (${complete} so far)` : 'parameter importance could not be computed';
}

/** Trials done of all, the run's elapsed time and, while running, the time left at the mean rate so far. */
function studyProgress(snapshot: StudySnapshot): StudyPayload['progress'] {
  const { done, total, elapsedSeconds } = snapshot.progress;
  if (elapsedSeconds === undefined) return { done, total };
  return { done, total, elapsedSeconds, ...(snapshot.status === 'running' ? { etaSeconds: estimateEta(elapsedSeconds, done, total) } : {}) };
}

/**
 * The `study.v1` payload of a snapshot: every trial with its intermediate values, the best trial
 * (or Pareto front), the search space, importance, progress, and the controls while running.
 *
 * @param snapshot - from the study (`StudySnapshot`)
 * @returns the payload
 * @example
 * ```ts
 * studyPayload(snapshot).bestTrialNumbers;  // [7]
 * ```
 */
export function studyPayload(snapshot: StudySnapshot): StudyPayload {
  const searchSpace: Record<string, DistributionInfo> = {};
  for (const [name, d] of Object.entries(snapshot.searchSpace)) searchSpace[name] = distributionInfo(d);
  return {
    version: 1,
    id: snapshot.viewId,
    kind: 'study',
    name: snapshot.studyName,
    directions: [...snapshot.directions],
    valueNames: snapshot.directions.length === 1 ? ['value'] : snapshot.directions.map((_d, i) => `values_${i}`),
    status: snapshot.status,
    searchSpace,
    trials: snapshot.trials.map((t) => trialRecord(t, snapshot.notes?.[t.number])),
    bestTrialNumbers: [...snapshot.bestTrialNumbers],
    importance: snapshot.importance ? { ...snapshot.importance } : null,
    ...(snapshot.importance ? {} : { importanceNote: importanceNote(snapshot) }),
    paramNames: Object.keys(searchSpace),
    progress: studyProgress(snapshot),
    controls: snapshot.acceptsControls ? { commTarget: COMM_TARGET, studyId: snapshot.viewId } : null,
  };
}

/** The MIME bundle of a snapshot: `studyBundle(studyPayload(snapshot))`. Pass it to `registerStudyRenderer`. */
export function studyViewBundle(snapshot: StudySnapshot): MimeBundle {
  return studyBundle(studyPayload(snapshot));
}
