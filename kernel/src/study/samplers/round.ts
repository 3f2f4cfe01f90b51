/** Rounding as NumPy does it (`np.round`: halves to even), so grids snap as in Optuna. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The largest double below `x` (`np.nextafter(x, x - 1)`). */
export function nextBelow(x: number): number {
  if (x === 0) return -Number.MIN_VALUE;
  const buffer = new Float64Array([x]);
  const bits = new BigInt64Array(buffer.buffer);
  bits[0] += x > 0 ? -1n : 1n;
  return buffer[0];
}

/** `x` clipped to [low, high]. */
export function clip(x: number, low: number, high: number): number {
  return Math.min(Math.max(x, low), high);
}
