import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FALLBACK_COLORS } from '../plot/theme';
import type { ScatterTrace } from '../plot/types';
import { trainingExample } from '../testing/examples';
import { trainingFigure } from './figure';
import { trainingSummary } from './summary';

const options = { logScale: false, columns: 2, colors: FALLBACK_COLORS };

describe('trainingFigure', () => {
  it('marks the best epoch on every subplot and stars the monitored value', () => {
    const payload = trainingExample('training-early-stopped.json');
    const figure = trainingFigure(payload, options);
    assert.deepEqual(
      figure.layout.shapes?.map((shape) => [shape.x0, shape.x1, shape.xref, shape.yref, shape.y0, shape.y1]),
      [
        [4, 4, 'x', 'y domain', 0, 1],
        [4, 4, 'x2', 'y2 domain', 0, 1],
      ],
    );
    assert.deepEqual(figure.layout.annotations?.map((note) => [note.text, note.x, note.xref]), [['best', 4, 'x'], ['best', 4, 'x2']]);
    const stars = (figure.traces as ScatterTrace[]).filter((trace) => trace.name === 'best epoch');
    assert.deepEqual(stars.map((star) => [star.x, star.y, star.yaxis]), [[[4], [0.4435], 'y']], 'val_loss at epoch 4, on the loss subplot');
    assert.equal(trainingSummary(payload).callbacks, 'stopped at epoch 7, best weights from epoch 4 restored');
    // While running: the best so far, weights not restored yet.
    const running = { ...payload, status: 'running' as const, finishedAt: null, callbacks: { monitor: 'val_loss', mode: 'min' as const, bestEpoch: 3, stoppedEpoch: null, restoredBestWeights: true } };
    assert.equal(trainingSummary(running).callbacks, 'best val_loss at epoch 4');
    const plain = trainingFigure(trainingExample('training-finished.json'), options);
    assert.deepEqual([plain.layout.shapes, plain.layout.annotations, trainingSummary(trainingExample('training-finished.json')).callbacks], [undefined, undefined, '']);
  });

  it('draws one subplot per metric with train and validation curves, epochs counted from 1', () => {
    const figure = trainingFigure(trainingExample('training-finished.json'), options);
    const traces = figure.traces as ScatterTrace[];
    assert.deepEqual(
      traces.map((trace) => [trace.name, trace.yaxis, trace.line?.dash]),
      [
        ['train', 'y', 'solid'],
        ['validation', 'y', 'dash'],
        ['train', 'y2', 'solid'],
        ['validation', 'y2', 'dash'],
      ],
    );
    assert.deepEqual(traces[0].x, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(traces[1].y[0], 0.814);
    assert.deepEqual(figure.layout.grid, { rows: 1, columns: 2, pattern: 'independent', xgap: 0.12, ygap: 0.3 });
    assert.equal(figure.layout.yaxis?.title?.text, 'loss');
    assert.equal(figure.layout.yaxis2?.title?.text, 'accuracy');
    assert.deepEqual([figure.layout.xaxis?.dtick, figure.layout.xaxis?.tickformat], [1, 'd'], 'a tick per epoch, no 1.5');
    assert.equal(traces.filter((trace) => trace.showlegend).length, 2);
  });

  it('keeps the zoom across updates (uirevision is the run id) and resets it on a scale change', () => {
    const running = trainingFigure(trainingExample('training-running.json'), options);
    const later = trainingFigure(trainingExample('training-running.json'), options);
    assert.equal(running.layout.uirevision, 'fit-2f6c1a:linear');
    assert.equal(later.layout.uirevision, running.layout.uirevision);
    const log = trainingFigure(trainingExample('training-running.json'), { ...options, logScale: true });
    assert.equal(log.layout.uirevision, 'fit-2f6c1a:log');
    assert.equal(log.layout.yaxis?.type, 'log');
    assert.equal(log.layout.yaxis2?.type, 'linear', 'accuracy is not loss-like: no log scale');
  });

  it('stacks subplots in one column when narrow, and leaves a gap for a non-finite loss', () => {
    const figure = trainingFigure(trainingExample('training-failed.json'), { ...options, columns: 1 });
    assert.equal(figure.layout.grid?.rows, 2);
    const loss = figure.traces[0] as ScatterTrace;
    assert.deepEqual(loss.y, [0.74, 0.5874, null]);
    assert.equal(figure.traces.length, 2, 'no validation curves without val_ logs');
  });

  it('draws per-batch values at fractional epochs', () => {
    const figure = trainingFigure(trainingExample('training-batches.json'), options);
    const batches = figure.traces[0] as ScatterTrace;
    assert.equal(batches.name, 'train (batches)');
    assert.deepEqual(batches.x.slice(0, 5), [0.25, 0.5, 0.75, 1, 1.25]);
  });

  it('centres a one-epoch run on its epoch instead of a -1..1 axis', () => {
    const one = trainingExample('training-finished.json');
    one.epochs = one.epochs.slice(0, 1);
    const figure = trainingFigure(one, options);
    assert.deepEqual(figure.layout.xaxis?.range, [0.5, 1.5]);
  });

  it('draws a regression loss once when its mse metric repeats it', () => {
    const payload = trainingExample('training-finished.json');
    payload.metrics = ['loss', 'mse', 'mae'];
    payload.epochs = payload.epochs.map((record, i) => ({ ...record, logs: { loss: 1 / (i + 1), mse: 1 / (i + 1), mae: 2 / (i + 1) } }));
    const figure = trainingFigure(payload, options);
    assert.deepEqual([figure.layout.yaxis?.title?.text, figure.layout.yaxis2?.title?.text, figure.layout.yaxis3], ['loss', 'mae', undefined]);
  });

  it('shows epoch seconds in the hover text', () => {
    const trace = trainingFigure(trainingExample('training-running.json'), options).traces[0] as ScatterTrace;
    assert.deepEqual(trace.customdata, [4.1, 4.3, 4.5]);
    assert.match(trace.hovertemplate ?? '', /%\{customdata:.2f\} s/);
  });
});

describe('trainingSummary', () => {
  it('summarises a running fit', () => {
    assert.deepEqual(trainingSummary(trainingExample('training-running.json')), {
      title: 'Seed LSTM on the synthetic sequences',
      status: 'running',
      progress: 'epoch 3 / 10 · batch 12 / 25 · ETA 31.9 s',
      timing: 'last epoch 4.50 s · mean 4.30 s · elapsed 14.6 s',
      details: 'sequential · 133,025 params · backend tensorflow · batch 32 · 800 samples',
      latest: 'loss 0.4685 · accuracy 0.672 · val_loss 0.5354 · val_accuracy 0.6152',
      callbacks: '',
      fraction: (3 + 12 / 25) / 10,
    });
  });

  it('lists the latest metrics in the payload\'s order even when a saved notebook sorted the logs\' keys', () => {
    const payload = trainingExample('training-finished.json');
    const last = payload.epochs[payload.epochs.length - 1];
    last.logs = Object.fromEntries(Object.entries(last.logs).sort(([a], [b]) => (a < b ? -1 : 1)));
    assert.deepEqual(trainingSummary(payload).latest.split(' · ').map((part) => part.split(' ')[0]), ['loss', 'accuracy', 'val_loss', 'val_accuracy']);
  });

  it('reads n/a for a non-finite value', () => {
    assert.equal(trainingSummary(trainingExample('training-failed.json')).latest, 'loss n/a · accuracy 0.5');
  });
});
