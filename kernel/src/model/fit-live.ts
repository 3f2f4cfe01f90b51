/**
 * Training with a live view: the training MIME view (curves in the JupyterLab extension, an HTML table
 * and SVG chart elsewhere) updates in place under the cell while `fit` runs.
 */
import { randomUUID } from 'node:crypto';
import * as tf from '@tensorflow/tfjs';
import { backendInfo } from '../backend';
import { type EpochRecord, estimateEta, kerasMetricName, type MetricLogs, toJsonNumber, type TrainingPayload, trainingBundle } from '../display';
import { LiveDisplay } from '../frontend';
import { bestEpochRecord } from './callbacks';
import { batchesPerEpoch } from './progress';
import { withSeededFit } from './seeded-run';
import { modelInfo } from './summary';

export interface TrainingViewOptions {
  /** Heading of the view (default: the model name). */
  title?: string;
  /** Also record every batch's training metrics (default false). */
  batchUpdates?: boolean;
  /** Least time between two view updates in milliseconds (default 250). */
  throttleMs?: number;
}

/** The logs as numbers under Keras 3's names (`accuracy`, not tfjs' `acc`). */
async function readLogs(logs: tf.Logs | undefined): Promise<MetricLogs> {
  const out: MetricLogs = {};
  for (const [key, value] of Object.entries(logs ?? {})) {
    const raw: unknown = value;
    out[kerasMetricName(key)] = toJsonNumber(raw instanceof tf.Tensor ? (await raw.data())[0] : Number(raw));
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
  private batchesTotal: number | null = null;
  /** Epoch index the fit started at (tfjs' `initialEpoch`). */
  private firstEpoch = 0;
  /** The fit's other callbacks, whose best epoch and early stop the view marks. */
  private tracked: readonly unknown[] = [];

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
    this.payload.metrics = metrics.filter((m) => !m.startsWith('val_')).map(kerasMetricName);
    this.batchesTotal = batchesPerEpoch(p);
    this.firstEpoch = typeof p.initialEpoch === 'number' ? p.initialEpoch : 0;
    this.live.show();
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    this.currentEpoch = epoch;
    this.epochStarted = performance.now();
    this.updateProgress(0);
  }

  override async onBatchEnd(batch: number, logs?: tf.Logs): Promise<void> {
    if (this.payload.batches) {
      this.payload.batches.push({ epoch: this.currentEpoch, batch, logs: await readLogs(logs) });
    }
    this.updateProgress(batch + 1);
    this.tick();
  }

  /**
   * The epoch in progress and the time left of the fit, at the mean batch time so far (the mean epoch
   * time when the number of batches is unknown).
   */
  private updateProgress(batchesDone: number): void {
    const epochsDone = this.currentEpoch - this.firstEpoch;
    const epochsLeft = this.payload.params.epochs - this.firstEpoch;
    const elapsed = (performance.now() - this.started) / 1000;
    const total = this.batchesTotal;
    const etaSeconds =
      total === null
        ? estimateEta(elapsed - (performance.now() - this.epochStarted) / 1000, epochsDone, epochsLeft)
        : estimateEta(elapsed, epochsDone * total + batchesDone, epochsLeft * total);
    this.payload.progress = { epoch: this.currentEpoch, batchesDone, batchesTotal: total, etaSeconds };
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

  /** Shows the best epoch and the early stop that one of these callbacks (EarlyStopping, ModelCheckpoint) tracks. */
  trackCallbacks(callbacks: readonly unknown[]): void {
    this.tracked = callbacks;
  }

  private recordCallbacks(): void {
    const record = bestEpochRecord(this.tracked);
    if (record) this.payload.callbacks = record;
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
    this.recordCallbacks();
    this.payload.elapsedSeconds = (performance.now() - this.started) / 1000;
    this.live.refresh();
  }

  private finish(status: TrainingPayload['status']): void {
    this.payload.status = status;
    this.recordCallbacks();
    this.payload.progress = null;
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
  view.trackCallbacks(userCallbacks);
  try {
    return await withSeededFit(seed, () =>
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
