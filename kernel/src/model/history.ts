/**
 * Keras 3's names in every `History`, and a compact display of it. tfjs fills `history.history` under
 * its short names (`acc`, `val_acc`); Keras 3 users read `history.history.accuracy` and
 * `val_accuracy`. Every fit of the process records its metrics under the Keras names, with tfjs'
 * names kept as non-enumerable aliases (`history.history.acc` is the same array), and a History as a
 * cell's result shows a small table with sparklines instead of the object's dump.
 */
import * as tf from '@tensorflow/tfjs';
import { historyHtml, historyText, kerasMetricName, tfjsMetricName, type HistoryInput } from '../display';
import type { MimeBundle } from '../frontend';

/** The Keras 3 names that differ from tfjs' (`accuracy`, `val_accuracy`, …). */
const RENAMED = ['accuracy', 'crossentropy'].flatMap((name) => [name, `val_${name}`]);

/**
 * Makes tfjs' short names aliases of the Keras names in `record`: writing or reading `record.acc`
 * writes or reads `record.accuracy`, and only the Keras name is enumerable (so it is what
 * `Object.keys`, `JSON.stringify` and displays see).
 */
function aliasShortNames(record: Record<string, unknown>): void {
  for (const keras of RENAMED) {
    const short = tfjsMetricName(keras);
    if (Object.getOwnPropertyDescriptor(record, short)?.get) continue;
    const existing = record[short];
    delete record[short];
    if (existing !== undefined && record[keras] === undefined) record[keras] = existing;
    Object.defineProperty(record, short, {
      configurable: true,
      enumerable: false,
      get: () => record[keras],
      set: (value: unknown) => {
        record[keras] = value;
      },
    });
  }
}

/** Aliases the History's record when tfjs has made it, i.e. after History's own `onTrainBegin`. */
class KerasHistoryNames extends tf.Callback {
  override async onEpochBegin(): Promise<void> {
    const history: tf.History | undefined = (this.model as tf.LayersModel & { history?: tf.History }).history;
    if (history?.history) aliasShortNames(history.history as Record<string, unknown>);
  }
}

let registered = false;

/** Makes every fit of this process record Keras 3's metric names in its History (once). */
export function registerKerasHistoryNames(): void {
  if (!registered) {
    registered = true;
    tf.registerCallbackConstructor(0, KerasHistoryNames);
  }
}

/** The plain data of a History, under Keras 3's names, numbers read from any tensors. */
export function historyInput(history: tf.History): HistoryInput {
  const values: Record<string, (number | null)[]> = {};
  for (const [key, list] of Object.entries(history.history ?? {})) {
    const name = kerasMetricName(key);
    if (name in values) continue;
    values[name] = (list as unknown[]).map((v) => {
      const n = typeof v === 'number' ? v : v instanceof tf.Tensor ? v.dataSync()[0] : Number(v);
      return Number.isFinite(n) ? n : null;
    });
  }
  return { epoch: [...(history.epoch ?? [])], history: values };
}

/** For `display()` and cell results: a History shows its compact table (text and HTML). */
export function formatHistory(value: unknown): MimeBundle | undefined {
  if (!(value instanceof tf.History)) {
    return undefined;
  }
  const input = historyInput(value);
  return { 'text/plain': historyText(input), 'text/html': historyHtml(input) };
}
