/**
 * Helpers that turn runtime values into the JSON the display payloads carry. JSON has no NaN or
 * Infinity: the payloads write them as null, and these helpers do the conversion in one place.
 */
import type { MetricLogs } from './types';

/**
 * A number as the payloads carry it: itself when finite, null for NaN, ±Infinity, null or undefined.
 *
 * @param x - the value
 * @returns `x`, or null when it is not a finite number
 * @example
 * ```ts
 * toJsonNumber(0.5);  // 0.5
 * toJsonNumber(NaN);  // null
 * ```
 */
export function toJsonNumber(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/**
 * Maps {@link toJsonNumber} over a list.
 *
 * @param xs - the values
 * @returns a new array, non-finite values replaced by null
 */
export function toJsonNumbers(xs: readonly (number | null | undefined)[]): (number | null)[] {
  return xs.map(toJsonNumber);
}

/**
 * Metric logs as the payloads carry them: each value a finite number or null. Values that are not
 * numbers (tfjs hands `Logs` typed as `number | Scalar`) are converted with `Number()` first.
 *
 * @param logs - metric values by name, e.g. tfjs' `Logs` after the scalars were read
 * @returns a new object with the same keys in the same order
 */
export function toJsonLogs(logs: Readonly<Record<string, unknown>> | undefined): MetricLogs {
  const out: MetricLogs = {};
  for (const [key, value] of Object.entries(logs ?? {})) {
    out[key] = toJsonNumber(typeof value === 'number' ? value : Number(value));
  }
  return out;
}

/** A value that JSON can carry exactly. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * A deep copy of `value` that `JSON.stringify` writes without loss or surprise: non-finite numbers
 * become null, object keys holding undefined or functions are dropped (array slots become null),
 * dates become ISO strings, bigints become numbers.
 *
 * @param value - any value built from plain objects, arrays and primitives
 * @returns the JSON copy
 * @throws TypeError when `value` contains a cycle
 */
export function toJsonValue(value: unknown): JsonValue {
  return convert(value, new Set());
}

function convert(value: unknown, seen: Set<object>): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'number') {
    return toJsonNumber(value);
  }
  if (typeof value === 'bigint') {
    return toJsonNumber(Number(value));
  }
  if (typeof value !== 'object') {
    return null; // undefined, functions and symbols; dropped from objects by the caller.
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (seen.has(value)) {
    throw new TypeError('`value` must not contain cycles, got an object that contains itself');
  }
  seen.add(value);
  let out: JsonValue;
  if (Array.isArray(value)) {
    out = value.map((item: unknown) => convert(item, seen));
  } else {
    const record: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol') {
        record[key] = convert(item, seen);
      }
    }
    out = record;
  }
  seen.delete(value);
  return out;
}
