/** Time-left estimates shared by the training and search views. Pure. */

/**
 * Seconds left at the mean rate so far: `elapsed / done × (total − done)`.
 *
 * @param elapsedSeconds - time spent on the `done` units
 * @param done - units of work finished (batches, epochs, fits, trials)
 * @param total - units in all; null when open-ended
 * @returns the estimate, or null before the first unit or without a total
 * @example
 * ```ts
 * estimateEta(30, 3, 10);  // 70
 * ```
 */
export function estimateEta(elapsedSeconds: number, done: number, total: number | null): number | null {
  if (total === null || done <= 0 || !Number.isFinite(elapsedSeconds)) {
    return null;
  }
  return Math.max(0, (elapsedSeconds / done) * Math.max(0, total - done));
}
