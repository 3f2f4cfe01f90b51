/**
 * Option checks shared by the study API: unknown keys (with a "did you mean" hint) and typed
 * values, through one lookup table of rules rather than if/else ladders. Every failure is an
 * `InvalidArgumentError` raised before any trial runs.
 */
import { InvalidArgumentError, UnknownOptionError } from '../errors';

/** A rule for one option value: a named kind, or a function that throws on a bad value. */
export type OptionRule = keyof typeof RULES | ((value: unknown, argument: string) => void);

const RULES = {
  integer: (v: unknown) => Number.isInteger(v),
  positiveInteger: (v: unknown) => Number.isInteger(v) && (v as number) >= 1,
  nonNegativeInteger: (v: unknown) => Number.isInteger(v) && (v as number) >= 0,
  positiveNumber: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0,
  nonNegativeNumber: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  boolean: (v: unknown) => typeof v === 'boolean',
  string: (v: unknown) => typeof v === 'string' && v.length > 0,
  function: (v: unknown) => typeof v === 'function',
  array: (v: unknown) => Array.isArray(v),
} as const;

const RULE_TEXT: Record<keyof typeof RULES, string> = {
  integer: 'must be an integer',
  positiveInteger: 'must be an integer >= 1',
  nonNegativeInteger: 'must be an integer >= 0',
  positiveNumber: 'must be a finite number > 0',
  nonNegativeNumber: 'must be a finite number >= 0',
  boolean: 'must be true or false',
  string: 'must be a non-empty string',
  function: 'must be a function',
  array: 'must be an array',
};

/**
 * Checks `options` against `schema`: every key must be known; every defined value must pass its rule.
 *
 * @param where - the function or class name, e.g. `TPESampler`
 * @throws UnknownOptionError for an unknown key; InvalidArgumentError for a bad value
 */
export function checkOptions(where: string, options: unknown, schema: Record<string, OptionRule>): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidArgumentError(`${where} options`, 'must be an object', options);
  }
  const allowed = Object.keys(schema);
  for (const [key, value] of Object.entries(options)) {
    const rule = schema[key];
    if (!rule) throw new UnknownOptionError(where, key, allowed);
    if (value === undefined) continue;
    if (typeof rule === 'function') rule(value, `${where}.${key}`);
    else if (!RULES[rule](value)) throw new InvalidArgumentError(`${where}.${key}`, RULE_TEXT[rule], value);
  }
}

/** What a value that is no JSON value is, for the message. */
function nonJsonKind(value: unknown, ancestors: readonly unknown[]): string | undefined {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return undefined;
  if (typeof value === 'bigint') return `a BigInt (${value}n); store it as a string or a number`;
  if (typeof value !== 'object') return `${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}, which JSON cannot hold`;
  if (ancestors.includes(value)) return 'a circular reference';
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
    return `a ${(value as object).constructor?.name ?? 'class'} instance; only plain objects and arrays are stored`;
  }
  return undefined;
}

/**
 * Checks that `value` is a JSON value (null, boolean, number, string, arrays and plain objects of
 * them): what every storage can hold and Python Optuna can read, so a user or system attribute is
 * refused when it is set rather than stored as something else.
 *
 * @throws InvalidArgumentError naming `argument` and the path of the offending part
 */
export function checkAttrValue(argument: string, value: unknown, ancestors: readonly unknown[] = []): void {
  const kind = nonJsonKind(value, ancestors);
  if (kind) throw new InvalidArgumentError(argument, `must be a JSON value (null, boolean, number, string, or arrays and plain objects of them); got ${kind}`, value);
  if (typeof value !== 'object' || value === null) return;
  const inside = [...ancestors, value];
  if (Array.isArray(value)) value.forEach((item, i) => checkAttrValue(`${argument}[${i}]`, item, inside));
  else for (const [key, item] of Object.entries(value)) checkAttrValue(`${argument}.${key}`, item, inside);
}
