/** The best trial of a single-objective study and the Pareto front of a multi-objective one. */
import type { FrozenTrial, StudyDirection } from './frozen-trial';
import { dominates } from './samplers/tpe/split';

/** The COMPLETE trial with the best value (the first one on ties), or undefined. */
export function bestOf(trials: readonly FrozenTrial[], direction: StudyDirection): FrozenTrial | undefined {
  let best: FrozenTrial | undefined;
  for (const t of trials) {
    if (t.state !== 'COMPLETE' || !t.values) continue;
    const v = t.values[0];
    if (!best || (direction === 'maximize' ? v > best.values![0] : v < best.values![0])) best = t;
  }
  return best;
}

/** The COMPLETE trials that no other COMPLETE trial dominates, by number. */
export function paretoFront(trials: readonly FrozenTrial[], directions: readonly StudyDirection[]): FrozenTrial[] {
  const complete = trials.filter((t) => t.state === 'COMPLETE' && t.values);
  const losses = complete.map((t) => t.values!.map((v, i) => (directions[i] === 'maximize' ? -v : v)));
  return complete.filter((_t, i) => !losses.some((other, j) => j !== i && dominates(other, losses[i])));
}
