/**
 * Parameter distributions with Optuna's semantics: `FloatDistribution`, `IntDistribution` and
 * `CategoricalDistribution`, their internal (float) representation, and their JSON form as Optuna
 * writes it (`distribution_to_json`), so that a journal file is read back by Python unchanged.
 *
 * Optuna note: Optuna silently lowers `high` to the last multiple of `step` when `step` does not
 * divide the range (with a warning); rnnlab raises an `InvalidArgumentError` instead, before any
 * trial runs. Distributions read from a storage are taken as they are.
 */
import { InvalidArgumentError } from '../errors';

/** A parameter value: number, string, boolean or null (Python `None`). */
export type ParamValue = number | string | boolean | null;

/** A float parameter in [low, high], optionally on a log scale or on a grid of `step`. */
export interface FloatDistribution {
  readonly type: 'float';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  /** Grid step; null for a continuous parameter. */
  readonly step: number | null;
}

/** An integer parameter in [low, high] on a grid of `step` (1 when `log`). */
export interface IntDistribution {
  readonly type: 'int';
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  readonly step: number;
}

/** A parameter that takes one of `choices`. */
export interface CategoricalDistribution {
  readonly type: 'categorical';
  readonly choices: readonly ParamValue[];
}

/** Any distribution, told apart by `type`. */
export type Distribution = FloatDistribution | IntDistribution | CategoricalDistribution;

/** Relative tolerance for "step divides the range". */
const STEP_TOLERANCE = 1e-8;

function finite(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidArgumentError(argument, 'must be a finite number', value);
  }
  return value;
}

/**
 * Builds and checks a float distribution.
 *
 * @throws InvalidArgumentError when `low > high`, `log` with `low <= 0`, `step <= 0`, `step` with
 *   `log`, or a `step` that does not divide `high - low`
 */
export function floatDistribution(name: string, low: number, high: number, options: { log?: boolean; step?: number | null } = {}): FloatDistribution {
  finite(`${name}.low`, low);
  finite(`${name}.high`, high);
  const log = options.log ?? false;
  const step = options.step ?? null;
  if (low > high) {
    throw new InvalidArgumentError(`${name}.low`, `must be <= high (${high})`, low, 'Swap low and high');
  }
  if (log && low <= 0) {
    throw new InvalidArgumentError(`${name}.low`, 'must be > 0 when log is true', low);
  }
  if (step !== null) {
    finite(`${name}.step`, step);
    if (step <= 0) throw new InvalidArgumentError(`${name}.step`, 'must be > 0', step);
    if (log) throw new InvalidArgumentError(`${name}.step`, 'cannot be combined with log: true', step, 'Drop step or log');
    const k = (high - low) / step;
    if (Math.abs(k - Math.round(k)) > STEP_TOLERANCE * Math.max(1, Math.abs(k))) {
      throw new InvalidArgumentError(`${name}.step`, `must divide high - low (${high - low})`, step, `Use a high of ${low + Math.floor(k) * step}`);
    }
  }
  return { type: 'float', low, high, log, step };
}

/**
 * Builds and checks an integer distribution.
 *
 * @throws InvalidArgumentError when a bound is not an integer, `low > high`, `log` with `low < 1`,
 *   `step` not a positive integer, `step != 1` with `log`, or a `step` that does not divide the range
 */
