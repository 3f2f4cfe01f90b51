/**
 * Responsiveness of large studies: a 10,000-trial leaderboard and 200 trials × 100 steps of curves.
 * Prints the timings (`# bench ...` lines); they are not asserted as limits, since machines differ.
 */
import '../testing/dom';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StudyPayload, Trial } from '../payload';
import { FALLBACK_COLORS } from '../plot/theme';
import { mimeModel, mockPlotly } from '../testing/plotly-mock';
import { intermediateFigure } from './charts';
import { PAGE_SIZE } from './leaderboard-table';
import { Widget } from '@lumino/widgets';
import { STUDY_MIME, StudyView } from './widget';

function syntheticStudy(trials: number, steps: number): StudyPayload {
  const states: Trial['state'][] = ['COMPLETE', 'COMPLETE', 'COMPLETE', 'PRUNED', 'FAIL', 'RUNNING'];
  return {
    version: 1,
    id: `bench-${trials}`,
    kind: 'study',
    name: 'benchmark',
    directions: ['minimize'],
    valueNames: ['val_loss'],
    status: 'running',
    searchSpace: {
      units: { type: 'int', low: 8, high: 256, log: true },
      lr: { type: 'float', low: 1e-4, high: 1e-1, log: true },
      cell: { type: 'categorical', choices: ['LSTM', 'GRU', 'RNN'] },
    },
    trials: Array.from({ length: trials }, (_, number): Trial => {
      const state = states[number % states.length];
      const value = 0.3 + ((number * 7919) % 1000) / 2000;
      return {
        number,
        state,
        params: { units: 8 + (number % 249), lr: 1e-4 * (1 + (number % 997)), cell: ['LSTM', 'GRU', 'RNN'][number % 3] },
        values: state === 'COMPLETE' ? [value] : null,
        intermediateValues: Array.from({ length: steps }, (_, step): [number, number] => [step, value + 1 / (step + 1)]),
        datetimeStart: '2025-02-01T09:00:00.000Z',
        datetimeComplete: state === 'RUNNING' ? null : '2025-02-01T09:01:00.000Z',
        durationSeconds: state === 'RUNNING' ? null : 60,
        userAttrs: {},
        failReason: state === 'FAIL' ? 'boom' : null,
      };
    }),
    bestTrialNumbers: [0],
    importance: { units: 0.5, lr: 0.3, cell: 0.2 },
    controls: { commTarget: 'rnnlab.study', studyId: 'bench' },
  };
}

function time<T>(label: string, action: () => T): T {
  const started = performance.now();
  const result = action();
  console.log(`[bench] ${label}: ${(performance.now() - started).toFixed(1)} ms`);
  return result;
}

async function timeAsync(label: string, action: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await action();
  console.log(`[bench] ${label}: ${(performance.now() - started).toFixed(1)} ms`);
}

describe('benchmark', () => {
  it('10,000-trial leaderboard: first render, live update, sort; one page of rows in the DOM', async () => {
    const payload = syntheticStudy(10_000, 0);
    const plotly = mockPlotly();
    const view = new StudyView({ loadPlotly: plotly.load, locator: null, throttleMs: 0 });
    Widget.attach(view, document.body);
    await timeAsync('10k trials: first render (validate + rows + table page)', () => view.renderModel(mimeModel(STUDY_MIME, payload)));
    await timeAsync('10k trials: four chart figures (plotly mocked)', () => view.flush());
    await timeAsync('10k trials: live update', () => view.renderModel(mimeModel(STUDY_MIME, payload)));
    time('10k trials: sort by a parameter', () => view.node.querySelector<HTMLButtonElement>('th[data-key="param:lr"] button')?.click());
    time('10k trials: filter out complete trials', () => view.node.querySelector<HTMLButtonElement>('[data-filter="complete"]')?.click());
    time('10k trials: CSV export', () => view.csv());
    assert.equal(view.node.querySelectorAll('tbody tr').length, PAGE_SIZE);
    view.dispose();
  });

  it('200 trials × 100 steps of curves: a handful of traces', () => {
    const payload = syntheticStudy(200, 100);
    const figure = time('200 × 100 curves: intermediate figure', () =>
      intermediateFigure(payload, payload.trials, { colors: FALLBACK_COLORS, highlight: 17 }),
    );
    assert.ok(figure.traces.length <= 6, `${figure.traces.length} traces`);
    const points = figure.traces.reduce((sum, trace) => sum + (trace.type === 'scatter' ? trace.x.length : 0), 0);
    console.log(`[bench] 200 × 100 curves: ${figure.traces.length} traces, ${points} points`);
  });
});
