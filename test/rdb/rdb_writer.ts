/**
 * Helper for the Python tests: runs a small study on an RDB storage.
 * Usage: node --import tsx test/rdb/rdb_writer.ts <url> <studyName> <nTrials> [mode]
 * mode: 'mixed' (default; completes, prunes, fails, ±Infinity values, NaN intermediate values),
 *       'plain' (quick objective, for several processes).
 * Prints one JSON line per finished trial: {"number", "state"}.
 */
import { createStudy, NopPruner, RandomSampler, RDBStorage, TrialPruned } from '../../kernel/src/study';

const [url, studyName, nTrialsText, mode = 'mixed'] = process.argv.slice(2);

async function main(): Promise<void> {
  const storage = new RDBStorage(url);
  const study = await createStudy({ studyName, storage, loadIfExists: true, direction: 'minimize', sampler: new RandomSampler({ seed: process.pid }), pruner: new NopPruner() });
  await study.optimize(
    async (trial) => {
      const x = trial.suggestFloat('x', -10, 10);
      trial.suggestFloat('lr', 1e-5, 1e-1, { log: true });
      const q = trial.suggestFloat('q', 0, 1, { step: 0.25 });
      const n = trial.suggestInt('n', 1, 9, { step: 2 });
      trial.suggestInt('k', 1, 64, { log: true });
      trial.suggestCategorical('c', ['a', 'b', null, true, 2.5, 'é']);
      trial.setUserAttr('tag', `t${trial.number}`);
      if (mode !== 'mixed') return x * x + q + n;
      trial.report(x * x, 0);
      trial.report(NaN, 1);
      trial.report(Infinity, 2);
      trial.report(-Infinity, 3);
      const kind = trial.number % 5;
      if (kind === 1) throw new TrialPruned();
      if (kind === 2) throw new RangeError('bad trial');
      if (kind === 3) return Infinity;
      return x * x + q;
    },
    { nTrials: Number(nTrialsText), catch: [RangeError], show: false, callbacks: [(_s, t) => console.log(JSON.stringify({ number: t.number, state: t.state }))] },
  );
  await storage.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
