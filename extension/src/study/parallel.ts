/**
 * Parallel coordinates of the complete trials (one axis per parameter in suggestion order, then the
 * first objective) and the reader's brushes on its axes, which filter the leaderboard. Pure: no DOM.
 */
import { formatParam } from '../common';
import type { ParamValue, StudyPayload, Trial } from '../payload';
import { baseLayout, emptyFigure, hideLegend } from '../plot/theme';
import type { Figure, ParcoordsDimension } from '../plot/types';
import type { ChartOptions } from './charts';
import { paramNames } from './leaderboard';

const HEIGHT = 300;

/** Brushed ranges by axis name (a parameter, or the objective's value name), in the axis' units. */
export type AxisRanges = Readonly<Record<string, readonly (readonly [number, number])[]>>;

/** One axis: its name, its plotly dimension and how a trial maps onto it (null: not on the axis). */
interface Axis {
  name: string;
  dimension: ParcoordsDimension;
  position: (trial: Trial) => number | null;
}

function paramAxis(name: string, values: ParamValue[], payload: StudyPayload): Axis {
  const distribution = payload.searchSpace[name];
  const numeric = values.every((value) => typeof value === 'number');
  const raw = (trial: Trial): ParamValue | undefined => trial.params[name];
  if (numeric && distribution?.type !== 'categorical') {
    const range: [number, number] | undefined = distribution ? [distribution.low, distribution.high] : undefined;
    if (distribution?.log === true) {
      const position = (trial: Trial): number | null => {
        const value = raw(trial);
        return typeof value === 'number' && value > 0 ? Math.log10(value) : null;
      };
      return {
        name,
        dimension: { label: `${name} (log10)`, values: (values as number[]).map((value) => Math.log10(value)), range: range ? [Math.log10(range[0]), Math.log10(range[1])] : undefined },
        position,
      };
    }
    const position = (trial: Trial): number | null => {
      const value = raw(trial);
      return typeof value === 'number' ? value : null;
    };
    return { name, dimension: { label: name, values: values as number[], range }, position };
  }
  const choices: ParamValue[] = distribution?.type === 'categorical' ? [...distribution.choices] : [];
  for (const value of values) if (!choices.some((choice) => choice === value)) choices.push(value);
  const position = (trial: Trial): number | null => {
    const index = choices.findIndex((choice) => choice === raw(trial));
    return index < 0 ? null : index;
  };
  return {
    name,
    dimension: {
      label: name,
      values: values.map((value) => choices.findIndex((choice) => choice === value)),
      tickvals: choices.map((_, index) => index),
      ticktext: choices.map((choice) => formatParam(choice)),
      range: [0, Math.max(1, choices.length - 1)],
    },
    position,
  };
}

/** The axes drawn for these trials, in order; none when no complete trial has every parameter. */
function parallelAxes(payload: StudyPayload, trials: readonly Trial[]): { complete: Trial[]; axes: Axis[] } {
  const complete = trials.filter((trial) => trial.state === 'COMPLETE' && trial.values !== null && trial.values[0] !== null);
  const names = paramNames(payload).filter((name) => complete.every((trial) => name in trial.params));
  if (complete.length === 0 || names.length === 0) return { complete, axes: [] };
  const axes = names.map((name) => paramAxis(name, complete.map((trial) => trial.params[name] ?? null), payload));
  const valueName = payload.valueNames[0] ?? 'value';
  axes.push({
    name: valueName,
    dimension: { label: valueName, values: complete.map((trial) => (trial.values as number[])[0]) },
    position: (trial) => trial.values?.[0] ?? null,
  });
  return { complete, axes };
}

/** The name of the axis at `index` of the figure drawn for these trials, or null. */
export function parallelAxisName(payload: StudyPayload, trials: readonly Trial[], index: number): string | null {
  return parallelAxes(payload, trials).axes[index]?.name ?? null;
}

/**
 * The trials inside every brushed range (on an axis with several ranges, inside any of them); all
 * trials when nothing is brushed. A trial without a value on a brushed axis is outside.
 */
export function brushedTrials(payload: StudyPayload, trials: readonly Trial[], ranges: AxisRanges, drawn: readonly Trial[] = trials): Trial[] {
  const brushed = parallelAxes(payload, drawn).axes.filter((axis) => (ranges[axis.name]?.length ?? 0) > 0);
  if (brushed.length === 0) return [...trials];
  return trials.filter((trial) =>
    brushed.every((axis) => {
      const position = axis.position(trial);
      return position !== null && (ranges[axis.name] ?? []).some(([low, high]) => position >= Math.min(low, high) && position <= Math.max(low, high));
    }),
  );
}

/**
 * The brushed ranges of one axis from a parcoords `plotly_restyle` event's value: `[[lo, hi]]` for one
 * range, `[[[lo, hi], …]]` for several, null when the brush was cleared.
 */
export function rangesOfRestyle(value: unknown): [number, number][] {
  const inner: unknown = Array.isArray(value) ? value[0] : value;
  const isPair = (pair: unknown): pair is [number, number] => Array.isArray(pair) && pair.length === 2 && pair.every((x) => typeof x === 'number' && Number.isFinite(x));
  if (isPair(inner)) return [[inner[0], inner[1]]];
  if (Array.isArray(inner)) return inner.filter(isPair).map(([low, high]) => [low, high]);
  return [];
}

/** Parallel coordinates of the complete trials: one axis per parameter, then the (first) objective; brushed ranges kept. */
export function parallelFigure(payload: StudyPayload, trials: readonly Trial[], options: ChartOptions & { ranges?: AxisRanges }): Figure {
  const { colors } = options;
  const uirevision = `${payload.id}:parallel`;
  const { complete, axes } = parallelAxes(payload, trials);
  if (axes.length === 0) return emptyFigure(colors, uirevision, 'no complete trial yet');
  const objective = complete.map((trial) => (trial.values as number[])[0]);
  const valueName = payload.valueNames[0] ?? 'value';
  const dimensions = axes.map((axis) => {
    const ranges = options.ranges?.[axis.name] ?? [];
    if (ranges.length === 0) return axis.dimension;
    const constraintrange: [number, number] | [number, number][] = ranges.length === 1 ? [ranges[0][0], ranges[0][1]] : ranges.map(([low, high]): [number, number] => [low, high]);
    return { ...axis.dimension, constraintrange };
  });
  // From 7 axes on, the labels tilt and shorten so that they do not overlap (12 parameters stay readable).
  const crowded = dimensions.length > 6;
  if (crowded) for (const d of dimensions) d.label = d.label.length <= 16 ? d.label : `${d.label.slice(0, 15)}…`;
  const layout = baseLayout(colors, uirevision, crowded ? HEIGHT + 60 : HEIGHT);
  layout.margin = { l: 60, r: 60, t: crowded ? 110 : 48, b: 24 };
  hideLegend(layout);
  // No cartesian axes here: plotly has no plot area to colour.
  delete layout.plot_bgcolor;
  return {
    traces: [
      {
        type: 'parcoords',
        name: 'trials',
        dimensions,
        line: {
          color: objective,
          colorscale: 'Viridis',
          reversescale: payload.directions[0] === 'minimize',
          showscale: true,
          colorbar: { title: { text: valueName } },
        },
        labelfont: { color: colors.font, size: crowded ? 10 : 11 },
        tickfont: { color: colors.font, size: crowded ? 9 : 10 },
        rangefont: { color: colors.font, size: 9 },
        labelangle: crowded ? -30 : 0,
        labelside: 'top',
      },
    ],
    layout,
  };
}
