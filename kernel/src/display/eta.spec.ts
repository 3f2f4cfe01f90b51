import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateEta } from './eta';

describe('estimateEta', () => {
  it('extrapolates the mean time per unit to the units left', () => {
    assert.equal(estimateEta(30, 3, 10), 70);
    assert.equal(estimateEta(30, 10, 10), 0);
  });

  it('is unknown before the first unit and for open-ended work', () => {
    assert.equal(estimateEta(5, 0, 10), null);
    assert.equal(estimateEta(5, 2, null), null);
  });
});
