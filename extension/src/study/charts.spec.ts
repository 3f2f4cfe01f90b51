import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FALLBACK_COLORS } from '../plot/theme';
import type { BarTrace, ParcoordsTrace, ScatterTrace } from '../plot/types';
import { studyExample } from '../testing/examples';
import { historyFigure, importanceFigure, intermediateFigure, parallelFigure } from './charts';

const options = { colors: FALLBACK_COLORS, highlight: null };

describe('study charts', () => {
  it('overlays every trial curve in one trace per group, with gaps between trials', () => {
    const payload = studyExample('study-running.json');
    const figure = intermediateFigure(payload, payload.trials, options);
    const traces = figure.traces as ScatterTrace[];
    assert.deepEqual(traces.map((trace) => trace.name), ['complete', 'pruned', 'running', 'best']);
    const complete = traces[0];
    assert.equal(complete.x.filter((x) => x === null).length, 2, 'trials 0, 1 and 5 joined by two gaps');
    assert.deepEqual(traces[2].customdata, [6, 6, 6, 6]);
  });

  it('highlights the selected trial last and thickest', () => {
    const payload = studyExample('study-running.json');
    const traces = intermediateFigure(payload, payload.trials, { ...options, highlight: 1 }).traces as ScatterTrace[];
    const last = traces[traces.length - 1];
    assert.equal(last.name, 'selected');
    assert.deepEqual([...new Set(last.customdata)], [1]);
    assert.equal(last.line?.width, 3.5);
  });

  it('plots fold scores of a search as its curves', () => {
    const payload = studyExample('grid-search-finished.json');
    payload.trials[0].intermediateValues = [[0, 0.805], [1, 0.82], [2, 0.81]];
    const figure = intermediateFigure(payload, payload.trials, options);
    assert.equal(figure.layout.xaxis?.title?.text, 'fold');
  });

  it('notes when nothing was reported', () => {
    const payload = studyExample('study-multi-objective.json');
    const figure = intermediateFigure(payload, payload.trials, options);
    assert.equal(figure.traces.length, 0);
    assert.equal(figure.layout.annotations?.[0].text, 'no intermediate values reported yet');
  });

  it('draws the best value so far', () => {
    const traces = historyFigure(studyExample('study-running.json'), options).traces as ScatterTrace[];
    assert.deepEqual(traces[0].x, [0, 1, 4, 5]);
    assert.deepEqual(traces[1].y, [0.4121, 0.3877, 0.3512, 0.3512]);
  });

  it('draws the Pareto front of two objectives', () => {
    const traces = historyFigure(studyExample('study-multi-objective.json'), options).traces as ScatterTrace[];
    assert.deepEqual(traces.map((trace) => [trace.name, trace.customdata]), [['dominated', [3, 5]], ['Pareto front', [0, 1, 2, 4]]]);
  });

  it('maps parameters to parallel axes: categorical to choice indices, log ones to log10', () => {
    const payload = studyExample('study-running.json');
    const trace = parallelFigure(payload, payload.trials, options).traces[0] as ParcoordsTrace;
    assert.deepEqual(trace.dimensions.map((d) => d.label), ['initialUnits (log10)', 'learningRate (log10)', 'cellType', 'dropoutRate', 'val_loss']);
    assert.deepEqual(trace.dimensions[2].ticktext, ['LSTM', 'GRU', 'RNN']);
    assert.deepEqual(trace.dimensions[2].values, [0, 1, 1]);
    assert.equal(trace.line.reversescale, true);
  });

  it('sorts importance bars, largest on top', () => {
    const bar = importanceFigure(studyExample('grid-search-finished.json'), options).traces[0] as BarTrace;
    assert.deepEqual(bar.y, ['cellType', 'initialUnits', 'learningRate']);
    assert.deepEqual(bar.text, ['17.0 %', '31.0 %', '52.0 %']);
    assert.equal(importanceFigure(studyExample('study-running.json'), options).layout.annotations?.[0].text, 'parameter importance: not computed');
  });
});
