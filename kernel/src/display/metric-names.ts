/**
 * Metric names as Keras 3 writes them. tfjs logs `metrics: ['accuracy']` as `acc` (and `val_acc`);
 * Keras 3 keeps the name the user compiled with, so `history.history.accuracy`. rnnlab shows and
 * stores the Keras names and keeps tfjs' short ones as aliases.
 */

/** tfjs' short metric names and their Keras 3 names. */
const KERAS_NAMES: Readonly<Record<string, string>> = {
  acc: 'accuracy',
  ce: 'crossentropy',
};

/**
 * The Keras 3 name of a logged metric: `acc` → `accuracy`, `val_acc` → `val_accuracy`; other names
 * are kept.
 *
 * Keras note: Keras 3 names a metric after the string it was compiled with; tfjs renames `accuracy`
 * to `acc`, which this undoes.
 *
 * @param name - the name tfjs logged
 * @returns the name Keras 3 logs
 * @example
 * ```ts
 * kerasMetricName('val_acc');  // 'val_accuracy'
 * ```
 */
export function kerasMetricName(name: string): string {
  const validation = name.startsWith('val_');
  const base = validation ? name.slice(4) : name;
  const keras = KERAS_NAMES[base] ?? base;
  return validation ? `val_${keras}` : keras;
}

/**
 * The tfjs name of a metric given by its Keras 3 name (`val_accuracy` → `val_acc`), the inverse of
 * {@link kerasMetricName}; unknown names are kept.
 *
 * @param name - a Keras 3 metric name
 * @returns the name tfjs logs it under
 */
export function tfjsMetricName(name: string): string {
  const validation = name.startsWith('val_');
  const base = validation ? name.slice(4) : name;
  const short = Object.keys(KERAS_NAMES).find((key) => KERAS_NAMES[key] === base) ?? base;
  return validation ? `val_${short}` : short;
}

const LOSS_LIKE = /(^|_)(loss|error|mse|mae|mape|msle|crossentropy|ce|hinge|poisson|kld|kl_divergence|logcosh|rmse)($|_)/;

/**
 * Whether lower values of a metric are better and it spans orders of magnitude (losses, errors),
 * so a log scale and "best = lowest" suit it; accuracies and other scores are not loss-like.
 *
 * @param name - the metric name, with or without `val_`
 * @returns true for losses and errors
 * @example
 * ```ts
 * isLossLike('val_loss');      // true
 * isLossLike('val_accuracy');  // false
 * ```
 */
export function isLossLike(name: string): boolean {
  return LOSS_LIKE.test(name.replace(/^val_/, '').toLowerCase());
}
