/**
 * Static fallbacks of the training view ({@link TRAINING_MIME}): a one-paragraph text summary and a
 * self-contained HTML block with one SVG chart per metric, for front ends without the rnnlab
 * extension (VS Code, GitHub, nbconvert).
 */
import { escapeHtml } from './escape';
import { formatCount, formatDuration, formatMetric } from './format';
import { BLOCK_STYLE, badge, cell, errorBox, type Tone } from './html';
import { CHART_PALETTE, lineChartSvg, type ChartSeries } from './svg';
import type { TrainingPayload, TrainingStatus } from './types';

/** How many of the last epochs the HTML table lists. */
export const LAST_EPOCHS = 5;

const STATUS: Readonly<Record<TrainingStatus, { text: string; tone: Tone }>> = {
  running: { text: 'running', tone: 'blue' },
  finished: { text: 'finished', tone: 'green' },
  stopped: { text: 'stopped early', tone: 'orange' },
  pruned: { text: 'pruned', tone: 'grey' },
  failed: { text: 'failed', tone: 'red' },
};

/**
 * What the run's best-epoch callback did, e.g. `stopped at epoch 7, best weights from epoch 4 restored`
 * (epochs counted from 1, as Keras prints them); '' when the fit used no such callback.
 *
 * @param payload - the run
 */
export function bestEpochNote(payload: TrainingPayload): string {
  const record = payload.callbacks;
  if (!record) return '';
  const parts: string[] = [];
  if (record.stoppedEpoch !== null) parts.push(`stopped at epoch ${record.stoppedEpoch + 1}`);
  if (record.bestEpoch !== null) {
    const ended = payload.status !== 'running';
    parts.push(record.restoredBestWeights && ended ? `best weights from epoch ${record.bestEpoch + 1} restored` : `best ${record.monitor} at epoch ${record.bestEpoch + 1}`);
  }
  return parts.join(', ');
}

/**
 * The metric columns of a run, in Keras' order: the training metrics (`metrics`, then any other
 * logged name), then the validation ones that were logged (`val_` + a training name first).
 *
 * @param payload - the run
 * @returns the training names and the validation names
 */
export function metricColumns(payload: TrainingPayload): { train: string[]; val: string[] } {
  const seen = new Set(payload.epochs.flatMap((e) => Object.keys(e.logs)));
  const train = [...payload.metrics];
  for (const key of seen) {
    if (!key.startsWith('val_') && !train.includes(key)) {
      train.push(key);
    }
  }
  const val = train.map((m) => `val_${m}`).filter((k) => seen.has(k));
  for (const key of seen) {
    if (key.startsWith('val_') && !val.includes(key)) {
      val.push(key);
    }
  }
  return { train, val };
}

function epochsDone(payload: TrainingPayload): number {
  const last = payload.epochs[payload.epochs.length - 1];
  return last ? last.epoch + 1 : 0;
}

/**
 * The running epoch's progress and the time left, e.g. `epoch 3 batch 12/50, ETA 1m 05s`; empty
 * unless the run is running with an epoch in progress.
 *
 * @param payload - the run
 * @returns the text
 */
export function trainingProgressText(payload: TrainingPayload): string {
  const progress = payload.progress;
  if (payload.status !== 'running' || !progress) {
    return '';
  }
  const batches = progress.batchesTotal === null ? `batch ${progress.batchesDone}` : `batch ${progress.batchesDone}/${progress.batchesTotal}`;
  const eta = progress.etaSeconds === null ? '' : `, ETA ${formatDuration(progress.etaSeconds)}`;
  return `epoch ${progress.epoch + 1} ${batches}${eta}`;
}

/**
 * A one-paragraph plain-text summary of a training run.
 *
 * @param payload - the run
 * @returns the text, on one line
 * @example
 * ```ts
 * trainingText(payload);
 * // 'Training "sequential": finished. Epoch 10/10, 46.3s on wasm. Model "sequential", 133,025 params.
 * //  Last epoch: loss 0.1093, acc 0.9235, val_loss 0.1302, val_acc 0.8674.'
 * ```
 */
export function trainingText(payload: TrainingPayload): string {
  const { model, params } = payload;
  const parts = [
    `Training "${payload.title ?? model.name}": ${STATUS[payload.status].text}.`,
    `Epoch ${epochsDone(payload)}/${params.epochs}, ${formatDuration(payload.elapsedSeconds)} on ${payload.backend}.`,
    ...(trainingProgressText(payload) ? [`Now at ${trainingProgressText(payload)}.`] : []),
    `Model "${model.name}", ${formatCount(model.totalParams)} params.`,
  ];
  const last = payload.epochs[payload.epochs.length - 1];
  if (last) {
    const { train, val } = metricColumns(payload);
    const values = [...train, ...val].filter((k) => k in last.logs).map((k) => `${k} ${formatMetric(last.logs[k])}`);
    parts.push(`Last epoch: ${values.length ? values.join(', ') : 'no metrics'}.`);
  } else {
    parts.push('No epoch finished yet.');
  }
  const note = bestEpochNote(payload);
  if (note) parts.push(`${note[0].toUpperCase()}${note.slice(1)}.`);
  if (payload.status === 'failed' && payload.error !== null) {
    parts.push(`Error: ${payload.error}`);
  }
  return parts.join(' ');
}

