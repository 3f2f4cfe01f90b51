/**
 * Fixed number and time formats shared by the text and HTML fallbacks, so that the same payload
 * always renders to the same characters (no locale, no clock).
 */
import type { ParamValue } from './types';

/** How a null metric (a non-finite value in the payload) is shown. */
export const MISSING = 'n/a';

/**
 * A metric value as Keras prints it: four decimals (`0.6931`); tiny non-zero values in exponent form
 * (`1.235e-5`); null (a non-finite value) as `n/a`.
 *
 * @param x - the value
 * @returns the text
 */
export function formatMetric(x: number | null | undefined): string {
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    return MISSING;
  }
  return x !== 0 && Math.abs(x) < 1e-3 ? x.toExponential(3) : x.toFixed(4);
}

/**
 * An integer with thousands separators, as Keras prints parameter counts: `133,025`.
 *
 * @param n - the count
 * @returns the text
 */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(n)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A duration: `12.3s` below a minute, `2m 05s` below an hour, `1h 02m` above; empty for null.
 *
 * @param seconds - the duration
 * @returns the text
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) {
    return '';
  }
  if (seconds < 60) {
    return `${seconds.toFixed(1)}s`;
  }
  const whole = Math.round(seconds);
  if (whole < 3600) {
    return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  }
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * A parameter value: integers in full, other numbers to four significant digits (`0.001235`,
 * `1e-7`), strings as they are, booleans and null as `true`, `false`, `null`.
 *
 * @param value - the value
 * @returns the text (not escaped)
 */
export function formatParam(value: ParamValue | undefined): string {
  if (value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Number.isInteger(value)) {
      return String(value);
    }
    return String(Number(value.toPrecision(4)));
  }
  return String(value);
}
