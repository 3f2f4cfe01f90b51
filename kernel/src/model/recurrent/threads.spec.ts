import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { loadNativeAddon } from '../native-addon';
import { fastBidirectional } from './bidirectional';
import { fusedGRU, fusedLSTM, fusedSimpleRNN } from './layers';
import { defaultRnnThreads, rnnKernelInfo, setRnnKernel } from './select';

const addon = loadNativeAddon().addon;
const skip = addon === null && process.env.RNNLAB_REQUIRE_NATIVE !== '1' ? 'native kernel not built' : false;

/**
 * Bidirectional LSTM, GRU, SimpleRNN: every fused cell, and both directions as one op; each layer
 * big enough (over 1e6 flops a call) that the kernel does use its threads.
 */
function model(): tf.Sequential {
  const m = tf.sequential();
  m.add(fastBidirectional({ layer: fusedLSTM({ units: 12, returnSequences: true }) as never, inputShape: [30, 3] }));
  m.add(fusedGRU({ units: 24, returnSequences: true }));
  m.add(fusedSimpleRNN({ units: 24 }));
  m.add(tf.layers.dense({ units: 1 }));
  m.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
  return m;
}

describe('native kernel threads', () => {
  const threadsBefore = rnnKernelInfo().threads;
  before(async () => {
    await tf.setBackend('cpu');
  });
  after(() => {
    setRnnKernel('auto', { threads: threadsBefore });
  });

  it('a seeded fit gives bit-identical weights with 1, 2 and 8 threads', { skip }, async () => {
    // 40 rows a batch: row blocks of 16, 16 and 8 (kernel/native/src/runner.h)
    const x = tf.randomNormal([80, 30, 3], 0, 1, 'float32', 1);
    const y = tf.randomNormal([80, 1], 0, 1, 'float32', 2);
    const initial = model().getWeights().map((w) => w.clone());
    const weightsAfterFit = async (threads: number): Promise<Uint32Array[]> => {
      setRnnKernel('native', { threads });
      const m = model();
      m.setWeights(initial);
      await m.fit(x, y, { epochs: 2, batchSize: 40, shuffle: false, verbose: 0 });
      return m.getWeights().map((w) => new Uint32Array((w.dataSync() as Float32Array).slice().buffer));
    };
    const one = await weightsAfterFit(1);
    assert.notDeepEqual(one, initial.map((w) => new Uint32Array((w.dataSync() as Float32Array).slice().buffer)), 'the fit trains');
    assert.deepEqual(await weightsAfterFit(2), one, '2 threads');
    assert.deepEqual(await weightsAfterFit(8), one, '8 threads');
  });

  it('on wasm (values read from its memory into pooled arrays) a fit gives the weights it gives on cpu', { skip }, async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('@tensorflow/tfjs-backend-wasm');
    setRnnKernel('native', { threads: 2 });
    const initial = model().getWeights().map((w) => w.clone());
    const fitOn = async (backend: string): Promise<Float32Array[]> => {
      await tf.setBackend(backend);
      const x = tf.randomNormal([80, 30, 3], 0, 1, 'float32', 5);
      const y = tf.randomNormal([80, 1], 0, 1, 'float32', 6);
      const m = model();
      m.setWeights(initial.map((w) => tf.tensor(w.dataSync(), w.shape)));
      await m.fit(x, y, { epochs: 3, batchSize: 40, shuffle: false, verbose: 0 });
      return m.getWeights().map((w) => (w.dataSync() as Float32Array).slice());
    };
    const cpu = await fitOn('cpu');
    const wasm = await fitOn('wasm');
    const wasmAgain = await fitOn('wasm');
    await tf.setBackend('cpu');
    assert.deepEqual(wasmAgain, wasm, 'wasm twice: the same weights');
    cpu.forEach((w, i) => {
      const worst = Math.max(...w.map((v, k) => Math.abs(v - wasm[i][k]) / Math.max(1e-2, Math.abs(v))));
      assert.ok(worst < 1e-3, `weight ${i}: wasm differs from cpu by ${worst}`);
    });
  });

  it('runs the two directions of a Bidirectional layer in one native call, forward and backward', { skip }, () => {
    setRnnKernel('native', { threads: 2 });
    const native = addon as NonNullable<typeof addon>;
    const calls: string[] = [];
    const { forwardMany, backwardMany, forward } = native;
    native.forwardMany = (c) => (calls.push(`forwardMany ${c.length}`), forwardMany(c));
    native.backwardMany = (c) => (calls.push(`backwardMany ${c.length}`), backwardMany(c));
    native.forward = (...a) => (calls.push('forward'), forward(...a));
    try {
      const m = tf.sequential();
      m.add(fastBidirectional({ layer: fusedLSTM({ units: 4, returnSequences: true }) as never, inputShape: [5, 2] }));
      const x = tf.randomNormal([3, 5, 2], 0, 1, 'float32', 3);
      tf.variableGrads(() => tf.sum(m.apply(x, { training: true }) as tf.Tensor) as tf.Scalar);
    } finally {
      Object.assign(native, { forwardMany, backwardMany, forward });
    }
    assert.deepEqual(calls, ['forwardMany 2', 'backwardMany 2']);
  });

  it('predict and evaluate run the same native kernel, forward only', { skip }, () => {
    setRnnKernel('native', { threads: 2 });
    const native = addon as NonNullable<typeof addon>;
    const calls: string[] = [];
    const { forward, forwardMany, backward, backwardMany } = native;
    native.forward = (...a) => (calls.push('forward'), forward(...a));
    native.forwardMany = (c) => (calls.push('forwardMany'), forwardMany(c));
    native.backward = (...a) => (calls.push('backward'), backward(...a));
    native.backwardMany = (c) => (calls.push('backwardMany'), backwardMany(c));
    try {
      const m = model();
      const x = tf.randomNormal([4, 30, 3], 0, 1, 'float32', 4);
      m.predict(x);
      m.evaluate(x, tf.zeros([4, 1]));
    } finally {
      Object.assign(native, { forward, forwardMany, backward, backwardMany });
    }
    // per call: the Bidirectional LSTM (both directions at once), the GRU, the SimpleRNN
    assert.deepEqual(calls, ['forwardMany', 'forward', 'forward', 'forwardMany', 'forward', 'forward']);
  });

  it('uses every core in the main thread and one in a worker thread (where nJobs > 1 fits run)', async () => {
    assert.equal(defaultRnnThreads(), Math.min(64, os.availableParallelism()));
    const inWorker = await new Promise<unknown>((resolve, reject) => {
      const select = path.join(__dirname, 'select.ts');
      const worker = new Worker(
        `require('tsx/cjs'); require('node:worker_threads').parentPort.postMessage(require(${JSON.stringify(select)}).defaultRnnThreads());`,
        { eval: true },
      );
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    assert.equal(inWorker, 1);
  });
});
