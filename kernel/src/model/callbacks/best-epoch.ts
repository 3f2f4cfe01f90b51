/**
 * What the training view marks: the best epoch and the early stop that an {@link EarlyStopping} (or,
 * without one, a {@link ModelCheckpoint} with `saveBestOnly`) among a fit's callbacks tracked.
 */
import { kerasMetricName, type TrainingCallbacks } from '../../display';
import { EarlyStopping } from './early-stopping';
import { ModelCheckpoint } from './model-checkpoint';

/**
 * The best-epoch record of a fit's callbacks, or undefined when none tracks a best epoch.
 *
 * @param callbacks - the fit's callback objects, in any order
 */
export function bestEpochRecord(callbacks: readonly unknown[]): TrainingCallbacks | undefined {
  const stopping = callbacks.find((c): c is EarlyStopping => c instanceof EarlyStopping);
  if (stopping) {
    return {
      monitor: kerasMetricName(stopping.monitor),
      mode: stopping.upwards ? 'max' : 'min',
      bestEpoch: stopping.best === null ? null : stopping.bestEpoch,
      stoppedEpoch: stopping.stoppedEpoch > 0 ? stopping.stoppedEpoch : null,
      restoredBestWeights: stopping.restoreBestWeights,
    };
  }
  const checkpoint = callbacks.find((c): c is ModelCheckpoint => c instanceof ModelCheckpoint && c.saveBestOnly);
  if (checkpoint) {
    return {
      monitor: kerasMetricName(checkpoint.monitor),
      mode: checkpoint.upwards ? 'max' : 'min',
      bestEpoch: checkpoint.savedEpoch,
      stoppedEpoch: null,
      restoredBestWeights: false,
    };
  }
  return undefined;
}
