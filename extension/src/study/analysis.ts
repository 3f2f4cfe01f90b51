/**
 * The study view's analysis plots as data, after optuna-dashboard's: slice (objective against each
 * parameter), contour and rank (two chosen parameters), EDF (empirical distribution of the objective)
 * and timeline (each trial's run time, which shows how `nJobs` trials overlap). Pure: no DOM, no plotly.
 */
import { formatParam } from '../common';
import type { ParamValue, StudyPayload, Trial } from '../payload';
import { integerAxis } from '../plot/axis';
import { baseLayout, emptyFigure, hideLegend } from '../plot/theme';
import type { AxisLayout, BarTrace, Datum, Figure, PlotTrace, ThemeColors } from '../plot/types';
import { isSearch, paramNames } from './leaderboard';

/** Options of the analysis plots. */
export interface AnalysisOptions {
  colors: ThemeColors;
  /** The trial to mark, or null. */
  highlight: number | null;
  /** The contour and rank plots' parameters; the first two when null or unknown. */
  pair?: readonly [string, string] | null;
}

const SUBPLOT_HEIGHT = 220;
const GRID_POINTS = 25;

/** The objective a plot shows: a search's mean score, else the first value. */
export function objectiveOf(payload: StudyPayload, trial: Trial): number | null {
  const value = isSearch(payload) ? (trial.meanScore ?? trial.values?.[0]) : trial.values?.[0];
  return trial.state === 'COMPLETE' && typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function scored(payload: StudyPayload, trials: readonly Trial[]): { trial: Trial; value: number }[] {
  return trials.flatMap((trial) => {
    const value = objectiveOf(payload, trial);
    return value === null ? [] : [{ trial, value }];
  });
}

/** How a parameter sits on an axis: numbers (on a log axis when sampled so) or categories by index. */
interface ParamAxis {
  numeric: boolean;
  log: boolean;
  integer: boolean;
  choices: ParamValue[];
}

function paramAxis(payload: StudyPayload, name: string, values: readonly ParamValue[]): ParamAxis {
  const distribution = payload.searchSpace[name];
  const numeric = distribution?.type !== 'categorical' && values.every((value) => typeof value === 'number');
  const choices: ParamValue[] = distribution?.type === 'categorical' ? [...distribution.choices] : [];
  for (const value of values) if (!choices.some((choice) => choice === value)) choices.push(value);
  const log = numeric && distribution !== undefined && 'log' in distribution && distribution.log === true;
  return { numeric, log, integer: numeric && (distribution?.type === 'int' || values.every((v) => Number.isInteger(v))), choices };
}

/** A value's position: the number itself, or a category's index. */
function position(axis: ParamAxis, value: ParamValue): number {
  return axis.numeric ? (value as number) : axis.choices.findIndex((choice) => choice === value);
}

function axisLayout(axis: ParamAxis, title: string, colors: ThemeColors, values: readonly number[]): AxisLayout {
  const base: AxisLayout = { title: { text: title }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  if (!axis.numeric) {
    return {
      ...base,
      tickvals: axis.choices.map((_, index) => index),
      ticktext: axis.choices.map((choice) => formatParam(choice)),
      range: [-0.5, axis.choices.length - 0.5],
    };
  }
  if (axis.log) return { ...base, type: 'log' };
  return axis.integer ? { ...base, ...integerAxis(values) } : base;
}

/** The parameters every plotted trial has, in suggestion order. */
function sharedParams(payload: StudyPayload, trials: readonly Trial[]): string[] {
  return paramNames(payload).filter((name) => trials.some((trial) => name in trial.params));
}

/**
 * Slice plot: the objective against each parameter, one subplot per parameter (three a row), dots
 * coloured by trial number so that the search's drift shows.
 */
export function sliceFigure(payload: StudyPayload, trials: readonly Trial[], options: AnalysisOptions): Figure {
  const { colors } = options;
  const uirevision = `${payload.id}:slice`;
  const points = scored(payload, trials);
  const names = sharedParams(payload, points.map((p) => p.trial));
  if (points.length === 0 || names.length === 0) return emptyFigure(colors, uirevision, 'no complete trial yet');
  const columns = Math.min(3, names.length);
  const rows = Math.ceil(names.length / columns);
  const layout = baseLayout(colors, uirevision, rows * SUBPLOT_HEIGHT + 40);
  layout.grid = { rows, columns, pattern: 'independent', xgap: 0.1, ygap: 0.35 };
  hideLegend(layout);
  const valueName = payload.valueNames[0] ?? 'value';
  const numbers = points.map((p) => p.trial.number);
  const traces: PlotTrace[] = names.map((name, index) => {
    const suffix = index === 0 ? '' : String(index + 1);
    const members = points.filter((p) => name in p.trial.params);
    const axis = paramAxis(payload, name, members.map((p) => p.trial.params[name] ?? null));
    const x = members.map((p) => position(axis, p.trial.params[name] ?? null));
    layout[`xaxis${suffix}`] = axisLayout(axis, name, colors, x);
    layout[`yaxis${suffix}`] = { title: { text: index % columns === 0 ? valueName : '' }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
    return {
      type: 'scatter',
      name,
      mode: 'markers',
      x,
      y: members.map((p) => p.value),
      customdata: members.map((p) => p.trial.number),
      hovertemplate: `trial %{customdata}<br>${name} %{x}<br>${valueName} %{y:.4g}<extra></extra>`,
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      marker: {
        size: members.map((p) => (p.trial.number === options.highlight ? 11 : 6)),
        color: members.map((p) => p.trial.number),
        colorscale: 'Blues',
        // Every subplot on the same scale; one colour bar.
        ...(Math.min(...numbers) < Math.max(...numbers) ? { cmin: Math.min(...numbers), cmax: Math.max(...numbers) } : {}),
        showscale: index === 0,
        ...(index === 0 ? { colorbar: { title: { text: 'trial' }, thickness: 10, len: 0.8 } } : {}),
        line: { color: colors.font, width: 0.5 },
      },
    };
  });
  return { traces, layout };
}

/** The two parameters of the contour and rank plots: the chosen ones when both exist, else the first two. */
export function chosenPair(payload: StudyPayload, pair: readonly [string, string] | null | undefined): [string, string] | null {
  const names = paramNames(payload);
  if (pair && pair[0] !== pair[1] && names.includes(pair[0]) && names.includes(pair[1])) return [pair[0], pair[1]];
  return names.length >= 2 ? [names[0], names[1]] : null;
}

/** Inverse-distance weighting of the trials' objective on a grid (in the axes' scaled units). */
function interpolate(px: readonly number[], py: readonly number[], pz: readonly number[], gx: readonly number[], gy: readonly number[]): number[][] {
  const spanX = Math.max(...px) - Math.min(...px) || 1;
  const spanY = Math.max(...py) - Math.min(...py) || 1;
  return gy.map((y) =>
    gx.map((x) => {
      let weights = 0;
      let sum = 0;
      for (let i = 0; i < pz.length; i++) {
        const d2 = ((x - px[i]) / spanX) ** 2 + ((y - py[i]) / spanY) ** 2;
        if (d2 < 1e-12) return pz[i];
        const w = 1 / d2;
        weights += w;
        sum += w * pz[i];
      }
      return sum / weights;
    }),
  );
}

function gridOf(values: readonly number[], log: boolean): { grid: number[]; scaled: (v: number) => number } {
  const scaled = (v: number): number => (log ? Math.log10(v) : v);
  const low = Math.min(...values.map(scaled));
  const high = Math.max(...values.map(scaled));
  const grid = Array.from({ length: GRID_POINTS }, (_, i) => low + ((high - low) * i) / (GRID_POINTS - 1));
  return { grid: log ? grid.map((v) => 10 ** v) : grid, scaled };
}

/** The chosen pair's trials and axes, or an empty figure saying why there is nothing to plot. */
function pairData(payload: StudyPayload, trials: readonly Trial[], options: AnalysisOptions, uirevision: string, plot: string) {
  const pair = chosenPair(payload, options.pair);
  if (!pair) return emptyFigure(options.colors, uirevision, `the ${plot} plot needs two parameters`);
  const [nameX, nameY] = pair;
  const points = scored(payload, trials).filter((p) => nameX in p.trial.params && nameY in p.trial.params);
  if (points.length === 0) return emptyFigure(options.colors, uirevision, 'no complete trial yet');
  const axisX = paramAxis(payload, nameX, points.map((p) => p.trial.params[nameX] ?? null));
  const axisY = paramAxis(payload, nameY, points.map((p) => p.trial.params[nameY] ?? null));
  const x = points.map((p) => position(axisX, p.trial.params[nameX] ?? null));
  const y = points.map((p) => position(axisY, p.trial.params[nameY] ?? null));
  const layout = baseLayout(options.colors, `${uirevision}:${nameX}:${nameY}`, 360);
  hideLegend(layout);
  layout.xaxis = axisLayout(axisX, nameX, options.colors, x);
  layout.yaxis = axisLayout(axisY, nameY, options.colors, y);
  return { nameX, nameY, points, axisX, axisY, x, y, layout };
}

/**
 * Contour plot of the objective over two parameters, interpolated between the complete trials (which
 * are drawn on top); categorical parameters sit at their choices' indices.
 */
export function contourFigure(payload: StudyPayload, trials: readonly Trial[], options: AnalysisOptions): Figure {
  const data = pairData(payload, trials, options, `${payload.id}:contour`, 'contour');
  if ('traces' in data) return data;
  const { nameX, nameY, points, axisX, axisY, x, y, layout } = data;
  const z = points.map((p) => p.value);
  const valueName = payload.valueNames[0] ?? 'value';
  const traces: PlotTrace[] = [];
  const distinct = (values: number[]): number => new Set(values).size;
  if (points.length >= 3 && distinct(x) > 1 && distinct(y) > 1) {
    const gx = gridOf(x, axisX.log);
    const gy = gridOf(y, axisY.log);
    traces.push({
      type: 'contour',
      name: valueName,
      x: gx.grid,
      y: gy.grid,
      z: interpolate(x.map(gx.scaled), y.map(gy.scaled), z, gx.grid.map(gx.scaled), gy.grid.map(gy.scaled)),
      colorscale: 'Viridis',
      reversescale: payload.directions[0] === 'minimize',
      showscale: true,
      colorbar: { title: { text: valueName }, thickness: 10 },
      contours: { coloring: 'heatmap' },
      connectgaps: true,
      hoverinfo: 'skip',
      opacity: 0.85,
    });
  }
  traces.push({
    type: 'scatter',
    name: 'trials',
    mode: 'markers',
    x,
    y,
    customdata: points.map((p) => p.trial.number),
    hovertemplate: `trial %{customdata}<br>${nameX} %{x}<br>${nameY} %{y}<extra></extra>`,
    marker: {
      size: points.map((p) => (p.trial.number === options.highlight ? 12 : 7)),
      color: options.colors.font,
      line: { color: 'rgba(255,255,255,0.9)', width: 1 },
    },
  });
  return { traces, layout };
}

/**
 * Rank plot: the trials over the same two parameters, coloured by their rank (0 = the best, 1 = the
 * worst), so that good regions show whatever the objective's scale.
 */
export function rankFigure(payload: StudyPayload, trials: readonly Trial[], options: AnalysisOptions): Figure {
  const data = pairData(payload, trials, options, `${payload.id}:rank`, 'rank');
  if ('traces' in data) return data;
  const { nameX, nameY, points, x, y, layout } = data;
  const { colors } = options;
  const better = payload.directions[0] === 'maximize' ? -1 : 1;
  const order = [...points].sort((a, b) => better * (a.value - b.value));
  const rankOf = new Map(order.map((p, index) => [p.trial.number, points.length === 1 ? 0 : index / (points.length - 1)]));
  const valueName = payload.valueNames[0] ?? 'value';
  return {
    traces: [
      {
        type: 'scatter',
        name: 'trials',
        mode: 'markers',
        x,
        y,
        customdata: points.map((p) => p.trial.number),
        hovertemplate: `trial %{customdata}<br>${nameX} %{x}<br>${nameY} %{y}<br>${valueName} %{marker.color:.2f} of the ranks<extra></extra>`,
        marker: {
          size: points.map((p) => (p.trial.number === options.highlight ? 13 : 9)),
          color: points.map((p) => rankOf.get(p.trial.number) ?? null),
          colorscale: 'RdBu',
          cmin: 0,
          cmax: 1,
          showscale: true,
          colorbar: { title: { text: 'rank (0 = best)' }, thickness: 10 },
          line: { color: colors.font, width: 0.5 },
        },
      },
    ],
    layout,
  };
}

/** Empirical distribution function of the objective: the share of trials at or below each value. */
export function edfFigure(payload: StudyPayload, trials: readonly Trial[], options: AnalysisOptions): Figure {
  const { colors } = options;
  const uirevision = `${payload.id}:edf`;
  const values = scored(payload, trials)
    .map((p) => p.value)
    .sort((a, b) => a - b);
  if (values.length === 0) return emptyFigure(colors, uirevision, 'no complete trial yet');
  const valueName = payload.valueNames[0] ?? 'value';
  const x: Datum[] = [values[0], ...values];
  const y: Datum[] = [0, ...values.map((_, index) => (index + 1) / values.length)];
  const layout = baseLayout(colors, uirevision, 280);
  hideLegend(layout);
  layout.xaxis = { title: { text: valueName }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  layout.yaxis = { title: { text: 'share of trials ≤ value' }, range: [0, 1.02], tickformat: '.0%', gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  return {
    traces: [
      {
        type: 'scatter',
        name: valueName,
        mode: 'lines',
        x,
        y,
        hovertemplate: `${valueName} ≤ %{x:.4g}: %{y:.0%} of trials<extra></extra>`,
        line: { color: colors.accent, width: 2, shape: 'hv' },
      },
    ],
    layout,
  };
}

const TIMELINE_STATES: readonly Trial['state'][] = ['COMPLETE', 'PRUNED', 'FAIL', 'RUNNING'];

/**
 * Timeline: one bar per trial from its start to its end (running trials up to the latest time the
 * payload knows), by state; trials that ran at the same time (nJobs) overlap in time.
 */
export function timelineFigure(payload: StudyPayload, trials: readonly Trial[], options: AnalysisOptions): Figure {
  const { colors } = options;
  const uirevision = `${payload.id}:timeline`;
  const started = trials.filter((trial) => trial.datetimeStart !== null);
  if (started.length === 0) return emptyFigure(colors, uirevision, 'no trial has started yet');
  const times = started.flatMap((trial) => [trial.datetimeStart, trial.datetimeComplete]).filter((t): t is string => t !== null).map(Date.parse);
  const latest = Math.max(...times);
  const stateColors: Record<Trial['state'], string> = {
    COMPLETE: colors.accent,
    PRUNED: colors.warn,
    FAIL: colors.error,
    RUNNING: colors.success,
    WAITING: colors.muted,
  };
  const traces: BarTrace[] = TIMELINE_STATES.map((state): BarTrace => {
    const members = started.filter((trial) => trial.state === state);
    return {
      type: 'bar',
      name: state.toLowerCase(),
      orientation: 'h',
      base: members.map((trial) => trial.datetimeStart),
      // At least 1 ms, so that instant trials still show.
      x: members.map((trial) => Math.max(1, (trial.datetimeComplete ? Date.parse(trial.datetimeComplete) : latest) - Date.parse(trial.datetimeStart as string))),
      y: members.map((trial) => trial.number),
      customdata: members.map((trial) => trial.number),
      hovertemplate: `trial %{y}: ${state.toLowerCase()}<br>%{base|%H:%M:%S} for %{x:,.0f} ms<extra></extra>`,
      marker: { color: stateColors[state], line: { color: stateColors[state], width: 0 } },
      legendgroup: state,
    };
  }).filter((trace) => trace.y.length > 0);
  const layout = baseLayout(colors, uirevision, Math.min(600, Math.max(200, 60 + 16 * started.length)));
  layout.xaxis = { type: 'date', title: { text: 'time' }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  layout.yaxis = {
    title: { text: isSearch(payload) ? 'candidate' : 'trial' },
    autorange: 'reversed',
    gridcolor: colors.grid,
    zerolinecolor: colors.grid,
    automargin: true,
    ...integerAxis(started.map((trial) => trial.number)),
  };
  layout.barmode = 'overlay';
  return { traces, layout };
}
