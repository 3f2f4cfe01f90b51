/**
 * How Optuna's RDB storage writes values: infinities (and NaN intermediate values) as a NULL value
 * plus a `value_type` enum, times as naive UTC (`2025-01-01 00:00:00.000000`), attributes and
 * distributions as Python `json.dumps` text, directions and states by their enum names.
 */
import type { AttrValue, StudyDirection } from '../../frozen-trial';
import { pythonJsonDumps, pythonJsonLoads } from '../python-json';
import type { SqlValue } from './dialect';

/** `trial_values.value_type` (`TrialValueModel.TrialValueType`). */
export type ValueType = 'FINITE' | 'INF_POS' | 'INF_NEG';
/** `trial_intermediate_values.intermediate_value_type`. */
export type IntermediateValueType = ValueType | 'NAN';

/** Optuna's `value_to_stored_repr`. */
export function encodeValue(value: number): [number | null, ValueType] {
  if (value === Infinity) return [null, 'INF_POS'];
  if (value === -Infinity) return [null, 'INF_NEG'];
  return [value, 'FINITE'];
}

/** Optuna's `intermediate_value_to_stored_repr`. */
export function encodeIntermediateValue(value: number): [number | null, IntermediateValueType] {
  return Number.isNaN(value) ? [null, 'NAN'] : encodeValue(value);
}

const DECODED: Readonly<Record<IntermediateValueType, number | undefined>> = { INF_POS: Infinity, INF_NEG: -Infinity, NAN: NaN, FINITE: undefined };

/** The value a stored pair stands for (a NULL finite value, which SQLite makes of NaN, reads as NaN). */
export function decodeValue(value: unknown, type: unknown): number {
  const special = DECODED[String(type) as IntermediateValueType];
  if (special !== undefined) return special;
  return value === null || value === undefined ? NaN : Number(value);
}

/** A time as SQLAlchemy writes a naive UTC `DateTime`, or null. */
export function sqlDatetime(date: Date | null | undefined): string | null {
  if (!date) return null;
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 23)}000`;
}

/** Reads a naive UTC time (`YYYY-MM-DD HH:MM:SS[.ffffff]`, or a `T` separator), or null. */
export function parseSqlDatetime(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?/.exec(String(value));
  if (!m) return new Date(String(value));
  const ms = m[3] ? `.${m[3].padEnd(3, '0').slice(0, 3)}` : '';
  return new Date(`${m[1]}T${m[2]}${ms}Z`);
}

/** `study_directions.direction` of a direction. */
export function directionName(direction: StudyDirection): string {
  return direction.toUpperCase();
}

/** The direction of a stored name (`NOT_SET` reads as minimize). */
export function directionOf(name: unknown): StudyDirection {
  return name === 'MAXIMIZE' ? 'maximize' : 'minimize';
}

/** An attribute value as Python's `json.dumps` writes it. */
export function attrJson(value: unknown): SqlValue {
  return pythonJsonDumps(value, false);
}

/** Reads an attribute written by `json.dumps` (NaN and Infinity included). */
export function parseAttrJson(text: unknown): AttrValue {
  return pythonJsonLoads(String(text)) as AttrValue;
}
