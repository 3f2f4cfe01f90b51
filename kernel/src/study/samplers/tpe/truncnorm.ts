/**
 * The standard normal and truncated normal functions TPE needs, in plain double precision:
 * `erf`/`erfc`, `logNdtr`, the log of the Gaussian mass of an interval, the inverse of `logNdtr` by
 * Newton's method, and the truncated normal's quantile (`ppf`) and log density. The same numerical
 * strategy as Optuna's `_truncnorm` (work with logs of tail masses, flip signs so the tail is on the
 * left), written from the formulas.
 */

const SQRT2 = Math.SQRT2;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
/** log(sqrt(2π)), the log of the normal density's constant. */
export const NORM_LOG_C = 0.5 * Math.log(2 * Math.PI);

/** erf(x) for |x| <= 2.5 by the series e^{-x²}·Σ (2x²)^n·x / (1·3·…·(2n+1)), all terms positive. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x > 2.5 by the continued fraction e^{-x²}/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))), Lentz's method. */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** The complementary error function. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 2.5) return erfcFraction(x);
  if (x < -2.5) return 2 - erfcFraction(-x);
  return 1 - erfSeries(x);
}

/** The error function. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) <= 2.5) return erfSeries(x);
  return x > 0 ? 1 - erfcFraction(x) : erfcFraction(-x) - 1;
}

/** The standard normal CDF Φ(a). */
export function ndtr(a: number): number {
  const x = a / SQRT2;
  return x < -1 / SQRT2 ? 0.5 * erfc(-x) : x < 1 / SQRT2 ? 0.5 + 0.5 * erf(x) : 1 - 0.5 * erfc(x);
}

/** log Φ(a), accurate in both tails (an asymptotic series below a = -20). */
export function logNdtr(a: number): number {
  if (a > 6) return -ndtr(-a);
  if (a > -20) return Math.log(ndtr(a));
  const logLhs = -0.5 * a * a - Math.log(-a) - NORM_LOG_C;
  let last = 0;
  let rhs = 1;
  let numerator = 1;
  let denomFactor = 1;
  const denomCons = 1 / (a * a);
  let sign = 1;
  for (let i = 1; Math.abs(last - rhs) > Number.EPSILON && i < 100; i++) {
    last = rhs;
    sign = -sign;
    denomFactor *= denomCons;
    numerator *= 2 * i - 1;
    rhs += sign * numerator * denomFactor;
  }
  return logLhs + Math.log(rhs);
}

/** log(e^x - e^y) for x >= y. */
function logDiff(x: number, y: number): number {
  return x + Math.log1p(-Math.exp(y - x));
}

/** log(e^x + e^y). */
function logSum(x: number, y: number): number {
  const hi = Math.max(x, y);
  if (hi === -Infinity) return -Infinity;
  return hi + Math.log1p(Math.exp(Math.min(x, y) - hi));
}

/** log(Φ(b) - Φ(a)): the log Gaussian mass of [a, b]. */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) return logDiff(logNdtr(b), logNdtr(a));
  if (a > 0) return logDiff(logNdtr(-a), logNdtr(-b));
  return Math.log1p(-ndtr(a) - ndtr(-b));
}

/** x with log Φ(x) = y (y <= 0), by Newton's method from a tail or logistic first guess. */
export function ndtriExp(y: number): number {
  const flipped = y > -1e-2;
  const z = flipped ? Math.log(-Math.expm1(y)) : y;
  let x = z < -5 ? -Math.sqrt(-2 * (z + NORM_LOG_C)) : -(Math.sqrt(3) / Math.PI) * Math.log(Math.expm1(-z));
  for (let i = 0; i < 100; i++) {
    const logNdtrX = logNdtr(x);
    const logPdfX = -0.5 * x * x - NORM_LOG_C;
    const dx = (logNdtrX - z) * Math.exp(logNdtrX - logPdfX);
    x -= dx;
    if (Math.abs(dx) < 1e-8 * Math.abs(x)) break;
  }
  return flipped ? -x : x;
}

/** The q-quantile of the standard normal truncated to [a, b]. */
export function truncnormPpf(q: number, a: number, b: number): number {
  if (a === b) return NaN;
  if (q === 0) return a;
  if (q === 1) return b;
  const logMass = logGaussMass(a, b);
  if (a < 0) return ndtriExp(logSum(logNdtr(a), Math.log(q) + logMass));
  return -ndtriExp(logSum(logNdtr(-b), Math.log1p(-q) + logMass));
}

/** A draw from N(loc, scale²) truncated to [loc + a·scale, loc + b·scale], from one uniform `u`. */
export function truncnormFromUniform(u: number, a: number, b: number, loc: number, scale: number): number {
  return truncnormPpf(u, a, b) * scale + loc;
}

/** The log density at x of N(loc, scale²) truncated to the standardised interval [a, b]. */
export function truncnormLogPdf(x: number, a: number, b: number, loc: number, scale: number): number {
  if (a === b) return NaN;
  const z = (x - loc) / scale;
  if (z < a || z > b) return -Infinity;
  return -0.5 * z * z - NORM_LOG_C - logGaussMass(a, b) - Math.log(scale);
}
