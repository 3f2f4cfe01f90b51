/**
 * The training view's chart as data: one subplot per metric (loss first), the training curve solid and
 * the validation curve dashed, epoch (counted from 1, as Keras prints it) on x. Pure: no DOM, no plotly.
 */
import type { TrainingPayload } from '../payload';
import { integerAxis, isLossLike } from '../plot/axis';
import { baseLayout } from '../plot/theme';
import type { AxisLayout, Figure, PlotTrace, ScatterTrace, ThemeColors } from '../plot/types';

/** Options of {@link trainingFigure}. */
export interface TrainingFigureOptions {
  /** Log-scale y axes on the loss-like subplots (losses and errors, not accuracies). */
  logScale: boolean;
  /** Subplots per row (1 on narrow outputs). */
  columns: number;
  colors: ThemeColors;
}

const SUBPLOT_HEIGHT = 230;

/** Whether two metrics logged the same value at every epoch (a regression's `mse` metric and its mse loss). */
function sameCurve(payload: TrainingPayload, a: string, b: string): boolean {
  return (
    payload.epochs.length > 0 &&
    payload.epochs.every((record) => record.logs[a] === record.logs[b] && record.logs[`val_${a}`] === record.logs[`val_${b}`])
  );
}

/**
 * The metrics to plot, in the payload's order (the keys seen in the logs when it lists none), less
 * any metric that only repeats the loss (`mse` compiled with an mse loss).
 */
export function plottedMetrics(payload: TrainingPayload): string[] {
  let metrics = payload.metrics;
  if (metrics.length === 0) {
    const seen = new Set<string>();
    for (const record of payload.epochs) for (const key of Object.keys(record.logs)) if (!key.startsWith('val_')) seen.add(key);
    metrics = [...seen];
  }
  return metrics.filter((key) => key === 'loss' || !metrics.includes('loss') || !sameCurve(payload, key, 'loss'));
}

function axisSuffix(index: number): string {
  return index === 0 ? '' : String(index + 1);
}

function epochCurve(payload: TrainingPayload, key: string, index: number, validation: boolean, colors: ThemeColors): ScatterTrace {
  const suffix = axisSuffix(index);
  const label = validation ? 'validation' : 'train';
  return {
    type: 'scatter',
    name: label,
    legendgroup: label,
    showlegend: index === 0,
    mode: payload.epochs.length > 1 ? 'lines+markers' : 'markers',
    x: payload.epochs.map((record) => record.epoch + 1),
    y: payload.epochs.map((record) => record.logs[key] ?? null),
    customdata: payload.epochs.map((record) => record.seconds),
    hovertemplate: `epoch %{x}<br>${key} = %{y:.4g}<br>%{customdata:.2f} s<extra>${label}</extra>`,
    xaxis: `x${suffix}`,
    yaxis: `y${suffix}`,
    connectgaps: false,
    line: { color: validation ? colors.second : colors.accent, width: 2, dash: validation ? 'dash' : 'solid' },
    marker: { size: 5, color: validation ? colors.second : colors.accent },
  };
}

/** Per-batch values at fractional epochs: batch b of n in epoch e sits at e + (b + 1) / n. */
function batchCurve(payload: TrainingPayload, key: string, index: number, colors: ThemeColors): ScatterTrace | null {
  const batches = payload.batches ?? [];
  if (batches.length === 0) return null;
  const perEpoch = new Map<number, number>();
  for (const record of batches) perEpoch.set(record.epoch, Math.max(perEpoch.get(record.epoch) ?? 0, record.batch + 1));
  const suffix = axisSuffix(index);
  return {
    type: 'scatter',
    name: 'train (batches)',
    legendgroup: 'batches',
    showlegend: index === 0,
    mode: 'lines',
    x: batches.map((record) => record.epoch + (record.batch + 1) / (perEpoch.get(record.epoch) ?? 1)),
    y: batches.map((record) => record.logs[key] ?? null),
    hovertemplate: `epoch %{x:.2f}<br>${key} = %{y:.4g}<extra>batch</extra>`,
    xaxis: `x${suffix}`,
    yaxis: `y${suffix}`,
    opacity: 0.45,
    line: { color: colors.muted, width: 1 },
  };
}

