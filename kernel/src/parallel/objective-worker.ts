/**
 * A study worker thread: its own tfjs, the objective rebuilt from its portable form, and trials whose
 * every call (suggest, report, shouldPrune, …) is relayed synchronously to the study in the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { ready, setBackend, type BackendName } from '../backend';
import { Trial, type TrialContext } from '../study';
import { revive, type PortableFunction, workerRequire } from './portable';
import { callSync } from './sync-call';

export type ToObjectiveWorker =
  | { kind: 'init'; objective: PortableFunction; cwd: string; backend: string; buffer: SharedArrayBuffer }
  | { kind: 'run'; trialNumber: number };
export type FromObjectiveWorker =
  | { kind: 'ready' }
  | { kind: 'failed-init'; error: string }
  | { kind: 'call'; method: string; args: unknown[] }
  | { kind: 'done'; value: number | number[] }
  | { kind: 'error'; name: string; message: string };

let objective: ((trial: Trial) => unknown) | undefined;
let buffer: SharedArrayBuffer | undefined;

function remoteContext(trialNumber: number): TrialContext {
  const call = (method: string, ...args: unknown[]) => callSync(parentPort!, buffer!, method, args);
  return {
    number: trialNumber,
    suggest: (name, distribution) => call('suggest', name, distribution) as never,
    report: (value, step) => void call('report', value, step),
    shouldPrune: () => call('shouldPrune') as boolean,
    setUserAttr: (key, value) => void call('setUserAttr', key, value),
    params: () => call('params') as never,
    distributions: () => call('distributions') as never,
    intermediateValues: () => new Map(call('intermediateValues') as [number, number][]),
    userAttrs: () => call('userAttrs') as never,
    state: () => call('state') as never,
  };
}

parentPort?.on('message', (message: ToObjectiveWorker) => {
  if (message.kind === 'init') {
    (async () => {
      const requireModule = workerRequire(message.cwd);
      try {
        await setBackend(message.backend as BackendName);
      } catch {
        await ready();
      }
      buffer = message.buffer;
      objective = revive(message.objective, requireModule) as (trial: Trial) => unknown;
    })().then(
      () => parentPort?.postMessage({ kind: 'ready' } satisfies FromObjectiveWorker),
      (error: unknown) => parentPort?.postMessage({ kind: 'failed-init', error: error instanceof Error ? error.message : String(error) } satisfies FromObjectiveWorker),
    );
    return;
  }
  const trial = new Trial(remoteContext(message.trialNumber));
  Promise.resolve()
    .then(() => (objective as (trial: Trial) => unknown)(trial))
    .then(
      (value) => parentPort?.postMessage({ kind: 'done', value: value as number | number[] } satisfies FromObjectiveWorker),
      (error: unknown) =>
        parentPort?.postMessage({
          kind: 'error',
          name: error instanceof Error ? error.name : 'Error',
          message: error instanceof Error ? error.message : String(error),
        } satisfies FromObjectiveWorker),
    );
});
