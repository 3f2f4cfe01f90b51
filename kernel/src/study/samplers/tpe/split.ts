/**
 * How TPE splits the observed trials into the good ("below") and the rest ("above"), as Optuna
 * does: the best `nBelow` COMPLETE trials by value (by non-domination rank for several objectives),
 * then PRUNED trials by how far and how well they got, and RUNNING trials always above (the
 * constant liar). Both groups are returned in trial-number order.
 */
import type { FrozenTrial, StudyDirection } from '../../frozen-trial';
import { lastStep } from '../../frozen-trial';

/** Splits `trials` into below and above; `nBelow` counts the below ones wanted. */
export function splitTrials(trials: readonly FrozenTrial[], directions: readonly StudyDirection[], nBelow: number): [FrozenTrial[], FrozenTrial[]] {
  const complete = trials.filter((t) => t.state === 'COMPLETE');
  const pruned = trials.filter((t) => t.state === 'PRUNED');
  const running = trials.filter((t) => t.state === 'RUNNING');
  const [belowComplete, aboveComplete] = splitComplete(complete, directions, Math.min(nBelow, complete.length));
  const rest = Math.max(0, nBelow - belowComplete.length);
  const prunedSorted = [...pruned].sort((a, b) => comparePruned(prunedScore(a, directions[0]), prunedScore(b, directions[0])));
  const nPruned = Math.min(rest, prunedSorted.length);
  const below = [...belowComplete, ...prunedSorted.slice(0, nPruned)].sort((a, b) => a.number - b.number);
  const above = [...aboveComplete, ...prunedSorted.slice(nPruned), ...running].sort((a, b) => a.number - b.number);
  return [below, above];
}

function splitComplete(trials: FrozenTrial[], directions: readonly StudyDirection[], nBelow: number): [FrozenTrial[], FrozenTrial[]] {
  if (directions.length <= 1) {
    const sign = directions[0] === 'maximize' ? -1 : 1;
    const sorted = [...trials].sort((a, b) => sign * (a.values![0] - b.values![0]));
    return [sorted.slice(0, nBelow), sorted.slice(nBelow)];
  }
  if (nBelow === 0) return [[], [...trials]];
  if (nBelow === trials.length) return [[...trials], []];
  const losses = trials.map((t) => t.values!.map((v, i) => (directions[i] === 'maximize' ? -v : v)));
  const ranks = nonDominationRanks(losses);
  // Optuna note: Optuna breaks ties inside the last admitted rank by hypervolume subset selection;
  // rnnlab takes that rank's points by their distance-free order (sum of normalised losses).
  const order = trials.map((_t, i) => i).sort((a, b) => ranks[a] - ranks[b] || sumLoss(losses[a]) - sumLoss(losses[b]) || a - b);
  const chosen = new Set(order.slice(0, nBelow));
  return [trials.filter((_t, i) => chosen.has(i)), trials.filter((_t, i) => !chosen.has(i))];
}

const sumLoss = (loss: number[]): number => loss.reduce((s, v) => s + v, 0);

/** Rank 0 for the Pareto front, 1 for the front once rank 0 is removed, and so on. */
export function nonDominationRanks(losses: readonly (readonly number[])[]): number[] {
  const ranks = new Array<number>(losses.length).fill(-1);
  let remaining = losses.map((_l, i) => i);
  for (let rank = 0; remaining.length; rank++) {
    const front = remaining.filter((i) => !remaining.some((j) => j !== i && dominates(losses[j], losses[i])));
    for (const i of front) ranks[i] = rank;
    remaining = remaining.filter((i) => ranks[i] === -1);
  }
  return ranks;
}

/** Whether loss vector a dominates b (no worse everywhere, better somewhere). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) better = true;
  }
  return better;
}

function prunedScore(trial: FrozenTrial, direction: StudyDirection): [number, number] {
  const step = lastStep(trial);
  if (step === undefined) return [1, 0];
  const value = trial.intermediateValues.get(step)!;
  if (Number.isNaN(value)) return [-step, Infinity];
  return [-step, direction === 'maximize' ? -value : value];
}

function comparePruned(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || (a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1);
}
