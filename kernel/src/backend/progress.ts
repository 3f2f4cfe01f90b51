/**
 * A progress line per epoch while `model.fit` runs with `verbose: 1` (tfjs' default), as Keras prints:
 * `Epoch 3/10 - 1.24s - loss: 0.6931 - acc: 0.5000 - val_loss: 0.6900`.
 */
import * as tf from '@tensorflow/tfjs';

/** Formats one epoch's logs the way Keras' progress bar ends its line. */
export function formatEpochLine(epoch: number, epochs: number, seconds: number, logs: tf.Logs | undefined): string {
  const parts = [`Epoch ${epoch + 1}/${epochs}`, `${seconds.toFixed(2)}s`];
  // Keras order: training metrics first, then the validation ones.
  const entries = Object.entries(logs ?? {}).sort(
    ([a], [b]) => Number(a.startsWith('val_')) - Number(b.startsWith('val_')),
  );
  for (const [key, value] of entries) {
    const number = typeof value === 'number' ? value : Number(value);
    parts.push(`${key}: ${Number.isFinite(number) ? number.toFixed(4) : String(number)}`);
  }
  return parts.join(' - ');
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

class EpochProgressLogger extends tf.Callback {
  private started = 0;

  override async onEpochBegin(): Promise<void> {
    this.started = performance.now();
  }

  override async onEpochEnd(epoch: number, logs?: tf.Logs): Promise<void> {
    const epochs = typeof this.params.epochs === 'number' ? this.params.epochs : epoch + 1;
    const seconds = (performance.now() - this.started) / 1000;
    process.stdout.write(formatEpochLine(epoch, epochs, seconds, await resolveLogs(logs)) + '\n');
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
