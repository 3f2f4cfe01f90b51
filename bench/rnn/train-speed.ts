/**
 * Training speed of the seed model and its variants, rnnlab against Keras on identical shapes and
 * identical data, side by side. Each (framework, variant) runs in its own child process, so peak RSS
 * is that run's.
 *
 * Run: npx tsx bench/rnn/train-speed.ts [--epochs N] [--quick] [--variants LSTM,GRU,RNN,BiLSTM]
 *                                       [--with-layers] [--layers-epochs N] [--tensorflow] [--python PATH] [--json FILE]
 *
 * - Model: buildRnnProgressive({ inputShape: [100, 10], initialUnits: 128, numLayers: 3, cellType,
 *   dropoutRate: 0.3, bidirectional }) + compileRnn(model) (Adam 0.001, binary cross-entropy, accuracy);
 *   Keras: bench/rnn/keras_train_speed.py builds the same layers (parameter counts must be equal).
 * - Data: 512 sequences of 100 x 10 standard-normal floats (numpy RandomState(0), reproduced here),
 *   labels x[:, 0, 0] + x[:, -1, -1] > 0; batch 32, shuffle, N epochs (default 3).
 * - s/epoch: median of the epochs after the first; the first epoch is reported apart (warm-up).
 *   CPU s/epoch: the same median of CPU seconds (user + system, every thread of the process), which
 *   other load on the machine changes much less than wall time. native calls s/epoch: the same median of
 *   the seconds inside the native kernel's calls (rnnlab on the native kernel; the rest is tfjs work).
 * - rnnlab rows: 'fused' (rnnlab's recurrent layers, kernel from RNNLAB_RNN_KERNEL=native|tfjs or the
 *   default) and, with --with-layers, 'layers' (tf.layers; slow, so min(N, 2) epochs by default);
 *   with --tensorflow each rnnlab run again on the native TensorFlow backend (scripts/tensorflow-cpu.mjs).
 * - --quick: tiny shapes (64 x 20 x 4, 16 units, batch 16) and 2 epochs: a smoke test.
 * - Machine: the CPU's vector features (/proc/cpuinfo), the native kernel's ISA path, and its measured
 *   fp32 peak: a short sgemm probe (1024³, all cores and one, best of a few calls) in the same run;
 *   each rnnlab row also gives its recurrent GEMM GFLOP per epoch (6·T·(D+H)·G·H per sequence, layer
 *   and direction: forward, dh/dx and dW/dU products) and the fraction of that peak it reached.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineProbe } from '../machine';
import { resolvePython } from '../tf-venv';

type Variant = 'LSTM' | 'GRU' | 'RNN' | 'BiLSTM';
const VARIANTS: Record<Variant, { cellType: 'LSTM' | 'GRU' | 'RNN'; bidirectional: boolean }> = {
  LSTM: { cellType: 'LSTM', bidirectional: false },
  GRU: { cellType: 'GRU', bidirectional: false },
  RNN: { cellType: 'RNN', bidirectional: false },
  BiLSTM: { cellType: 'LSTM', bidirectional: true },
};
type Implementation = 'fused' | 'layers';

interface Shape {
  samples: number;
  timesteps: number;
  features: number;
  initialUnits: number;
  numLayers: number;
  dropoutRate: number;
  batchSize: number;
  epochs: number;
  seed: number;
}

interface ChildSpec {
  variant: Variant;
  implementation: Implementation;
  shape: Shape;
}

interface RunResult {
  ok: boolean;
  error?: string;
  epochTimes: number[];
  /** CPU seconds (user + system, all threads) of each epoch: less sensitive to other load than wall time. */
  cpuTimes?: number[];
  /** Seconds (wall) of each epoch spent inside the native kernel's calls (rnnlab rows on the native kernel). */
  nativeTimes?: number[];
  losses: number[];
  params: number;
  /** GEMM GFLOP of the recurrent layers in one epoch (rnnlab rows). */
  gflopPerEpoch?: number;
  peakRssMiB: number;
  dataSum: number;
  positives: number;
  info: Record<string, unknown>;
}

interface Row {
  variant: Variant;
  framework: 'keras' | 'rnnlab';
  implementation?: Implementation;
  label: string;
  result: RunResult;
}

const ROOT = path.resolve(__dirname, '..', '..');
const TARGET_RATIO = 0.5;
const RESULT_PREFIX = '@@RESULT ';

