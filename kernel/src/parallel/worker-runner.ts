/**
 * `nJobs > 1`: a pool of fit workers, each with its own tfjs, sharing the search's features through a
 * SharedArrayBuffer. Results equal the in-process ones: every fit's seed depends only on the search
 * seed, the candidate and the fold.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { backendInfo } from '../backend';
import { notebookScope } from '../frontend';
import type { Estimator, FitRunner, FitTask, FoldOutcome, Scoring, SearchData } from '../search';
import type { FromWorker, ToWorker, WorkerInit } from './messages';
import { toPortable } from './portable';

interface Pending {
  resolve(outcome: FoldOutcome): void;
  reject(error: Error): void;
}

export async function workerRunner(estimator: Estimator, data: SearchData, scoring: Scoring | undefined, nJobs: number): Promise<FitRunner> {
  const { buildFn, callbacks, ...params } = estimator.getParams();
  if (callbacks !== undefined) {
    throw new Error('callbacks cannot be sent to worker threads: use nJobs: 1 with callbacks');
  }
  const shared = new SharedArrayBuffer(data.X.values.byteLength);
  new Float32Array(shared).set(data.X.values);
  const init: WorkerInit = {
    kind: 'init',
    estimatorType: estimator.estimatorType,
    params,
    buildFn: toPortable(buildFn as never),
    scoring: portableScoring(scoring),
    features: { buffer: shared, shape: data.X.shape },
    labels: data.y,
    columns: data.columns,
    cwd: notebookScope()?.cwd ?? process.cwd(),
    backend: backendInfo()?.backend ?? 'wasm',
  };
  const pending = new Map<number, Pending>();
  let nextId = 0;
  const idle: Worker[] = [];
  const waiting: (() => void)[] = [];
  const workers = await Promise.all(
    Array.from({ length: nJobs }, async () => {
      const worker = new Worker(path.join(__dirname, 'fit-worker.js'));
      await new Promise<void>((resolve, reject) => {
        const onMessage = (message: FromWorker) => {
          if (message.kind === 'ready') resolve();
          else if (message.kind === 'failed-init') reject(new Error(`a fit worker could not start: ${message.error}`));
        };
        worker.once('error', reject);
        worker.on('message', onMessage);
        worker.postMessage(init satisfies ToWorker);
      });
      worker.on('message', (message: FromWorker) => {
        if (message.kind === 'done' || message.kind === 'error') {
          const p = pending.get(message.id);
          pending.delete(message.id);
          idle.push(worker);
          waiting.shift()?.();
          if (message.kind === 'done') {
            p?.resolve(message.outcome);
          } else {
            const error = new Error(message.message);
            error.name = message.name;
            p?.reject(error);
          }
        }
      });
      idle.push(worker);
      return worker;
    }),
  );
  const acquire = async (): Promise<Worker> => {
    while (idle.length === 0) await new Promise<void>((r) => waiting.push(r));
    return idle.pop() as Worker;
  };
  return {
    async run(task: FitTask): Promise<FoldOutcome> {
      const worker = await acquire();
      const id = nextId++;
      return new Promise<FoldOutcome>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ kind: 'task', id, task } satisfies ToWorker);
      });
    },
    async close(): Promise<void> {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** `scoring` as plain data for a worker: functions (alone or by name) travel like buildFn. */
function portableScoring(scoring: Scoring | undefined): WorkerInit['scoring'] {
  if (typeof scoring === 'function') return toPortable(scoring as never);
  if (typeof scoring !== 'object' || Array.isArray(scoring)) return scoring as string | readonly string[] | undefined;
  return Object.fromEntries(Object.entries(scoring).map(([name, s]) => [name, typeof s === 'function' ? toPortable(s as never) : s]));
}
