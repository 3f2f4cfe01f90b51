import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { batchesPerEpoch, EpochProgressLogger, formatBatchLine, formatEpochLine, PROGRESS_EVERY_MS } from './progress';

describe('epoch progress line', () => {
  it('prints epoch, time and metrics under Keras 3 names, training metrics before validation ones', () => {
    assert.equal(
      formatEpochLine(2, 10, 1.234, { val_loss: 0.5, loss: 0.69314, acc: 0.5, val_acc: 0.25 }),
      'Epoch 3/10 - 1.23s - loss: 0.6931 - accuracy: 0.5000 - val_loss: 0.5000 - val_accuracy: 0.2500',
    );
  });

  it('shows NaN losses as NaN', () => {
    assert.equal(formatEpochLine(0, 1, 0, { loss: NaN }), 'Epoch 1/1 - 0.00s - loss: NaN');
  });
});

describe('in-epoch progress line', () => {
  it('shows batches done of all, a bar and the ETA of the epoch from the mean batch time', () => {
    // 10 of 40 batches in 2 s: 30 left at 0.2 s each.
    assert.equal(
      formatBatchLine(0, 5, 10, 40, 2, { loss: 0.7, acc: 0.5 }),
      'Epoch 1/5 - 10/40 [====>...............] - ETA 6.0s - loss: 0.7000 - accuracy: 0.5000',
    );
    assert.equal(formatBatchLine(4, 5, 40, 40, 8, {}), 'Epoch 5/5 - 40/40 [====================] - ETA 0.0s');
  });

  it('counts batches without a bar when the data set decides their number', () => {
    assert.equal(formatBatchLine(1, 3, 7, null, 1.5, { loss: 1 }), 'Epoch 2/3 - batch 7 - 1.5s - loss: 1.0000');
  });

  it('reads batches per epoch from steps, or samples and batch size', () => {
    assert.equal(batchesPerEpoch({ samples: 100, batchSize: 32 }), 4);
    assert.equal(batchesPerEpoch({ steps: 7, samples: 100, batchSize: 32 }), 7);
    assert.equal(batchesPerEpoch({ samples: null, batchSize: 32 }), null);
  });

  it('rewrites the line in place at most every PROGRESS_EVERY_MS, then ends the epoch with the epoch line', async () => {
    let clock = 0;
    const written: string[] = [];
    const logger = new EpochProgressLogger({ write: (t) => written.push(t), now: () => clock });
    logger.setParams({ epochs: 2, samples: 40, batchSize: 10 });
    await logger.onEpochBegin(0);
    clock = PROGRESS_EVERY_MS - 1;
    await logger.onBatchEnd(0, { loss: 0.9 });
    assert.deepEqual(written, [], 'nothing before PROGRESS_EVERY_MS');
    clock = PROGRESS_EVERY_MS * 2;
    await logger.onBatchEnd(1, { loss: 0.8 });
    clock = PROGRESS_EVERY_MS * 4;
    await logger.onEpochEnd(0, { loss: 0.7 });
    const progress = `Epoch 1/2 - 2/4 [=========>..........] - ETA 0.4s - loss: 0.8000`;
    assert.deepEqual(written, [`\r${progress}`, `\r${'Epoch 1/2 - 0.80s - loss: 0.7000'.padEnd(progress.length)}\n`]);
  });

  it('prints just the epoch line when the epoch was too short for progress', async () => {
    const written: string[] = [];
    const logger = new EpochProgressLogger({ write: (t) => written.push(t), now: () => 0 });
    logger.setParams({ epochs: 1 });
    await logger.onEpochBegin(0);
    await logger.onBatchEnd(0, { loss: 1 });
    await logger.onEpochEnd(0, { loss: tf.scalar(0.5) as unknown as number });
    assert.deepEqual(written, ['Epoch 1/1 - 0.00s - loss: 0.5000\n']);
  });
});
