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
