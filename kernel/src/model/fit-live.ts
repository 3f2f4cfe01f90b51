/**
 * Training with a live view: the training MIME view (curves in the JupyterLab extension, an HTML table
 * and SVG chart elsewhere) updates in place under the cell while `fit` runs.
 */
import { randomUUID } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import { backendInfo } from '../backend';
import { type EpochRecord, type MetricLogs, toJsonNumber, type TrainingPayload, trainingBundle } from '../display';
import { LiveDisplay } from '../frontend';
import { withSeededRandom } from '../random';
import { modelInfo } from './summary';

export interface TrainingViewOptions {
  /** Heading of the view (default: the model name). */
  title?: string;
  /** Also record every batch's training metrics (default false). */
  batchUpdates?: boolean;
  /** Least time between two view updates in milliseconds (default 250). */
  throttleMs?: number;
}

async function readLogs(logs: tf.Logs | undefined): Promise<MetricLogs> {
  const out: MetricLogs = {};
  for (const [key, value] of Object.entries(logs ?? {})) {
    const raw: unknown = value;
    out[key] = toJsonNumber(raw instanceof tf.Tensor ? (await raw.data())[0] : Number(raw));
  }
  return out;
}

/**
 * A tfjs callback that shows the training view of the fit it is passed to:
 * `await model.fit(x, y, { epochs: 10, callbacks: [new TrainingView()] })`.
 */
export class TrainingView extends tf.Callback {
  readonly payload: TrainingPayload;
  private readonly live: LiveDisplay;
  private readonly started = performance.now();
  private epochStarted = 0;
  private currentEpoch = 0;

  constructor(viewOptions: TrainingViewOptions = {}) {
    super();
    const id = randomUUID();
    this.payload = {
      version: 1,
      id,
      ...(viewOptions.title ? { title: viewOptions.title } : {}),
      status: 'running',
      error: null,
      backend: backendInfo()?.backend ?? tf.getBackend(),
      model: { name: '', totalParams: 0, layers: [] },
      params: { epochs: 0, batchSize: null, samples: null, validation: false },
      metrics: [],
      epochs: [],
      ...(viewOptions.batchUpdates ? { batches: [] } : {}),
      startedAt: new Date().toISOString(),
      finishedAt: null,
      elapsedSeconds: 0,
    };
    this.live = new LiveDisplay(() => trainingBundle(this.payload), { throttleMs: viewOptions.throttleMs, displayId: id });
  }

  override async onTrainBegin(): Promise<void> {
    const p = this.params;
    const metrics = Array.isArray(p.metrics) ? (p.metrics as string[]) : [];
    this.payload.model = modelInfo(this.model);
    this.payload.backend = backendInfo()?.backend ?? tf.getBackend();
    this.payload.params = {
      epochs: typeof p.epochs === 'number' ? p.epochs : 0,
      batchSize: typeof p.batchSize === 'number' ? p.batchSize : null,
      samples: typeof p.samples === 'number' ? p.samples : null,
      validation: p.doValidation === true,
    };
    this.payload.metrics = metrics.filter((m) => !m.startsWith('val_'));
    this.live.show();
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    this.currentEpoch = epoch;
    this.epochStarted = performance.now();
  }

  override async onBatchEnd(batch: number, logs?: tf.Logs): Promise<void> {
    if (this.payload.batches) {
      this.payload.batches.push({ epoch: this.currentEpoch, batch, logs: await readLogs(logs) });
      this.tick();
    }
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const record: EpochRecord = { epoch, logs: await readLogs(logs), seconds: (performance.now() - this.epochStarted) / 1000 };
    this.payload.epochs.push(record);
    this.tick();
  }

  override async onTrainEnd(): Promise<void> {
    if (this.payload.status === 'running') {
      const finished = this.payload.epochs.length >= this.payload.params.epochs;
      this.finish(finished ? 'finished' : 'stopped');
    }
  }

  /** Marks the run failed (fitLive calls this when fit throws). */
  fail(error: unknown): void {
    this.payload.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.finish('failed');
  }

  /** Marks the run pruned by a study pruner. */
  markPruned(): void {
    this.finish('pruned');
  }

  private tick(): void {
    this.payload.elapsedSeconds = (performance.now() - this.started) / 1000;
    this.live.refresh();
  }

  private finish(status: TrainingPayload['status']): void {
    this.payload.status = status;
    this.payload.finishedAt = new Date().toISOString();
    this.payload.elapsedSeconds = (performance.now() - this.started) / 1000;
    this.live.flush();
  }
}

/**
 * `callbacks` as tfjs callback objects: tfjs takes either callback objects (EarlyStopping, TrainingView,
 * …) or plain `{ onEpochEnd }` configs, not a mix, so configs are wrapped.
 */
export function callbackObjects(callbacks: unknown): (tf.Callback | tf.CustomCallback)[] {
  const given: unknown[] = callbacks === undefined || callbacks === null ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  return given.map((c) => (typeof (c as { setParams?: unknown }).setParams === 'function' ? (c as tf.Callback) : new tf.CustomCallback(c as tf.CustomCallbackArgs)));
}

export interface FitLiveOptions extends tf.ModelFitArgs, TrainingViewOptions {
  /** rnnlab option: seed of the fit's shuffling and dropout, so that a rerun prints the same numbers. */
  seed?: number;
}

/**
 * `model.fit` with the live training view under the cell (and no per-epoch text lines, unless
 * `verbose: 1` is passed). Interrupting the kernel stops the fit at the end of the batch, marks the
 * view "stopped" and returns the History of the epochs done.
 * @example
 * ```ts
 * const history = await fitLive(model, xTrain, yTrain, { epochs: 20, batchSize: 32, validationSplit: 0.2 });
 * ```
 */
export async function fitLive(
  model: tf.LayersModel,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor | tf.Tensor[],
  options: FitLiveOptions = {},
): Promise<tf.History> {
  const { title, batchUpdates, throttleMs, callbacks, seed, ...fitArgs } = options;
  const view = new TrainingView({ title, batchUpdates, throttleMs });
  const userCallbacks = callbackObjects(callbacks);
  try {
    return await withSeededRandom(seed, () =>
      model.fit(x, y, {
        verbose: 0,
        ...fitArgs,
        callbacks: [view, ...userCallbacks] as unknown as tf.CustomCallbackArgs[],
      }),
    );
  } catch (error) {
    view.fail(error);
    throw error;
  }
}
