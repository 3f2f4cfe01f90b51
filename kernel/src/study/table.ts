/** `study.trialsTable()`: one row per trial with the columns of Optuna's `trials_dataframe()`. */
import type { ParamValue } from './distributions';
import type { AttrValue, FrozenTrial, StudyDirection } from './frozen-trial';

/** One row: column name → cell. Dates are `Date` objects, `duration` is in seconds. */
export type TrialsTableRow = Record<string, number | string | boolean | Date | null | AttrValue | ParamValue>;

/**
 * The rows of `trials_dataframe()`: `number`, `value` (or `values_0`, `values_1`, …), `datetime_start`,
 * `datetime_complete`, `duration`, `params_<name>`, `user_attrs_<key>`, `system_attrs_<key>`, `state`,
 * each group of columns sorted by name as pandas shows them. A missing cell is null.
 *
 * Optuna note: `duration` is a number of seconds, where pandas shows a `Timedelta`.
 */
export function trialsTable(trials: readonly FrozenTrial[], directions: readonly StudyDirection[]): TrialsTableRow[] {
  const group = (pick: (t: FrozenTrial) => Record<string, unknown>) => [...new Set(trials.flatMap((t) => Object.keys(pick(t))))].sort();
  const params = group((t) => t.params);
  const user = group((t) => t.userAttrs);
  const system = group((t) => t.systemAttrs);
  return trials.map((t) => {
    const row: TrialsTableRow = { number: t.number };
    if (directions.length === 1) row.value = t.values ? t.values[0] : null;
    else directions.forEach((_d, i) => (row[`values_${i}`] = t.values ? t.values[i] : null));
    row.datetime_start = t.datetimeStart;
    row.datetime_complete = t.datetimeComplete;
    row.duration = t.datetimeStart && t.datetimeComplete ? (t.datetimeComplete.getTime() - t.datetimeStart.getTime()) / 1000 : null;
    for (const p of params) row[`params_${p}`] = p in t.params ? t.params[p] : null;
    for (const k of user) row[`user_attrs_${k}`] = k in t.userAttrs ? t.userAttrs[k] : null;
    for (const k of system) row[`system_attrs_${k}`] = k in t.systemAttrs ? t.systemAttrs[k] : null;
    row.state = t.state;
    return row;
  });
}
