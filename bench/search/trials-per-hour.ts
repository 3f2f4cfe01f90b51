/**
 * Does trial-level parallelism pay? The same RandomizedSearchCV of small seed-like models with
 * nJobs = 1 and nJobs = 2 (worker threads): wall time, fits and candidates per hour, the speed-up,
 * and whether both runs gave identical cvResults scores.
 *
 * Run: npx tsx bench/search/trials-per-hour.ts [--quick] [--jobs 1,2] [--rnn-implementation fused|layers]
 *
 * - Candidates: cellType LSTM/GRU, initialUnits 32–64, numLayers 2–3, dropoutRate 0.2–0.4; 10 epochs as in the seed's searches (--quick: 2),
 *   batch 32; 8 candidates x cv 3 on 384 sequences of 100 x 10, the seed's shape (--quick: 4 x cv 2 on 64 of 20 x 10).
 * - rnnImplementation goes to buildRnnProgressive (default 'fused': rnnlab's recurrent layers, kernel
 *   from RNNLAB_RNN_KERNEL); an rnnlab without that option builds tf.layers, and the header says so.
 */
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { KerasClassifier, RandomizedSearchCV, buildRnnProgressive, randint, ready, uniform } from 'rnnlab';
import { createModel } from './create-model';

/** rnnlab versions without the option reject it as an unknown option. */
function supportsRnnImplementation(): boolean {
  try {
    buildRnnProgressive({ inputShape: [2, 1], initialUnits: 1, numLayers: 1, rnnImplementation: 'layers' } as never).dispose();
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'UnknownOptionError') return false;
    throw error;
  }
}

function argValue(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const jobs = (argValue('--jobs') ?? '1,2').split(',').map(Number);
  if (jobs.some((j) => !Number.isInteger(j) || j === 0 || j < -1)) throw new Error('--jobs: a list of positive integers (or -1)');
  const requested = argValue('--rnn-implementation') ?? 'fused';
  if (!['fused', 'layers'].includes(requested)) throw new Error(`--rnn-implementation must be fused or layers, got ${requested}`);
  const info = await ready();
  const supported = supportsRnnImplementation();
  const rnnImplementation = supported ? requested : 'auto';
  const implementationText = supported
    ? `rnnImplementation '${requested}'${requested === 'fused' ? `, RNNLAB_RNN_KERNEL=${process.env.RNNLAB_RNN_KERNEL ?? '(unset)'}` : ''}`
    : `tf.layers (this rnnlab has no rnnImplementation option; '${requested}' not applied)`;

  const n = quick ? 64 : 384;
  const timesteps = quick ? 20 : 100;
  const features = 10;
  const nIter = quick ? 4 : 8;
  const cv = quick ? 2 : 3;
  const epochs = quick ? 2 : 10;
  const x = tf.randomNormal([n, timesteps, features], 0, 1, 'float32', 1);
  const y = Array.from(x.slice([0, 0, 0], [n, timesteps, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
  const paramDistributions = {
    cellType: ['LSTM', 'GRU'],
    initialUnits: randint(32, 65),
    numLayers: [2, 3],
    dropoutRate: uniform(0.2, 0.2),
  };

  const cores = os.availableParallelism();
  console.log(
    `RandomizedSearchCV: ${nIter} candidates x cv ${cv} = ${nIter * cv} fits (LSTM/GRU, 32-64 units, 2-3 layers, ${epochs} epochs, batch 32) ` +
      `on ${n} sequences of ${timesteps} x ${features}${quick ? ' [--quick]' : ''}`,
  );
  console.log(
    `backend ${info.backend}, ${implementationText}; ${os.cpus()[0]?.model ?? 'cpu'}, ${cores} cores, load average ${os.loadavg()[0].toFixed(2)}, node ${process.version}, tfjs ${tf.version.tfjs}\n`,
  );

  const rows: { nJobs: number; seconds: number; fitSeconds: number; fits: number; candidates: number; scores: number[][] }[] = [];
  for (const nJobs of jobs) {
    const search = new RandomizedSearchCV({
      estimator: new KerasClassifier({ buildFn: createModel as never, epochs, batchSize: 32, verbose: 0, timesteps, features, rnnImplementation } as never),
      paramDistributions,
      nIter,
      cv,
      nJobs,
      randomState: 0,
      refit: false,
      show: false,
    });
    const started = performance.now();
    await search.fit(x, y);
    const seconds = (performance.now() - started) / 1000;
    const results = search.cvResults! as unknown as Record<string, unknown>;
    const candidates = (results.params as unknown[]).length;
    // Every split's score, then the means: "identical" means bit-for-bit equal.
    const scores = [...Array.from({ length: cv }, (_v, k) => results[`split${k}_test_score`] as number[]), results.mean_test_score as number[]];
    // Time inside the fits themselves (scikit-learn's mean_fit_time x folds); wall minus this / nJobs is overhead.
    const fitSeconds = (results.mean_fit_time as number[]).reduce((a, b) => a + b, 0) * cv;
    rows.push({ nJobs, seconds, fitSeconds, fits: candidates * cv, candidates, scores });
    console.error(`  nJobs ${nJobs}: ${seconds.toFixed(1)} s, mean test scores ${(results.mean_test_score as number[]).map((s) => s.toFixed(3)).join(' ')}`);
  }

  console.log('nJobs | wall s | fits/hour | candidates/hour | speed-up | sum of fit s');
  for (const r of rows) {
    console.log(
      `${String(r.nJobs).padStart(5)} | ${r.seconds.toFixed(1).padStart(6)} | ${((r.fits / r.seconds) * 3600).toFixed(0).padStart(9)} | ` +
        `${((r.candidates / r.seconds) * 3600).toFixed(0).padStart(15)} | ${`${(rows[0].seconds / r.seconds).toFixed(2)}x`.padStart(8)} | ${r.fitSeconds.toFixed(1).padStart(12)}`,
    );
  }
  console.log('(wall s includes starting the worker threads; sum of fit s adds up the time inside the fits)');
  const reference = JSON.stringify(rows[0].scores);
  const same = rows.every((r) => JSON.stringify(r.scores) === reference);
  console.log(`identical cvResults scores (every split) for nJobs ${jobs.join(', ')}: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
