/**
 * A tiny, pure SVG line chart for the static fallbacks: axes, ticks, a legend, gaps where values are
 * null. The output depends only on the options (coordinates to one decimal), so the same data always
 * gives the same string. Texts are escaped; colours of axes and texts follow `currentColor`, so the
 * chart reads on light and dark backgrounds.
 */
import { escapeHtml } from './escape';

/** One curve (or cloud of dots) of a chart. */
export interface ChartSeries {
  /** Legend text. */
  name: string;
  /** `[x, y]` points in drawing order; a null (or non-finite) y leaves a gap. */
  points: readonly (readonly [number, number | null])[];
  /** Draw the line dashed (validation curves). */
  dashed?: boolean;
  /** Draw a dot per point instead of a line (scatter). */
  markers?: boolean;
  /** Draw thin and translucent (per-batch noise behind epoch curves). */
  faint?: boolean;
  /** CSS colour; by default the palette colour of the series' position. */
  color?: string;
}

/** Options of {@link lineChartSvg}. */
export interface LineChartOptions {
  /** The series, drawn in order, each as exactly one `<path>`, coloured from {@link CHART_PALETTE} in order. */
  series: readonly ChartSeries[];
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Title above the plot, also the accessible name. */
  title?: string;
  /** Label under the x axis. */
  xLabel?: string;
  /** Label beside the y axis. */
  yLabel?: string;
  /** Log-scale y axis; values ≤ 0 are then left out. */
  logY?: boolean;
  /** Ticks on the x axis at whole numbers only (epochs, trial numbers). */
  xIntegers?: boolean;
  /** A dashed vertical line at this x with a short label (the training view's best epoch). */
  markX?: { x: number; label: string };
}

/** Series colours (Tableau 10), readable on white and on dark grey. */
export const CHART_PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

const FONT = 10;
const LEGEND_ROW = 14;

/** A number for an SVG coordinate: one decimal, never `-0.0`. */
function px(n: number): string {
  const text = n.toFixed(1);
  return text === '-0.0' ? '0.0' : text;
}

interface Axis {
  min: number;
  max: number;
  ticks: { value: number; label: string }[];
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const factor = norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10;
  return factor * magnitude;
}

function tickLabel(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  if (value !== 0 && (decimals > 4 || Math.abs(value) >= 1e6)) {
    return value.toExponential(1).replace('.0e', 'e').replace('e+', 'e');
  }
  return value.toFixed(decimals);
}

/** A linear axis over [min, max]; `extend` widens it to whole ticks. */
function linearAxis(values: number[], extend: boolean, integers = false): Axis {
  let min = values.length ? Math.min(...values) : 0;
  let max = values.length ? Math.max(...values) : 1;
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const step = integers ? Math.max(1, niceStep(max - min, 5)) : niceStep(max - min, 5);
  if (extend) {
    min = Math.floor(min / step + 1e-9) * step;
    max = Math.ceil(max / step - 1e-9) * step;
  }
  const ticks = [];
  for (let k = Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
    const value = k * step;
    ticks.push({ value, label: tickLabel(value, step) });
  }
  return { min, max, ticks };
}

/** A log10 axis, returned in log units, ticks at whole decades. */
function logAxis(values: number[]): Axis {
  const logs = values.map((v) => Math.log10(v));
  let min = logs.length ? Math.floor(Math.min(...logs) + 1e-9) : 0;
  let max = logs.length ? Math.ceil(Math.max(...logs) - 1e-9) : 1;
  if (min === max) {
    max += 1;
  }
  const ticks = [];
  for (let k = min; k <= max; k++) {
    ticks.push({ value: k, label: k >= -4 && k <= 5 ? String(10 ** k) : `1e${k}` });
  }
  return { min, max, ticks };
}

