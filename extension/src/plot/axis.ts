/** Axis settings shared by the figure builders. Pure. */
import type { AxisLayout } from './types';

/** Widest span of whole numbers that gets a tick at every integer. */
const EVERY_INTEGER = 10;

/**
 * Ticks at whole numbers only, for axes of epochs, trial numbers or steps: a tick at every integer on
 * short spans (plotly would put ticks at 0.5 steps there), and a span of one around a single value
 * (plotly would centre it on −1…1).
 *
 * @param values - the values on the axis
 * @returns the axis fields to merge into an axis layout
 */
export function integerAxis(values: readonly (number | null)[]): Partial<AxisLayout> {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return {};
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  if (high - low > EVERY_INTEGER) return { tickformat: 'd' };
  const fields: Partial<AxisLayout> = { dtick: 1, tick0: Math.floor(low), tickformat: 'd' };
  if (high === low) fields.range = [low - 0.5, high + 0.5];
  return fields;
}

const LOSS_LIKE = /(^|_)(loss|error|mse|mae|mape|msle|crossentropy|ce|hinge|poisson|kld|kl_divergence|logcosh|rmse)($|_)/;

/**
 * Whether a metric is a loss or an error (lower is better, spanning orders of magnitude): the only
 * curves a log scale applies to.
 *
 * @param name - metric name, with or without `val_`
 * @returns true for losses and errors
 */
export function isLossLike(name: string): boolean {
  return LOSS_LIKE.test(name.replace(/^val_/, '').toLowerCase());
}
