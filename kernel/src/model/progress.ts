/**
 * Keras-style progress while `model.fit` runs with `verbose: 1` (tfjs' default): during an epoch one
 * line, rewritten in place (`\r`), with the batches done, a bar, the ETA of the epoch and the running
 * metrics; at the epoch's end the final line
 * `Epoch 3/10 - 1.24s - loss: 0.6931 - accuracy: 0.5000 - val_loss: 0.6900` (Keras 3's metric names).
 */
import * as tf from '@tensorflow/tfjs';
import { estimateEta, formatDuration, kerasMetricName } from '../display';

/** Least time between two rewrites of the in-epoch line, in milliseconds. */
export const PROGRESS_EVERY_MS = 200;

const BAR_WIDTH = 20;

function metricParts(logs: tf.Logs | undefined): string[] {
  // Keras order: training metrics first, then the validation ones.
  const entries = Object.entries(logs ?? {}).sort(([a], [b]) => Number(a.startsWith('val_')) - Number(b.startsWith('val_')));
  return entries.map(([key, value]) => {
    const number = typeof value === 'number' ? value : Number(value);
    return `${kerasMetricName(key)}: ${Number.isFinite(number) ? number.toFixed(4) : String(number)}`;
  });
}

/** Formats one epoch's logs the way Keras' progress bar ends its line. */
export function formatEpochLine(epoch: number, epochs: number, seconds: number, logs: tf.Logs | undefined): string {
  return [`Epoch ${epoch + 1}/${epochs}`, `${seconds.toFixed(2)}s`, ...metricParts(logs)].join(' - ');
}

/**
 * The in-epoch line: `Epoch 3/10 - 12/50 [====>...............] - ETA 3.1s - loss: 0.6931`; without a
 * known number of batches, `Epoch 3/10 - batch 12 - 0.8s - loss: 0.6931`.
 *
 * @param epoch - epoch index from 0
 * @param epochs - epochs asked for
 * @param done - batches finished in this epoch
 * @param total - batches per epoch, or null when unknown
 * @param seconds - time since the epoch began
 * @param logs - running metrics of the last batch
 * @returns the line, without `\r` or newline
 */
export function formatBatchLine(epoch: number, epochs: number, done: number, total: number | null, seconds: number, logs: tf.Logs | undefined): string {
  const head = `Epoch ${epoch + 1}/${epochs}`;
  const metrics = metricParts(logs);
  if (total === null || total <= 0) {
    return [head, `batch ${done}`, formatDuration(seconds), ...metrics].join(' - ');
  }
  const filled = Math.min(BAR_WIDTH, Math.floor((done / total) * BAR_WIDTH));
  const bar = `[${'='.repeat(Math.max(0, filled - 1))}${filled > 0 ? (done >= total ? '=' : '>') : ''}${'.'.repeat(BAR_WIDTH - filled)}]`;
  const left = estimateEta(seconds, done, total);
  const eta = left === null ? '?' : formatDuration(left);
  return [head, `${done}/${total} ${bar}`, `ETA ${eta}`, ...metrics].join(' - ');
}

/** Batches per epoch from tfjs' fit parameters, or null when the data set decides. */
export function batchesPerEpoch(params: tf.CustomCallbackArgs | Record<string, unknown>): number | null {
  const p = params as Record<string, unknown>;
  if (typeof p.steps === 'number' && p.steps > 0) return p.steps;
  if (typeof p.samples === 'number' && typeof p.batchSize === 'number' && p.batchSize > 0) return Math.ceil(p.samples / p.batchSize);
  return null;
}

/** tfjs may hand callbacks scalar tensors not yet read back; read them (without disposing them). */
async function resolveLogs(logs: tf.Logs | undefined): Promise<tf.Logs> {
  const resolved: tf.Logs = {};
  for (const [key, value] of Object.entries(logs ?? {})) {
    const raw: unknown = value;
    resolved[key] = raw instanceof tf.Tensor ? (await raw.data())[0] : Number(raw);
  }
  return resolved;
}

/** Where the logger writes and what time it reads; tests inject both. */
export interface ProgressIo {
  write: (text: string) => void;
  now: () => number;
}

const processIo: ProgressIo = { write: (text) => process.stdout.write(text), now: () => performance.now() };

/** The `verbose: 1` logger: the in-epoch line at most every {@link PROGRESS_EVERY_MS}, then the epoch line. */
export class EpochProgressLogger extends tf.Callback {
  private started = 0;
  private lastWrite = 0;
  private epoch = 0;
  /** Length of the in-epoch line on screen, 0 when none. */
  private shown = 0;

  constructor(private readonly io: ProgressIo = processIo) {
    super();
  }

  override async onEpochBegin(epoch: number): Promise<void> {
    this.epoch = epoch;
    this.started = this.io.now();
    this.lastWrite = this.started;
    this.shown = 0;
  }

  override async onBatchEnd(batch: number, logs?: tf.Logs): Promise<void> {
    const now = this.io.now();
    if (now - this.lastWrite < PROGRESS_EVERY_MS) return;
    this.lastWrite = now;
    const epochs = typeof this.params.epochs === 'number' ? this.params.epochs : 0;
    const line = formatBatchLine(this.epoch, epochs, batch + 1, batchesPerEpoch(this.params), (now - this.started) / 1000, await resolveLogs(logs));
    // Padded so that a terminal also loses the end of a longer previous line (Jupyter clears it anyway).
    this.io.write(`\r${line.padEnd(this.shown)}`);
    this.shown = line.length;
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const epochs = typeof this.params.epochs === 'number' ? this.params.epochs : epoch + 1;
    const seconds = (this.io.now() - this.started) / 1000;
    const line = formatEpochLine(epoch, epochs, seconds, await resolveLogs(logs));
    this.io.write(`${this.shown ? `\r${line.padEnd(this.shown)}` : line}\n`);
    this.shown = 0;
  }
}

let registered = false;

/** Registers the epoch logger for `verbose: 1` fits (once per process). */
export function registerProgressLogger(): void {
  if (!registered) {
    registered = true;
    tf.registerCallbackConstructor(1, EpochProgressLogger);
  }
}
