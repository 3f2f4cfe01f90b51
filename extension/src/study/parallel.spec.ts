import '../testing/dom';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Widget } from '@lumino/widgets';
import { FALLBACK_COLORS } from '../plot/theme';
import type { ParcoordsTrace } from '../plot/types';
import type { StudyPayload } from '../payload';
import { studyExample } from '../testing/examples';
import { mimeModel, mockPlotly } from '../testing/plotly-mock';
import { brushedTrials, parallelAxisName, parallelFigure, rangesOfRestyle } from './parallel';
import { STUDY_MIME, StudyView } from './widget';

const rows = (view: StudyView): number[] => Array.from(view.node.querySelectorAll('tbody tr')).map((tr) => Number(tr.getAttribute('data-trial')));
const sorted = (numbers: number[]): number[] => [...numbers].sort((a, b) => a - b);

describe('parallel coordinates brushing', () => {
  // study-running.json: axes initialUnits (log10), learningRate (log10), cellType (LSTM 0, GRU 1, RNN 2), dropoutRate, value.
  const payload = studyExample('study-running.json');

  it('reads plotly restyle values: one range, several, cleared', () => {
    assert.deepEqual(rangesOfRestyle([[0.75, 1.25]]), [[0.75, 1.25]]);
    assert.deepEqual(rangesOfRestyle([[[0, 1], [2, 3]]]), [[0, 1], [2, 3]]);
    assert.deepEqual(rangesOfRestyle(null), []);
    assert.deepEqual(rangesOfRestyle([null]), []);
  });

  it('keeps the trials inside every brushed axis, in the axis units', () => {
    const numbers = (ranges: Record<string, [number, number][]>) => brushedTrials(payload, payload.trials, ranges).map((trial) => trial.number);
    assert.deepEqual([0, 1, 2, 3, 4].map((index) => parallelAxisName(payload, payload.trials, index)), ['initialUnits', 'learningRate', 'cellType', 'dropoutRate', 'val_loss']);
    assert.deepEqual(numbers({}), [0, 1, 2, 3, 4, 5, 6, 7]);
    assert.deepEqual(numbers({ cellType: [[0.75, 1.25]] }), [1, 4, 6], 'GRU; the running trial too');
    assert.deepEqual(numbers({ cellType: [[0.75, 1.25]], val_loss: [[0.3, 0.4]] }), [1, 4], 'no value: outside a value brush');
    assert.deepEqual(numbers({ initialUnits: [[Math.log10(60), Math.log10(100)]] }), [0, 5], 'log10 units');
    assert.deepEqual(numbers({ cellType: [[-0.1, 0.1], [1.9, 2.1]] }), [0, 2, 3, 5], 'LSTM or RNN');
    const trace = parallelFigure(payload, payload.trials, { colors: FALLBACK_COLORS, highlight: null, ranges: { cellType: [[0.75, 1.25]], val_loss: [[0.3, 0.35], [0.38, 0.4]] } }).traces[0] as ParcoordsTrace;
    assert.deepEqual(trace.dimensions.map((d) => d.constraintrange), [undefined, undefined, [0.75, 1.25], undefined, [[0.3, 0.35], [0.38, 0.4]]]);
  });

  it('filters the leaderboard on a brush, shows all when cleared, and keeps the brush as view state', async () => {
    const plotly = mockPlotly();
    const view = new StudyView({ loadPlotly: plotly.load, locator: null, throttleMs: 0 });
    Widget.attach(view, document.body);
    const model = mimeModel(STUDY_MIME, studyExample('study-running.json'));
    await view.renderModel(model);
    await view.flush();
    const plot = view.node.querySelector<HTMLElement>('[data-chart="parallel"] .rnnlab-plot');
    assert.ok(plot);
    assert.equal(rows(view).length, 8);
    plotly.restyle(plot, { 'dimensions[2].constraintrange': [[0.75, 1.25]] });
    assert.deepEqual(sorted(rows(view)), [1, 4, 6]);
    plotly.restyle(plot, { 'dimensions[4].constraintrange': [[0.3, 0.4]] });
    assert.deepEqual(sorted(rows(view)), [1, 4]);
    assert.match(view.node.querySelector('.rnnlab-pager')?.textContent ?? view.node.textContent ?? '', /of 2 \(8 in all\)/);
    const saved = model.data[STUDY_MIME] as unknown as StudyPayload;
    assert.deepEqual(saved.viewState, { parallelRanges: { cellType: [[0.75, 1.25]], val_loss: [[0.3, 0.4]] } });
    plotly.restyle(plot, { 'dimensions[2].constraintrange': null });
    assert.deepEqual(sorted(rows(view)), [1, 4], "the value brush alone");
    plotly.restyle(plot, { 'dimensions[4].constraintrange': null });
    assert.equal(rows(view).length, 8);
    assert.deepEqual((model.data[STUDY_MIME] as unknown as StudyPayload).viewState, {});
    plotly.restyle(plot, { 'dimensions[2].constraintrange': [[0.75, 1.25]] });
    view.dispose();

    // A reload shows the same rows and draws the brush on the axis.
    const reloadedPlotly = mockPlotly();
    const reloaded = new StudyView({ loadPlotly: reloadedPlotly.load, locator: null, throttleMs: 0 });
    Widget.attach(reloaded, document.body);
    await reloaded.renderModel(mimeModel(STUDY_MIME, model.data[STUDY_MIME]));
    await reloaded.flush();
    assert.deepEqual(sorted(rows(reloaded)), [1, 4, 6]);
    const parcoords = reloadedPlotly.calls.map((call) => call.data[0]).find((trace): trace is ParcoordsTrace => trace.type === 'parcoords');
    assert.deepEqual(parcoords?.dimensions[2].constraintrange, [0.75, 1.25]);
    reloaded.dispose();
  });
});
