import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { ready } from '../../backend';
import { TRAINING_MIME, type TrainingPayload } from '../../display';
import { type MimeBundle, runInCell } from '../../frontend';
import { buildRnnProgressive } from '../builder';
import { compileRnn } from '../compile';
import { fitLive } from '../fit-live';
import { loadModel } from '../io';
import ref from './fixtures/keras-callbacks.json';
import { bestEpochRecord, EarlyStopping, ModelCheckpoint, ReduceLROnPlateau } from '.';

/** A one-weight model whose weight is set to the epoch number before each epoch ends (the fixture's stand-in). */
function markerModel(learningRate = 0.01) {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], useBias: false })] });
  model.compile({ optimizer: tf.train.adam(learningRate), loss: 'meanSquaredError' });
  return model;
}
const setMarker = (model: tf.LayersModel, epoch: number) => model.setWeights([tf.tensor2d([[epoch]])]);
const marker = (model: tf.LayersModel) => model.getWeights()[0].dataSync()[0];

/** Drives a callback as tfjs' fit loop does, with scripted logs; stops when the callback asks. */
async function drive(cb: tf.Callback, model: tf.LayersModel, monitor: string, logs: number[]): Promise<number> {
  cb.setModel(model);
  model.stopTraining = false;
  await cb.onTrainBegin();
  let epochs = 0;
  for (const [epoch, value] of logs.entries()) {
    setMarker(model, epoch);
    await cb.onEpochEnd(epoch, { [monitor]: value });
    epochs++;
    if (model.stopTraining) break;
  }
  await cb.onTrainEnd();
  return epochs;
}

describe(`EarlyStopping and ReduceLROnPlateau behave as Keras ${ref.keras}'s`, () => {
  before(async () => {
    await ready();
    process.removeAllListeners('warning');
    process.on('warning', () => undefined);
  });

  for (const [name, c] of Object.entries(ref.earlyStopping)) {
    it(`EarlyStopping ${name} ${JSON.stringify(c.options)}`, async () => {
      const model = markerModel();
      const cb = new EarlyStopping({ monitor: c.monitor, ...(c.options as object) });
      const epochs = await drive(cb, model, c.monitor, c.logs);
      const e = c.expected;
      assert.deepEqual({ epochsRun: epochs, stoppedEpoch: cb.stoppedEpoch, bestEpoch: cb.bestEpoch, best: cb.best }, { epochsRun: e.epochsRun, stoppedEpoch: e.stoppedEpoch, bestEpoch: e.bestEpoch, best: e.best });
      assert.equal(marker(model), e.restored ?? epochs - 1);
    });
  }

  for (const [name, c] of Object.entries(ref.reduceLROnPlateau)) {
    it(`ReduceLROnPlateau ${name} ${JSON.stringify(c.options)}`, async () => {
      const model = markerModel(0.01);
      const cb = new ReduceLROnPlateau({ monitor: c.monitor, ...(c.options as object) });
      cb.setModel(model);
      await cb.onTrainBegin();
      const rates: number[] = [];
      for (const [epoch, value] of c.logs.entries()) {
        await cb.onEpochEnd(epoch, { [c.monitor]: value });
        rates.push((model.optimizer as unknown as { learningRate: number }).learningRate);
      }
      rates.forEach((r, i) => assert.ok(Math.abs(r - c.expected.rates[i]) <= 1e-15, `epoch ${i}: ${r} vs Keras ${c.expected.rates[i]}`));
    });
  }

  it('refuses bad options, naming them', () => {
    assert.throws(() => new EarlyStopping({ monitor: 'val_f2' }), /`EarlyStopping.mode` 'auto' cannot tell whether 'val_f2' should be maximized or minimized, got 'auto'. Pass mode: 'max' or mode: 'min'./);
    assert.throws(() => new EarlyStopping({ patience: -1 }), /`EarlyStopping.patience` must be a non-negative integer, got -1/);
    assert.throws(() => new EarlyStopping({ restore_best_weights: true } as never), /Did you mean `restoreBestWeights`/);
    assert.throws(() => new ReduceLROnPlateau({ factor: 1 }), /`ReduceLROnPlateau.factor` must be a number in \(0, 1\), got 1/);
    assert.throws(() => new ModelCheckpoint(''), /`ModelCheckpoint.filepath` must be a folder path/);
    assert.doesNotThrow(() => new EarlyStopping({ monitor: 'val_accuracy' }));
  });
});

