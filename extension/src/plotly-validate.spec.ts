/**
 * Every figure builder's output, for every schema example and for generated payloads (1, 2 and 500
 * trials, two objectives, pruned / failed / running mixes, a 12-parameter space, a search), passes
 * `Plotly.validate` of the real plotly.js the extension ships: no key plotly does not know, no value
 * of the wrong type.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkStudy, checkTraining } from './payload';
import type { StudyPayload } from './payload';
import { FALLBACK_COLORS } from './plot/theme';
import type { Figure } from './plot/types';
import { contourFigure, edfFigure, rankFigure, sliceFigure, timelineFigure } from './study/analysis';
import { historyFigure, importanceFigure, intermediateFigure, parallelFigure } from './study/charts';
import { foldFigure } from './study/folds';
import { exampleNames, studyExample, trainingExample } from './testing/examples';
import { generateStudy } from './testing/generate';
import type { GenerateOptions } from './testing/generate';
import { plotlyIssues, realPlotly } from './testing/real-plotly';
import { trainingFigure } from './training/figure';

const colors = FALLBACK_COLORS;

/** Each builder's figure; with `variants`, also with a highlighted trial and a log scale. */
function studyFigures(payload: StudyPayload, variants = false): [string, Figure][] {
  const figures: [string, Figure][] = [];
  const settings: [number | null, boolean][] = variants ? [[null, false], [payload.trials[0]?.number ?? null, true]] : [[null, false]];
  for (const [highlight, logScale] of settings) {
    const options = { colors, highlight, logScale, pair: null };
    figures.push(
      ['intermediate', intermediateFigure(payload, payload.trials, options)],
      ['history', historyFigure(payload, options)],
      ['parallel', parallelFigure(payload, payload.trials, options)],
      ['importance', importanceFigure(payload, options)],
      ['slice', sliceFigure(payload, payload.trials, options)],
      ['contour', contourFigure(payload, payload.trials, options)],
      ['rank', rankFigure(payload, payload.trials, options)],
      ['edf', edfFigure(payload, payload.trials, options)],
      ['timeline', timelineFigure(payload, payload.trials, options)],
      ['folds', foldFigure(payload, payload.trials, options)],
    );
  }
  return figures;
}

function assertValid(figures: [string, Figure][], what: string): void {
  const issues = figures.flatMap(([name, figure]) => plotlyIssues(figure).map((issue) => `${name}: ${issue}`));
  assert.deepEqual([...new Set(issues)], [], what);
}

const GENERATED: GenerateOptions[] = [
  { trials: 1 },
  { trials: 2 },
  { trials: 500 },
  { trials: 40, objectives: 2 },
  { trials: 30, mix: true },
  { trials: 25, params: 12 },
  { trials: 12, search: true, mix: true },
  { trials: 1, search: true },
];

describe('figures pass Plotly.validate of the real plotly.js', () => {
  before(() => {
    assert.match(realPlotly().version, /^\d+\.\d+\.\d+$/);
  });

  it('catches a figure plotly does not accept (the check can fail)', () => {
    const figure = historyFigure(studyExample('study-running.json'), { colors, highlight: null });
    const broken = { ...figure, layout: { ...figure.layout, xaxis: { ...figure.layout.xaxis, tickspacing: 3 } } } as unknown as Figure;
    assert.match(plotlyIssues(broken).join('\n'), /xaxis\.tickspacing/);
  });

  it('a brushed parallel-coordinates figure: one range on an axis, several on another', () => {
    const payload = studyExample('study-running.json');
    // Plotly snaps a brush on a categorical (tick) axis to a quarter of the tick spacing around the ticks.
    const ranges = { cellType: [[0.75, 1.25]] as [number, number][], val_loss: [[0.3, 0.35], [0.38, 0.4]] as [number, number][] };
    assertValid([['parallel', parallelFigure(payload, payload.trials, { colors, highlight: null, ranges })]], 'brushed');
  });

  for (const name of exampleNames()) {
    it(`every figure of the example ${name}`, () => {
      if (name.startsWith('training')) {
        const payload = trainingExample(name);
        assert.ok(checkTraining(payload).ok);
        assertValid([['training', trainingFigure(payload, { logScale: true, columns: 2, colors })]], name);
      } else {
        const payload = studyExample(name);
        assert.ok(checkStudy(payload).ok);
        assertValid(studyFigures(payload, name === 'study-running.json'), name);
      }
    });
  }

  for (const options of GENERATED) {
    const label = JSON.stringify(options);
    it(`every study figure of a generated payload ${label}`, () => {
      const payload = generateStudy(options);
      const checked = checkStudy(JSON.parse(JSON.stringify(payload)));
      assert.ok(checked.ok, checked.ok ? '' : checked.reason);
      assertValid(studyFigures(payload), label);
    });
  }
});
