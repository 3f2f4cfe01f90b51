/**
 * Wall time of the same GridSearchCV with nJobs = 1 and nJobs = 2 (worker threads), side by side,
 * and whether both gave the same scores. Run: npx tsx bench/search/n-jobs.ts [--quick]
 */
import * as tf from '@tensorflow/tfjs';
import { GridSearchCV, KerasClassifier, ready } from 'rnnlab';

const quick = process.argv.includes('--quick');

// Self-contained (it requires what it uses), so that worker threads can rebuild it.
const createModel = ({ cellType = 'LSTM', initialUnits = 16 }: { cellType?: string; initialUnits?: number }) => {
  const r = require('rnnlab');
  return r.compileRnn(r.buildRnnProgressive({ inputShape: [20, 4], cellType, initialUnits, numLayers: 2, dropoutRate: 0.2 }), { learningRate: 0.005 });
};

async function main(): Promise<void> {
  const info = await ready();
  const n = quick ? 64 : 128;
  const x = tf.randomNormal([n, 20, 4], 0, 1, 'float32', 1);
  const y = Array.from(x.slice([0, 0, 0], [n, 20, 1]).sum([1, 2]).dataSync()).map((s) => (s > 0 ? 1 : 0));
  const paramGrid = { cellType: ['LSTM', 'GRU'], initialUnits: quick ? [8] : [8, 16], epochs: [quick ? 2 : 4], batchSize: [16] };
  const rows: { nJobs: number; seconds: number; fits: number; scores: number[] }[] = [];
  for (const nJobs of [1, 2]) {
    const search = new GridSearchCV({
      estimator: new KerasClassifier({ buildFn: createModel as never }),
      paramGrid,
      cv: 3,
      nJobs,
      randomState: 0,
      refit: false,
      show: false,
    });
    const started = performance.now();
    await search.fit(x, y);
    const seconds = (performance.now() - started) / 1000;
    rows.push({ nJobs, seconds, fits: search.cvResults!.params.length * 3, scores: search.cvResults!.mean_test_score });
  }
  console.log(`GridSearchCV, ${rows[0].fits} fits (LSTM/GRU, ${n} sequences of 20 x 4), backend ${info.backend}, ${require('node:os').availableParallelism()} cores`);
  console.log('nJobs | wall s | fits/min | speed-up');
  for (const r of rows) {
    console.log(`${String(r.nJobs).padStart(5)} | ${r.seconds.toFixed(1).padStart(6)} | ${((r.fits / r.seconds) * 60).toFixed(1).padStart(8)} | ${(rows[0].seconds / r.seconds).toFixed(2)}x`);
  }
  const same = JSON.stringify(rows[0].scores) === JSON.stringify(rows[1].scores);
  console.log(`same cvResults scores for nJobs 1 and 2: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
