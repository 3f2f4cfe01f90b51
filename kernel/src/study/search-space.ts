/**
 * The intersection search space (Optuna's `IntersectionSearchSpace`): the parameters that every
 * finished trial (COMPLETE, and PRUNED when asked) used with the same distribution, sorted by name.
 */
import { distributionsEqual, type Distribution } from './distributions';
import type { FrozenTrial } from './frozen-trial';

/** The parameters shared, with equal distributions, by all COMPLETE (and PRUNED) trials. */
export function intersectionSearchSpace(trials: readonly FrozenTrial[], includePruned = true): Record<string, Distribution> {
  let space: Record<string, Distribution> | undefined;
  for (const trial of trials) {
    if (!(trial.state === 'COMPLETE' || (includePruned && trial.state === 'PRUNED'))) continue;
    if (!space) {
      space = { ...trial.distributions };
      continue;
    }
    for (const name of Object.keys(space)) {
      const d = trial.distributions[name];
      if (!d || !distributionsEqual(d, space[name])) delete space[name];
    }
  }
  const out: Record<string, Distribution> = {};
  for (const name of Object.keys(space ?? {}).sort()) out[name] = space![name];
  return out;
}
