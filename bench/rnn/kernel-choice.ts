/**
 * The measurement behind the choice of kernel technology for the fused recurrent layers.
 *
 * For the seed's first LSTM layer (batch 32, 100 steps, 10 features, 128 units) it prints, side by side:
 * - the matrix products alone on tfjs' WebAssembly backend (XNNPACK, SIMD: the best WebAssembly GEMM
 *   at hand) and on the plain-JS cpu backend — an upper bound for any WebAssembly kernel of ours;
 * - the whole layer, forward and backward, on rnnlab's native kernel and on the tfjs-op kernel.
 * GFLOP/s count the layer's matrix products (2·M·N·K each), the part that dominates.
 *
 * Run: npx tsx bench/rnn/kernel-choice.ts [--repeats N]
 */
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { recurrentSequence } from '../../kernel/src/model/recurrent/sequence-op';
import { STANDARD_RECURRENT } from '../../kernel/src/model/recurrent/layers';
import { rnnKernelInfo, setRnnKernel } from '../../kernel/src/model/recurrent/select';

const repeatsArg = process.argv.indexOf('--repeats');
const REPEATS = repeatsArg > 0 ? Number(process.argv[repeatsArg + 1]) : 5;
const B = 32;
const T = 100;
const D = 10;
const H = 128;
const G = 4;

/** The matrix products of one LSTM layer's forward + backward pass, as [M, K, N] and how often. */
const PRODUCTS: { m: number; k: number; n: number; times: number; what: string }[] = [
  { m: B * T, k: D, n: G * H, times: 1, what: 'input projection' },
  { m: B, k: H, n: G * H, times: T, what: 'recurrent step' },
  { m: B, k: G * H, n: H, times: T, what: 'recurrent step backward' },
  { m: D, k: B * T, n: G * H, times: 1, what: 'kernel gradient' },
  { m: H, k: B * T, n: G * H, times: 1, what: 'recurrent kernel gradient' },
  { m: B * T, k: G * H, n: D, times: 1, what: 'input gradient' },
];
const FLOPS = PRODUCTS.reduce((sum, p) => sum + 2 * p.m * p.k * p.n * p.times, 0);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => void): number {
  fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < REPEATS; i += 1) {
    const started = performance.now();
    fn();
    runs.push(performance.now() - started);
  }
  return median(runs);
}

/** Milliseconds for the layer's matrix products alone on the current tfjs backend. */
function productsOnly(): number {
  const operands = PRODUCTS.map((p) => [tf.randomNormal([p.m, p.k]), tf.randomNormal([p.k, p.n])]);
  const ms = time(() => {
    PRODUCTS.forEach((p, i) => {
      for (let r = 0; r < p.times; r += 1) {
        tf.matMul(operands[i][0], operands[i][1]).dispose();
      }
    });
    tf.matMul(operands[0][0], operands[0][1]).dataSync();
  });
  tf.dispose(operands.flat());
  return ms;
}

/** Milliseconds for the whole fused layer, forward and backward, with the given kernel. */
function wholeLayer(kernel: 'native' | 'tfjs'): number {
  setRnnKernel(kernel);
  const w = tf.randomNormal([D, G * H], 0, 0.1);
  const u = tf.randomNormal([H, G * H], 0, 0.1);
  const b = tf.zeros([G * H]);
  const x = tf.randomNormal([B, T, D]);
  const spec = {
    kind: 'LSTM' as const,
    batch: B,
    timesteps: T,
    features: D,
    units: H,
    goBackwards: false,
    activation: 'tanh' as const,
    recurrentActivation: 'sigmoid' as const,
  };
  const run = tf.grads((xs, k, r, bias) =>
    tf.sum(recurrentSequence(spec, { x: xs, kernel: k, recurrentKernel: r, bias, inputMask: null, recurrentMask: null })),
  );
  const ms = time(() => {
    const grads = run([x, w, u, b]);
    grads[1].dataSync();
    tf.dispose(grads);
  });
  tf.dispose([w, u, b, x]);
  return ms;
}

/** Milliseconds for tfjs' own LSTM layer (tf.layers), forward and backward. */
function standardLayer(): number {
  const layer = new STANDARD_RECURRENT.LSTM({ units: H, returnSequences: true, recurrentActivation: 'sigmoid' });
  tf.dispose(layer.apply(tf.zeros([1, T, D])) as tf.Tensor);
  const x = tf.randomNormal([B, T, D]);
  const weights = layer.trainableWeights.map((v) => v.read() as tf.Variable);
  const ms = time(() => {
    const { value, grads } = tf.variableGrads(() => tf.sum(layer.apply(x) as tf.Tensor) as tf.Scalar, weights);
    Object.values(grads)[0].dataSync();
    tf.dispose([value, ...Object.values(grads)]);
  });
  tf.dispose(x);
  layer.dispose();
  return ms;
}

async function main(): Promise<void> {
  const rows: { what: string; ms: number }[] = [];
  for (const backend of ['wasm', 'cpu']) {
    await tf.setBackend(backend);
    rows.push({ what: `matrix products only, tfjs ${backend} backend${backend === 'wasm' ? ' (XNNPACK SIMD)' : ''}`, ms: productsOnly() });
  }
  await tf.setBackend('wasm');
  const native = rnnKernelInfo().native;
  if (native.available) {
    rows.push({ what: `whole layer fwd+bwd, native kernel (${native.version})`, ms: wholeLayer('native') });
  } else {
    console.log(`native kernel: ${native.reason}`);
  }
  rows.push({ what: 'whole layer fwd+bwd, tfjs-op kernel on wasm', ms: wholeLayer('tfjs') });
  rows.push({ what: 'whole layer fwd+bwd, tf.layers LSTM on wasm (reference)', ms: standardLayer() });
  setRnnKernel('auto');
  console.log(`LSTM layer B=${B} T=${T} D=${D} H=${H}: ${(FLOPS / 1e9).toFixed(2)} GFLOP of matrix products per batch`);
  console.log(`${os.cpus()[0]?.model ?? 'cpu'}, ${os.availableParallelism()} cores, median of ${REPEATS}`);
  console.log('what'.padEnd(64), '| ms/batch | GFLOP/s');
  for (const r of rows) {
    console.log(r.what.padEnd(64), '|', r.ms.toFixed(1).padStart(8), '|', (FLOPS / 1e6 / r.ms).toFixed(1).padStart(7));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
