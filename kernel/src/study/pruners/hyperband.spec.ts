import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HyperbandPruner, crc32 } from './hyperband';
import { NopPruner } from './nop';
import { prunerCases, replay } from './pruner-cases';

// Expected decisions were computed with Python optuna 5.0.0 (test/study/reference/pruner_reference.py).
describe('HyperbandPruner', () => {
  it('hashes as binascii.crc32', () => {
    assert.equal(crc32('The quick brown fox jumps over the lazy dog'), 0x414fa339);
    assert.equal(crc32(''), 0);
  });

  for (const c of prunerCases('HyperbandPruner')) {
    it(`decides as Optuna: ${c.name}`, async () => {
      assert.deepEqual(await replay(c, new HyperbandPruner(c.options)), c.decisions);
    });
  }

  it('NopPruner never prunes', async () => {
    const [c] = prunerCases('MedianPruner');
    const decisions = await replay(c, new NopPruner());
    assert.ok(decisions.flat().every((d) => d === false));
  });
});