/** The monitored curve's value at the best epoch, starred, on the subplot that plots the monitor. */
function bestPoint(payload: TrainingPayload, key: string, index: number, colors: ThemeColors): ScatterTrace | null {
  const record = payload.callbacks;
  if (!record || record.bestEpoch === null || (record.monitor !== key && record.monitor !== `val_${key}`)) return null;
  const best = payload.epochs.find((epoch) => epoch.epoch === record.bestEpoch);
  if (!best) return null;
  const suffix = axisSuffix(index);
  return {
    type: 'scatter',
    name: 'best epoch',
    legendgroup: 'best',
    showlegend: true,
    mode: 'markers',
    x: [best.epoch + 1],
    y: [best.logs[record.monitor] ?? null],
    hovertemplate: `best epoch %{x}<br>${record.monitor} = %{y:.4g}<extra></extra>`,
    xaxis: `x${suffix}`,
    yaxis: `y${suffix}`,
    marker: { size: 12, color: colors.success, symbol: 'star' },
  };
}

/**
 * Builds the figure of a training run.
 *
 * @param payload - a valid `training.v1` payload
 * @param options - log scale, columns and theme colours
 * @returns the traces and layout; `uirevision` keeps the user's zoom across live updates
 */
export function trainingFigure(payload: TrainingPayload, options: TrainingFigureOptions): Figure {
  const metrics = plottedMetrics(payload);
  const columns = Math.max(1, Math.min(options.columns, metrics.length));
  const rows = Math.max(1, Math.ceil(metrics.length / columns));
  const { colors } = options;
  const traces: PlotTrace[] = [];
  const layout = baseLayout(colors, `${payload.id}:${options.logScale ? 'log' : 'linear'}`, rows * SUBPLOT_HEIGHT + 40);
  layout.grid = { rows, columns, pattern: 'independent', xgap: 0.12, ygap: 0.3 };
  layout.margin = { l: 56, r: 16, t: 28, b: 40 };
  const hasValidation = payload.epochs.some((record) => metrics.some((key) => `val_${key}` in record.logs));
  metrics.forEach((key, index) => {
    const batchTrace = batchCurve(payload, key, index, colors);
    if (batchTrace) traces.push(batchTrace);
    traces.push(epochCurve(payload, key, index, false, colors));
    if (hasValidation) traces.push(epochCurve(payload, `val_${key}`, index, true, colors));
    const star = bestPoint(payload, key, index, colors);
    if (star) traces.push(star);
    const suffix = axisSuffix(index);
    const bestEpoch = payload.callbacks?.bestEpoch ?? null;
    if (bestEpoch !== null) {
      // A dotted line at the best epoch across the whole subplot, labelled at its top.
      const xref = `x${suffix}`;
      const yref = `y${suffix} domain`;
      (layout.shapes ??= []).push({ type: 'line', x0: bestEpoch + 1, x1: bestEpoch + 1, y0: 0, y1: 1, xref, yref, line: { color: colors.success, width: 1, dash: 'dot' } });
      (layout.annotations ??= []).push({ text: 'best', x: bestEpoch + 1, y: 1, xref, yref, showarrow: false, xanchor: 'left', yanchor: 'top', font: { size: 10, color: colors.success } });
    }
    const xaxis: AxisLayout = {
      title: { text: 'epoch' },
      gridcolor: colors.grid,
      zerolinecolor: colors.grid,
      automargin: true,
      ...integerAxis(payload.epochs.map((record) => record.epoch + 1)),
    };
    const yaxis: AxisLayout = {
      title: { text: key },
      // A log scale suits losses and errors; accuracies stay linear.
      type: options.logScale && isLossLike(key) ? 'log' : 'linear',
      gridcolor: colors.grid,
      zerolinecolor: colors.grid,
      automargin: true,
    };
    layout[`xaxis${suffix}`] = xaxis;
    layout[`yaxis${suffix}`] = yaxis;
  });
  return { traces, layout };
}
