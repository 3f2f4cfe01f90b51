/**
 * The leaderboard as data: columns, one row per trial, sorting, state filters and CSV. Pure: the table
 * widget renders what these functions return, and the tests check them on the schema's examples.
 */
import { formatParam, formatSeconds, formatValue } from '../common';
import type { JsonValue, Num, ParamValue, StudyPayload, Trial, TrialState } from '../payload';

/** What a column shows. */
export type ColumnKind = 'number' | 'rank' | 'value' | 'score' | 'fold' | 'state' | 'param' | 'attr' | 'note' | 'duration';

/** A leaderboard column. */
export interface Column {
  /** Unique key: `number`, `rank`, `value:0`, `score`, `fold:0`, `state`, `param:<name>`, `attr:<name>`, `note`, `duration`. */
  key: string;
  label: string;
  kind: ColumnKind;
  /** Hover text of the header. */
  title: string;
  /** Objective or fold index (value and fold columns), parameter or user attribute name (param and attr columns). */
  ref?: number | string;
}

/** One trial as a leaderboard row. */
export interface Row {
  number: number;
  rank: number | null;
  values: Num[];
  mean: Num;
  std: Num;
  state: TrialState;
  params: Record<string, ParamValue>;
  /** Searches: the test score of each fold. */
  folds: Num[];
  /** User attributes (`trial.setUserAttr`). */
  attrs: Record<string, JsonValue>;
  /** The trial's note (optuna-dashboard's notes, `study.setTrialNote`); '' when none. */
  note: string;
  duration: number | null;
  best: boolean;
  failReason: string | null;
}

/** A sort order: a column key and a direction. */
export interface SortOrder {
  key: string;
  descending: boolean;
}

/** The state filters the view offers; `running` covers waiting trials too. */
export type StateFilter = 'complete' | 'pruned' | 'failed' | 'running';

/** Trial states behind each filter. */
export const STATE_FILTERS: Record<StateFilter, readonly TrialState[]> = {
  complete: ['COMPLETE'],
  pruned: ['PRUNED'],
  failed: ['FAIL'],
  running: ['RUNNING', 'WAITING'],
};

/** The filter a trial state belongs to. */
export const FILTER_OF_STATE: Record<TrialState, StateFilter> = {
  COMPLETE: 'complete',
  PRUNED: 'pruned',
  FAIL: 'failed',
  RUNNING: 'running',
  WAITING: 'running',
};

/** How each state reads in the table. */
export const STATE_LABELS: Record<TrialState, string> = {
  COMPLETE: 'complete',
  PRUNED: 'pruned',
  FAIL: 'failed',
  RUNNING: 'running',
  WAITING: 'waiting',
};

/** Whether a payload is a cross-validated search (mean ± std scores, fold scores, ranks). */
export function isSearch(payload: StudyPayload): boolean {
  return payload.kind !== 'study';
}

/**
 * Parameter names in suggestion order: `paramNames` (saved notebooks sort object keys, so the search
 * space's key order is lost on reload), then the search space's, then any other names the trials used.
 */
export function paramNames(payload: StudyPayload): string[] {
  const names = [...(payload.paramNames ?? [])];
  const known = new Set(names);
  for (const name of Object.keys(payload.searchSpace)) {
    if (!known.has(name)) {
      known.add(name);
      names.push(name);
    }
  }
  for (const trial of payload.trials) {
    for (const name of Object.keys(trial.params)) {
      if (!known.has(name)) {
        known.add(name);
        names.push(name);
      }
    }
  }
  return names;
}

const ARROW: Record<StudyPayload['directions'][number], string> = { minimize: '↓', maximize: '↑' };

