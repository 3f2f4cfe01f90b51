/** NopPruner: never prunes. */
import type { Pruner } from './base';

/**
 * A pruner that never prunes (pass it to switch pruning off).
 *
 * @example
 * ```ts
 * const study = await createStudy({ pruner: new NopPruner() });
 * ```
 */
export class NopPruner implements Pruner {
  prune(): boolean {
    return false;
  }
}
