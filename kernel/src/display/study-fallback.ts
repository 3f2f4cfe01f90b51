/**
 * Static fallbacks of the study view ({@link STUDY_MIME}): a plain-text summary and a self-contained
 * HTML block with a leaderboard (best first) and, for one objective, an optimisation-history chart.
 */
import { escapeHtml } from './escape';
import { formatDuration, formatMetric, formatParam } from './format';
import { BLOCK_STYLE, badge, cell, type Tone } from './html';
import { CHART_PALETTE, lineChartSvg } from './svg';
import { TRIAL_STATES, type StudyKind, type StudyPayload, type StudyStatus, type TrialRecord, type TrialState } from './types';

/** Rows the HTML leaderboard shows at most, by default. */
export const MAX_LEADERBOARD_ROWS = 50;

const KIND: Readonly<Record<StudyKind, { title: string; trial: string }>> = {
  study: { title: 'Study', trial: 'trial' },
  grid_search: { title: 'Grid search', trial: 'candidate' },
  randomized_search: { title: 'Randomized search', trial: 'candidate' },
};

const STATUS: Readonly<Record<StudyStatus, { text: string; tone: Tone }>> = {
  running: { text: 'running', tone: 'blue' },
  finished: { text: 'finished', tone: 'green' },
  stopped: { text: 'stopped', tone: 'orange' },
  failed: { text: 'failed', tone: 'red' },
};

/** Text, colour and leaderboard order of each trial state (after the ranked trials). */
const STATE: Readonly<Record<TrialState, { text: string; tone: Tone; order: number }>> = {
  COMPLETE: { text: 'complete', tone: 'green', order: 0 },
  PRUNED: { text: 'pruned', tone: 'orange', order: 1 },
  RUNNING: { text: 'running', tone: 'blue', order: 2 },
  WAITING: { text: 'waiting', tone: 'grey', order: 3 },
  FAIL: { text: 'failed', tone: 'red', order: 4 },
};

const isSearch = (payload: StudyPayload) => payload.kind !== 'study';

/** The objective a single-objective view ranks by: the mean score of a search, else the first value. */
function objective(payload: StudyPayload, trial: TrialRecord): number | null {
  const value = isSearch(payload) ? trial.meanScore ?? trial.values?.[0] : trial.values?.[0];
  return typeof value === 'number' && Number.isFinite(value) && trial.state === 'COMPLETE' ? value : null;
}

/**
 * The trials best first: by `rank` when any trial has one (searches), otherwise by the first
 * objective in its direction, with the best trials (the Pareto front for several objectives) ahead;
 * trials without a value follow by state (pruned, running, waiting, failed), then by number.
 *
 * @param payload - the study
 * @returns a new array of the same trials
 */
export function leaderboardOrder(payload: StudyPayload): TrialRecord[] {
  const ranked = payload.trials.some((t) => typeof t.rank === 'number');
  const sign = payload.directions[0] === 'maximize' ? -1 : 1;
  const multi = payload.directions.length > 1;
  const key = (t: TrialRecord): [number, number] => {
    if (ranked) {
      return typeof t.rank === 'number' ? [0, t.rank] : [2, 0];
    }
    const value = objective(payload, t);
    const group = multi && payload.bestTrialNumbers.includes(t.number) ? 0 : 1;
    return value === null ? [2, 0] : [group, sign * value];
  };
  return [...payload.trials].sort((a, b) => {
    const [ga, sa] = key(a);
    const [gb, sb] = key(b);
    return ga - gb || sa - sb || STATE[a.state].order - STATE[b.state].order || a.number - b.number;
  });
}

/** The rank shown: the given one, or for one objective 1 + the number of strictly better trials. */
function shownRank(payload: StudyPayload, trial: TrialRecord): string {
  if (trial.rank !== undefined) {
    return trial.rank === null ? '' : String(trial.rank);
  }
  const value = objective(payload, trial);
  if (payload.directions.length > 1 || value === null) {
    return '';
  }
  const better = (other: number) => (payload.directions[0] === 'maximize' ? other > value : other < value);
  return String(1 + payload.trials.filter((t) => {
    const v = objective(payload, t);
    return v !== null && better(v);
  }).length);
}

/** Parameter names in suggestion order (`paramNames`; saved notebooks sort `searchSpace`'s keys), then any others seen. */
function paramNames(payload: StudyPayload): string[] {
  const names = [...(payload.paramNames ?? [])];
  for (const name of Object.keys(payload.searchSpace)) {
    if (!names.includes(name)) {
      names.push(name);
    }
  }
  for (const t of payload.trials) {
    for (const name of Object.keys(t.params)) {
      if (!names.includes(name)) {
        names.push(name);
      }
    }
  }
  return names;
}

function objectivesText(payload: StudyPayload): string {
  return payload.directions.map((d, i) => `${d} ${payload.valueNames[i] ?? `value ${i}`}`).join(', ');
}

