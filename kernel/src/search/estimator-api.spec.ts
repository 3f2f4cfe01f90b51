import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ready } from '../backend';
import { NotFittedError } from '../errors';
import { accuracyScore, f1Score } from '../metrics';
import { buildRnnProgressive, compileRnn, EarlyStopping } from '../model';
import { crossValidate, crossValScore } from './cross-validate';
import { KerasClassifier } from './estimators/keras-classifier';
import { KerasRegressor } from './estimators/keras-regressor';
import { GridSearchCV } from './grid-search-cv';
import { KFold } from './splitters';

const createModel = ({ units = 3 }: { units?: number }) =>
  compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: units, numLayers: 1, cellType: 'GRU', dropoutRate: 0 }), { learningRate: 0.05 });
const createRegressor = ({ units = 3 }: { units?: number }) =>
  compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: units, numLayers: 1, cellType: 'GRU', dropoutRate: 0, outputActivation: 'linear' }), { learningRate: 0.05 });

function task(n = 24) {
  const x = tf.randomNormal([n, 4, 2], 0, 1, 'float32', 3);
  const y = Array.from(x.slice([0, 0, 0], [n, 4, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
  return { x, y };
}
const classifier = () => new KerasClassifier({ buildFn: createModel, epochs: 2, batchSize: 8, randomState: 1 });

describe('searches are estimators after refit (scikit-learn delegation)', () => {
  before(async () => {
    await ready();
    process.removeAllListeners('warning');
    process.on('warning', () => undefined);
  });

  it('predict, predictProba and score delegate to bestEstimator; score uses the search scorer', async () => {
    const { x, y } = task();
    const grid = new GridSearchCV({ estimator: classifier(), paramGrid: { units: [2, 3] }, cv: 2, scoring: 'f1', show: false });
    await assert.rejects(grid.predict(x), (e: Error) => e instanceof NotFittedError && /not fitted yet: call fit\(X, y\) before predict\(\)/.test(e.message));
    await grid.fit(x, y);
    const best = grid.bestEstimator as KerasClassifier;
    assert.deepEqual(await grid.predict(x), await best.predict(x));
    assert.deepEqual(await grid.predictProba(x), await best.predictProba(x));
    assert.equal(await grid.score(x, y), f1Score(y, (await best.predict(x)) as number[]));
    assert.deepEqual(grid.classes, [0, 1]);
  });

  it('several scorers: cvResults per name, refit names the one that picks the best', async () => {
    const { x, y } = task();
    const grid = new GridSearchCV({ estimator: classifier(), paramGrid: { units: [2, 3] }, cv: 2, scoring: ['accuracy', 'f1'], refit: 'f1', returnTrainScore: true, show: false });
    await grid.fit(x, y);
    const r = grid.cvResults!;
    assert.deepEqual(Object.keys(r).filter((k) => /test|train/.test(k)), [
      'split0_test_accuracy', 'split1_test_accuracy', 'mean_test_accuracy', 'std_test_accuracy', 'rank_test_accuracy',
      'split0_train_accuracy', 'split1_train_accuracy', 'mean_train_accuracy', 'std_train_accuracy',
      'split0_test_f1', 'split1_test_f1', 'mean_test_f1', 'std_test_f1', 'rank_test_f1',
      'split0_train_f1', 'split1_train_f1', 'mean_train_f1', 'std_train_f1',
    ]);
    const f1s = r.mean_test_f1 as number[];
    assert.equal(grid.bestScore, Math.max(...f1s));
    assert.equal(grid.bestIndex, f1s.indexOf(Math.max(...f1s)));
    const best = grid.bestEstimator as KerasClassifier;
    assert.equal(await grid.score(x, y), f1Score(y, (await best.predict(x)) as number[]));
  });

  it('refit rules: a name with several scorers, clear errors without a refit', async () => {
    const estimator = classifier();
    assert.throws(() => new GridSearchCV({ estimator, paramGrid: { units: [2] }, scoring: ['accuracy', 'f1'] }), /`refit` must name the scorer that picks the best candidate \(one of 'accuracy', 'f1'\)/);
    assert.throws(() => new GridSearchCV({ estimator, paramGrid: { units: [2] }, scoring: ['accuracy', 'f1'], refit: 'roc_auc' }), /`refit` must name/);
    assert.throws(() => new GridSearchCV({ estimator, paramGrid: { units: [2] }, refit: 'accuracy' }), /`refit` must be true or false with a single scorer/);
    assert.throws(() => new GridSearchCV({ estimator, paramGrid: { units: [2] }, scoring: 'f2' as never }), /`scoring` must be a scorer name \(accuracy, precision/);
    const { x, y } = task(16);
    const noRefit = new GridSearchCV({ estimator, paramGrid: { units: [2] }, cv: 2, scoring: ['accuracy', 'f1'], refit: false, show: false });
    await noRefit.fit(x, y);
    assert.equal(noRefit.bestParams, undefined);
    assert.ok(noRefit.cvResults!.mean_test_f1);
    await assert.rejects(noRefit.score(x, y), /score\(\) needs the best candidate refit on all data, but this GridSearchCV has none: it was created with refit: false \(several scorers: set refit to one of their names\)/);
    const regressor = new KerasRegressor({ buildFn: createRegressor, epochs: 1, randomState: 0 });
    const reg = new GridSearchCV({ estimator: regressor, paramGrid: { units: [2] }, cv: 2, scoring: 'neg_mean_squared_error', show: false });
    await reg.fit(x, y.map((v) => v * 2 - 1));
    await assert.rejects(reg.predictProba(x), /`estimator` must be a classifier for predictProba/);
    assert.ok((await reg.score(x, y.map((v) => v * 2 - 1))) < 0);
  });
});

describe('estimator callbacks', () => {
  it('take Keras callback objects and { onEpochEnd } configs together', async () => {
    const { x, y } = task(16);
    const seen: number[] = [];
    const stop = new EarlyStopping({ monitor: 'loss', minDelta: 10, patience: 1 });
    const e = new KerasClassifier({ buildFn: createModel, epochs: 20, batchSize: 8, randomState: 2, callbacks: [stop, { onEpochEnd: async (epoch: number) => void seen.push(epoch) }] });
    await e.fit(x, y);
    assert.deepEqual(seen, [0, 1]);
    assert.equal(stop.stoppedEpoch, 1);
  });
});

describe('crossValScore and crossValidate', () => {
  it("equal the search's per-fold scores for the same splitter, and name keys as scikit-learn", async () => {
    const { x, y } = task();
    const cv = new KFold({ nSplits: 3, shuffle: true, randomState: 0 });
    const scores = await crossValScore(classifier(), x, y, { cv, scoring: 'accuracy' });
    const grid = new GridSearchCV({ estimator: classifier(), paramGrid: { units: [3] }, cv, scoring: 'accuracy', refit: false, show: false });
    await grid.fit(x, y);
    assert.deepEqual(scores, [0, 1, 2].map((k) => grid.cvResults![`split${k}_test_score`][0]));
    const r = await crossValidate(classifier(), x, y, { cv: 2, scoring: { acc: 'accuracy', mine: (e, X, yy) => e.score(X, yy) }, returnTrainScore: true });
    assert.deepEqual(Object.keys(r), ['fit_time', 'score_time', 'test_acc', 'train_acc', 'test_mine', 'train_mine']);
    assert.deepEqual(r.test_acc, r.test_mine);
    assert.throws(() => accuracyScore([1], [1, 2]));
    await assert.rejects(crossValScore(classifier(), x, y, { scoring: ['accuracy'] as never }), /`scoring` must be a single scorer for crossValScore/);
  });
});