// ---------------------------------------------------------------------------------------------
// Data: numpy's legacy RandomState(seed).standard_normal, so both sides train on the same values.

/** numpy legacy `gauss` (polar Box–Muller, the second value cached) on rnnlab's MT19937. */
function standardNormal(seed: number, count: number): Float64Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RandomState } = require('rnnlab') as typeof import('rnnlab');
  const rs = new RandomState(seed);
  const out = new Float64Array(count);
  let cached: number | undefined;
  for (let i = 0; i < count; i++) {
    if (cached !== undefined) {
      out[i] = cached;
      cached = undefined;
      continue;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      x1 = 2 * rs.randomSample() - 1;
      x2 = 2 * rs.randomSample() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * Math.log(r2)) / r2);
    cached = f * x1;
    out[i] = f * x2;
  }
  return out;
}

function makeData(s: Shape): { x: Float32Array; y: Float32Array; dataSum: number; positives: number } {
  const x64 = standardNormal(s.seed, s.samples * s.timesteps * s.features);
  const per = s.timesteps * s.features;
  const y = new Float32Array(s.samples);
  for (let i = 0; i < s.samples; i++) y[i] = x64[i * per] + x64[i * per + per - 1] > 0 ? 1 : 0;
  let dataSum = 0;
  for (const v of x64) dataSum += v;
  return { x: Float32Array.from(x64), y, dataSum, positives: y.reduce((a, b) => a + b, 0) };
}

// ---------------------------------------------------------------------------------------------
// Child: one rnnlab run.

/** rnnlab versions without the option reject unknown options (UnknownOptionError). */
function supportsRnnImplementation(r: typeof import('rnnlab')): boolean {
  try {
    const probe = r.buildRnnProgressive({ inputShape: [2, 1], initialUnits: 1, numLayers: 1, rnnImplementation: 'layers' } as never);
    probe.dispose();
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'UnknownOptionError') return false;
    throw error;
  }
}

/** rnnKernelInfo() of rnnlab versions that have it: the raw object and a short text. */
function kernelInfo(r: Record<string, unknown>): { raw: unknown; text: string } | undefined {
  if (typeof r.rnnKernelInfo !== 'function') return undefined;
  const raw: unknown = (r.rnnKernelInfo as () => unknown)();
  if (raw === null || typeof raw !== 'object') return { raw, text: String(raw) };
  const o = raw as Record<string, unknown>;
  if (typeof o.kernel === 'string') {
    const threads = o.kernel === 'native' && typeof o.threads === 'number' ? `, ${o.threads} thread${o.threads === 1 ? '' : 's'}` : '';
    return { raw, text: `${o.kernel} kernel${threads}` };
  }
  const text = Object.entries(o)
    .filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  return { raw, text };
}

const GATES: Record<string, number> = { LSTM: 4, GRU: 3, SimpleRNN: 1 };

/** GEMM flops of the model's recurrent layers for one sequence, forward and backward (see the header). */
function recurrentFlopsPerSequence(model: import('@tensorflow/tfjs').LayersModel): number {
  let flops = 0;
  for (const layer of model.layers) {
    const wrapped = (layer as unknown as { forwardLayer?: import('@tensorflow/tfjs').layers.Layer }).forwardLayer;
    const rnn = wrapped ?? layer;
    const gates = GATES[rnn.getClassName()];
    if (gates === undefined) continue;
    const [, T, D] = (layer.input as { shape: number[] }).shape;
    const H = (rnn as unknown as { cell: { units: number } }).cell.units;
    flops += (wrapped ? 2 : 1) * 6 * T * (D + H) * gates * H;
  }
  return flops;
}