function countsText(payload: StudyPayload): string {
  const word = KIND[payload.kind].trial;
  const n = payload.trials.length;
  const counts = TRIAL_STATES.map((s) => [STATE[s].text, payload.trials.filter((t) => t.state === s).length] as const)
    .filter(([, c]) => c > 0)
    .map(([text, c]) => `${c} ${text}`);
  return `${n} ${word}${n === 1 ? '' : 's'}${counts.length ? `: ${counts.join(', ')}` : ''}`;
}

/** Work done of all (or the label), then the elapsed time and, while running, the ETA. */
function progressText(payload: StudyPayload): string {
  const p = payload.progress;
  if (!p) {
    return '';
  }
  const parts = [p.label ?? `${p.done}/${p.total ?? '?'}`];
  if (p.elapsedSeconds !== undefined) {
    parts.push(`elapsed ${formatDuration(p.elapsedSeconds)}`);
  }
  if (payload.status === 'running' && typeof p.etaSeconds === 'number') {
    parts.push(`ETA ${formatDuration(p.etaSeconds)}`);
  }
  return parts.join(', ');
}

/** The value(s) of a trial as text: `mean ± std` for searches, one value per objective otherwise. */
function valuesText(payload: StudyPayload, trial: TrialRecord): string {
  if (isSearch(payload)) {
    return `${formatMetric(trial.meanScore ?? trial.values?.[0])} ± ${formatMetric(trial.stdScore)}`;
  }
  return payload.valueNames.map((name, i) => `${name} ${formatMetric(trial.values?.[i])}`).join(', ');
}

function paramsText(payload: StudyPayload, trial: TrialRecord): string {
  return paramNames(payload)
    .filter((name) => name in trial.params)
    .map((name) => `${name}=${formatParam(trial.params[name])}`)
    .join(', ');
}

function bestText(payload: StudyPayload): string {
  const word = KIND[payload.kind].trial;
  const best = payload.bestTrialNumbers.map((n) => payload.trials.find((t) => t.number === n)).filter((t): t is TrialRecord => t !== undefined);
  if (!best.length) {
    return `No complete ${word} yet.`;
  }
  if (payload.directions.length > 1) {
    return `Pareto front: ${word}s ${best.map((t) => t.number).join(', ')}.`;
  }
  const trial = best[0];
  const rank = typeof trial.rank === 'number' ? ` (rank ${trial.rank})` : '';
  const value = isSearch(payload) ? `${payload.valueNames[0]} ${valuesText(payload, trial)}` : valuesText(payload, trial);
  return `Best ${word} ${trial.number}${rank}: ${value}; params: ${paramsText(payload, trial) || 'none'}.`;
}

/**
 * A plain-text summary of a study or search: kind, name, objectives, status, counts by state,
 * progress and the best trial (or the Pareto front).
 *
 * @param payload - the study
 * @returns the text, on one line
 * @example
 * ```ts
 * studyText(payload);
 * // 'Study "lstm-tuning" (minimize val_loss): running. 8 trials: 4 complete, 1 pruned, 1 failed, 1 running,
 * //  1 waiting. Progress: trial 7 of 20. Best trial 4: val_loss 0.3512; params: initialUnits=45, ...'
 * ```
 */
export function studyText(payload: StudyPayload): string {
  const parts = [
    `${KIND[payload.kind].title} "${payload.name}" (${objectivesText(payload)}): ${STATUS[payload.status].text}.`,
    `${countsText(payload)}.`,
  ];
  const progress = progressText(payload);
  if (progress) {
    parts.push(`Progress: ${progress}.`);
  }
  parts.push(bestText(payload));
  return parts.join(' ');
}

function historyChart(payload: StudyPayload): string {
  if (payload.directions.length !== 1) {
    return '';
  }
  const done = [...payload.trials].sort((a, b) => a.number - b.number).filter((t) => objective(payload, t) !== null);
  const better = (a: number, b: number) => (payload.directions[0] === 'maximize' ? a > b : a < b);
  // Best so far as a step line: flat until a trial improves on it.
  const bestPoints: [number, number][] = [];
  for (const t of done) {
    const value = objective(payload, t) as number;
    const best = bestPoints.length ? bestPoints[bestPoints.length - 1][1] : null;
    if (best === null || better(value, best)) {
      if (best !== null) {
        bestPoints.push([t.number, best]);
      }
      bestPoints.push([t.number, value]);
    }
  }
  const last = done[done.length - 1];
  if (last && bestPoints[bestPoints.length - 1][0] !== last.number) {
    bestPoints.push([last.number, bestPoints[bestPoints.length - 1][1]]);
  }
  const word = KIND[payload.kind].trial;
  return lineChartSvg({
    // The line first, so that the dots stay visible on top of it.
    series: [
      { name: 'best value', points: bestPoints, color: CHART_PALETTE[1] },
      { name: 'objective value', points: done.map((t) => [t.number, objective(payload, t)]), markers: true, color: CHART_PALETTE[0] },
    ],
    xIntegers: true,
    width: 480,
    height: 240,
    title: 'Optimization history',
    xLabel: word,
    yLabel: payload.valueNames[0],
  });
}