/** The columns of a payload: #, rank, value(s) or mean ± std, state, each parameter, duration. */
export function leaderboardColumns(payload: StudyPayload): Column[] {
  const columns: Column[] = [
    { key: 'number', label: '#', kind: 'number', title: 'trial number' },
    { key: 'rank', label: 'rank', kind: 'rank', title: 'rank (1 is best; ties share a rank)' },
  ];
  if (isSearch(payload)) {
    const name = payload.valueNames[0] ?? 'score';
    columns.push({ key: 'score', label: `${name} ${ARROW[payload.directions[0] ?? 'maximize']}`, kind: 'score', title: `mean ${name} over the folds ± standard deviation` });
  } else {
    payload.valueNames.forEach((name, index) => {
      const direction = payload.directions[index] ?? 'minimize';
      columns.push({ key: `value:${index}`, label: `${name} ${ARROW[direction]}`, kind: 'value', title: `${name} (${direction})`, ref: index });
    });
  }
  if (isSearch(payload)) {
    const folds = Math.max(0, ...payload.trials.map((trial) => trial.foldScores?.length ?? 0));
    for (let fold = 0; fold < folds; fold++) {
      columns.push({ key: `fold:${fold}`, label: `fold ${fold + 1}`, kind: 'fold', title: `test score of fold ${fold + 1} (split${fold}_test_score)`, ref: fold });
    }
  }
  columns.push({ key: 'state', label: 'state', kind: 'state', title: 'trial state' });
  for (const name of paramNames(payload)) columns.push({ key: `param:${name}`, label: name, kind: 'param', title: `parameter ${name}`, ref: name });
  for (const name of userAttrNames(payload)) columns.push({ key: `attr:${name}`, label: name, kind: 'attr', title: `user attribute ${name} (trial.setUserAttr)`, ref: name });
  if (payload.trials.some((trial) => (trial.note ?? '') !== '')) columns.push({ key: 'note', label: 'note', kind: 'note', title: 'note on the trial (study.setTrialNote, optuna-dashboard notes)' });
  columns.push({ key: 'duration', label: 'duration', kind: 'duration', title: 'duration of the trial' });
  return columns;
}

/** The user attribute names the trials carry, in order of first appearance. */
export function userAttrNames(payload: StudyPayload): string[] {
  const names = new Set<string>();
  for (const trial of payload.trials) for (const name of Object.keys(trial.userAttrs)) names.add(name);
  return [...names];
}

/** A user attribute as text: strings as they are, numbers like values, anything else as JSON. */
function attrText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatValue(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Ranks of the complete trials of a single-objective study by value (ties share the lowest rank). */
function studyRanks(payload: StudyPayload): Map<number, number> {
  const ranks = new Map<number, number>();
  if (payload.directions.length !== 1) {
    for (const number of payload.bestTrialNumbers) ranks.set(number, 1);
    return ranks;
  }
  const sign = payload.directions[0] === 'maximize' ? -1 : 1;
  const scored = payload.trials
    .filter((trial) => trial.state === 'COMPLETE' && trial.values !== null && trial.values[0] !== null)
    .map((trial) => ({ number: trial.number, key: sign * (trial.values as number[])[0] }))
    .sort((a, b) => a.key - b.key);
  scored.forEach((entry, index) => {
    const previous = scored[index - 1];
    ranks.set(entry.number, previous && previous.key === entry.key ? (ranks.get(previous.number) as number) : index + 1);
  });
  return ranks;
}

/** One row per trial, in trial order. */
export function leaderboardRows(payload: StudyPayload): Row[] {
  const best = new Set(payload.bestTrialNumbers);
  const search = isSearch(payload);
  const ranks = search ? null : studyRanks(payload);
  return payload.trials.map((trial: Trial) => ({
    number: trial.number,
    rank: search ? (trial.rank ?? null) : (ranks?.get(trial.number) ?? null),
    values: trial.values ?? [],
    mean: trial.meanScore ?? (search ? (trial.values?.[0] ?? null) : null),
    std: trial.stdScore ?? null,
    state: trial.state,
    params: trial.params,
    folds: trial.foldScores ?? [],
    attrs: trial.userAttrs,
    note: trial.note ?? '',
    duration: trial.durationSeconds,
    best: best.has(trial.number),
    failReason: trial.failReason,
  }));
}

/** The value a column sorts by; null sorts last in either direction. */
export function sortValue(row: Row, column: Column): number | string | null {
  switch (column.kind) {
    case 'number':
      return row.number;
    case 'rank':
      return row.rank;
    case 'value':
      return row.values[column.ref as number] ?? null;
    case 'score':
      return row.mean;
    case 'fold':
      return row.folds[column.ref as number] ?? null;
    case 'attr': {
      const value = row.attrs[column.ref as string];
      return typeof value === 'number' ? value : value === undefined || value === null ? null : attrText(value);
    }
    case 'note':
      return row.note === '' ? null : row.note;
    case 'state':
      return STATE_LABELS[row.state];
    case 'param': {
      const value = row.params[column.ref as string];
      if (value === undefined || value === null) return null;
      return typeof value === 'boolean' ? String(value) : value;
    }
    case 'duration':
      return row.duration;
  }
}

/** The text of a cell. */
export function cellText(row: Row, column: Column): string {
  switch (column.kind) {
    case 'number':
      return String(row.number);
    case 'rank':
      return row.rank === null ? '' : String(row.rank);
    case 'value':
      return row.values.length === 0 ? '' : formatValue(row.values[column.ref as number] ?? null);
    case 'score':
      if (row.mean === null && row.state !== 'COMPLETE') return '';
      return row.std === null ? formatValue(row.mean) : `${formatValue(row.mean)} ± ${formatValue(row.std)}`;
    case 'fold': {
      // A fold not run yet is blank; a fold that ran to a non-finite score reads n/a.
      const score = row.folds[column.ref as number];
      return score === undefined || (score === null && row.state !== 'COMPLETE' && row.state !== 'FAIL') ? '' : formatValue(score);
    }
    case 'attr':
      return attrText(row.attrs[column.ref as string]);
    case 'note':
      return row.note;
    case 'state':
      return STATE_LABELS[row.state];
    case 'param':
      return formatParam(row.params[column.ref as string]);
    case 'duration':
      return row.duration === null ? '' : formatSeconds(row.duration);
  }
}

function compare(a: number | string | null, b: number | string | null): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/**
 * Sorts rows by a column (stable; ties keep trial order; empty cells last whatever the direction).
 *
 * @returns a new array
 */
export function sortRows(rows: readonly Row[], columns: readonly Column[], order: SortOrder): Row[] {
  const column = columns.find((candidate) => candidate.key === order.key) ?? columns[0];
  const keyed = rows.map((row) => ({ row, value: sortValue(row, column) }));
  const sign = order.descending ? -1 : 1;
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.row.number - b.row.number;
      return a.value === null ? 1 : -1;
    }
    return sign * compare(a.value, b.value) || a.row.number - b.row.number;
  });
  return keyed.map((entry) => entry.row);
}