async function rnnlabChild(spec: ChildSpec): Promise<RunResult> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const r = require('rnnlab') as typeof import('rnnlab');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tf = require('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
  const backend = await r.ready();
  const s = spec.shape;
  const { cellType, bidirectional } = VARIANTS[spec.variant];
  const options: Record<string, unknown> = {
    inputShape: [s.timesteps, s.features],
    initialUnits: s.initialUnits,
    numLayers: s.numLayers,
    cellType,
    dropoutRate: s.dropoutRate,
    bidirectional,
    seed: s.seed,
  };
  const supported = supportsRnnImplementation(r);
  if (supported) options.rnnImplementation = spec.implementation;
  const model = r.compileRnn(r.buildRnnProgressive(options as never));
  const flopsPerSequence = recurrentFlopsPerSequence(model);
  const kernel = supported && spec.implementation === 'fused' ? kernelInfo(r as never) : undefined;
  const data = makeData(s);
  const x = tf.tensor3d(data.x, [s.samples, s.timesteps, s.features]);
  const y = tf.tensor2d(data.y, [s.samples, 1]);
  const epochTimes: number[] = [];
  const cpuTimes: number[] = [];
  const nativeTimes: number[] = [];
  const native = kernel?.text.startsWith('native') ? countNativeTime() : null;
  const losses: number[] = [];
  let t0 = 0;
  let cpu0 = process.cpuUsage();
  let native0 = 0;
  await model.fit(x, y, {
    epochs: s.epochs,
    batchSize: s.batchSize,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => {
        t0 = performance.now();
        cpu0 = process.cpuUsage();
        native0 = native?.seconds() ?? 0;
      },
      onEpochEnd: async (_epoch, logs) => {
        epochTimes.push((performance.now() - t0) / 1000);
        const cpu = process.cpuUsage(cpu0);
        cpuTimes.push((cpu.user + cpu.system) / 1e6);
        if (native) nativeTimes.push(native.seconds() - native0);
        losses.push(Number(logs?.loss ?? NaN));
      },
    },
  });
  return {
    ok: true,
    epochTimes,
    cpuTimes,
    ...(native ? { nativeTimes } : {}),
    losses,
    params: model.countParams(),
    gflopPerEpoch: (flopsPerSequence * s.samples) / 1e9,
    // process.resourceUsage().maxRSS is in KiB.
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    dataSum: data.dataSum,
    positives: data.positives,
    info: {
      framework: 'rnnlab',
      backend: backend.backend,
      tfjsBackend: backend.tfjsBackend,
      tfjs: tf.version.tfjs,
      rnnImplementationOption: supported,
      // What actually ran: without the option, every rnnlab model is tf.layers.
      implementation: supported ? spec.implementation : 'layers',
      rnnKernelEnv: process.env.RNNLAB_RNN_KERNEL ?? null,
      rnnKernelEnvThreads: process.env.RNNLAB_RNN_THREADS ?? null,
      rnnKernel: kernel?.text ?? null,
      rnnKernelInfo: kernel?.raw ?? null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Parent: spawn the runs, gather, print.

function runChild(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      const lines = stdout.trim().split('\n');
      const line = [...lines].reverse().find((l) => l.startsWith(RESULT_PREFIX) || l.startsWith('{'));
      let parsed: RunResult | undefined;
      try {
        parsed = line ? (JSON.parse(line.startsWith(RESULT_PREFIX) ? line.slice(RESULT_PREFIX.length) : line) as RunResult) : undefined;
      } catch {
        parsed = undefined;
      }
      if (parsed?.ok && code === 0) return resolve(parsed);
      const tail = (stderr.trim() || stdout.trim()).split('\n').slice(-15).join('\n');
      resolve({
        ok: false,
        error: `${parsed?.error ?? `exit code ${code}`}\n${tail}`,
        epochTimes: [],
        losses: [],
        params: NaN,
        peakRssMiB: NaN,
        dataSum: NaN,
        positives: NaN,
        info: {},
      });
    });
  });
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Median of the epochs after the first (the first epoch itself when there is only one). */
function secondsPerEpoch(r: RunResult): number {
  return r.epochTimes.length > 1 ? median(r.epochTimes.slice(1)) : NaN;
}

/** The same for CPU seconds (all threads). */
function cpuSecondsPerEpoch(r: RunResult): number {
  return r.cpuTimes && r.cpuTimes.length > 1 ? median(r.cpuTimes.slice(1)) : NaN;
}

/** The same for the seconds inside native kernel calls. */
function nativeSecondsPerEpoch(r: RunResult): number {
  return r.nativeTimes && r.nativeTimes.length > 1 ? median(r.nativeTimes.slice(1)) : NaN;
}

/**
 * Counts the seconds spent inside the native addon's forward / backward calls: wraps the functions of
 * the addon object that rnnlab's loader caches (the addon's own exports are read-only). `null` without it.
 * Wall time: `process.cpuUsage()` around every call cost ~0.1 ms a call here (all threads' usage).
 */
