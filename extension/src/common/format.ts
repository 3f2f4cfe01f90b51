/** Number and time formatting shared by the views; null (a non-finite value in the payload) reads "n/a". */

/** Shown for null numbers. */
export const NOT_AVAILABLE = 'n/a';

/** A metric value with 4 significant digits: `0.4121`, `1.235e+5`. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NOT_AVAILABLE;
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** A duration in seconds: `0.42 s`, `41.2 s`, `3 min 05 s`, `1 h 02 min`. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return NOT_AVAILABLE;
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** A parameter value as text: strings as they are, numbers with 4 significant digits, null as "None". */
export function formatParam(value: string | number | boolean | null | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'None';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatValue(value);
  return String(value);
}

/** An integer with thousands separators: `133,025`. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