/** Keeps the rows whose state is one of the shown filters. */
export function filterRows(rows: readonly Row[], shown: ReadonlySet<StateFilter>): Row[] {
  return rows.filter((row) => shown.has(FILTER_OF_STATE[row.state]));
}

/** Counts the trials behind each filter. */
export function countByFilter(payload: StudyPayload): Record<StateFilter, number> {
  const counts: Record<StateFilter, number> = { complete: 0, pruned: 0, failed: 0, running: 0 };
  for (const trial of payload.trials) counts[FILTER_OF_STATE[trial.state]] += 1;
  return counts;
}

/** The default order: by rank for searches and single-objective studies, best first. */
export function defaultOrder(): SortOrder {
  return { key: 'rank', descending: false };
}

function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' && !Number.isFinite(value) ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The rows as CSV (RFC 4180), with scikit-learn's column names for searches (`mean_test_score`,
 * `std_test_score`, `split<i>_test_score`, `rank_test_score`) and Optuna's `trials_dataframe` names for
 * studies (`number`, `value` or `values_<i>`, `state`, `params_<name>`, `duration`).
 */
export function toCsv(payload: StudyPayload, rows: readonly Row[]): string {
  const names = paramNames(payload);
  const search = isSearch(payload);
  const trials = new Map(payload.trials.map((trial) => [trial.number, trial]));
  const folds = search ? Math.max(0, ...payload.trials.map((trial) => trial.foldScores?.length ?? 0)) : 0;
  const valueHeaders = search
    ? ['mean_test_score', 'std_test_score', ...Array.from({ length: folds }, (_, i) => `split${i}_test_score`), 'rank_test_score']
    : payload.valueNames.length === 1
      ? ['value', 'rank']
      : [...payload.valueNames.map((_, i) => `values_${i}`), 'rank'];
  const header = ['number', ...valueHeaders, 'state', ...names.map((name) => `params_${name}`), 'datetime_start', 'datetime_complete', 'duration', 'fail_reason'];
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    const trial = trials.get(row.number);
    const values = search
      ? [row.mean, row.std, ...Array.from({ length: folds }, (_, i) => trial?.foldScores?.[i] ?? null), row.rank]
      : [...payload.valueNames.map((_, i) => row.values[i] ?? null), row.rank];
    const fields = [
      row.number,
      ...values,
      row.state,
      ...names.map((name) => row.params[name]),
      trial?.datetimeStart ?? null,
      trial?.datetimeComplete ?? null,
      row.duration,
      row.failReason,
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
