import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml } from './escape';
import { assertWellFormed, count, example as loadExample } from './spec-helpers';
import { bestEpochNote, metricColumns, trainingHtml, trainingProgressText, trainingText } from './training-fallback';
import type { TrainingPayload } from './types';

const example = (file: string) => loadExample<TrainingPayload>(file);

const svgs = (html: string): string[] => html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];

const HOSTILE = `<script>alert(1)</script>"'&`;
const ESCAPED = escapeHtml(HOSTILE);

function fresh(): TrainingPayload {
  return {
    version: 1,
    id: 'fit-1',
    status: 'running',
    error: null,
    backend: 'cpu',
    model: { name: 'm', totalParams: 11, layers: [] },
    params: { epochs: 3, batchSize: null, samples: null, validation: false },
    metrics: ['loss'],
    epochs: [],
    startedAt: '2025-01-31T12:00:00.000Z',
    finishedAt: null,
    elapsedSeconds: 0.4,
  };
}

describe('training text fallback', () => {
  it('summarises each example in one line', () => {
    assert.deepEqual(
      ['training-running.json', 'training-finished.json', 'training-failed.json', 'training-batches.json'].map((f) => trainingText(example(f))),
      [
        'Training "Seed LSTM on the synthetic sequences": running. Epoch 3/10, 14.6s on tensorflow. Now at epoch 4 batch 12/25, ETA 31.9s. Model "sequential", 133,025 params. Last epoch: loss 0.4685, accuracy 0.6720, val_loss 0.5354, val_accuracy 0.6152.',
        'Training "sequential": finished. Epoch 10/10, 46.3s on wasm. Model "sequential", 133,025 params. Last epoch: loss 0.1227, accuracy 0.9141, val_loss 0.2250, val_accuracy 0.8568.',
        'Training "High learning rate": failed. Epoch 3/5, 13.9s on cpu. Model "sequential_2", 133,025 params. Last epoch: loss n/a, accuracy 0.5000. Error: training diverged: the loss is NaN after epoch 3 (learning rate 0.5); lower the learning rate',
        'Training "Per-batch logging": stopped early. Epoch 3/20, 12.0s on tensorflow. Model "tiny_gru", 4,257 params. Last epoch: loss 0.4685, accuracy 0.6720.',
      ],
    );
  });

  it('says when no epoch has finished', () => {
    assert.equal(trainingText(fresh()), 'Training "m": running. Epoch 0/3, 0.4s on cpu. Model "m", 11 params. No epoch finished yet.');
  });

  it('orders training metrics before validation ones and keeps logged extras', () => {
    const payload = fresh();
    payload.epochs = [{ epoch: 0, logs: { val_loss: 1, lr: 0.1, loss: 2, val_extra: 3 }, seconds: 1 }];
    assert.deepEqual(metricColumns(payload), { train: ['loss', 'lr'], val: ['val_loss', 'val_extra'] });
  });
});

