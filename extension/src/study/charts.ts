/**
 * The study view's charts as data: intermediate-value curves of every trial, optimization history (or
 * the Pareto front for two objectives), parallel coordinates and parameter importance. Pure: no DOM,
 * no plotly. Curves of many trials are merged into one trace per group (with gaps between trials), so
 * 200 trials × 100 steps is a handful of traces, not hundreds.
 */
import type { StudyPayload, Trial } from '../payload';
import { integerAxis, isLossLike } from '../plot/axis';
import { baseLayout, emptyFigure, hideLegend } from '../plot/theme';
import type { Datum, Figure, PlotTrace, ScatterTrace, ThemeColors } from '../plot/types';
import { isSearch } from './leaderboard';

export { parallelFigure } from './parallel';

const HEIGHT = 300;

/** Options shared by the chart builders. */
export interface ChartOptions {
  colors: ThemeColors;
  /** The trial whose curve is highlighted (a row click), or null. */
  highlight: number | null;
  /** Log-scale value axes, applied only when the objective is loss-like (a loss or an error). */
  logScale?: boolean;
}

/** The value axis' type: log only when asked and the objective is a loss or an error. */
function valueAxisType(payload: StudyPayload, options: ChartOptions): 'log' | 'linear' {
  return options.logScale === true && isLossLike(payload.valueNames[0] ?? '') ? 'log' : 'linear';
}

type CurveGroup = 'complete' | 'pruned' | 'failed' | 'running' | 'best' | 'highlight';

const GROUP_LABELS: Record<CurveGroup, string> = {
  complete: 'complete',
  pruned: 'pruned',
  failed: 'failed',
  running: 'running',
  best: 'best',
  highlight: 'selected',
};

function groupOf(trial: Trial, best: ReadonlySet<number>, highlight: number | null): CurveGroup {
  if (trial.number === highlight) return 'highlight';
  if (best.has(trial.number)) return 'best';
  const groups: Record<Trial['state'], CurveGroup> = { COMPLETE: 'complete', PRUNED: 'pruned', FAIL: 'failed', RUNNING: 'running', WAITING: 'running' };
  return groups[trial.state];
}

function curveStyle(group: CurveGroup, colors: ThemeColors): Pick<ScatterTrace, 'line' | 'opacity' | 'mode' | 'marker'> {
  const styles: Record<CurveGroup, Pick<ScatterTrace, 'line' | 'opacity' | 'mode' | 'marker'>> = {
    complete: { mode: 'lines', line: { color: colors.muted, width: 1 }, opacity: 0.6 },
    pruned: { mode: 'lines', line: { color: colors.warn, width: 1, dash: 'dot' }, opacity: 0.8 },
    failed: { mode: 'lines', line: { color: colors.error, width: 1, dash: 'dot' }, opacity: 0.8 },
    running: { mode: 'lines+markers', line: { color: colors.success, width: 2 }, marker: { size: 4, color: colors.success } },
    best: { mode: 'lines', line: { color: colors.accent, width: 2.5 } },
    highlight: { mode: 'lines+markers', line: { color: colors.second, width: 3.5 }, marker: { size: 6, color: colors.second } },
  };
  return styles[group];
}

/**
 * Intermediate values (`trial.report(value, step)`; fold scores for searches) of the given trials,
 * overlaid: one trace per group, running trials live, the highlighted trial drawn last and thickest.
 */
export function intermediateFigure(payload: StudyPayload, trials: readonly Trial[], options: ChartOptions): Figure {
  const { colors, highlight } = options;
  const stepLabel = isSearch(payload) ? 'fold' : 'step';
  const uirevision = `${payload.id}:intermediate`;
  if (!trials.some((trial) => trial.intermediateValues.length > 0)) {
    return emptyFigure(colors, uirevision, 'no intermediate values reported yet');
  }
  const best = new Set(payload.bestTrialNumbers);
  const order: CurveGroup[] = ['complete', 'pruned', 'failed', 'running', 'best', 'highlight'];
  const points: Record<CurveGroup, { x: Datum[]; y: Datum[]; trial: Datum[] }> = {
    complete: { x: [], y: [], trial: [] },
    pruned: { x: [], y: [], trial: [] },
    failed: { x: [], y: [], trial: [] },
    running: { x: [], y: [], trial: [] },
    best: { x: [], y: [], trial: [] },
    highlight: { x: [], y: [], trial: [] },
  };
  for (const trial of trials) {
    if (trial.intermediateValues.length === 0) continue;
    const group = points[groupOf(trial, best, highlight)];
    if (group.x.length > 0) {
      group.x.push(null);
      group.y.push(null);
      group.trial.push(null);
    }
    for (const [step, value] of trial.intermediateValues) {
      group.x.push(step);
      group.y.push(value);
      group.trial.push(trial.number);
    }
  }
  const valueName = payload.valueNames[0] ?? 'value';
  const traces: PlotTrace[] = order
    .filter((group) => points[group].x.length > 0)
    .map((group) => ({
      type: 'scatter',
      name: GROUP_LABELS[group],
      x: points[group].x,
      y: points[group].y,
      customdata: points[group].trial,
      hovertemplate: `trial %{customdata}<br>${stepLabel} %{x}<br>${valueName} %{y:.4g}<extra>${GROUP_LABELS[group]}</extra>`,
      connectgaps: false,
      ...curveStyle(group, colors),
    }));
  const layout = baseLayout(colors, uirevision, HEIGHT);
  layout.xaxis = {
    title: { text: stepLabel },
    gridcolor: colors.grid,
    zerolinecolor: colors.grid,
    automargin: true,
    // Folds and epochs are whole numbers: no 0.2 ticks.
    tickformat: 'd',
    ...integerAxis(trials.flatMap((trial) => trial.intermediateValues.map(([step]) => step))),
  };
  layout.yaxis = {
    title: { text: `intermediate ${valueName}` },
    type: valueAxisType(payload, options),
    gridcolor: colors.grid,
    zerolinecolor: colors.grid,
    automargin: true,
  };
  return { traces, layout };
}

