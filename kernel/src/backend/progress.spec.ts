import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatEpochLine } from './progress';

describe('epoch progress line', () => {
  it('prints epoch, time and metrics, training metrics before validation ones as Keras does', () => {
    assert.equal(
      formatEpochLine(2, 10, 1.234, { val_loss: 0.5, loss: 0.69314, acc: 0.5 }),
      'Epoch 3/10 - 1.23s - loss: 0.6931 - acc: 0.5000 - val_loss: 0.5000',
    );
  });

  it('shows NaN losses as NaN', () => {
    assert.equal(formatEpochLine(0, 1, 0, { loss: NaN }), 'Epoch 1/1 - 0.00s - loss: NaN');
  });
});
