/**
 * A Keras-like model summary built from plain data (no tfjs): the table `model.summary()` prints, as
 * monospace text and as an HTML table.
 *
 * Keras note: the text follows Keras 2's layout (65 columns, wider when names need it) with
 * thousands separators in counts and no trailing spaces; Keras 3 draws the same table with box
 * characters and adds byte sizes.
 */
import { escapeHtml } from './escape';
import { formatCount } from './format';
import type { LayerInfo } from './types';

/** What a model summary needs; a training payload's `model` fits as it is. */
export interface ModelSummaryInput {
  /** Model name. */
  name: string;
  /** Layers in order. */
  layers: readonly LayerInfo[];
  /** Number of weights. */
  totalParams: number;
  /** Number of trainable weights; `totalParams` when absent. */
  trainableParams?: number;
}

/**
 * A shape as Keras prints it, null as `None`: `(None, 100, 128)`, `(None,)`, `()`.
 *
 * @param shape - the shape
 * @returns the text
 */
export function formatShape(shape: readonly (number | null)[]): string {
  const dims = shape.map((d) => (d === null ? 'None' : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

function rows(model: ModelSummaryInput): [string, string, string][] {
  return model.layers.map((l) => [`${l.name} (${l.className})`, formatShape(l.outputShape), formatCount(l.params)]);
}

function totals(model: ModelSummaryInput): [string, string][] {
  const trainable = model.trainableParams ?? model.totalParams;
  return [
    ['Total params', formatCount(model.totalParams)],
    ['Trainable params', formatCount(trainable)],
    ['Non-trainable params', formatCount(model.totalParams - trainable)],
  ];
}

/**
 * The summary as monospace text, like Keras' `model.summary()`.
 *
 * @param model - the model data
 * @returns the lines joined with `\n`, without a final newline
 * @example
 * ```ts
 * modelSummaryText({ name: 'm', totalParams: 11, layers: [{ name: 'dense', className: 'Dense', outputShape: [null, 1], params: 11 }] });
 * // Model: "m"
 * // _________________________________________________________________
 * //  Layer (type)                Output Shape              Param #
 * // =================================================================
 * //  dense (Dense)               (None, 1)                 11
 * // =================================================================
 * // Total params: 11
 * // Trainable params: 11
 * // Non-trainable params: 0
 * // _________________________________________________________________
 * ```
 */
export function modelSummaryText(model: ModelSummaryInput): string {
  const header: [string, string, string] = ['Layer (type)', 'Output Shape', 'Param #'];
  const body = rows(model);
  const all = [header, ...body];
  const w1 = Math.max(28, ...all.map((r) => r[0].length + 2));
  const w2 = Math.max(26, ...all.map((r) => r[1].length + 2));
  const w3 = Math.max(10, ...all.map((r) => r[2].length));
  const width = 1 + w1 + w2 + w3;
  const line = (r: [string, string, string]) => (' ' + r[0].padEnd(w1) + r[1].padEnd(w2) + r[2]).trimEnd();
  return [
    `Model: "${model.name}"`,
    '_'.repeat(width),
    line(header),
    '='.repeat(width),
    ...body.map(line),
    '='.repeat(width),
    ...totals(model).map(([label, count]) => `${label}: ${count}`),
    '_'.repeat(width),
  ].join('\n');
}

const CELL = 'padding:2px 10px;text-align:left;border-bottom:1px solid rgba(127,127,127,0.25)';

/**
 * The summary as a self-contained HTML table: Layer (type) | Output Shape | Param #, totals in the
 * footer. Every name is escaped.
 *
 * @param model - the model data
 * @returns a `<table>` element as a string
 */
export function modelSummaryHtml(model: ModelSummaryInput): string {
  const body = rows(model)
    .map(
      ([layer, shape, params]) =>
        `<tr><td style="${CELL}">${escapeHtml(layer)}</td><td style="${CELL};font-family:monospace">${escapeHtml(shape)}</td><td style="${CELL};text-align:right">${params}</td></tr>`,
    )
    .join('');
  const foot = totals(model)
    .map(([label, count]) => `<tr><td colspan="2" style="padding:2px 10px">${label}</td><td style="padding:2px 10px;text-align:right">${count}</td></tr>`)
    .join('');
  return (
    '<table class="rnnlab-model-summary" style="border-collapse:collapse;font-size:12px;color:inherit">' +
    `<caption style="text-align:left;font-weight:600;padding:2px 10px">Model: &quot;${escapeHtml(model.name)}&quot;</caption>` +
    `<thead><tr><th style="${CELL}">Layer (type)</th><th style="${CELL}">Output Shape</th><th style="${CELL};text-align:right">Param #</th></tr></thead>` +
    `<tbody>${body}</tbody><tfoot>${foot}</tfoot></table>`
  );
}