describe('training HTML fallback', () => {
  it('shows status, one chart per metric with train and val curves, and the last epochs', () => {
    const html = trainingHtml(example('training-finished.json'));
    assertWellFormed(html);
    assert.ok(html.startsWith('<div class="rnnlab-training" data-rnnlab-id="fit-9b01d4" style="'));
    assert.ok(html.includes('class="rnnlab-status rnnlab-status-finished"'));
    assert.ok(html.includes('>epoch 10/10 · 46.3s · wasm · sequential (133,025 params) · 800 samples, batch 32</span>'));
    const charts = svgs(html);
    assert.deepEqual(charts.map((svg) => svg.match(/<title>([^<]*)<\/title>/)?.[1]), ['loss', 'accuracy']);
    assert.deepEqual(charts.map((svg) => count(svg, '<path ')), [2, 2]);
    assert.ok(charts[0].includes('<title>val_loss</title>'));
    assert.ok(html.includes('Last 5 of 10 epochs'));
    assert.equal(count(html.slice(html.indexOf('<table class="rnnlab-epochs"')), '<tr>'), 1 + 5);
    assert.ok(html.includes('>10</td><td style="padding:2px 8px;border-bottom:1px solid rgba(127,127,127,0.25);white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums">0.1227</td>'));
    assert.ok(!html.includes('rnnlab-error'));
    assert.ok(!/<script|<link|<style|https?:/.test(html.replaceAll('http://www.w3.org/2000/svg', '')), 'self-contained');
  });

  it('draws a regression loss once when its mse metric repeats it', () => {
    const payload = example('training-finished.json');
    payload.metrics = ['loss', 'mse'];
    payload.epochs = payload.epochs.map((e, i) => ({ ...e, logs: { loss: 1 / (i + 1), mse: 1 / (i + 1) } }));
    assert.deepEqual(svgs(trainingHtml(payload)).map((svg) => svg.match(/<title>([^<]*)<\/title>/)?.[1]), ['loss']);
  });

  it('shows the epoch in progress and the time left while running', () => {
    const html = trainingHtml(example('training-running.json'));
    assert.ok(html.includes('>epoch 3/10 · epoch 4 batch 12/25, ETA 31.9s · 14.6s · tensorflow'));
    const payload = example('training-running.json');
    payload.progress = { epoch: 0, batchesDone: 7, batchesTotal: null, etaSeconds: null };
    assert.equal(trainingProgressText(payload), 'epoch 1 batch 7');
    payload.status = 'stopped';
    assert.equal(trainingProgressText(payload), '', 'no progress once the run has ended');
  });

  it('shows the error of a failed run in an error box and n/a for a non-finite loss', () => {
    const html = trainingHtml(example('training-failed.json'));
    assertWellFormed(html);
    assert.ok(html.includes('class="rnnlab-status rnnlab-status-failed"'));
    assert.ok(html.includes('<div class="rnnlab-error" role="alert"'));
    assert.ok(html.includes('training diverged: the loss is NaN after epoch 3 (learning rate 0.5); lower the learning rate</span></div>'));
    assert.ok(html.includes('>n/a</td>'));
    assert.deepEqual(svgs(html).map((svg) => count(svg, '<path ')), [1, 1], 'no validation curves');
  });

  it('draws per-batch values behind the epoch curve', () => {
    const html = trainingHtml(example('training-batches.json'));
    assertWellFormed(html);
    const [loss] = svgs(html);
    assert.equal(count(loss, '<path '), 2);
    assert.ok(loss.includes('<title>loss (batch)</title>'));
    assert.ok(html.includes('class="rnnlab-status rnnlab-status-stopped"'));
  });

  it('marks the best epoch and says where EarlyStopping stopped', () => {
    const payload = example('training-early-stopped.json');
    assert.equal(bestEpochNote(payload), 'stopped at epoch 7, best weights from epoch 4 restored');
    assert.ok(trainingText(payload).endsWith('Stopped at epoch 7, best weights from epoch 4 restored.'));
    const html = trainingHtml(payload);
    assertWellFormed(html);
    assert.ok(html.includes('stopped at epoch 7, best weights from epoch 4 restored'));
    assert.deepEqual(svgs(html).map((svg) => count(svg, 'class="rnnlab-mark"')), [1, 1], 'a best-epoch line on each chart');
    // While running, the best epoch so far; weights are restored only at the end.
    payload.status = 'running';
    payload.callbacks = { monitor: 'val_loss', mode: 'min', bestEpoch: 3, stoppedEpoch: null, restoredBestWeights: true };
    assert.equal(bestEpochNote(payload), 'best val_loss at epoch 4');
    assert.equal(bestEpochNote(example('training-finished.json')), '');
    assert.equal(count(trainingHtml(example('training-finished.json')), 'rnnlab-mark'), 0);
  });

  it('renders a run without epochs', () => {
    const html = trainingHtml(fresh());
    assertWellFormed(html);
    assert.ok(html.includes('>no data yet</text>'));
    assert.ok(html.includes('No epoch finished yet.'));
  });

  it('escapes the title, model name, metric names, backend, id and error', () => {
    const payload = example('training-failed.json');
    payload.title = HOSTILE;
    payload.model.name = HOSTILE;
    payload.model.layers[0].name = HOSTILE;
    payload.backend = HOSTILE;
    payload.id = HOSTILE;
    payload.error = HOSTILE;
    payload.metrics = [HOSTILE];
    payload.epochs = [{ epoch: 0, logs: { [HOSTILE]: 1, [`val_${HOSTILE}`]: 2 }, seconds: 1 }];
    const html = trainingHtml(payload);
    assertWellFormed(html);
    assert.ok(!html.includes(HOSTILE));
    assert.ok(!html.includes('<script'));
    for (const fragment of [
      `data-rnnlab-id="${ESCAPED}"`,
      `<strong style="font-size:14px">${ESCAPED}</strong>`,
      `${ESCAPED} (133,025 params)`,
      `>${ESCAPED}</span></div>`,
      `<title>${ESCAPED}</title>`,
      `<title>val_${ESCAPED}</title>`,
      `>val_${ESCAPED}</th>`,
    ]) {
      assert.ok(html.includes(fragment), fragment);
    }
    assert.ok(trainingText(payload).includes(`Error: ${HOSTILE}`), 'the text fallback is plain text, not escaped');
  });
});
