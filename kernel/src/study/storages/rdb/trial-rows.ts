/**
 * Reading trials: one query per table for all the trials a condition selects (so a study of any
 * size costs six queries), assembled into {@link FrozenTrial}s.
 */
import { distributionFromJson, toExternal, type Distribution, type ParamValue } from '../../distributions';
import type { AttrValue, FrozenTrial, TrialState } from '../../frozen-trial';
import { pythonJsonLoads } from '../python-json';
import { decodeValue, parseAttrJson, parseSqlDatetime } from './codec';
import type { SqlRow, SqlSession, SqlValue } from './dialect';

interface Parts {
  values: [number, number][];
  params: Record<string, ParamValue>;
  distributions: Record<string, Distribution>;
  userAttrs: Record<string, AttrValue>;
  systemAttrs: Record<string, AttrValue>;
  intermediate: [number, number][];
}

/**
 * The trials matching `where` (a condition on `trials` aliased `t`), in order of number.
 *
 * @param where - e.g. `t.study_id = ?`
 */
export async function loadTrials(db: SqlSession, where: string, params: readonly SqlValue[]): Promise<FrozenTrial[]> {
  const children = (table: string, order: string): Promise<SqlRow[]> =>
    db.query(`SELECT c.* FROM ${table} c JOIN trials t ON c.trial_id = t.trial_id WHERE ${where} ORDER BY c.${order}`, params);
  const rows = await db.query(`SELECT t.trial_id, t.number, t.state, t.datetime_start, t.datetime_complete FROM trials t WHERE ${where} ORDER BY t.number, t.trial_id`, params);
  const [values, trialParams, userAttrs, systemAttrs, intermediate] = await Promise.all([
    children('trial_values', 'objective'),
    children('trial_params', 'param_id'),
    children('trial_user_attributes', 'trial_user_attribute_id'),
    children('trial_system_attributes', 'trial_system_attribute_id'),
    children('trial_intermediate_values', 'step'),
  ]);
  const parts = new Map<number, Parts>();
  for (const row of rows) parts.set(Number(row.trial_id), { values: [], params: {}, distributions: {}, userAttrs: {}, systemAttrs: {}, intermediate: [] });
  const of = (row: SqlRow): Parts | undefined => parts.get(Number(row.trial_id));
  for (const row of values) of(row)?.values.push([Number(row.objective), decodeValue(row.value, row.value_type)]);
  for (const row of trialParams) {
    const p = of(row);
    if (!p) continue;
    const name = String(row.param_name);
    const distribution = distributionFromJson(pythonJsonLoads(String(row.distribution_json)) as Record<string, unknown>);
    p.distributions[name] = distribution;
    p.params[name] = toExternal(distribution, Number(row.param_value));
  }
  for (const row of userAttrs) {
    const p = of(row);
    if (p) p.userAttrs[String(row.key)] = parseAttrJson(row.value_json);
  }
  for (const row of systemAttrs) {
    const p = of(row);
    if (p) p.systemAttrs[String(row.key)] = parseAttrJson(row.value_json);
  }
  for (const row of intermediate) of(row)?.intermediate.push([Number(row.step), decodeValue(row.intermediate_value, row.intermediate_value_type)]);
  return rows.map((row) => {
    const p = parts.get(Number(row.trial_id))!;
    return {
      trialId: Number(row.trial_id),
      number: Number(row.number),
      state: String(row.state) as TrialState,
      values: p.values.length ? p.values.sort((a, b) => a[0] - b[0]).map(([, v]) => v) : null,
      datetimeStart: parseSqlDatetime(row.datetime_start),
      datetimeComplete: parseSqlDatetime(row.datetime_complete),
      params: p.params,
      distributions: p.distributions,
      userAttrs: p.userAttrs,
      systemAttrs: p.systemAttrs,
      intermediateValues: new Map(p.intermediate.sort((a, b) => a[0] - b[0])),
    };
  });
}
