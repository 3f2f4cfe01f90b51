import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { floatDistribution, intDistribution } from '../distributions';
import { Rng } from '../rng';
import { RandomSampler, sampleUniform } from './random';
import { paramSequence } from './samples';

describe('RandomSampler', () => {
  it('gives the exact sequence of its seed', async () => {
    assert.deepEqual(await paramSequence(new RandomSampler({ seed: 7 })), [
      { x: -2.661722785813182, lr: 0.006246810409697132, n: 5, c: 'c' },
      { x: -1.4317001518209702, lr: 0.0007908435158931087, n: 3, c: 'a' },
      { x: -2.4591643959740948, lr: 0.029236000485777607, n: 3, c: 'a' },
      { x: 2.992974220892145, lr: 0.02313723372792384, n: 1, c: 'c' },
      { x: 2.9492996016873576, lr: 0.0011799394668608504, n: 3, c: 'a' },
      { x: -0.40120136591049516, lr: 0.0054616798087825675, n: 3, c: 'c' },
    ]);
  });

  it('samples log scales evenly per decade and grids evenly per point', () => {
    const rng = new Rng(11);
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