function legendRows(series: readonly ChartSeries[], width: number): { x: number; row: number }[] {
  const places = [];
  let x = 8;
  let row = 0;
  for (const s of series) {
    const itemWidth = 26 + s.name.length * 6;
    if (x > 8 && x + itemWidth > width - 8) {
      row += 1;
      x = 8;
    }
    places.push({ x, row });
    x += itemWidth + 10;
  }
  return places;
}

/**
 * Draws series as an SVG line chart.
 *
 * @param options - the series, size, texts and scale
 * @returns a standalone `<svg>` element as a string, with exactly one `<path>` per series
 * @example
 * ```ts
 * lineChartSvg({ series: [{ name: 'loss', points: [[1, 0.7], [2, 0.5]] }], width: 320, height: 200, title: 'loss' });
 * ```
 */
export function lineChartSvg(options: LineChartOptions): string {
  const { series, width, height, title, xLabel, yLabel, logY = false, xIntegers = false, markX } = options;
  const usable = (y: number | null): y is number => y !== null && Number.isFinite(y) && (!logY || y > 0);
  const xs = series.flatMap((s) => s.points.filter(([x, y]) => Number.isFinite(x) && usable(y)).map(([x]) => x));
  const ys = series.flatMap((s) => s.points.map(([, y]) => y).filter(usable));
  const xAxis = linearAxis(xs, false, xIntegers);
  const yAxis = logY ? logAxis(ys) : linearAxis(ys, true);
  const places = legendRows(series, width);
  const legendHeight = series.length ? (places[places.length - 1].row + 1) * LEGEND_ROW : 0;
  const top = (title ? 18 : 6) + legendHeight + 8;
  const left = yLabel ? 56 : 44;
  const bottom = xLabel ? 34 : 22;
  const plotWidth = Math.max(1, width - left - 18);
  const plotHeight = Math.max(1, height - top - bottom);
  const sx = (x: number) => left + ((x - xAxis.min) / (xAxis.max - xAxis.min)) * plotWidth;
  const sy = (y: number) => top + plotHeight - (((logY ? Math.log10(y) : y) - yAxis.min) / (yAxis.max - yAxis.min)) * plotHeight;
  const syAxis = (v: number) => top + plotHeight - ((v - yAxis.min) / (yAxis.max - yAxis.min)) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="rnnlab-chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title ?? 'chart')}" font-family="system-ui, -apple-system, sans-serif" font-size="${FONT}">`,
  ];
  if (title) {
    parts.push(`<title>${escapeHtml(title)}</title>`);
    parts.push(`<text x="${px(width / 2)}" y="13" text-anchor="middle" font-size="12" font-weight="600" fill="currentColor">${escapeHtml(title)}</text>`);
  }
  series.forEach((s, i) => {
    const color = seriesColor(s, i);
    const y = (title ? 18 : 6) + places[i].row * LEGEND_ROW + 7;
    const x = places[i].x;
    const sample = s.markers
      ? `<circle cx="${px(x + 9)}" cy="${px(y)}" r="2.5" fill="${color}"/>`
      : `<line x1="${px(x)}" y1="${px(y)}" x2="${px(x + 18)}" y2="${px(y)}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="4 3"' : ''}${s.faint ? ' stroke-opacity="0.5"' : ''}/>`;
    parts.push(`${sample}<text x="${px(x + 22)}" y="${px(y + 3.5)}" fill="currentColor">${escapeHtml(s.name)}</text>`);
  });
  const gridParts = yAxis.ticks.map((t) => {
    const y = px(syAxis(t.value));
    return `<line x1="${px(left)}" y1="${y}" x2="${px(left + plotWidth)}" y2="${y}" stroke="currentColor" stroke-opacity="0.12"/><text x="${px(left - 4)}" y="${px(syAxis(t.value) + 3.5)}" text-anchor="end" fill="currentColor">${t.label}</text>`;
  });
  const xTickParts = xAxis.ticks.map((t) => {
    const x = px(sx(t.value));
    return `<line x1="${x}" y1="${px(top + plotHeight)}" x2="${x}" y2="${px(top + plotHeight + 4)}" stroke="currentColor" stroke-opacity="0.6"/><text x="${x}" y="${px(top + plotHeight + 14)}" text-anchor="middle" fill="currentColor">${t.label}</text>`;
  });
  parts.push(...gridParts, ...xTickParts);
  const axisX = px(left);
  const axisY = px(top + plotHeight);
  parts.push(
    `<polyline class="rnnlab-axes" points="${axisX},${px(top)} ${axisX},${axisY} ${px(left + plotWidth)},${axisY}" fill="none" stroke="currentColor" stroke-opacity="0.6"/>`,
  );
  if (xLabel) {
    parts.push(`<text x="${px(left + plotWidth / 2)}" y="${px(height - 4)}" text-anchor="middle" fill="currentColor">${escapeHtml(xLabel)}</text>`);
  }
  if (yLabel) {
    const cy = px(top + plotHeight / 2);
    parts.push(`<text x="12" y="${cy}" text-anchor="middle" transform="rotate(-90 12 ${cy})" fill="currentColor">${escapeHtml(yLabel)}</text>`);
  }
  if (markX && Number.isFinite(markX.x) && markX.x >= xAxis.min && markX.x <= xAxis.max) {
    const x = px(sx(markX.x));
    parts.push(
      `<line class="rnnlab-mark" x1="${x}" y1="${px(top)}" x2="${x}" y2="${px(top + plotHeight)}" stroke="currentColor" stroke-opacity="0.55" stroke-dasharray="2 3"/>` +
        `<text x="${px(sx(markX.x) + 3)}" y="${px(top + 9)}" fill="currentColor" fill-opacity="0.75">${escapeHtml(markX.label)}</text>`,
    );
  }
  if (!ys.length) {
    parts.push(`<text x="${px(left + plotWidth / 2)}" y="${px(top + plotHeight / 2)}" text-anchor="middle" fill="currentColor" fill-opacity="0.6">no data yet</text>`);
  }
  series.forEach((s, i) => {
    parts.push(seriesPath(s, seriesColor(s, i), sx, sy, usable));
  });
  parts.push('</svg>');
  return parts.join('');
}

