import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { categoricalDistribution, floatDistribution, intDistribution } from '../../distributions';
import { RandomState } from '../../../random';
import { ParzenEstimator, defaultWeights } from './parzen-estimator';

// Expected log densities from optuna 5.0.0's _ParzenEstimator with the same observations
// (prior_weight 1, magic clip, no endpoints, default weights).
const space = {
  x: floatDistribution('x', -5, 5),
  lr: floatDistribution('lr', 1e-4, 1, { log: true }),
  n: intDistribution('n', 1, 9, { step: 2 }),
  k: intDistribution('k', 1, 64, { log: true }),
  q: floatDistribution('q', 0, 1, { step: 0.25 }),
  c: categoricalDistribution('c', ['a', 'b', 'c']),
};
const observations = { x: [-1, 2, 2.5, 4], lr: [0.01, 0.5, 0.001, 0.02], n: [1, 3, 9, 3], k: [2, 30, 5, 64], q: [0.25, 1, 0, 0.5], c: [0, 2, 2, 1] };
const samples = { x: [0, 3, -4.9], lr: [0.02, 0.9, 0.0002], n: [3, 5, 9], k: [4, 1, 60], q: [0.25, 0.75, 1], c: [2, 0, 1] };
const parameters = { priorWeight: 1, considerMagicClip: true, considerEndpoints: false, weights: defaultWeights };

function closeAll(actual: number[], expected: number[]): void {
  actual.forEach((a, i) => assert.ok(Math.abs(a - expected[i]) < 1e-9, `${a} != ${expected[i]}`));
}

describe('ParzenEstimator', () => {
  it('log densities of a mixed space match Optuna', () => {
    closeAll(new ParzenEstimator(observations, space, parameters).logPdf(samples), [-10.875326528340327, -11.510519055034957, -16.410500683036968]);
  });

  it('the prior alone matches Optuna', () => {
    const empty = Object.fromEntries(Object.keys(space).map((k) => [k, [] as number[]]));
    closeAll(new ParzenEstimator(empty, space, parameters).logPdf(samples), [-11.646420321281255, -10.386755269960716, -14.801550826439357]);
  });

  it('30 observations (ramped weights, magic clip) match Optuna', () => {
    const xs = Array.from({ length: 30 }, (_v, i) => -4 + (8 * i) / 29);
    closeAll(new ParzenEstimator({ x: xs }, { x: space.x }, parameters).logPdf({ x: [0, 4.5, -4.99] }), [-2.036634650012799, -4.021312470422697, -5.734795602612058]);
    closeAll(defaultWeights(30).slice(0, 5), [0.03333333333333333, 0.275, 0.5166666666666667, 0.7583333333333333, 1]);
  });

  it('samples lie in the space, on grids, and repeat for a seed', () => {
    const pe = new ParzenEstimator(observations, space, parameters);
    const a = pe.sample(new RandomState(3), 50);
    assert.deepEqual(pe.sample(new RandomState(3), 50), a);
    for (let i = 0; i < 50; i++) {
      assert.ok(a.x[i] >= -5 && a.x[i] <= 5);
      assert.ok(a.lr[i] >= 1e-4 && a.lr[i] <= 1);
      assert.ok([1, 3, 5, 7, 9].includes(a.n[i]));
      assert.ok(Number.isInteger(a.k[i]) && a.k[i] >= 1 && a.k[i] <= 64);
      assert.ok([0, 0.25, 0.5, 0.75, 1].includes(a.q[i]));
      assert.ok([0, 1, 2].includes(a.c[i]));
    }
  });
});
