/**
 * The seed's GridSearchCV, rnnlab against scikit-learn + scikeras (Keras 3 on TensorFlow), wall-clock,
 * same data, same grid, same run, side by side.
 *
 * Run: npx tsx bench/search/grid-vs-sklearn.ts [--epochs N] [--samples N] [--quick] [--python PATH]
 *
 * - Grid: cellType LSTM/GRU x initialUnits 64/128 (the seed's grid reduced to its architecture axes),
 *   cv 3, refit (both defaults), all cores: rnnlab `nJobs: -1` (worker threads, the native kernel with
 *   one thread each), scikit-learn `n_jobs=-1` (joblib processes). 4 candidates x 3 folds + 1 refit.
 * - Model: the seed's create_model defaults (buildRnnProgressive, 2 layers, dropout 0.3, Adam 0.001,
 *   binary cross-entropy); 10 epochs, batch 32 (the first values of the seed's grid).
 * - Data: 512 sequences of 100 x 10 (the seed's shape) from numpy RandomState(0), labels
 *   x[:, 0, 0] + x[:, -1, -1] > 0, written by bench/search/sklearn_grid.py --dump for both sides.
 * - Python: the .venv-tf venv (scripts/tensorflow-cpu.mjs) with scikeras and scikit-learn from PyPI
 *   (`.venv-tf/bin/pip install scikeras scikit-learn`).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { GridSearchCV, KerasClassifier, ready, rnnKernelInfo } from 'rnnlab';
import { machineProbe } from '../machine';
import { createModel } from './create-model';
import { resolvePython } from '../tf-venv';

const ROOT = path.resolve(__dirname, '..', '..');
const TARGET_RATIO = 0.5;

function argValue(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const epochs = Number(argValue('--epochs') ?? (quick ? 2 : 10));
  const samples = Number(argValue('--samples') ?? (quick ? 96 : 512));
  const timesteps = quick ? 20 : 100;
  const features = 10;
  const units = quick ? [8, 16] : [64, 128];
  const python = await resolvePython(ROOT, argValue('--python'));
  if (!python) throw new Error('needs the TensorFlow venv (see the header): it also writes the data');
  const shapeArgs = ['--samples', String(samples), '--timesteps', String(timesteps), '--features', String(features)];
  const sklearnScript = path.join(ROOT, 'bench', 'search', 'sklearn_grid.py');

  const dataFile = path.join(os.tmpdir(), `rnnlab-grid-${process.pid}.bin`);
  const dumped = await run(python, [sklearnScript, ...shapeArgs, '--dump', dataFile]);
  if (dumped.code !== 0) throw new Error(`sklearn_grid.py --dump failed:\n${dumped.stdout}${dumped.stderr}`);
  const bytes = fs.readFileSync(dataFile);
  fs.rmSync(dataFile);
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  const n = samples * timesteps * features;
  const x = tf.tensor3d(all.slice(0, n), [samples, timesteps, features]);
  const y = Array.from(all.slice(n, n + samples));

  const info = await ready();
  const probe = machineProbe(ROOT);
  console.log(
    `GridSearchCV: cellType LSTM/GRU x initialUnits ${units.join('/')}, cv 3 + refit, 2 layers, ${epochs} epochs, batch 32, ` +
      `${samples} sequences of ${timesteps} x ${features}${quick ? ' [--quick]' : ''}`,
  );
  console.log(
    `CPU ${os.cpus()[0]?.model ?? '?'}, ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(2)}; vector features: ${probe.flags}\n` +
      `rnnlab: backend ${info.backend}, ${probe.isa}, ${rnnKernelInfo().kernel} kernel; node ${process.version}\n`,
  );

  const search = new GridSearchCV({
    estimator: new KerasClassifier({ buildFn: createModel as never, epochs, batchSize: 32, verbose: 0, timesteps, features } as never),
    paramGrid: { cellType: ['LSTM', 'GRU'], initialUnits: units },
    cv: 3,
    nJobs: -1,
    show: false,
  });
  const started = performance.now();
  await search.fit(x, y);
  const rnnlabSeconds = (performance.now() - started) / 1000;
  const results = search.cvResults as unknown as Record<string, number[]>;
  console.error(`  rnnlab: ${rnnlabSeconds.toFixed(1)} s`);

  const sk = await run(python, [sklearnScript, ...shapeArgs, '--epochs', String(epochs), '--units', units.join(',')]);
  const last = sk.stdout.trim().split('\n').pop() ?? '';
  const sklearn = (() => {
    try {
      return JSON.parse(last) as { ok: boolean; seconds: number; meanTestScore: number[]; versions: Record<string, string>; error?: string };
    } catch {
      return { ok: false, seconds: NaN, meanTestScore: [], versions: {}, error: `${sk.stdout}${sk.stderr}`.slice(-2000) };
    }
  })();
  if (!sklearn.ok) console.error(`scikit-learn side failed: ${sklearn.error}`);

  const ratio = rnnlabSeconds / sklearn.seconds;
  console.log('side                         | wall s | mean test scores (LSTM 1st, LSTM 2nd, GRU 1st, GRU 2nd units)');
  console.log(`rnnlab GridSearchCV nJobs -1 | ${rnnlabSeconds.toFixed(1).padStart(6)} | ${results.mean_test_score.map((s) => s.toFixed(3)).join(' ')}`);
  console.log(
    `sklearn ${sklearn.versions.sklearn ?? '?'} + scikeras ${sklearn.versions.scikeras ?? '?'} (Keras ${sklearn.versions.keras ?? '?'}), n_jobs=-1 | ` +
      `${Number.isFinite(sklearn.seconds) ? sklearn.seconds.toFixed(1) : 'n/a'} | ${sklearn.meanTestScore.map((s) => s.toFixed(3)).join(' ')}`,
  );
  const verdict = Number.isFinite(ratio) ? (ratio <= TARGET_RATIO ? 'met' : 'not met') : 'n/a';
  console.log(`\nrnnlab / scikit-learn wall-clock = ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'} — target ≤ ${TARGET_RATIO}: ${verdict}`);
  console.log(`load average at the end ${os.loadavg()[0].toFixed(2)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
