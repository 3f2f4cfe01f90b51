import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import Ajv2020 from 'ajv/dist/2020';
import { ready } from '../backend';
import { TRAINING_MIME, type TrainingPayload } from '../display';
import { type MimeBundle, type OutputChannel, runInCell, signalInterrupt } from '../frontend';
import trainingSchema from '../../../schema/training.v1.schema.json';
import { buildRnnProgressive } from './builder';
import { compileRnn } from './compile';
import { fitLive } from './fit-live';
import { formatHistory, registerKerasHistoryNames } from './history';
import { registerInterruptibleFits } from './interrupt';

interface Shown {
  bundle: MimeBundle;
  displayId?: string;
  update: boolean;
}

/** Runs `fn` as a notebook cell and returns the displays it sent. */
async function inCell(fn: () => Promise<unknown>): Promise<{ shown: Shown[]; error?: unknown }> {
  const shown: Shown[] = [];
  const channel: OutputChannel = {
    stream: () => undefined,
    displayData: (bundle, _metadata, displayId, update) => shown.push({ bundle, displayId, update }),
    clearOutput: () => undefined,
  };
  try {
    await runInCell({ id: 'cell', channel }, fn);
    return { shown };
  } catch (error) {
    return { shown, error };
  }
}

const validate = new Ajv2020().compile(trainingSchema);
const payloadOf = (s: Shown) => s.bundle[TRAINING_MIME] as TrainingPayload;

function tinyTask() {
  const model = compileRnn(buildRnnProgressive({ inputShape: [4, 2], initialUnits: 4, numLayers: 1, seed: 2 }));
  const x = tf.randomNormal([32, 4, 2], 0, 1, 'float32', 1);
  const y = tf.randomUniform([32, 1], 0, 1, 'float32', 2).round();
  return { model, x, y };
}

describe('fitLive', () => {
  before(async () => {
    await ready();
    registerInterruptibleFits();
    registerKerasHistoryNames();
  });

  it('shows the training view, updates it in place, and ends with the final state', async () => {
    const { model, x, y } = tinyTask();
    const { shown, error } = await inCell(() =>
      fitLive(model, x, y, { epochs: 3, batchSize: 8, validationSplit: 0.25, throttleMs: 0, title: 'tiny' }),
    );
    assert.equal(error, undefined);
    assert.equal(shown[0].update, false);
    assert.ok(shown.slice(1).every((s) => s.update && s.displayId === shown[0].displayId));
    const first = payloadOf(shown[0]);
    const last = payloadOf(shown[shown.length - 1]);
    assert.equal(first.status, 'running');
    assert.equal(first.id, shown[0].displayId);
    assert.equal(last.status, 'finished');
    assert.equal(last.title, 'tiny');
    assert.deepEqual(last.epochs.map((e) => e.epoch), [0, 1, 2]);
    // Keras 3's names, not tfjs' `acc`.
    assert.deepEqual(last.metrics, ['loss', 'accuracy']);
    assert.deepEqual(Object.keys(last.epochs[0].logs).sort(), ['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    assert.deepEqual(last.params, { epochs: 3, batchSize: 8, samples: 24, validation: true });
    assert.equal(last.model.totalParams, model.countParams());
    assert.ok(last.finishedAt !== null);
    // In-epoch progress while running (24 training samples in batches of 8: 3 per epoch), none at the end.
    const running = shown.map(payloadOf).filter((p) => p.progress);
    assert.ok(running.length > 0);
    assert.ok(running.every((p) => p.progress?.batchesTotal === 3 && p.progress.batchesDone <= 3));
    assert.ok(running.some((p) => typeof p.progress?.etaSeconds === 'number'));
    assert.equal(last.progress, null);
    for (const s of shown) {
      assert.ok(validate(payloadOf(s)), JSON.stringify(validate.errors));
      assert.equal(typeof s.bundle['text/plain'], 'string');
      assert.match(String(s.bundle['text/html']), /<svg/);
    }
  });

  it('returns a History under Keras 3 names, tfjs short names kept as aliases, shown as a compact table', async () => {
    const { model, x, y } = tinyTask();
    let history: tf.History | undefined;
    await inCell(async () => {
      history = await fitLive(model, x, y, { epochs: 2, batchSize: 8, validationSplit: 0.25, throttleMs: 0 });
    });
    assert.ok(history);
    assert.deepEqual(Object.keys(history.history).sort(), ['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    assert.equal(history.history.acc, history.history.accuracy);
    assert.equal(history.history.val_acc, history.history.val_accuracy);
    assert.equal(history.history.accuracy.length, 2);
    assert.ok(!JSON.stringify(history.history).includes('"acc"'));
    const bundle = formatHistory(history);
    assert.ok(bundle);
    const text = String(bundle['text/plain']).split('\n');
    assert.equal(text[0], 'History: 2 epochs');
    assert.deepEqual(text.slice(1).map((line) => line.trim().split(' ')[0]), ['loss', 'accuracy', 'val_loss', 'val_accuracy']);
    assert.match(String(bundle['text/html']), /class="rnnlab-history"/);
    assert.equal(formatHistory({ history: {} }), undefined);
  });

  it('throttles updates but always sends the final state', async () => {
    const { model, x, y } = tinyTask();
    const { shown } = await inCell(() => fitLive(model, x, y, { epochs: 4, batchSize: 8, throttleMs: 60_000 }));
    // The first display, then (all epochs falling inside one throttle interval) only the final flush.
    assert.equal(shown.length, 2);
    assert.equal(payloadOf(shown[1]).status, 'finished');
    assert.equal(payloadOf(shown[1]).epochs.length, 4);
  });

  it('marks the view stopped when interrupted, keeping the epochs done', async () => {
    const { model, x, y } = tinyTask();
    let epochs = 0;
    const { shown, error } = await inCell(() =>
      fitLive(model, x, y, {
        epochs: 1000,
        batchSize: 8,
        throttleMs: 0,
        callbacks: {
          onEpochEnd: async () => {
            if (++epochs === 2) signalInterrupt();
          },
        },
      }),
    );
    assert.equal(error, undefined);
    const last = payloadOf(shown[shown.length - 1]);
    assert.equal(last.status, 'stopped');
    assert.equal(last.epochs.length, 2);
  });

  it('marks the view failed with the reason when fit throws, and rethrows', async () => {
    const { model, x } = tinyTask();
    const wrongY = tf.zeros([31, 1]);
    const { shown, error } = await inCell(() => fitLive(model, x, wrongY, { epochs: 2 }));
    assert.ok(error instanceof Error);
    const last = payloadOf(shown[shown.length - 1]);
    assert.equal(last.status, 'failed');
    assert.match(String(last.error), /32|31/);
    assert.ok(validate(last), JSON.stringify(validate.errors));
  });
});