describe('callbacks in real fits', () => {
  it('EarlyStopping with restoreBestWeights and ModelCheckpoint saveBestOnly compose with fitLive', async () => {
    const x = tf.randomNormal([32, 4, 2], 0, 1, 'float32', 5);
    const y = tf.randomUniform([32, 1], 0, 1, 'float32', 6).round();
    const model = compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: 3, numLayers: 1, seed: 3 }), { learningRate: 0.3 });
    const stop = new EarlyStopping({ monitor: 'val_loss', patience: 1, restoreBestWeights: true });
    const folder = join(mkdtempSync(join(tmpdir(), 'rnnlab-ckpt-')), 'best');
    const checkpoint = new ModelCheckpoint(folder, { monitor: 'val_loss', saveBestOnly: true });
    const weightsByEpoch: number[][] = [];
    const record = { onEpochEnd: async () => void weightsByEpoch.push(Array.from(model.getWeights()[0].dataSync())) };
    const shown: MimeBundle[] = [];
    const channel = { stream: () => undefined, displayData: (b: MimeBundle) => void shown.push(b), clearOutput: () => undefined };
    const history = (await runInCell({ id: 'c', channel }, () =>
      fitLive(model, x, y, { epochs: 30, batchSize: 8, validationSplit: 0.25, shuffle: false, callbacks: [stop, checkpoint, record] }),
    )) as tf.History;
    const losses = history.history.val_loss as number[];
    assert.ok(losses.length < 30, 'a learning rate of 0.3 stalls well before 30 epochs');
    assert.equal(stop.stoppedEpoch, losses.length - 1);
    assert.equal(stop.bestEpoch, losses.indexOf(Math.min(...losses)));
    assert.deepEqual(Array.from(model.getWeights()[0].dataSync()), weightsByEpoch[stop.bestEpoch]);
    assert.equal(checkpoint.savedEpoch, stop.bestEpoch);
    const saved = await loadModel(folder);
    assert.deepEqual(Array.from(saved.getWeights()[0].dataSync()), weightsByEpoch[stop.bestEpoch]);
    const last = shown[shown.length - 1][TRAINING_MIME] as TrainingPayload;
    assert.equal(last.status, 'stopped');
    assert.equal(last.epochs.length, losses.length);
    // The view marks the best epoch and the stop (EarlyStopping's record wins over the checkpoint's).
    assert.deepEqual(last.callbacks, { monitor: 'val_loss', mode: 'min', bestEpoch: stop.bestEpoch, stoppedEpoch: stop.stoppedEpoch, restoredBestWeights: true });
    assert.ok(
      String(shown[shown.length - 1]['text/plain']).includes(`Stopped at epoch ${stop.stoppedEpoch + 1}, best weights from epoch ${stop.bestEpoch + 1} restored.`),
    );
  });

  it('the best-epoch record comes from EarlyStopping, else a saveBestOnly ModelCheckpoint, under Keras names', () => {
    const checkpoint = new ModelCheckpoint('models/best', { monitor: 'val_acc', saveBestOnly: true });
    assert.deepEqual(bestEpochRecord([checkpoint]), { monitor: 'val_accuracy', mode: 'max', bestEpoch: null, stoppedEpoch: null, restoredBestWeights: false });
    checkpoint.savedEpoch = 4;
    assert.equal(bestEpochRecord([checkpoint])?.bestEpoch, 4);
    assert.equal(bestEpochRecord([new ModelCheckpoint('models/every')]), undefined);
    assert.equal(bestEpochRecord([new ReduceLROnPlateau()]), undefined);
    const stop = new EarlyStopping({ monitor: 'loss' });
    assert.deepEqual(bestEpochRecord([checkpoint, stop]), { monitor: 'loss', mode: 'min', bestEpoch: null, stoppedEpoch: null, restoredBestWeights: false });
  });
});
