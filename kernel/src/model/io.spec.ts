import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { buildRnnProgressive } from './builder';
import { compileRnn } from './compile';
import { loadModel, saveModel } from './io';

describe('saveModel / loadModel', () => {
  it('round-trips a progressive GRU model in the tfjs file format', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlab-io-'));
    const model = compileRnn(buildRnnProgressive({ inputShape: [5, 3], initialUnits: 8, numLayers: 2, cellType: 'GRU', seed: 1 }));
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 2);
    const before = Array.from((model.predict(x) as tf.Tensor).dataSync());
    await saveModel(model, path.join(dir, 'm'));
    assert.deepEqual(fs.readdirSync(path.join(dir, 'm')).sort(), ['model.json', 'weights.bin']);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'm', 'model.json'), 'utf8'));
    assert.deepEqual(json.weightsManifest[0].paths, ['./weights.bin']);
    assert.equal(fs.statSync(path.join(dir, 'm', 'weights.bin')).size, model.countParams() * 4);
    const loaded = await loadModel(`file://${path.join(dir, 'm')}`);
    assert.deepEqual(Array.from((loaded.predict(x) as tf.Tensor).dataSync()), before);
    assert.equal(loaded.countParams(), model.countParams());
  });

  it('says which folder lacks model.json', async () => {
    await assert.rejects(loadModel('/nonexistent/rnnlab'), /must be a folder holding model.json/);
  });
});
