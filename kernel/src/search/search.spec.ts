import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ready } from '../backend';
import { AllFitsFailedError, InvalidArgumentError } from '../errors';
import { searchPayload } from '../display';
import { buildRnnProgressive, compileRnn } from '../model';
import { rankScores, std } from './cv-results';
import { randint, uniform } from './distributions';
import { KerasClassifier } from './estimators/keras-classifier';
import { KerasRegressor } from './estimators/keras-regressor';
import { GridSearchCV } from './grid-search-cv';
import { RandomizedSearchCV } from './randomized-search-cv';
import { KFold } from './splitters';

const createModel = ({ units = 4, learningRate = 0.02 }: { units?: number; learningRate?: number }) =>
  compileRnn(buildRnnProgressive({ inputShape: [6, 2], initialUnits: units, numLayers: 1, cellType: 'GRU', dropoutRate: 0 }), {
    learningRate,
  });

function task(n = 48) {
  const x = tf.randomNormal([n, 6, 2], 0, 1, 'float32', 4);
  const labels = Array.from(x.slice([0, 0, 0], [n, 6, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
  return { x, y: labels };
}

const quiet = { show: false };

describe('GridSearchCV', () => {
  before(async () => {
    await ready();
    process.removeAllListeners('warning');
    process.on('warning', () => undefined);
  });

  it('prefers the candidate known to be better, and fills cvResults as scikit-learn does', async () => {
    const { x, y } = task();
    const model = new KerasClassifier({ buildFn: createModel, batchSize: 16 });
    const grid = new GridSearchCV({ estimator: model, paramGrid: { epochs: [1, 20], units: [6] }, cv: 3, randomState: 0, returnTrainScore: true, ...quiet });
    await grid.fit(x, y);
    const r = grid.cvResults!;
    assert.deepEqual(grid.bestParams, { epochs: 20, units: 6 });
    assert.equal(grid.bestIndex, 1);
    assert.deepEqual(r.rank_test_score, [2, 1]);
    assert.deepEqual(r.param_epochs, [1, 20]);
    assert.deepEqual(r.params, [{ epochs: 1, units: 6 }, { epochs: 20, units: 6 }]);
    assert.deepEqual(Object.keys(r), [
      'mean_fit_time', 'std_fit_time', 'mean_score_time', 'std_score_time', 'param_epochs', 'param_units', 'params',
      'split0_test_score', 'split1_test_score', 'split2_test_score', 'mean_test_score', 'std_test_score', 'rank_test_score',
      'split0_train_score', 'split1_train_score', 'split2_train_score', 'mean_train_score', 'std_train_score',
    ]);
    const splits = [0, 1, 2].map((k) => r[`split${k}_test_score`][1] as number);
    assert.equal(r.mean_test_score[1], splits.reduce((a, b) => a + b) / 3);
    assert.equal(r.std_test_score[1], std(splits));
    assert.equal(grid.bestScore, r.mean_test_score[1]);
    assert.ok(grid.bestScore! > 0.7, `best score ${grid.bestScore}`);
    assert.ok(grid.bestEstimator instanceof KerasClassifier);
    assert.ok((await grid.bestEstimator!.score(x, y)) > 0.7);
    assert.deepEqual(grid.resultsTable().map((row) => row.rank), [1, 2]);
  });

  it('repeats exactly for the same randomState', async () => {
    const { x, y } = task(30);
    const run = async () => {
      const grid = new GridSearchCV({
        estimator: new KerasClassifier({ buildFn: createModel, epochs: 2, batchSize: 10 }),
        paramGrid: { units: [2, 3] },
        cv: new KFold({ nSplits: 2, shuffle: true, randomState: 1 }),
        randomState: 7,
        refit: false,
        scoring: 'neg_log_loss',
        ...quiet,
      });
      await grid.fit(x, y);
      return grid.cvResults!.mean_test_score;
    };
    assert.deepEqual(await run(), await run());
  });

  it('records errorScore for failed fits, warns once with the reasons, and ranks a failed candidate last', async () => {
    const { x, y } = task(24);
    const warnings: Error[] = [];
    const listener = (w: Error) => warnings.push(w);
    process.on('warning', listener);
    const buildFn = ({ units = 2 }: { units?: number }) => {
      if (units === 3) throw new Error('no model with 3 units');
      return createModel({ units });
    };
    const grid = new GridSearchCV({ estimator: new KerasClassifier({ buildFn, batchSize: 8 }), paramGrid: { units: [2, 3] }, cv: 2, refit: false, ...quiet });
    await grid.fit(x, y);
    await new Promise((r) => setImmediate(r));
    process.off('warning', listener);
    assert.ok(Number.isNaN(grid.cvResults!.mean_test_score[1]));
    assert.deepEqual(grid.cvResults!.rank_test_score, [1, 2]);
    assert.deepEqual(
      warnings.map((w) => [w.name, w.message]),
      [['FitFailedWarning', "2 of the 4 fits failed; their scores are set to errorScore=NaN.\nReasons (fits × error):\n  2 × Error: no model with 3 units\nSet errorScore: 'raise' to stop at the first failing fit with its traceback."]],
    );
    const view = searchPayload(grid.state!);
    assert.deepEqual(view.trials.map((t) => [t.state, t.rank]), [['COMPLETE', 1], ['FAIL', null]]);
    assert.deepEqual(view.bestTrialNumbers, [0]);
    const raising = new GridSearchCV({ estimator: new KerasClassifier({ buildFn, batchSize: 8 }), paramGrid: { units: [3] }, cv: 2, errorScore: 'raise', ...quiet });
    await assert.rejects(raising.fit(x, y), /no model with 3 units/);
  });

  it('raises when every fit fails, with the distinct reasons and their counts; the view shows it failed, unranked', async () => {
    const { x, y } = task(24);
    const buildFn = ({ units = 2 }: { units?: number }) => {
      if (units === 3) throw new TypeError('helper is not a function');
      throw new RangeError(`units ${units} is out of range`);
    };
    const grid = new GridSearchCV({ estimator: new KerasClassifier({ buildFn }), paramGrid: { units: [1, 3, 5] }, cv: 2, ...quiet });
    await assert.rejects(grid.fit(x, y), (error: unknown) => {
      assert.ok(error instanceof AllFitsFailedError);
      assert.equal(
        error.message,
        'all 6 fits failed, so the search has no result; the model or its parameters are likely wrong.\n' +
          'Reasons (fits × error):\n  2 × RangeError: units 1 is out of range\n  2 × TypeError: helper is not a function\n  2 × RangeError: units 5 is out of range\n' +
          "Set errorScore: 'raise' to stop at the first failing fit with its traceback.",
      );
      return true;
    });
    const view = searchPayload(grid.state!);
    assert.equal(view.status, 'failed');
    assert.deepEqual(view.trials.map((t) => [t.state, t.rank]), [['FAIL', null], ['FAIL', null], ['FAIL', null]]);
    assert.deepEqual(view.bestTrialNumbers, []);
    assert.equal(grid.bestEstimator, undefined);
  });
});

describe('RandomizedSearchCV', () => {
  it('fits nIter candidates drawn from the distributions, reproducibly', async () => {
    const { x, y } = task(24);
    const make = () =>
      new RandomizedSearchCV({
        estimator: new KerasClassifier({ buildFn: createModel, epochs: 1, batchSize: 8 }),
        paramDistributions: { units: randint(2, 5), learningRate: uniform(0.001, 0.01) },
        nIter: 3,
        cv: 2,
        randomState: 0,
        refit: false,
        ...quiet,
      });
    const a = await make().fit(x, y);
    const b = await make().fit(x, y);
    assert.equal(a.cvResults!.params.length, 3);
    assert.deepEqual(a.cvResults!.params, b.cvResults!.params);
    assert.deepEqual(a.cvResults!.mean_test_score, b.cvResults!.mean_test_score);
    for (const p of a.cvResults!.params) {
      assert.ok(Number.isInteger(p.units) && (p.units as number) >= 2 && (p.units as number) <= 4);
    }
  });
});

describe('KerasRegressor', () => {
  it('scores R² and searches with neg_mean_squared_error', async () => {
    const { x } = task(24);
    const target = Array.from(x.slice([0, 5, 0], [24, 1, 1]).reshape([24]).dataSync());
    const build = ({ units = 4 }: { units?: number }) =>
      compileRnn(buildRnnProgressive({ inputShape: [6, 2], initialUnits: units, numLayers: 1, outputActivation: 'linear', dropoutRate: 0 }), { learningRate: 0.03 });
    const grid = new GridSearchCV({
      estimator: new KerasRegressor({ buildFn: build, epochs: 15, batchSize: 8 }),
      paramGrid: { units: [4] },
      cv: 2,
      scoring: 'neg_mean_squared_error',
      randomState: 1,
      ...quiet,
    });
    await grid.fit(x, target);
    assert.ok(grid.bestScore! < 0);
    const r2 = await grid.bestEstimator!.score(x, target);
    assert.ok(r2 > 0.3, `R² ${r2}`);
  });
});

describe('ranks as scikit-learn computes them', () => {
  it('gives ties the minimum rank and NaN the last', () => {
    assert.deepEqual(rankScores([0.5, NaN, 0.7, 0.5]), [2, 4, 1, 2]);
    assert.deepEqual(rankScores([NaN, NaN]), [1, 1]);
  });
});

describe('search validation happens before any fit', () => {
  let built = 0;
  const countingBuild = ({ units = 4, learningRate = 0.02 }: { units?: number; learningRate?: number }) => {
    built++;
    return createModel({ units, learningRate });
  };
  const model = () => new KerasClassifier({ buildFn: countingBuild });
  const x = [[[0, 0]], [[1, 1]], [[0, 1]], [[1, 0]]];
  const bad: [string, () => unknown, string][] = [
    ['an empty grid list', () => new GridSearchCV({ estimator: model(), paramGrid: [] }), 'paramGrid'],
    ['a grid value that is not a list', () => new GridSearchCV({ estimator: model(), paramGrid: { units: 4 as never } }), 'paramGrid.units'],
    ['an empty value list', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [] } }), 'paramGrid.units'],
    ['a missing estimator', () => new GridSearchCV({ paramGrid: { units: [1] } } as never), 'estimator'],
    ['nJobs of 0', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, nJobs: 0 }), 'nJobs'],
    ['a bad errorScore', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, errorScore: 'skip' as never }), 'errorScore'],
    ['an unknown option', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, param_grid: {} } as never), 'GridSearchCV.param_grid'],
    ['nIter below 1', () => new RandomizedSearchCV({ estimator: model(), paramDistributions: { units: [1] }, nIter: 0 }), 'nIter'],
    ['a distribution that is not one', () => new RandomizedSearchCV({ estimator: model(), paramDistributions: { units: { low: 1 } as never } }), 'paramDistributions.units'],
    ['epochs of 0 in the estimator', () => new KerasClassifier({ buildFn: createModel, epochs: 0 }), 'epochs'],
    ['an estimator parameter buildFn does not declare', () => new KerasClassifier({ buildFn: createModel, cellType: 'GRU' }), 'cellType'],
    ['a missing buildFn', () => new KerasClassifier({} as never), 'buildFn'],
  ];
  for (const [what, fn, argument] of bad) {
    it(`rejects ${what}`, () => {
      assert.throws(fn, (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument, String(argument));
    });
  }
  const badFit: [string, () => Promise<unknown>, string][] = [
    ['an unknown searched parameter', () => new GridSearchCV({ estimator: model(), paramGrid: { unitz: [1] }, show: false }).fit(x, [0, 1, 0, 1]), 'unitz'],
    ['X and y of different lengths', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, show: false }).fit(x, [0, 1, 0]), 'y'],
    ['cv larger than the class counts', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: 3, show: false }).fit(x, [0, 1, 0, 1]), 'nSplits'],
    ['cv of 1', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: 1, show: false }).fit(x, [0, 1, 0, 1]), 'cv'],
    ['an unknown scoring (already in the constructor)', async () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: 2, scoring: 'auc' as never, show: false }).fit(x, [0, 1, 0, 1]), 'scoring'],
    ['roc_auc with three classes', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: 2, scoring: 'roc_auc', show: false }).fit([...x, ...x.slice(0, 2)], [0, 1, 2, 0, 1, 2]), 'scoring'],
    ['a classifier scoring for a regressor', () => new GridSearchCV({ estimator: new KerasRegressor({ buildFn: countingBuild }), paramGrid: { units: [1] }, cv: 2, scoring: 'accuracy', show: false }).fit(x, [0.1, 0.2, 0.3, 0.4]), 'scoring'],
    ['ragged X', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, show: false }).fit([[[0, 0]], [[1]]], [0, 1]), 'X[1][0]'],
    ['a tensor X holding NaN', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: 2, show: false }).fit(tf.tensor3d([0, 0, 1, 1, 0, NaN, 1, 0], [4, 1, 2]), [0, 1, 0, 1]), 'X[2][0][1]'],
    ['a tensor X holding Infinity', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: 2, show: false }).fit(tf.tensor3d([0, 0, Infinity, 1, 0, 1, 1, 0], [4, 1, 2]), [0, 1, 0, 1]), 'X[1][0][0]'],
    ['a tensor y holding NaN', () => new GridSearchCV({ estimator: new KerasRegressor({ buildFn: countingBuild }), paramGrid: { units: [1] }, cv: 2, show: false }).fit(x, tf.tensor1d([0.1, NaN, 0.3, 0.4])), 'y[1]'],
    ['explicit cv folds beyond the data', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: [[[0, 1], [2, 7]]], show: false }).fit(x, [0, 1, 0, 1]), 'cv[0][1] (test indices)'],
    ['explicit cv folds with an empty train list', () => new GridSearchCV({ estimator: model(), paramGrid: { units: [1] }, cv: [[[], [2, 3]]], show: false }).fit(x, [0, 1, 0, 1]), 'cv[0][0] (train indices)'],
  ];
  for (const [what, fn, argument] of badFit) {
    it(`rejects ${what} before fitting`, async () => {
      built = 0;
      await assert.rejects(fn(), (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
      assert.equal(built, 0);
    });
  }
});
