import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from './rng';

describe('Rng (xoshiro128**)', () => {
  it('gives the same exact sequence for a seed', () => {
    const r = new Rng(42);
    assert.deepEqual([r.nextUint32(), r.nextUint32(), r.random(), r.int(10), r.normal()], [2837322924, 544945897, 0.1117019639532224, 0, -0.013016263525480201]);
  });

  it('stays in range and is roughly uniform', () => {
    const r = new Rng(1);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const u = r.random();
      assert.ok(u >= 0 && u < 1);
      counts[r.int(10)]++;
    }
    assert.ok(counts.every((c) => c > 1800 && c < 2200), String(counts));
  });

  it('differs between seeds and shuffles deterministically', () => {
    assert.notEqual(new Rng(1).random(), new Rng(2).random());
    assert.deepEqual(new Rng(5).shuffle([1, 2, 3, 4, 5, 6]), new Rng(5).shuffle([1, 2, 3, 4, 5, 6]));
    assert.equal(new Rng(3).choice([0, 0, 1]), 2);
  });
});
