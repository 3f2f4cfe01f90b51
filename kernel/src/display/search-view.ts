/**
 * The study-view payload of a GridSearchCV / RandomizedSearchCV: one trial per candidate, its fold
 * scores as intermediate values (step = fold), mean ± std and rank, and the progress in fits.
 */
import type { SearchState, SpaceEntry } from '../search';
import { estimateEta } from './eta';
import { toJsonNumber, toJsonValue } from './json';
import type { DistributionInfo, ParamValue, StudyPayload, TrialRecord } from './types';

function distribution(entry: SpaceEntry): DistributionInfo {
  if (entry.type === 'categorical') return { type: 'categorical', choices: entry.choices };
  return entry.log ? { type: entry.type, low: entry.low, high: entry.high, log: true } : { type: entry.type, low: entry.low, high: entry.high };
}

function meanOf(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function stdOf(values: number[]): number {
  const m = meanOf(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / values.length);
}

/** Why a search's view has no importance panel. */
export const SEARCH_IMPORTANCE_NOTE = 'parameter importance is computed for studies; see cvResults for the scores by parameter';

/** Seconds from the first candidate's start to the last one's end (a finished search without a clock). */
function spanSeconds(state: SearchState): number | undefined {
  const starts = state.started.filter((t): t is string => t !== undefined).map(Date.parse);
  const ends = state.finished.filter((t): t is string => t !== undefined).map(Date.parse);
  return starts.length && ends.length ? Math.max(0, (Math.max(...ends) - Math.min(...starts)) / 1000) : undefined;
}

/**
 * Builds the payload; pure.
 *
 * @param state - the search
 * @param timing - `elapsedSeconds`: time since the search began (the live view's clock); without
 *   it, the span of the candidates' start and end times
 * @returns the `study.v1` payload
 */
export function searchPayload(state: SearchState, timing: { elapsedSeconds?: number } = {}): StudyPayload {
  const valueName = state.valueName;
  const trials: TrialRecord[] = state.candidates.map((params, number) => {
    const outcomes = state.outcomes[number];
    const done = outcomes.filter((o) => o !== undefined);
    const complete = done.length === state.nSplits;
    const failed = done.find((o) => o?.error !== undefined);
    const scores = outcomes.map((o) => o?.testScore ?? NaN);
    const mean = complete ? meanOf(scores) : null;
    const start = state.started[number] ?? null;
    const end = complete ? state.finished[number] ?? null : null;
    const duration = done.reduce((s, o) => s + (o?.fitTime ?? 0) + (o?.scoreTime ?? 0), 0);
    // Once the search has ended, a candidate cut short is no longer running: it failed to complete.
    const cutShort = !complete && start !== null && state.status !== 'running';
    return {
      number,
      state: failed || cutShort ? 'FAIL' : complete ? 'COMPLETE' : start ? 'RUNNING' : 'WAITING',
      params: params as Record<string, ParamValue>,
      values: complete ? [toJsonNumber(mean)] : null,
      intermediateValues: outcomes.flatMap((o, fold) => (o ? [[fold, toJsonNumber(o.testScore)] as [number, number | null]] : [])),
      foldScores: scores.map((s) => toJsonNumber(s)),
      meanScore: mean === null ? null : toJsonNumber(mean),
      stdScore: complete ? toJsonNumber(stdOf(scores)) : null,
      // scikit-learn ranks a failed candidate (NaN mean) below the others; the view leaves it unranked.
      rank: !failed && state.ranks && Number.isFinite(state.ranks[number]) ? state.ranks[number] : null,
      datetimeStart: start,
      datetimeComplete: end,
      durationSeconds: start ? duration : null,
      userAttrs: {},
      failReason: failed?.error ?? (cutShort ? `the search ${state.status} before all folds of this candidate ran` : null),
    };
  });
  const ranked = trials.filter((t) => t.rank === 1 && t.state === 'COMPLETE');
  const completeTrials = trials.filter((t) => t.state === 'COMPLETE' && t.meanScore !== null);
  const bestByMean = completeTrials.reduce<TrialRecord | undefined>(
    (best, t) => (best === undefined || (t.meanScore as number) > (best.meanScore as number) ? t : best),
    undefined,
  );
  const best = ranked.length > 0 ? ranked.slice(0, 1) : bestByMean ? [bestByMean] : [];
  const fits = state.outcomes.reduce((s, o) => s + o.filter((x) => x !== undefined).length, 0);
  const total = state.candidates.length * state.nSplits;
  const running = trials.find((t) => t.state === 'RUNNING');
  const elapsedSeconds = timing.elapsedSeconds ?? spanSeconds(state);
  return {
    version: 1,
    id: state.id,
    kind: state.kind,
    name: state.name,
    directions: ['maximize'],
    valueNames: [valueName],
    status: state.status,
    searchSpace: Object.fromEntries(Object.entries(state.searchSpace).map(([k, v]) => [k, distribution(v)])),
    trials: toJsonValue(trials) as unknown as TrialRecord[],
    bestTrialNumbers: best.map((t) => t.number),
    importance: null,
    importanceNote: SEARCH_IMPORTANCE_NOTE,
    paramNames: Object.keys(state.searchSpace),
    progress: {
      done: fits,
      total,
      ...(elapsedSeconds === undefined ? {} : { elapsedSeconds }),
      ...(elapsedSeconds !== undefined && state.status === 'running' ? { etaSeconds: estimateEta(elapsedSeconds, fits, total) } : {}),
      ...(running
        ? { label: `candidate ${running.number + 1} of ${state.candidates.length}, fold ${Math.min(state.nSplits, state.outcomes[running.number].filter((o) => o).length + 1)} of ${state.nSplits}` }
        : {}),
    },
    controls: state.status === 'running' && state.controls ? state.controls : null,
  };
}