/** One chart's series for a training metric: train, validation (dashed), per-batch values (faint). */
function metricSeries(payload: TrainingPayload, metric: string, hasVal: boolean): ChartSeries[] {
  const series: ChartSeries[] = [];
  const batches = (payload.batches ?? []).filter((b) => metric in b.logs);
  if (batches.length) {
    const perEpoch = new Map<number, number>();
    for (const b of batches) {
      perEpoch.set(b.epoch, Math.max(perEpoch.get(b.epoch) ?? 0, b.batch + 1));
    }
    const points = batches.map((b): [number, number | null] => [b.epoch + (b.batch + 1) / (perEpoch.get(b.epoch) ?? 1), b.logs[metric] ?? null]);
    series.push({ name: `${metric} (batch)`, points, faint: true, color: CHART_PALETTE[0] });
  }
  series.push({ name: metric, points: payload.epochs.map((e) => [e.epoch + 1, e.logs[metric] ?? null]), color: CHART_PALETTE[0] });
  if (hasVal) {
    series.push({ name: `val_${metric}`, points: payload.epochs.map((e) => [e.epoch + 1, e.logs[`val_${metric}`] ?? null]), dashed: true, color: CHART_PALETTE[1] });
  }
  return series;
}

/** Whether `metric` logged the loss's value at every epoch (a regression's `mse` with an mse loss). */
function repeatsLoss(payload: TrainingPayload, metric: string): boolean {
  return (
    metric !== 'loss' &&
    payload.epochs.length > 0 &&
    payload.epochs.every((e) => 'loss' in e.logs && e.logs[metric] === e.logs.loss && e.logs[`val_${metric}`] === e.logs.val_loss)
  );
}

function charts(payload: TrainingPayload): string {
  const { train, val } = metricColumns(payload);
  const best = payload.callbacks?.bestEpoch ?? null;
  const svgs = train.filter((metric) => !repeatsLoss(payload, metric)).map((metric) =>
    lineChartSvg({
      series: metricSeries(payload, metric, val.includes(`val_${metric}`)),
      width: 320,
      height: 200,
      title: metric,
      xLabel: 'epoch',
      xIntegers: true,
      ...(best === null ? {} : { markX: { x: best + 1, label: 'best' } }),
    }),
  );
  return svgs.length ? `<div class="rnnlab-charts" style="display:flex;flex-wrap:wrap;gap:8px;margin:6px 0">${svgs.join('')}</div>` : '';
}

function lastEpochsTable(payload: TrainingPayload): string {
  if (!payload.epochs.length) {
    return '<div style="opacity:0.7">No epoch finished yet.</div>';
  }
  const { train, val } = metricColumns(payload);
  const columns = [...train, ...val];
  const shown = payload.epochs.slice(-LAST_EPOCHS);
  const head = [cell('Epoch', { header: true, right: true }), ...columns.map((c) => cell(escapeHtml(c), { header: true, right: true })), cell('Time', { header: true, right: true })];
  const body = shown.map((e) => {
    const cells = columns.map((c) => cell(c in e.logs ? formatMetric(e.logs[c]) : '', { right: true, style: 'font-variant-numeric:tabular-nums' }));
    return `<tr>${cell(String(e.epoch + 1), { right: true })}${cells.join('')}${cell(formatDuration(e.seconds), { right: true })}</tr>`;
  });
  const caption = payload.epochs.length > shown.length ? `Last ${shown.length} of ${payload.epochs.length} epochs` : 'Epochs';
  return (
    '<table class="rnnlab-epochs" style="border-collapse:collapse;font-size:12px">' +
    `<caption style="text-align:left;opacity:0.75;padding:2px 8px">${caption}</caption>` +
    `<thead><tr>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`
  );
}

/**
 * A self-contained HTML view of a training run: a header with the status, an error box when the run
 * failed, one SVG chart per training metric (training and validation curves, per-batch values when
 * present) and a table of the last {@link LAST_EPOCHS} epochs. Every user string is escaped.
 *
 * @param payload - the run
 * @returns a `<div>` element as a string
 */
export function trainingHtml(payload: TrainingPayload): string {
  const { model, params } = payload;
  const status = STATUS[payload.status];
  const sizes = [params.samples !== null ? `${formatCount(params.samples)} samples` : '', params.batchSize !== null ? `batch ${params.batchSize}` : '']
    .filter(Boolean)
    .join(', ');
  const meta = [
    `epoch ${epochsDone(payload)}/${params.epochs}`,
    escapeHtml(trainingProgressText(payload)),
    escapeHtml(bestEpochNote(payload)),
    formatDuration(payload.elapsedSeconds),
    escapeHtml(payload.backend),
    `${escapeHtml(model.name)} (${formatCount(model.totalParams)} params)`,
    sizes,
  ].filter(Boolean);
  const header =
    `<div class="rnnlab-header" style="display:flex;flex-wrap:wrap;align-items:baseline;gap:8px">` +
    `<strong style="font-size:14px">${escapeHtml(payload.title ?? model.name)}</strong>` +
    badge(status.text, status.tone, `rnnlab-status rnnlab-status-${payload.status}`) +
    `<span style="opacity:0.75">${meta.join(' · ')}</span></div>`;
  const error = payload.status === 'failed' && payload.error !== null ? errorBox('Error', payload.error) : '';
  return (
    `<div class="rnnlab-training" data-rnnlab-id="${escapeHtml(payload.id)}" style="${BLOCK_STYLE}">` +
    header +
    error +
    charts(payload) +
    lastEpochsTable(payload) +
    '</div>'
  );
}
