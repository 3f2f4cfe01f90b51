/**
 * Checks shared by every public function: each throws {@link InvalidArgumentError} naming the
 * argument, the rule and the value received.
 */
import { InvalidArgumentError, UnknownOptionError, oneOf } from './errors';

/** Throws unless `value` is an integer >= 1. */
export function checkPositiveInteger(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(argument, 'must be a positive integer', value);
  }
  return value;
}

/** Throws unless `value` is a number in [0, 1). */
export function checkRate(argument: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new InvalidArgumentError(argument, 'must be a number in [0, 1)', value);
  }
  return value;
}

/** Throws unless `value` is one of `allowed`. */
export function checkChoice<T extends string>(argument: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(argument, `must be one of ${oneOf(allowed)}`, value);
  }
  return value as T;
}

/** Throws if `options` holds a key that is not in `allowed` (typos, snake_case names). */
export function checkKnownKeys(where: string, options: object, allowed: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new UnknownOptionError(where, key, allowed);
    }
  }
}

