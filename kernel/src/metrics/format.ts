/** Python's fixed-point formatting (`'{:.2f}'`): round half to even on the exact binary value, unlike toFixed. */

/** `x` with `digits` decimals, as Python's `format(x, f'.{digits}f')`. */
export function pythonFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const exact = Math.abs(x).toFixed(100);
  const point = exact.indexOf('.');
  const tail = exact.slice(point + 1 + digits);
  const isTie = /^50*$/.test(tail);
  if (isTie) {
    // toFixed rounds ties away from zero; Python keeps an even last digit.
    const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
    const last = Number(truncated[truncated.length - 1]);
    if (last % 2 === 0) return `${x < 0 ? '-' : ''}${truncated}`;
  }
  return x.toFixed(digits);
}
