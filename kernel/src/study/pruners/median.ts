/** MedianPruner: the 50th-percentile pruner. */
import { PercentilePruner, type PercentilePrunerOptions } from './percentile';

/** Options of {@link MedianPruner}. */
export type MedianPrunerOptions = PercentilePrunerOptions;

/**
 * Prunes a trial whose best intermediate value is worse than the median of the complete trials'
 * values at the same step (Optuna's default pruner: 5 startup trials, no warm-up, every step).
 *
 * @example
 * ```ts
 * const study = await createStudy({ pruner: new MedianPruner({ nStartupTrials: 5, nWarmupSteps: 2 }) });
 * ```
 */
export class MedianPruner extends PercentilePruner {
  /** @throws InvalidArgumentError for an unknown option or a bad value */
  constructor(options: MedianPrunerOptions = {}) {
    super(50, options, 'MedianPruner');
  }
}
