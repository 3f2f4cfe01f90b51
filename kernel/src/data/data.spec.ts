import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../errors';
import { loadCo2Concentration, loadSeattleWeather, slidingWindows, StandardScaler, timeSplitSizes, trainValTestSplit } from '.';
import { splitCsvLine } from './csv';

describe('shipped datasets', () => {
  it('loads Seattle weather in date order', () => {
    const days = loadSeattleWeather();
    assert.equal(days.length, 1461);
    assert.deepEqual(days[0], { date: '2012-01-01', precipitation: 0, tempMax: 12.8, tempMin: 5, wind: 4.7, weather: 'drizzle' });
    assert.equal(days[days.length - 1].date, '2015-12-31');
    assert.equal(days.filter((d) => d.weather === 'rain').length, 641);
  });

  it('loads the CO2 record', () => {
    const months = loadCo2Concentration();
    assert.equal(months.length, 741);
    assert.deepEqual(months[0], { date: '1958-03-01', co2: 315.7, adjustedCo2: 314.44 });
    assert.equal(months[months.length - 1].co2, 416.18);
  });

  it('reads quoted CSV fields', () => {
    assert.deepEqual(splitCsvLine('a,"b, c","say ""hi"""'), ['a', 'b, c', 'say "hi"']);
  });
});

describe('slidingWindows', () => {
  const series = [[1, 10], [2, 20], [3, 30], [4, 40], [5, 50]];
  it('takes windowSize steps and the target horizon steps after the window', () => {
    const w = slidingWindows(series, ['a', 'b', 'c', 'd', 'e'], { windowSize: 2 });
    assert.deepEqual(w.X, [[[1, 10], [2, 20]], [[2, 20], [3, 30]], [[3, 30], [4, 40]]]);
    assert.deepEqual(w.y, ['c', 'd', 'e']);
    assert.deepEqual(w.targetIndex, [2, 3, 4]);
    const far = slidingWindows(series, [0, 1, 2, 3, 4], { windowSize: 2, horizon: 2, stride: 2 });
    assert.deepEqual(far.y, [3]);
  });
  it('rejects windows longer than the series and bad options', () => {
    assert.throws(() => slidingWindows(series, [0, 1, 2, 3, 4], { windowSize: 5 }), InvalidArgumentError);
    assert.throws(() => slidingWindows(series, [0, 1], { windowSize: 2 }), InvalidArgumentError);
    assert.throws(() => slidingWindows(series, [0, 1, 2, 3, 4], { windowSize: 0 }), InvalidArgumentError);
  });
});

describe('trainValTestSplit', () => {
  it('keeps time order: earliest train, then validation, latest test', () => {
    const parts = trainValTestSplit([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { validation: 0.2, test: 0.3 });
    assert.deepEqual(parts, { train: [0, 1, 2, 3, 4], validation: [5, 6], test: [7, 8, 9] });
    assert.deepEqual(timeSplitSizes(1454), { train: 1018, validation: 218, test: 218 });
  });
  it('rejects fractions that leave nothing to train on', () => {
    assert.throws(() => trainValTestSplit([1, 2, 3], { validation: 0.5, test: 0.5 }), InvalidArgumentError);
    assert.throws(() => trainValTestSplit([1, 2, 3], { test: 1.5 }), InvalidArgumentError);
  });
});

describe('StandardScaler', () => {
  it('learns mean and population std per feature on training data only, as scikit-learn', () => {
    const train = [[[1, 2]], [[3, 2]]];
    const scaler = new StandardScaler().fit(train);
    assert.deepEqual(scaler.mean, [2, 2]);
    assert.deepEqual(scaler.scale, [1, 1]); // the constant feature gets scale 1
    assert.deepEqual(scaler.transform([[[5, 4]]]), [[[3, 2]]]);
    assert.deepEqual(scaler.inverseTransformColumn([3], 0), [5]);
    assert.throws(() => new StandardScaler().transform([[1]]), /not fitted/);
  });
});

describe('prepared tutorial tasks', () => {
  it('rain tomorrow: 14-day windows of 6 standardised features, time-ordered parts', async () => {
    const { rainTomorrowDataset } = await import('./tasks');
    const task = rainTomorrowDataset({ windowSize: 14 });
    const n = 1461 - 14;
    assert.equal(task.train.X.length + task.validation.X.length + task.test.X.length, n);
    assert.deepEqual([task.train.X[0].length, task.train.X[0][0].length], [14, 6]);
    assert.equal(task.train.dates[0], '2012-01-15');
    assert.equal(task.test.dates[task.test.dates.length - 1], '2015-12-31');
    assert.ok(task.train.dates[task.train.dates.length - 1] < task.validation.dates[0]);
    // Standardised on the training windows: their mean is 0 for every feature.
    const flat = task.train.X.flat();
    for (let j = 0; j < 6; j++) assert.ok(Math.abs(flat.reduce((s, r) => s + r[j], 0) / flat.length) < 1e-9);
    assert.ok(task.train.y.every((v) => v === 0 || v === 1));
  });

  it('CO2 change: targets in ppm', async () => {
    const { co2ChangeDataset } = await import('./tasks');
    const task = co2ChangeDataset({ windowSize: 12 });
    assert.equal(task.train.X.length + task.validation.X.length + task.test.X.length, 740 - 12);
    assert.ok(Math.abs(task.train.y[0] - (loadCo2Concentration()[13].co2 - loadCo2Concentration()[12].co2)) < 1e-9);
  });
});