export function intDistribution(name: string, low: number, high: number, options: { log?: boolean; step?: number } = {}): IntDistribution {
  if (!Number.isInteger(low)) throw new InvalidArgumentError(`${name}.low`, 'must be an integer', low);
  if (!Number.isInteger(high)) throw new InvalidArgumentError(`${name}.high`, 'must be an integer', high);
  const log = options.log ?? false;
  const step = options.step ?? 1;
  if (low > high) {
    throw new InvalidArgumentError(`${name}.low`, `must be <= high (${high})`, low, 'Swap low and high');
  }
  if (log && low < 1) throw new InvalidArgumentError(`${name}.low`, 'must be >= 1 when log is true', low);
  if (!Number.isInteger(step) || step < 1) throw new InvalidArgumentError(`${name}.step`, 'must be a positive integer', step);
  if (log && step !== 1) throw new InvalidArgumentError(`${name}.step`, 'must be 1 when log is true', step);
  if ((high - low) % step !== 0) {
    throw new InvalidArgumentError(`${name}.step`, `must divide high - low (${high - low})`, step, `Use a high of ${low + Math.floor((high - low) / step) * step}`);
  }
  return { type: 'int', low, high, log, step };
}

/**
 * Builds and checks a categorical distribution.
 *
 * @throws InvalidArgumentError when `choices` is not a non-empty array of numbers, strings, booleans or null
 */
export function categoricalDistribution(name: string, choices: readonly ParamValue[]): CategoricalDistribution {
  if (!Array.isArray(choices) || choices.length === 0) {
    throw new InvalidArgumentError(`${name}.choices`, 'must be a non-empty array', choices);
  }
  for (const [i, choice] of choices.entries()) {
    if (choice !== null && !['number', 'string', 'boolean'].includes(typeof choice)) {
      throw new InvalidArgumentError(`${name}.choices[${i}]`, 'must be a number, string, boolean or null', choice);
    }
  }
  return { type: 'categorical', choices: [...choices] };
}

function sameChoice(a: ParamValue, b: ParamValue): boolean {
  return a === b || (typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b));
}

/** Whether two distributions are equal, field by field. */
export function distributionsEqual(a: Distribution, b: Distribution): boolean {
  if (a.type === 'categorical' || b.type === 'categorical') {
    if (a.type !== 'categorical' || b.type !== 'categorical') return false;
    return a.choices.length === b.choices.length && a.choices.every((c, i) => sameChoice(c, b.choices[i]));
  }
  return a.type === b.type && a.low === b.low && a.high === b.high && a.log === b.log && a.step === b.step;
}

/**
 * Optuna's rule for one parameter name seen twice in a study: same kind, same `log`, and for a
 * categorical the same choices. Returns the reason when they are incompatible, otherwise null.
 */
export function incompatibility(previous: Distribution, next: Distribution): string | null {
  if (previous.type !== next.type) return `was a ${previous.type} parameter before, now ${next.type}`;
  if (previous.type !== 'categorical' && next.type !== 'categorical' && previous.log !== next.log) {
    return `had log: ${previous.log} before, now log: ${next.log}`;
  }
  if (previous.type === 'categorical' && !distributionsEqual(previous, next)) {
    return `had choices ${JSON.stringify(previous.choices)} before, now ${JSON.stringify((next as CategoricalDistribution).choices)}`;
  }
  return null;
}

/** Whether the distribution has exactly one value (Optuna's `single()`). */
export function isSingle(d: Distribution): boolean {
  if (d.type === 'categorical') return d.choices.length === 1;
  if (d.low === d.high) return true;
  if (d.step === null) return false;
  return d.high - d.low < d.step * (1 - 1e-12);
}

/** A value in its internal float form: the value itself, or the index of a categorical choice. */
export function toInternal(d: Distribution, value: ParamValue): number {
  if (d.type === 'categorical') {
    const index = d.choices.findIndex((c) => sameChoice(c, value));
    if (index < 0) throw new InvalidArgumentError('value', `must be one of ${JSON.stringify(d.choices)}`, value);
    return index;
  }
  if (typeof value !== 'number') throw new InvalidArgumentError('value', `must be a number for a ${d.type} parameter`, value);
  return value;
}

/** A value back from its internal float form. */
export function toExternal(d: Distribution, internal: number): ParamValue {
  if (d.type === 'categorical') return d.choices[Math.trunc(internal)];
  if (d.type === 'int') return Math.trunc(internal);
  return internal;
}