/**
 * Optimization history: each complete trial's value by trial number and the best value so far. With
 * two or more objectives, the first two objectives against each other with the Pareto front marked.
 */
export function historyFigure(payload: StudyPayload, options: ChartOptions): Figure {
  const { colors } = options;
  const uirevision = `${payload.id}:history`;
  const complete = payload.trials.filter((trial) => trial.state === 'COMPLETE' && trial.values !== null);
  if (complete.length === 0) return emptyFigure(colors, uirevision, 'no complete trial yet');
  if (payload.directions.length >= 2) return paretoFigure(payload, complete, options);
  const maximize = payload.directions[0] === 'maximize';
  const valueName = payload.valueNames[0] ?? 'value';
  const x: Datum[] = [];
  const y: Datum[] = [];
  const bestY: Datum[] = [];
  let best: number | null = null;
  for (const trial of complete) {
    const value = trial.values?.[0] ?? null;
    x.push(trial.number);
    y.push(value);
    if (value !== null && (best === null || (maximize ? value > best : value < best))) best = value;
    bestY.push(best);
  }
  const highlightIndex = options.highlight === null ? -1 : x.indexOf(options.highlight);
  const traces: PlotTrace[] = [
    {
      type: 'scatter',
      name: valueName,
      mode: 'markers',
      x,
      y,
      customdata: x,
      hovertemplate: `trial %{x}<br>${valueName} %{y:.4g}<extra></extra>`,
      marker: {
        size: x.map((_, i) => (i === highlightIndex ? 12 : 6)),
        color: colors.accent,
        line: { color: colors.second, width: 0 },
      },
    },
    {
      type: 'scatter',
      name: `best so far`,
      mode: 'lines',
      x,
      y: bestY,
      hovertemplate: `best after trial %{x}: %{y:.4g}<extra></extra>`,
      line: { color: colors.second, width: 2, shape: 'hv' },
    },
  ];
  const layout = baseLayout(colors, uirevision, HEIGHT);
  // Trial numbers are whole; a single trial is centred on its number, not on a -1..1 axis.
  layout.xaxis = { title: { text: 'trial' }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true, ...integerAxis(x as number[]) };
  layout.yaxis = { title: { text: valueName }, type: valueAxisType(payload, options), gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  return { traces, layout };
}

function paretoFigure(payload: StudyPayload, complete: readonly Trial[], options: ChartOptions): Figure {
  const { colors } = options;
  const front = new Set(payload.bestTrialNumbers);
  const [nameX, nameY] = payload.valueNames;
  const trace = (members: readonly Trial[], name: string, color: string, size: number): ScatterTrace => ({
    type: 'scatter',
    name,
    mode: 'markers',
    x: members.map((trial) => trial.values?.[0] ?? null),
    y: members.map((trial) => trial.values?.[1] ?? null),
    customdata: members.map((trial) => trial.number),
    hovertemplate: `trial %{customdata}<br>${nameX} %{x:.4g}<br>${nameY} %{y:.4g}<extra>${name}</extra>`,
    marker: { size, color },
  });
  const traces: PlotTrace[] = [
    trace(complete.filter((trial) => !front.has(trial.number)), 'dominated', colors.muted, 7),
    trace(complete.filter((trial) => front.has(trial.number)), 'Pareto front', colors.accent, 10),
  ];
  const layout = baseLayout(colors, `${payload.id}:pareto`, HEIGHT);
  const arrow = (index: number): string => (payload.directions[index] === 'maximize' ? '↑' : '↓');
  layout.xaxis = { title: { text: `${nameX} ${arrow(0)}` }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  layout.yaxis = { title: { text: `${nameY} ${arrow(1)}` }, gridcolor: colors.grid, zerolinecolor: colors.grid, automargin: true };
  return { traces, layout };
}

/** Parameter importance as horizontal bars, largest on top; a note when the payload has none. */
export function importanceFigure(payload: StudyPayload, options: ChartOptions): Figure {
  const { colors } = options;
  const uirevision = `${payload.id}:importance`;
  const entries = Object.entries(payload.importance ?? {}).sort((a, b) => a[1] - b[1]);
  if (payload.importance === null || entries.length === 0) {
    return emptyFigure(colors, uirevision, 'parameter importance: not computed', 120);
  }
  const layout = baseLayout(colors, uirevision, Math.max(140, 40 + 28 * entries.length));
  hideLegend(layout);
  layout.margin = { l: 16, r: 24, t: 16, b: 36 };
  layout.xaxis = { title: { text: 'importance' }, gridcolor: colors.grid, zerolinecolor: colors.grid, tickformat: '.0%', automargin: true };
  layout.yaxis = { type: 'category', automargin: true, gridcolor: colors.grid };
  return {
    traces: [
      {
        type: 'bar',
        name: 'importance',
        orientation: 'h',
        x: entries.map(([, value]) => value),
        y: entries.map(([name]) => name),
        text: entries.map(([, value]) => `${(value * 100).toFixed(1)} %`),
        textposition: 'auto',
        hovertemplate: '%{y}: %{x:.1%}<extra></extra>',
        marker: { color: colors.accent },
      },
    ],
    layout,
  };
}