function leaderboardTable(payload: StudyPayload, maxRows: number): string {
  const names = paramNames(payload);
  const search = isSearch(payload);
  const folds = search && payload.trials.some((t) => t.foldScores !== undefined);
  const valueHeads = search ? [`${payload.valueNames[0]} (mean ± std)`] : payload.valueNames;
  const head = ['', 'Rank', '#', 'State', ...valueHeads, ...(folds ? ['Folds'] : []), ...names, 'Duration'];
  const headRow = head.map((h, i) => cell(escapeHtml(h), { header: true, right: i === 1 || i === 2 })).join('');
  const trials = leaderboardOrder(payload);
  const rows = trials.slice(0, maxRows).map((t) => {
    const isBest = payload.bestTrialNumbers.includes(t.number);
    const state = STATE[t.state];
    const reason = t.state === 'FAIL' && t.failReason ? `<div style="font-size:11px;white-space:normal;max-width:28em">${escapeHtml(t.failReason)}</div>` : '';
    const values = search
      ? [cell(escapeHtml(valuesText(payload, t)), { right: true })]
      : payload.valueNames.map((_, i) => cell(t.values ? formatMetric(t.values[i]) : lastReported(t), { right: true }));
    const cells = [
      cell(isBest ? '★' : '', { style: 'color:#d97706' }),
      cell(shownRank(payload, t), { right: true }),
      cell(String(t.number), { right: true }),
      cell(badge(state.text, state.tone, `rnnlab-state rnnlab-state-${t.state.toLowerCase()}`) + reason),
      ...values,
      ...(folds ? [cell((t.foldScores ?? []).map(formatMetric).join(', '))] : []),
      ...names.map((n) => cell(escapeHtml(formatParam(t.params[n])))),
      cell(formatDuration(t.durationSeconds), { right: true }),
    ];
    const classes = ['rnnlab-trial', `rnnlab-trial-${t.state.toLowerCase()}`, ...(isBest ? ['rnnlab-best'] : [])];
    const style = isBest ? 'font-weight:600' : t.state === 'PRUNED' || t.state === 'FAIL' ? 'opacity:0.65' : '';
    return `<tr class="${classes.join(' ')}"${style ? ` style="${style}"` : ''}>${cells.join('')}</tr>`;
  });
  const more = trials.length > maxRows ? `<div style="opacity:0.75">… and ${trials.length - maxRows} more ${KIND[payload.kind].trial}s</div>` : '';
  return `<table class="rnnlab-leaderboard" style="border-collapse:collapse;font-size:12px;font-variant-numeric:tabular-nums"><thead><tr>${headRow}</tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

/** The last value a pruned or running trial reported, dimmed, e.g. `0.6200 @2`. */
function lastReported(trial: TrialRecord): string {
  const last = trial.intermediateValues[trial.intermediateValues.length - 1];
  return last ? `<span style="opacity:0.7" title="last reported value, at step ${last[0]}">${formatMetric(last[1])} @${last[0]}</span>` : '';
}

function importanceTable(payload: StudyPayload): string {
  if (!payload.importance) {
    return '';
  }
  const rows = Object.entries(payload.importance)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .map(
      ([name, value]) =>
        `<tr>${cell(escapeHtml(name))}${cell(`<div style="background:#1f77b4;height:8px;width:${(Math.max(0, Math.min(1, value)) * 120).toFixed(1)}px"></div>`)}${cell(value.toFixed(3), { right: true })}</tr>`,
    );
  return `<table class="rnnlab-importance" style="border-collapse:collapse;font-size:12px;margin-top:6px"><caption style="text-align:left;opacity:0.75;padding:2px 8px">Parameter importance</caption><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * A self-contained HTML view of a study or search: a header (name, kind, status, objectives,
 * counts, progress, best trial), the optimisation-history chart for one objective, the leaderboard
 * best first (best rows starred and bold, pruned and failed rows dimmed with their own class and
 * label) and the parameter importance when present. Every user string is escaped.
 *
 * @param payload - the study
 * @param options - `maxRows`: leaderboard rows shown at most (default {@link MAX_LEADERBOARD_ROWS})
 * @returns a `<div>` element as a string
 */
export function studyHtml(payload: StudyPayload, options: { maxRows?: number } = {}): string {
  const status = STATUS[payload.status];
  const progress = progressText(payload);
  const meta = [KIND[payload.kind].title, objectivesText(payload), countsText(payload), progress].filter(Boolean).map(escapeHtml);
  const header =
    `<div class="rnnlab-header" style="display:flex;flex-wrap:wrap;align-items:baseline;gap:8px">` +
    `<strong style="font-size:14px">${escapeHtml(payload.name)}</strong>` +
    badge(status.text, status.tone, `rnnlab-status rnnlab-status-${payload.status}`) +
    `<span style="opacity:0.75">${meta.join(' · ')}</span></div>`;
  return (
    `<div class="rnnlab-study" data-rnnlab-id="${escapeHtml(payload.id)}" style="${BLOCK_STYLE}">` +
    header +
    `<div class="rnnlab-best-summary" style="margin:4px 0">${escapeHtml(bestText(payload))}</div>` +
    historyChart(payload) +
    leaderboardTable(payload, options.maxRows ?? MAX_LEADERBOARD_ROWS) +
    importanceTable(payload) +
    '</div>'
  );
}
