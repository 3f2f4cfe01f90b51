import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prunerCases, replay } from './pruner-cases';
import { SuccessiveHalvingPruner } from './successive-halving';

// Expected decisions were computed with Python optuna 5.0.0 (test/study/reference/pruner_reference.py).
describe('SuccessiveHalvingPruner', () => {
  for (const c of prunerCases('SuccessiveHalvingPruner')) {
    it(`decides as Optuna: ${c.name}`, async () => {
      assert.deepEqual(await replay(c, new SuccessiveHalvingPruner(c.options)), c.decisions);
    });
  }
});
