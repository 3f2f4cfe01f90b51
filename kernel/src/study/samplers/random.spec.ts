import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { floatDistribution, intDistribution } from '../distributions';
import { RandomState } from '../../random';
import { RandomSampler, sampleUniform } from './random';
import { paramSequence } from './samples';

describe('RandomSampler', () => {
  it('repeats its sequence for the same seed (the values themselves are checked against Python Optuna in python-draws.spec.ts)', async () => {
    assert.deepEqual(await paramSequence(new RandomSampler({ seed: 7 })), await paramSequence(new RandomSampler({ seed: 7 })));
    assert.notDeepEqual(await paramSequence(new RandomSampler({ seed: 7 })), await paramSequence(new RandomSampler({ seed: 8 })));
  });

  it('samples log scales evenly per decade and grids evenly per point', () => {
    const rng = new RandomState(11);
    const lr = floatDistribution('lr', 1e-4, 1, { log: true });
    const decades = new Array<number>(4).fill(0);
    const n = intDistribution('n', 1, 9, { step: 2 });
    const counts = new Map<number, number>();
    for (let i = 0; i < 8000; i++) {
      decades[Math.min(3, Math.floor(Math.log10(sampleUniform(rng, lr) as number) + 4))]++;
      const v = sampleUniform(rng, n) as number;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    assert.ok(decades.every((c) => c > 1800 && c < 2200), String(decades));
    assert.deepEqual([...counts.keys()].sort(), [1, 3, 5, 7, 9]);
    assert.ok([...counts.values()].every((c) => c > 1400 && c < 1800), String([...counts.values()]));
  });
});