function seriesColor(s: ChartSeries, index: number): string {
  return escapeHtml(s.color ?? CHART_PALETTE[index % CHART_PALETTE.length]);
}

function seriesPath(
  s: ChartSeries,
  color: string,
  sx: (x: number) => number,
  sy: (y: number) => number,
  usable: (y: number | null) => y is number,
): string {
  const commands: string[] = [];
  if (s.markers) {
    for (const [x, y] of s.points) {
      if (Number.isFinite(x) && usable(y)) {
        commands.push(`M${px(sx(x) - 2.5)} ${px(sy(y))}a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0 -5 0Z`);
      }
    }
    return `<path class="rnnlab-series" d="${commands.join('')}" fill="${color}" fill-opacity="${s.faint ? '0.4' : '0.85'}" stroke="none"><title>${escapeHtml(s.name)}</title></path>`;
  }
  let run: string[] = [];
  const flush = () => {
    if (run.length === 1) {
      run.push('l0 0'); // A lone point: a zero-length segment with round caps draws a dot.
    }
    commands.push(run.join(''));
    run = [];
  };
  for (const [x, y] of s.points) {
    if (Number.isFinite(x) && usable(y)) {
      run.push(`${run.length ? 'L' : 'M'}${px(sx(x))} ${px(sy(y))}`);
    } else if (run.length) {
      flush();
    }
  }
  if (run.length) {
    flush();
  }
  const width = s.faint ? '1' : '1.75';
  const extra = (s.dashed ? ' stroke-dasharray="5 3"' : '') + (s.faint ? ' stroke-opacity="0.5"' : '');
  return `<path class="rnnlab-series" d="${commands.join('')}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${extra}><title>${escapeHtml(s.name)}</title></path>`;
}
