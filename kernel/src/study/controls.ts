/**
 * The Stop and Prune controls of the live study view: the comm target `rnnlab.study`, through which
 * the JupyterLab extension sends `{ action: 'stop', studyId }` and
 * `{ action: 'prune', studyId, trialNumber }` (on open or as messages). `studyId` is the view id of
 * a running `optimize` (the payload's `controls.studyId`). Replies are `{ ok, action, studyId }`.
 */
import { registerCommTarget, type Comm, type CommData } from '../frontend';

/** Name of the comm target. */
export const STUDY_COMM_TARGET = 'rnnlab.study';

/** What a running optimize lets the controls do. */
export interface StudyControlHandlers {
  stop(): void;
  /** Asks the running trial `number` to prune at its next `shouldPrune()`; false when not running. */
  prune(number: number): boolean;
}

const active = new Map<string, StudyControlHandlers>();
let registered = false;

/** Handles one request; returns the reply. Exported for tests. */
export function handleStudyControl(data: CommData): CommData {
  const studyId = String(data.studyId ?? '');
  const handlers = active.get(studyId);
  if (!handlers) return { ok: false, action: data.action ?? null, studyId, error: 'no running study with this id' };
  if (data.action === 'stop') {
    handlers.stop();
    return { ok: true, action: 'stop', studyId };
  }
  if (data.action === 'prune' && Number.isInteger(data.trialNumber)) {
    const number = data.trialNumber as number;
    return handlers.prune(number) ? { ok: true, action: 'prune', studyId, trialNumber: number } : { ok: false, action: 'prune', studyId, trialNumber: number, error: `trial ${number} is not running` };
  }
  return { ok: false, action: data.action ?? null, studyId, error: "action must be 'stop' or 'prune' (with trialNumber)" };
}

function onComm(comm: Comm, data: CommData): void {
  const reply = (d: CommData): void => {
    try {
      comm.send(handleStudyControl(d));
    } catch {
      // no kernel transport (tests, scripts)
    }
  };
  if (data.action) reply(data);
  comm.onMsg(reply);
}

/** Makes a running optimize reachable by the controls until the returned function is called. */
export function registerStudyControls(studyId: string, handlers: StudyControlHandlers): () => void {
  if (!registered) {
    registerCommTarget(STUDY_COMM_TARGET, onComm);
    registered = true;
  }
  active.set(studyId, handlers);
  return () => active.delete(studyId);
}
