/** The study view's header as text: work done of all, elapsed, ETA and the best trial so far. Pure. */
import { formatParam, formatSeconds, formatValue } from '../common';
import type { StudyPayload, Trial } from '../payload';
import { isSearch, paramNames } from './leaderboard';

/** The lines the header shows. */
export interface StudySummary {
  /** `trial 7 / 20 · 8 trials · elapsed 41.2 s · ETA 1 min 20 s` */
  progress: string;
  /** `best so far: trial 4 · value 0.3512 · x=0.1, cell=GRU` */
  best: string;
  /** 0..1 share of the work done */
  fraction: number;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function bestLine(payload: StudyPayload): string {
  const word = isSearch(payload) ? 'candidate' : 'trial';
  const best = payload.bestTrialNumbers.map((n) => payload.trials.find((trial) => trial.number === n)).filter((t): t is Trial => !!t);
  if (best.length === 0) return `no complete ${word} yet`;
  if (payload.directions.length > 1) return `Pareto front: ${word}s ${best.map((t) => t.number).join(', ')}`;
  const trial = best[0];
  const value = isSearch(payload)
    ? `${payload.valueNames[0]} ${formatValue(trial.meanScore ?? trial.values?.[0] ?? null)} ± ${formatValue(trial.stdScore ?? null)}`
    : `${payload.valueNames[0]} ${formatValue(trial.values?.[0] ?? null)}`;
  const params = paramNames(payload)
    .filter((name) => name in trial.params)
    .map((name) => `${name}=${formatParam(trial.params[name])}`)
    .join(', ');
  const lead = payload.status === 'running' ? 'best so far' : 'best';
  return [`${lead}: ${word} ${trial.number}`, value, params].filter(Boolean).join(' · ');
}

/**
 * Summarises a study or search for the header: the work done of all (trials of a study, fits of a
 * search, or the kernel's label), the number of trials, the elapsed time and, while running, the ETA.
 */
export function studySummary(payload: StudyPayload): StudySummary {
  const progress = payload.progress;
  const unit = isSearch(payload) ? 'fit' : 'trial';
  const count = plural(payload.trials.length, isSearch(payload) ? 'candidate' : 'trial');
  const parts: string[] = [];
  if (progress) {
    parts.push(progress.label ?? `${unit} ${progress.done} / ${progress.total ?? '?'}`);
    if (progress.label && isSearch(payload) && progress.total !== null) parts.push(`${unit} ${progress.done} / ${progress.total}`);
  }
  parts.push(count);
  if (progress?.elapsedSeconds !== undefined) parts.push(`elapsed ${formatSeconds(progress.elapsedSeconds)}`);
  if (payload.status === 'running' && typeof progress?.etaSeconds === 'number') parts.push(`ETA ${formatSeconds(progress.etaSeconds)}`);
  const fraction = progress && progress.total ? Math.min(1, progress.done / progress.total) : payload.status === 'running' ? 0 : 1;
  return { progress: parts.join(' · '), best: bestLine(payload), fraction };
}