function countNativeTime(): { seconds: () => number } | null {
  // The loader's module by file (the package exports only its root); the same instance rnnlab uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require(path.join(path.dirname(require.resolve('rnnlab')), 'model', 'native-addon.js')) as {
    loadNativeAddon(): { addon: Record<string, unknown> | null };
  };
  const loaded = loader.loadNativeAddon();
  const addon = loaded.addon;
  if (addon === null) return null;
  let millis = 0;
  const wrapped: Record<string, unknown> = Object.create(addon) as Record<string, unknown>;
  for (const name of ['forward', 'backward', 'forwardMany', 'backwardMany']) {
    const f = addon[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      const t0 = performance.now();
      try {
        return f(...args);
      } finally {
        millis += performance.now() - t0;
      }
    };
  }
  loaded.addon = wrapped;
  return { seconds: () => millis / 1e3 };
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function positiveInt(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${text}`);
  return n;
}

const fmt = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const withLayers = argv.includes('--with-layers');
  const withTensorflow = argv.includes('--tensorflow');
  const epochs = positiveInt('--epochs', argValue(argv, '--epochs'), quick ? 2 : 3);
  const layersEpochs = positiveInt('--layers-epochs', argValue(argv, '--layers-epochs'), Math.min(epochs, 2));
  const variants = (argValue(argv, '--variants') ?? 'LSTM,GRU,RNN,BiLSTM').split(',').map((v) => v.trim()).filter(Boolean);
  for (const v of variants) {
    if (!(v in VARIANTS)) throw new Error(`--variants: unknown variant ${v}; allowed: ${Object.keys(VARIANTS).join(', ')}`);
  }
  const jsonPath = argValue(argv, '--json');
  const shape: Shape = quick
    ? { samples: 64, timesteps: 20, features: 4, initialUnits: 16, numLayers: 3, dropoutRate: 0.3, batchSize: 16, epochs, seed: 0 }
    : { samples: 512, timesteps: 100, features: 10, initialUnits: 128, numLayers: 3, dropoutRate: 0.3, batchSize: 32, epochs, seed: 0 };
  if (epochs < 2) console.error('note: with one epoch there is no steady-state epoch; s/epoch is n/a (use --epochs 2 or more).');

  const python = await resolvePython(ROOT, argValue(argv, '--python'));
  const tsxCli = require.resolve('tsx/cli');
  const cpus = os.cpus();
  const env = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    availableParallelism: os.availableParallelism(),
    loadAverage1m: os.loadavg()[0],
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    RNNLAB_RNN_KERNEL: process.env.RNNLAB_RNN_KERNEL ?? null,
    RNNLAB_RNN_THREADS: process.env.RNNLAB_RNN_THREADS ?? null,
    RNNLAB_BACKEND: process.env.RNNLAB_BACKEND ?? null,
  };
  console.log(
    `Training speed: ${shape.samples} sequences of ${shape.timesteps} x ${shape.features}, progressive ${shape.initialUnits} units x ${shape.numLayers} layers, ` +
      `dropout ${shape.dropoutRate}, batch ${shape.batchSize}, ${epochs} epochs (layers rows: ${layersEpochs})${quick ? ' [--quick]' : ''}`,
  );
  const probe = machineProbe(ROOT);
  console.log(`CPU ${env.cpu}, ${env.cores} cores, load ${env.loadAverage1m.toFixed(2)}, node ${env.node}`);
  console.log(`CPU vector features: ${probe.flags}; native kernel: ${probe.isa}`);
  console.log(
    `measured fp32 peak (sgemm 1024³, pre-packed B): ${fmt(probe.peakAll, 1)} GFLOP/s on ${probe.threads} threads, ${fmt(probe.peakOne, 1)} on one\n`,
  );

  const rows: Row[] = [];
  const problems: string[] = [];
  const progress = (row: Row) => {
    const r = row.result;
    console.error(
      r.ok
        ? `  ${row.variant.padEnd(6)} ${row.label}: epochs ${r.epochTimes.map((t) => t.toFixed(2)).join(', ')} s, params ${r.params}, RSS ${r.peakRssMiB.toFixed(0)} MiB`
        : `  ${row.variant.padEnd(6)} ${row.label}: FAILED ${r.error}`,
    );
  };
  for (const variant of variants as Variant[]) {
    const { cellType, bidirectional } = VARIANTS[variant];
    if (python) {
      const args = [
        path.join(ROOT, 'bench', 'rnn', 'keras_train_speed.py'),
        '--cell', cellType,
        ...(bidirectional ? ['--bidirectional'] : []),
        '--samples', String(shape.samples),
        '--timesteps', String(shape.timesteps),
        '--features', String(shape.features),
        '--units', String(shape.initialUnits),
        '--layers', String(shape.numLayers),
        '--dropout', String(shape.dropoutRate),
        '--batch', String(shape.batchSize),
        '--epochs', String(shape.epochs),
        '--seed', String(shape.seed),
      ];
      const row: Row = { variant, framework: 'keras', label: 'Keras', result: await runChild(python, args) };
      if (row.result.ok) row.label = `Keras ${row.result.info.keras}`;
      rows.push(row);
      progress(row);
    }
    const implementations: Implementation[] = withLayers ? ['fused', 'layers'] : ['fused'];
    // --tensorflow: the same rnnlab runs again on the native TensorFlow backend (tfjs-node built on
    // the tensorflow-cpu wheel by scripts/tensorflow-cpu.mjs; RNNLAB_TFJS_NODE_DIR says where).
    // With --tensorflow, the default rows pin wasm: the zero-install default (a tfjs-node build would
    // otherwise be chosen automatically).
    const runs = implementations.flatMap((implementation) => [
      { implementation, env: (withTensorflow ? { RNNLAB_BACKEND: 'wasm' } : {}) as Record<string, string> },
      ...(withTensorflow ? [{ implementation, env: { RNNLAB_BACKEND: 'tensorflow' } }] : []),
    ]);
    for (const { implementation, env: runEnv } of runs) {
      const spec: ChildSpec = { variant, implementation, shape: implementation === 'layers' ? { ...shape, epochs: layersEpochs } : shape };
      const result = await runChild(process.execPath, [tsxCli, __filename, '--child', JSON.stringify(spec)], runEnv);
      let label = `rnnlab ${implementation}`;
      if (result.ok) {
        const i = result.info;
        if (implementation === 'fused' && i.rnnImplementationOption === false) label = 'rnnlab fused→layers*';
        const kernel = i.rnnKernel ? `, ${i.rnnKernel}` : '';
        label += ` (${i.backend}${kernel})`;
        // Without rnnImplementation, 'layers' is the same run as 'fused': keep one.
        if (implementation === 'layers' && i.rnnImplementationOption === false) {
          console.error(`  ${variant.padEnd(6)} rnnlab layers: same as the fused row (this rnnlab has no rnnImplementation), left out`);
          continue;
        }
      }
      const row: Row = { variant, framework: 'rnnlab', implementation, label, result };
      rows.push(row);
      progress(row);
    }
  }

  // Checks: equal parameter counts and equal data on both sides.
  for (const variant of variants) {
    const keras = rows.find((r) => r.variant === variant && r.framework === 'keras' && r.result.ok);
    for (const row of rows.filter((r) => r.variant === variant && r.framework === 'rnnlab' && r.result.ok)) {
      if (keras && row.result.params !== keras.result.params) {
        problems.push(`${variant}: parameter counts differ: ${row.label} ${row.result.params}, Keras ${keras.result.params}`);
      }
      if (keras && (Math.abs(row.result.dataSum - keras.result.dataSum) > 1e-6 * Math.max(1, Math.abs(keras.result.dataSum)) || row.result.positives !== keras.result.positives)) {
        problems.push(`${variant}: the data differ: sum ${row.result.dataSum} / ${keras.result.dataSum}, positives ${row.result.positives} / ${keras.result.positives}`);
      }
    }
  }
  for (const row of rows.filter((r) => !r.result.ok)) problems.push(`${row.variant} ${row.label} failed: ${row.result.error}`);

  console.log(
    table(
      ['variant', 'framework', 's/epoch', 'first epoch s', 'ratio rnnlab/Keras', 'native calls s/epoch', 'CPU s/epoch (ratio)', 'GFLOP/s (% of peak)', 'peak RSS MiB', 'params'],
      rows.map((row) => {
        const r = row.result;
        const keras = rows.find((k) => k.variant === row.variant && k.framework === 'keras' && k.result.ok);
        const ratio = row.framework === 'rnnlab' && keras ? secondsPerEpoch(r) / secondsPerEpoch(keras.result) : NaN;
        return [
          row.variant,
          row.label,
          r.ok ? fmt(secondsPerEpoch(r), 3) : 'FAILED',
          r.ok ? fmt(r.epochTimes[0], 2) : '',
          row.framework === 'rnnlab' ? fmt(ratio, 2) : '',
          r.ok && r.nativeTimes ? fmt(nativeSecondsPerEpoch(r), 3) : '',
          r.ok
            ? `${fmt(cpuSecondsPerEpoch(r), 2)}${row.framework === 'rnnlab' && keras ? ` (${fmt(cpuSecondsPerEpoch(r) / cpuSecondsPerEpoch(keras.result), 2)})` : ''}`
            : '',
          r.ok && r.gflopPerEpoch
            ? `${fmt(r.gflopPerEpoch / secondsPerEpoch(r), 1)} (${fmt((100 * r.gflopPerEpoch) / secondsPerEpoch(r) / probe.peakAll, 0)} %)`
            : '',
          r.ok ? fmt(r.peakRssMiB, 0) : '',
          r.ok ? String(r.params) : '',
        ];
      }),
    ),
  );
  if (rows.some((r) => r.label.includes('fused→layers*'))) {
    console.log('* this rnnlab has no rnnImplementation option yet: the "fused" row ran tf.layers.');
  }
  console.log('');
  for (const variant of variants) {
    const keras = rows.find((r) => r.variant === variant && r.framework === 'keras' && r.result.ok);
    const fused = rows.find((r) => r.variant === variant && r.implementation === 'fused' && r.result.ok);
    const ratio = keras && fused ? secondsPerEpoch(fused.result) / secondsPerEpoch(keras.result) : NaN;
    const verdict = Number.isFinite(ratio) ? (ratio <= TARGET_RATIO ? 'met' : 'not met') : 'n/a (a run is missing)';
    console.log(`${variant}: rnnlab fused / Keras = ${fmt(ratio, 2)} — target ratio ≤ ${TARGET_RATIO}: ${verdict}`);
  }

  const kerasInfo = rows.find((r) => r.framework === 'keras' && r.result.ok)?.result.info;
  const rnnlabInfo = rows.find((r) => r.framework === 'rnnlab' && r.result.ok)?.result.info;
  console.log(
    `\nEnvironment: ${env.cpu}, ${env.cores} cores (available ${env.availableParallelism}), ${env.platform}; load average at start ${env.loadAverage1m.toFixed(2)}\n` +
      `  node ${env.node}, tfjs ${rnnlabInfo?.tfjs ?? '?'}, rnnlab backend ${rnnlabInfo?.backend ?? '?'} (tfjs '${rnnlabInfo?.tfjsBackend ?? '?'}'), ` +
      `RNNLAB_RNN_KERNEL=${env.RNNLAB_RNN_KERNEL ?? '(unset)'}, RNNLAB_RNN_THREADS=${env.RNNLAB_RNN_THREADS ?? '(unset)'}, ` +
      `rnnKernelInfo: ${JSON.stringify(rows.find((r) => r.result.info.rnnKernelInfo)?.result.info.rnnKernelInfo ?? 'n/a')}\n` +
      (kerasInfo
        ? `  python ${kerasInfo.python}, TensorFlow ${kerasInfo.tensorflow}, Keras ${kerasInfo.keras} (backend ${kerasInfo.kerasBackend}, jit_compile ${kerasInfo.jitCompile}, ` +
          `intra/inter-op threads ${kerasInfo.intraOpThreads}/${kerasInfo.interOpThreads}, 0 = TF default), numpy ${kerasInfo.numpy}; python ${python}`
        : '  Keras: not run'),
  );
  if (jsonPath) {
    fs.writeFileSync(jsonPath, JSON.stringify({ shape, epochs, layersEpochs, env, probe, kerasInfo, rnnlabInfo, rows, problems }, null, 2));
    console.log(`results written to ${jsonPath}`);
  }
  if (problems.length > 0) {
    console.error(`\nERRORS:\n- ${problems.join('\n- ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[2] === '--child') {
  rnnlabChild(JSON.parse(process.argv[3]) as ChildSpec).then(
    (result) => {
      process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })}\n`);
      process.exit(1);
    },
  );
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