/** Whether an external value lies in the distribution (on its grid where it has one). */
export function contains(d: Distribution, value: ParamValue): boolean {
  if (d.type === 'categorical') return d.choices.some((c) => sameChoice(c, value));
  if (typeof value !== 'number' || Number.isNaN(value)) return false;
  if (value < d.low || value > d.high) return false;
  if (d.step === null) return true;
  const k = (value - d.low) / d.step;
  return Math.abs(k - Math.round(k)) < 1e-8;
}

// ---- Optuna's JSON form -------------------------------------------------------------------

/** A float in the JSON that Optuna writes (Python `repr`), e.g. `0.0`, `1e-05`. */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** The attributes of the Optuna JSON, in Optuna's key order, ready for the Python-style writer. */
export function distributionJsonObject(d: Distribution): Record<string, unknown> {
  if (d.type === 'float') {
    return { name: 'FloatDistribution', attributes: { step: d.step === null ? null : new PyFloat(d.step), low: new PyFloat(d.low), high: new PyFloat(d.high), log: d.log } };
  }
  if (d.type === 'int') {
    return { name: 'IntDistribution', attributes: { log: d.log, step: d.step, low: d.low, high: d.high } };
  }
  return { name: 'CategoricalDistribution', attributes: { choices: d.choices } };
}

/**
 * Reads a distribution from Optuna's JSON object (`{ name, attributes }`, including the deprecated
 * `UniformDistribution`, `LogUniformDistribution`, `DiscreteUniformDistribution`,
 * `IntUniformDistribution`, `IntLogUniformDistribution`) or from the short form (`{ type, low, … }`).
 */
export function distributionFromJson(json: Record<string, unknown>): Distribution {
  const num = (v: unknown): number => Number(v);
  if (typeof json.name === 'string') {
    const a = (json.attributes ?? {}) as Record<string, unknown>;
    const readers: Record<string, () => Distribution> = {
      FloatDistribution: () => ({ type: 'float', low: num(a.low), high: num(a.high), log: Boolean(a.log), step: a.step === null || a.step === undefined ? null : num(a.step) }),
      UniformDistribution: () => ({ type: 'float', low: num(a.low), high: num(a.high), log: false, step: null }),
      LogUniformDistribution: () => ({ type: 'float', low: num(a.low), high: num(a.high), log: true, step: null }),
      DiscreteUniformDistribution: () => ({ type: 'float', low: num(a.low), high: num(a.high), log: false, step: num(a.q) }),
      IntDistribution: () => ({ type: 'int', low: num(a.low), high: num(a.high), log: Boolean(a.log), step: a.step === undefined ? 1 : num(a.step) }),
      IntUniformDistribution: () => ({ type: 'int', low: num(a.low), high: num(a.high), log: false, step: a.step === undefined ? 1 : num(a.step) }),
      IntLogUniformDistribution: () => ({ type: 'int', low: num(a.low), high: num(a.high), log: true, step: 1 }),
      CategoricalDistribution: () => ({ type: 'categorical', choices: [...((a.choices ?? []) as ParamValue[])] }),
    };
    const reader = readers[json.name];
    if (!reader) throw new Error(`unknown distribution class '${json.name}' in the storage`);
    return reader();
  }
  if (json.type === 'categorical') return { type: 'categorical', choices: [...((json.choices ?? []) as ParamValue[])] };
  if (json.type === 'float') {
    return { type: 'float', low: num(json.low), high: num(json.high), log: Boolean(json.log), step: json.step === undefined || json.step === null ? null : num(json.step) };
  }
  if (json.type === 'int') {
    return { type: 'int', low: num(json.low), high: num(json.high), log: Boolean(json.log), step: json.step === undefined || json.step === null ? 1 : num(json.step) };
  }
  throw new Error(`unknown distribution ${JSON.stringify(json)} in the storage`);
}
