/**
 * A fit worker thread: its own tfjs (and backend), the estimator rebuilt from the portable build
 * function, and the search's data in shared memory; it runs {@link FitTask}s one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { ready, setBackend, type BackendName } from '../backend';
import { checkScoring, type Estimator, KerasClassifier, KerasRegressor, runFitTask, type ScorerFn, type SearchData } from '../search';
import type { FromWorker, ToWorker, WorkerInit } from './messages';
import { type PortableFunction, revive, workerRequire } from './portable';

let estimator: Estimator | undefined;
let data: SearchData | undefined;
let score: ReturnType<typeof checkScoring> | undefined;

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

async function init(message: WorkerInit): Promise<void> {
  const requireModule = workerRequire(message.cwd);
  try {
    await setBackend(message.backend as BackendName);
  } catch {
    await ready();
  }
  const buildFn = revive(message.buildFn, requireModule);
  const options = { ...message.params, buildFn } as never;
  estimator = message.estimatorType === 'classifier' ? new KerasClassifier(options) : new KerasRegressor(options);
  data = { X: { values: new Float32Array(message.features.buffer), shape: message.features.shape }, y: message.labels, columns: message.columns };
  const reviveOne = (s: string | PortableFunction) => (typeof s === 'string' ? s : (revive(s, requireModule) as ScorerFn));
  const sent = message.scoring;
  const scoring =
    typeof sent !== 'object' || Array.isArray(sent)
      ? sent
      : 'source' in sent && 'scope' in sent && typeof sent.source === 'string'
        ? reviveOne(sent as PortableFunction)
        : Object.fromEntries(Object.entries(sent as Record<string, string | PortableFunction>).map(([name, s]) => [name, reviveOne(s)]));
  score = checkScoring(scoring, estimator.estimatorType, message.labels);
}

parentPort?.on('message', (message: ToWorker) => {
  if (message.kind === 'init') {
    init(message).then(
      () => post({ kind: 'ready' }),
      (error: unknown) => post({ kind: 'failed-init', error: error instanceof Error ? error.message : String(error) }),
    );
  } else if (message.kind === 'task') {
    runFitTask(estimator as Estimator, data as SearchData, score as NonNullable<typeof score>, message.task).then(
      (outcome) => post({ kind: 'done', id: message.id, outcome }),
      (error: unknown) =>
        post({ kind: 'error', id: message.id, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) }),
    );
  } else {
    parentPort?.close();
  }
});
