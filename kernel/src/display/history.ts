/**
 * The display of a Keras-style `History` (what `await fitLive(...)` or `await model.fit(...)` returns
 * as a cell's result): a few lines of text, or a small HTML table with one sparkline per metric,
 * instead of the object's 25-line dump.
 */
import { escapeHtml } from './escape';
import { formatMetric } from './format';
import { BLOCK_STYLE, cell } from './html';
import { isLossLike } from './metric-names';
import { CHART_PALETTE } from './svg';

/** The plain data of a `History`: epoch indices and one value per epoch for each metric. */
export interface HistoryInput {
  /** Epoch indices from 0, in order. */
  epoch: readonly number[];
  /** Values by metric name, one per epoch; null for a non-finite value. */
  history: Readonly<Record<string, readonly (number | null)[]>>;
}

/** Most points a sparkline draws; longer histories are thinned evenly (first and last kept). */
export const SPARKLINE_POINTS = 40;

const BARS = '▁▂▃▄▅▆▇█';

/** At most {@link SPARKLINE_POINTS} values, evenly spaced over `values`, first and last included. */
function thin(values: readonly (number | null)[]): (number | null)[] {
  if (values.length <= SPARKLINE_POINTS) {
    return [...values];
  }
  const last = values.length - 1;
  return Array.from({ length: SPARKLINE_POINTS }, (_, i) => values[Math.round((i * last) / (SPARKLINE_POINTS - 1))]);
}

function finiteRange(values: readonly (number | null)[]): [number, number] | null {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return finite.length ? [Math.min(...finite), Math.max(...finite)] : null;
}

/**
 * A text sparkline: one block character per value (up to {@link SPARKLINE_POINTS}), low to high;
 * a space for a missing value.
 *
 * @param values - the values in order
 * @returns the sparkline
 * @example
 * ```ts
 * textSparkline([0.69, 0.41, 0.2]);  // '█▄▁'
 * ```
 */
export function textSparkline(values: readonly (number | null)[]): string {
  const range = finiteRange(values);
  if (!range) {
    return '';
  }
  const [low, high] = range;
  return thin(values)
    .map((v) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return ' ';
      const level = high === low ? 3 : Math.round(((v - low) / (high - low)) * (BARS.length - 1));
      return BARS[level];
    })
    .join('');
}

/**
 * An inline SVG sparkline (no axes), stroked in `color`, with a dot on the last value.
 *
 * @param values - the values in order
 * @param color - CSS colour of the line
 * @returns an `<svg>` element as a string; empty without a finite value
 */
export function svgSparkline(values: readonly (number | null)[], color: string): string {
  const range = finiteRange(values);
  if (!range) {
    return '';
  }
  const [low, high] = range;
  const width = 96;
  const height = 18;
  const points = thin(values);
  const x = (i: number): string => (points.length === 1 ? width / 2 : 2 + (i * (width - 4)) / (points.length - 1)).toFixed(1);
  const y = (v: number): string => (high === low ? height / 2 : height - 2 - ((v - low) / (high - low)) * (height - 4)).toFixed(1);
  let path = '';
  let pen = false;
  points.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i)} ${y(v)}`;
    pen = true;
  });
  const lastIndex = points.length - 1 - [...points].reverse().findIndex((v) => typeof v === 'number' && Number.isFinite(v));
  const last = points[lastIndex] as number;
  return (
    `<svg class="rnnlab-sparkline" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="trend">` +
    `<path d="${path}" fill="none" stroke="${color}" stroke-width="1.5"/>` +
    `<circle cx="${x(lastIndex)}" cy="${y(last)}" r="2" fill="${color}"/></svg>`
  );
}

/** One row of the history display. */
interface HistoryRow {
  metric: string;
  last: number | null;
  best: number | null;
  bestEpoch: number | null;
  values: readonly (number | null)[];
}

/** The metrics in Keras' order (training ones, then `val_`), each with its last and best value. */
function historyRows(input: HistoryInput): HistoryRow[] {
  const names = Object.keys(input.history);
  const ordered = [...names.filter((n) => !n.startsWith('val_')), ...names.filter((n) => n.startsWith('val_'))];
  return ordered.map((metric) => {
    const values = input.history[metric];
    const lower = isLossLike(metric);
    let bestIndex = -1;
    values.forEach((v, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return;
      const best = values[bestIndex];
      if (bestIndex < 0 || (lower ? v < (best as number) : v > (best as number))) bestIndex = i;
    });
    return {
      metric,
      last: values.length ? (values[values.length - 1] ?? null) : null,
      best: bestIndex < 0 ? null : (values[bestIndex] ?? null),
      bestEpoch: bestIndex < 0 ? null : (input.epoch[bestIndex] ?? bestIndex) + 1,
      values,
    };
  });
}

function epochCount(input: HistoryInput): string {
  const n = input.epoch.length;
  return `${n} epoch${n === 1 ? '' : 's'}`;
}

/**
 * The text display of a History: a heading line and one line per metric with its last value, its
 * best value (lowest for losses, highest otherwise) with the epoch from 1, and a sparkline.
 *
 * @param input - epochs and values
 * @returns the text, one line per metric
 * @example
 * ```ts
 * historyText({ epoch: [0, 1], history: { loss: [0.69, 0.41], accuracy: [0.5, 0.75] } });
 * // History: 2 epochs
 * //   loss      last 0.4100  best 0.4100 (epoch 2)  █▁
 * //   accuracy  last 0.7500  best 0.7500 (epoch 2)  ▁█
 * ```
 */
export function historyText(input: HistoryInput): string {
  const rows = historyRows(input);
  if (!rows.length) {
    return `History: ${epochCount(input)}, no metrics`;
  }
  const width = Math.max(...rows.map((r) => r.metric.length));
  const lines = rows.map((r) => {
    const best = r.bestEpoch === null ? `best ${formatMetric(r.best)}` : `best ${formatMetric(r.best)} (epoch ${r.bestEpoch})`;
    return `  ${r.metric.padEnd(width)}  last ${formatMetric(r.last)}  ${best}  ${textSparkline(r.values)}`.trimEnd();
  });
  return [`History: ${epochCount(input)}`, ...lines].join('\n');
}

/**
 * The HTML display of a History: a small table (metric, last, best, epoch of the best) with an SVG
 * sparkline per metric, training curves in the first palette colour and validation ones in the second.
 *
 * @param input - epochs and values
 * @returns a `<div>` element as a string
 */
export function historyHtml(input: HistoryInput): string {
  const rows = historyRows(input);
  const head = ['Metric', 'Last', 'Best', 'Epoch', 'Trend'].map((h, i) => cell(h, { header: true, right: i > 0 && i < 4 }));
  const body = rows.map((r) => {
    const color = r.metric.startsWith('val_') ? CHART_PALETTE[1] : CHART_PALETTE[0];
    const number = { right: true, style: 'font-variant-numeric:tabular-nums' };
    return (
      `<tr>${cell(escapeHtml(r.metric))}${cell(formatMetric(r.last), number)}${cell(formatMetric(r.best), number)}` +
      `${cell(r.bestEpoch === null ? '' : String(r.bestEpoch), number)}${cell(svgSparkline(r.values, color), { style: 'padding-top:0;padding-bottom:0' })}</tr>`
    );
  });
  return (
    `<div class="rnnlab-history" style="${BLOCK_STYLE}">` +
    `<table style="border-collapse:collapse;font-size:12px"><caption style="text-align:left;opacity:0.75;padding:2px 8px">History · ${epochCount(input)}</caption>` +
    `<thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table></div>`
  );
}
