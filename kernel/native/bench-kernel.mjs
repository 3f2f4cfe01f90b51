#!/usr/bin/env node
// Microbenchmark for the rnnlab native kernel:
//   node kernel/native/bench-kernel.mjs [--threads N] [--reps R] [--isa baseline|avx2|avx512]
// 1. sgemm GFLOP/s at the shapes the LSTM 128->64->32 model uses
//    (best of R calls, timed inside the addon, so no JS overhead).
// 2. forward+backward wall time per batch of each LSTM layer (B=32, T=100),
//    the three layers together, and a per-epoch (16 batches) estimate.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const native = require(fileURLToPath(new URL('./build/rnnlab_native.node', import.meta.url)));
const argv = process.argv.slice(2);
const opt = (name, def) => { const i = argv.indexOf(name); return i >= 0 ? Number(argv[i + 1]) : def; };
const threadsList = argv.includes('--threads') ? [opt('--threads', 1)] : [1, 2];
const reps = opt('--reps', 30);
if (argv.includes('--isa')) native._setIsa(argv[argv.indexOf('--isa') + 1]);

console.log(`${native.version}`);
console.log('\nsgemm  C[M,N] = op(A)[M,K] op(B)[K,N]   (GFLOP/s, best of', reps, 'calls)');
const shapes = [
  // [label, M, N, K, transA, transB, prepacked]
  ['L1 recurrent step  h·U        ', 32, 512, 128, false, false, true],
  ['L1 backward step   dG·U^T     ', 32, 128, 512, false, true, true],
  ['L2 recurrent step  h·U        ', 32, 256, 64, false, false, true],
  ['L1 input proj      X·W        ', 3200, 512, 10, false, false, false],
  ['L2 input proj      X·W        ', 3200, 256, 128, false, false, false],
  ['L1 dU   Hprev^T·dG            ', 128, 512, 3168, true, false, false],
  ['L2 dW   X^T·dG                ', 128, 256, 3200, true, false, false],
  ['L2 dX   dG·W^T                ', 3200, 128, 256, false, true, false],
  ['square 512                    ', 512, 512, 512, false, false, false],
];
const head = 'shape                            M     N     K  tA tB ' + threadsList.map((t) => `  thr=${t}`).join('');
console.log(head);
for (const [label, M, N, K, tA, tB, pre] of shapes) {
  const cols = threadsList.map((t) => {
    native._sgemmBench(M, N, K, tA, tB, t, 3, pre); // warm up
    const s = native._sgemmBench(M, N, K, tA, tB, t, reps, pre);
    return (2 * M * N * K / s / 1e9).toFixed(1).padStart(8);
  });
  console.log(`${label} ${String(M).padStart(5)} ${String(N).padStart(5)} ${String(K).padStart(5)}  ${tA ? 'T' : 'N'}  ${tB ? 'T' : 'N'} ${cols.join('')}`);
}

// ---------------------------------------------------------------- LSTM layers
function rand(n, s = 1) { const a = new Float32Array(n); for (let i = 0; i < n; i++) a[i] = (Math.random() * 2 - 1) * s; return a; }
function layerFlops(B, T, D, H) {
  const G = 4 * H;
  const fwd = 2 * T * B * D * G + 2 * (T - 1) * B * H * G;
  const bwd = 2 * (T - 1) * B * G * H /* dh */ + 2 * (T - 1) * B * H * G /* dU */ + 2 * 2 * T * B * D * G /* dW, dX */;
  return fwd + bwd;
}
function timeLayer(B, T, D, H, threads, iters) {
  const dims = new Int32Array([B, T, D, H, 0, 0, 1, threads]);
  const x = rand(B * T * D), W = rand(D * 4 * H, 0.1), U = rand(H * 4 * H, 0.1), bias = rand(4 * H, 0.1);
  const dh = rand(B * T * H);
  let best = Infinity, bestF = Infinity, bestB = Infinity;
  for (let i = 0; i < iters; i++) {
    const t0 = process.hrtime.bigint();
    const { cache } = native.forward(0, dims, x, W, U, bias, null, null);
    const t1 = process.hrtime.bigint();
    native.backward(0, dims, x, W, U, bias, null, null, cache, dh);
    const t2 = process.hrtime.bigint();
    const f = Number(t1 - t0) / 1e6, b = Number(t2 - t1) / 1e6;
    bestF = Math.min(bestF, f); bestB = Math.min(bestB, b); best = Math.min(best, f + b);
  }
  return { fwd: bestF, bwd: bestB, total: best };
}

console.log('\nLSTM forward+backward per batch (B=32, T=100; best of 15, ms; GFLOP/s over the GEMM flops)');
const layers = [['layer 1 D=10  H=128', 32, 100, 10, 128], ['layer 2 D=128 H=64 ', 32, 100, 128, 64], ['layer 3 D=64  H=32 ', 32, 100, 64, 32]];
for (const t of threadsList) {
  let sum = 0, flops = 0;
  for (const [label, B, T, D, H] of layers) {
    timeLayer(B, T, D, H, t, 2);
    const r = timeLayer(B, T, D, H, t, 15);
    const fl = layerFlops(B, T, D, H);
    sum += r.total; flops += fl;
    console.log(`threads=${t}  ${label}  fwd ${r.fwd.toFixed(2).padStart(6)}  bwd ${r.bwd.toFixed(2).padStart(6)}  total ${r.total.toFixed(2).padStart(6)} ms  ${(fl / r.total / 1e6).toFixed(1).padStart(5)} GFLOP/s`);
  }
  console.log(`threads=${t}  all 3 layers  ${sum.toFixed(2)} ms/batch  -> ${(16 * sum / 1000).toFixed(3)} s per 16-batch epoch (kernel only)  ${(flops / sum / 1e6).toFixed(1)} GFLOP/s`);
}
