import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MedianPruner } from './median';
import { PercentilePruner, isFirstInIntervalStep, nanPercentile } from './percentile';
import { prunerCases, replay } from './pruner-cases';

// Expected decisions were computed with Python optuna 5.0.0 (test/study/reference/pruner_reference.py).
describe('MedianPruner and PercentilePruner', () => {
  for (const c of prunerCases('MedianPruner')) {
    it(`decides as Optuna: ${c.name}`, async () => {
      assert.deepEqual(await replay(c, new MedianPruner(c.options)), c.decisions);
    });
  }
  for (const c of prunerCases('PercentilePruner')) {
    it(`decides as Optuna: ${c.name}`, async () => {
      const { percentile, ...options } = c.options as { percentile: number };
      assert.deepEqual(await replay(c, new PercentilePruner(percentile, options)), c.decisions);
    });
  }

  it('interpolates percentiles as numpy and finds interval steps', () => {
    assert.equal(nanPercentile([4, 1, NaN, 3, 2], 50), 2.5);
    assert.equal(nanPercentile([1, 2, 3, 4], 25), 1.75);
    assert.ok(Number.isNaN(nanPercentile([NaN], 50)));
    assert.equal(isFirstInIntervalStep(4, [0, 2, 4], 0, 2), true);
    assert.equal(isFirstInIntervalStep(5, [0, 2, 4, 5], 0, 2), false);
  });
});
