import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { categoricalDistribution, floatDistribution, intDistribution, type ParamValue } from './distributions';
import type { FrozenTrial } from './frozen-trial';
import { getParamImportances, importance } from './importance';

// Reference: optuna 5.0.0's PedAnovaImportanceEvaluator on the same 40 trials (fixtures/importance-case.json).
const fixture = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'importance-case.json'), 'utf8')) as {
  rows: { params: Record<string, ParamValue>; value: number }[];
  importance: Record<string, number>;
};
const distributions = {
  x: floatDistribution('x', -5, 5),
  lr: floatDistribution('lr', 1e-4, 1, { log: true }),
  n: intDistribution('n', 1, 9, { step: 2 }),
  c: categoricalDistribution('c', ['a', 'b', 'c']),
  noise: floatDistribution('noise', 0, 1),
};
const trials: FrozenTrial[] = fixture.rows.map((r, i) => ({
  trialId: i,
  number: i,
  state: 'COMPLETE',
  values: [r.value],
  datetimeStart: null,
  datetimeComplete: null,
  params: r.params,
  distributions,
  userAttrs: {},
  systemAttrs: {},
  intermediateValues: new Map(),
}));

describe('getParamImportances (PED-ANOVA)', () => {
  it('matches Optuna', () => {
    const result = getParamImportances({ trials, directions: ['minimize'] });
    assert.deepEqual(Object.keys(result), Object.keys(fixture.importance));
    for (const [k, v] of Object.entries(fixture.importance)) assert.ok(Math.abs(result[k] - v) < 1e-9, `${k}: ${result[k]} != ${v}`);
  });

  it('sums to 1, is deterministic, and splits equally without data', () => {
    const a = importance({ trials, directions: ['minimize'] });
    assert.ok(Math.abs(Object.values(a).reduce((s, v) => s + v, 0) - 1) < 1e-12);
    assert.deepEqual(importance({ trials, directions: ['minimize'] }), a);
    assert.deepEqual(getParamImportances({ trials: trials.slice(0, 1), directions: ['minimize'] }), { x: 0.2, lr: 0.2, n: 0.2, c: 0.2, noise: 0.2 });
  });
});
