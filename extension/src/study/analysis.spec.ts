import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FALLBACK_COLORS } from '../plot/theme';
import type { BarTrace, ContourTrace, ParcoordsTrace, ScatterTrace } from '../plot/types';
import { generateStudy } from '../testing/generate';
import { studyExample } from '../testing/examples';
import { chosenPair, contourFigure, edfFigure, rankFigure, sliceFigure, timelineFigure } from './analysis';
import { historyFigure, parallelFigure } from './charts';
import { foldFigure } from './folds';

const options = { colors: FALLBACK_COLORS, highlight: null, pair: null };

describe('analysis plots', () => {
  it('slice: one subplot per parameter in suggestion order, log and categorical axes', () => {
    const payload = generateStudy({ trials: 20 });
    const figure = sliceFigure(payload, payload.trials, options);
    assert.deepEqual(figure.traces.map((t) => (t as ScatterTrace).name), ['learningRate', 'initialUnits', 'cellType', 'dropoutRate']);
    assert.equal(figure.layout.xaxis?.type, 'log', 'learningRate is sampled on a log scale');
    assert.deepEqual(figure.layout.xaxis3?.ticktext, ['LSTM', 'GRU', 'RNN']);
    assert.deepEqual(figure.layout.grid, { rows: 2, columns: 3, pattern: 'independent', xgap: 0.1, ygap: 0.35 });
  });

  it('contour and rank: the chosen pair, else the first two parameters', () => {
    const payload = generateStudy({ trials: 20 });
    assert.deepEqual(chosenPair(payload, null), ['learningRate', 'initialUnits']);
    assert.deepEqual(chosenPair(payload, ['cellType', 'dropoutRate']), ['cellType', 'dropoutRate']);
    assert.deepEqual(chosenPair(payload, ['cellType', 'nope']), ['learningRate', 'initialUnits']);
    const contour = contourFigure(payload, payload.trials, { ...options, pair: ['dropoutRate', 'initialUnits'] });
    const grid = contour.traces[0] as ContourTrace;
    assert.equal(grid.type, 'contour');
    assert.equal(grid.z.length, 25);
    assert.equal(grid.z[0].length, 25);
    assert.deepEqual([contour.layout.xaxis?.title?.text, contour.layout.yaxis?.title?.text], ['dropoutRate', 'initialUnits']);
    const rank = rankFigure(payload, payload.trials, options).traces[0] as ScatterTrace;
    const colors = rank.marker?.color as number[];
    assert.deepEqual([Math.min(...colors), Math.max(...colors)], [0, 1]);
  });

  it('contour without enough trials draws only the trials', () => {
    const payload = generateStudy({ trials: 2 });
    assert.deepEqual(contourFigure(payload, payload.trials, options).traces.map((t) => t.type), ['scatter']);
  });

  it('EDF: the share of trials at or below each value', () => {
    const payload = studyExample('study-running.json');
    const trace = edfFigure(payload, payload.trials, options).traces[0] as ScatterTrace;
    const complete = payload.trials.flatMap((t) => (t.state === 'COMPLETE' && typeof t.values?.[0] === 'number' ? [t.values[0]] : [])).sort((a, b) => a - b);
    assert.deepEqual(trace.x, [complete[0], ...complete]);
    assert.deepEqual(trace.y, [0, ...complete.map((_, i) => (i + 1) / complete.length)]);
  });

  it('timeline: a bar per started trial from its start, overlapping where trials ran at once', () => {
    const payload = generateStudy({ trials: 4 });
    const bars = timelineFigure(payload, payload.trials, options).traces as BarTrace[];
    const complete = bars.find((b) => b.name === 'complete');
    assert.deepEqual(complete?.y, [0, 1, 2, 3]);
    const [start0, start1] = (complete?.base ?? []).map((t) => Date.parse(String(t)));
    assert.ok(start1 < start0 + (complete?.x[0] as number), 'trial 1 starts before trial 0 ends (two workers)');
  });

  it('folds: a box of fold scores per candidate, best ranked first', () => {
    const payload = studyExample('grid-search-finished.json');
    const figure = foldFigure(payload, payload.trials, options);
    const best = payload.trials.find((t) => t.rank === 1);
    assert.equal(figure.traces[0].name, `#${best?.number}`);
    assert.equal(figure.traces.length, payload.trials.length);
  });

  it('parallel coordinates stay readable at 12 parameters: tilted, shortened labels', () => {
    const payload = generateStudy({ trials: 25, params: 12 });
    const trace = parallelFigure(payload, payload.trials, { colors: FALLBACK_COLORS, highlight: null }).traces[0] as ParcoordsTrace;
    assert.equal(trace.dimensions.length, 13);
    assert.equal(trace.labelangle, -30);
    assert.ok(trace.dimensions.every((d) => d.label.length <= 16));
    assert.equal(trace.dimensions[7].label, 'recurrentDropou…');
  });

  it('history of one trial is centred on its number with integer ticks', () => {
    const payload = generateStudy({ trials: 1 });
    const layout = historyFigure(payload, { colors: FALLBACK_COLORS, highlight: null }).layout;
    assert.deepEqual(layout.xaxis?.range, [-0.5, 0.5]);
    assert.equal(layout.xaxis?.dtick, 1);
  });
});
