/** The training view's header as text: title, status, progress, epoch times. Pure. */
import { formatCount, formatSeconds, formatValue } from '../common';
import type { TrainingPayload } from '../payload';

/** The lines the header shows. */
export interface TrainingSummary {
  title: string;
  status: TrainingPayload['status'];
  /** `epoch 3 / 10`, and while an epoch runs `epoch 3 / 10 · batch 12 / 25 · ETA 31.9 s` */
  progress: string;
  /** `last epoch 4.50 s · mean 4.30 s · elapsed 14.6 s` */
  timing: string;
  /** `sequential · 133,025 params · backend tensorflow · batch 32 · 800 samples` */
  details: string;
  /** `loss 0.4685 · val_loss 0.5354 ...` at the last epoch */
  latest: string;
  /** `stopped at epoch 7, best weights from epoch 4 restored`; '' without a best-epoch callback */
  callbacks: string;
  /** 0..1 share of epochs done */
  fraction: number;
}

/** What the best-epoch callback did, epochs counted from 1 as Keras prints them. */
function callbacksNote(payload: TrainingPayload): string {
  const record = payload.callbacks;
  if (!record) return '';
  const parts: string[] = [];
  if (record.stoppedEpoch !== null) parts.push(`stopped at epoch ${record.stoppedEpoch + 1}`);
  if (record.bestEpoch !== null) {
    const restored = record.restoredBestWeights && payload.status !== 'running';
    parts.push(restored ? `best weights from epoch ${record.bestEpoch + 1} restored` : `best ${record.monitor} at epoch ${record.bestEpoch + 1}`);
  }
  return parts.join(', ');
}

/** Summarises a payload for the header. */
export function trainingSummary(payload: TrainingPayload): TrainingSummary {
  const done = payload.epochs.length;
  const total = payload.params.epochs;
  const seconds = payload.epochs.map((record) => record.seconds);
  const last = seconds.length > 0 ? seconds[seconds.length - 1] : null;
  const mean = seconds.length > 0 ? seconds.reduce((a, b) => a + b, 0) / seconds.length : null;
  const timing = [
    last === null ? 'no epoch finished yet' : `last epoch ${formatSeconds(last)}`,
    mean === null ? null : `mean ${formatSeconds(mean)}`,
    `elapsed ${formatSeconds(payload.elapsedSeconds)}`,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
  const params = payload.params;
  const details = [
    payload.model.name,
    `${formatCount(payload.model.totalParams)} params`,
    `backend ${payload.backend}`,
    params.batchSize === null ? null : `batch ${params.batchSize}`,
    params.samples === null ? null : `${formatCount(params.samples)} samples`,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
  const lastLogs = done > 0 ? payload.epochs[done - 1].logs : {};
  // Keras' order: the training metrics as listed in `metrics` (saved notebooks sort the logs' keys), then
  // the validation ones, then anything else logged.
  const listed = [...payload.metrics, ...payload.metrics.map((name) => `val_${name}`)];
  const rank = (key: string): number => (listed.includes(key) ? listed.indexOf(key) : listed.length + Number(key.startsWith('val_')));
  const latest = Object.entries(lastLogs)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, value]) => `${key} ${formatValue(value)}`)
    .join(' · ');
  const current = payload.status === 'running' ? payload.progress ?? null : null;
  const inEpoch =
    current === null
      ? []
      : [
          current.batchesTotal === null ? `batch ${current.batchesDone}` : `batch ${current.batchesDone} / ${current.batchesTotal}`,
          current.etaSeconds === null ? null : `ETA ${formatSeconds(current.etaSeconds)}`,
        ].filter((part): part is string => part !== null);
  // The bar counts the running epoch's finished batches as a share of an epoch.
  const partial = current !== null && current.batchesTotal !== null ? Math.min(1, current.batchesDone / current.batchesTotal) : 0;
  return {
    title: payload.title ?? payload.model.name,
    status: payload.status,
    progress: [`epoch ${done} / ${total}`, ...inEpoch].join(' · '),
    timing,
    details,
    latest,
    callbacks: callbacksNote(payload),
    fraction: total > 0 ? Math.min(1, (done + partial) / total) : 0,
  };
}
