/**
 * `study.optimize(objective, { nJobs })` in worker threads: one trial per worker at a time; the study,
 * its sampler, pruner and storage stay in the main thread and answer the workers' trial calls.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { backendInfo } from '../backend';
import { notebookScope } from '../frontend';
import { type Objective, type ObjectivePool, type Trial, trialContextOf, TrialPruned } from '../study';
import type { FromObjectiveWorker, ToObjectiveWorker } from './objective-worker';
import { toPortable } from './portable';
import { answerCall, createCallBuffer } from './sync-call';

interface Slot {
  worker: Worker;
  buffer: SharedArrayBuffer;
}

function relay(trial: Trial): (method: string, args: unknown[]) => unknown {
  const context = trialContextOf(trial);
  const handlers: Record<string, (...args: never[]) => unknown> = {
    suggest: (name: string, distribution: never) => context.suggest(name, distribution),
    report: (value: number, step: number) => context.report(value, step),
    shouldPrune: () => context.shouldPrune(),
    setUserAttr: (key: string, value: never) => context.setUserAttr(key, value),
    params: () => context.params(),
    distributions: () => context.distributions(),
    intermediateValues: () => [...context.intermediateValues()],
    userAttrs: () => context.userAttrs(),
    state: () => context.state(),
  };
  return (method, args) => {
    const handler = handlers[method];
    if (!handler) throw new Error(`unknown trial method ${method}`);
    return (handler as (...a: unknown[]) => unknown)(...args);
  };
}

export async function objectivePool(objective: Objective, jobs: number): Promise<ObjectivePool> {
  const portable = toPortable(objective as never);
  const cwd = notebookScope()?.cwd ?? process.cwd();
  const backend = backendInfo()?.backend ?? 'wasm';
  const idle: Slot[] = [];
  const waiting: (() => void)[] = [];
  const slots = await Promise.all(
    Array.from({ length: jobs }, async () => {
      const slot: Slot = { worker: new Worker(path.join(__dirname, 'objective-worker.js')), buffer: createCallBuffer() };
      await new Promise<void>((resolve, reject) => {
        const onMessage = (m: FromObjectiveWorker) => {
          if (m.kind === 'ready') {
            slot.worker.off('message', onMessage);
            resolve();
          } else if (m.kind === 'failed-init') {
            reject(new Error(`a study worker could not start: ${m.error}`));
          }
        };
        slot.worker.on('message', onMessage);
        slot.worker.once('error', reject);
        slot.worker.postMessage({ kind: 'init', objective: portable, cwd, backend, buffer: slot.buffer } satisfies ToObjectiveWorker);
      });
      idle.push(slot);
      return slot;
    }),
  );
  return {
    async run(trial) {
      while (idle.length === 0) await new Promise<void>((r) => waiting.push(r));
      const slot = idle.pop() as Slot;
      const answer = relay(trial);
      try {
        return await new Promise<number | readonly number[]>((resolve, reject) => {
          const onMessage = (m: FromObjectiveWorker) => {
            if (m.kind === 'call') {
              answerCall(slot.buffer, { kind: 'call', method: m.method, args: m.args }, answer);
              return;
            }
            if (m.kind !== 'done' && m.kind !== 'error') return;
            slot.worker.off('message', onMessage);
            if (m.kind === 'done') {
              resolve(m.value);
            } else if (m.name === 'TrialPruned') {
              reject(new TrialPruned(m.message));
            } else {
              const error = new Error(m.message);
              error.name = m.name;
              reject(error);
            }
          };
          slot.worker.on('message', onMessage);
          slot.worker.postMessage({ kind: 'run', trialNumber: trial.number } satisfies ToObjectiveWorker);
        });
      } finally {
        idle.push(slot);
        waiting.shift()?.();
      }
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
