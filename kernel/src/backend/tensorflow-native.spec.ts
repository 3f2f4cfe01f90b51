// The native 'tensorflow' backend built by `node scripts/tensorflow-cpu.mjs tfjs-node` (tfjs-node's
// binding on the tensorflow-cpu wheel's C API), as rnnlab's backend choice loads it. Skipped when that
// build is not there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { privateTfjsNodeDir, setBackend } from './select';

const dir = privateTfjsNodeDir();
const built = fs.existsSync(path.join(dir, 'node_modules', '@tensorflow', 'tfjs-node', 'package.json'));
// `npm test` builds it (into a test-only folder) and sets RNNLAB_REQUIRE_TENSORFLOW: there a missing build fails.
const skip =
  built || process.env.RNNLAB_REQUIRE_TENSORFLOW === '1'
    ? false
    : `no tfjs-node build at ${dir} (run node scripts/tensorflow-cpu.mjs tfjs-node)`;

/** A small LSTM stack whose weights depend only on the seeds, not on the backend that creates them. */
function lstmModel(): tf.Sequential {
  const init = (seed: number) => tf.initializers.randomUniform({ minval: -0.5, maxval: 0.5, seed });
  return tf.sequential({
    layers: [
      tf.layers.lstm({
        units: 8,
        returnSequences: true,
        inputShape: [6, 3],
        kernelInitializer: init(1),
        recurrentInitializer: init(2),
        biasInitializer: init(3),
      }),
      tf.layers.lstm({ units: 4, kernelInitializer: init(4), recurrentInitializer: init(5) }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: init(6) }),
    ],
  });
}

const input = () => tf.randomNormal([5, 6, 3], 0, 1, 'float32', 7);

describe('native TensorFlow backend (tensorflow-cpu wheel)', () => {
  after(async () => {
    if (built) await setBackend('cpu');
  });

  it("registers 'tensorflow' into rnnlab's tfjs engine", { skip }, async (t) => {
    const info = await setBackend('tensorflow');
    assert.deepEqual(info, { backend: 'tensorflow', tfjsBackend: 'tensorflow', forced: true, skipped: [] });
    assert.equal(tf.getBackend(), 'tensorflow');
    const tfjsNode = createRequire(path.join(dir, 'package.json'))('@tensorflow/tfjs-node') as typeof tf;
    assert.equal(tfjsNode.engine(), tf.engine());
    const version = (tf.backend() as unknown as { binding: { TF_Version: string } }).binding.TF_Version;
    assert.match(version, /^2\.\d+\.\d+/);
    t.diagnostic(`TensorFlow C API ${version} from ${dir}`);
  });

  it('multiplies matrices', { skip }, async () => {
    await setBackend('tensorflow');
    const product = tf.matMul(tf.tensor2d([[1, 2, 3], [4, 5, 6]]), tf.tensor2d([[1, 0], [0, 1], [1, 1]]));
    assert.deepEqual(await product.array(), [[4, 5], [10, 11]]);
  });

  it('runs a tf.layers LSTM forward pass like the cpu backend (within 1e-5)', { skip }, async () => {
    await setBackend('tensorflow');
    const nativeValues = await (lstmModel().predict(input()) as tf.Tensor).data();
    await setBackend('cpu');
    const reference = await (lstmModel().predict(input()) as tf.Tensor).data();
    assert.equal(nativeValues.length, 5);
    for (let i = 0; i < reference.length; i += 1) {
      const message = `output ${i}: tensorflow ${nativeValues[i]}, cpu ${reference[i]}`;
      assert.ok(Math.abs(nativeValues[i] - reference[i]) <= 1e-5, message);
    }
  });

  it('trains one step', { skip }, async () => {
    await setBackend('tensorflow');
    const model = lstmModel();
    model.compile({ optimizer: tf.train.adam(0.01), loss: 'binaryCrossentropy' });
    const before = model.getWeights().map((w) => w.dataSync().slice());
    const labels = tf.tensor2d([[0], [1], [1], [0], [1]]);
    const history = await model.fit(input(), labels, { epochs: 1, batchSize: 5, verbose: 0 });
    assert.ok(Number.isFinite(history.history.loss[0] as number));
    const updated = model.getWeights().map((w) => w.dataSync());
    assert.ok(updated.every((w, i) => w.some((v, j) => v !== before[i][j])), 'every weight changed');
  });

  it("trains rnnlab's fused layers with the native kernel: gradients equal the tfjs-op kernel's (equal sizes, Bidirectional)", { skip }, async () => {
    // Regression: tfjs-node keeps the array a tensor is made from until first use, so reusing the
    // kernel's output buffers there corrupted the gradients of stacked layers of equal sizes.
    await setBackend('tensorflow');
    const { buildRnnProgressive, setRnnKernel } = await import('../model');
    const x = tf.randomNormal([6, 5, 4], 0, 1, 'float32', 3);
    const y = tf.randomNormal([6, 1], 0, 1, 'float32', 4);
    const gradients = (kernel: 'native' | 'tfjs') => {
      setRnnKernel(kernel);
      const model = buildRnnProgressive({ inputShape: [5, 4], initialUnits: 4, hiddenSizing: 'fixed', numLayers: 3, bidirectional: true, dropoutRate: 0, seed: 1, outputActivation: 'linear' });
      const loss = () => tf.losses.meanSquaredError(y, model.apply(x, { training: true }) as tf.Tensor) as tf.Scalar;
      const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const { grads } = tf.variableGrads(loss, variables);
      return variables.map((v) => grads[v.name].dataSync());
    };
    try {
      const native = gradients('native');
      const reference = gradients('tfjs');
      native.forEach((g, i) => {
        const scale = Math.max(...reference[i].map(Math.abs), 1e-12);
        const diff = Math.max(...g.map((v, j) => Math.abs(v - reference[i][j])));
        assert.ok(diff / scale <= 1e-4, `weight ${i}: relative difference ${diff / scale}`);
      });
    } finally {
      setRnnKernel('auto');
    }
  });
});
