/**
 * Helper for the Python tests: runs a small study on a journal file.
 * Usage: node --import tsx test/study/journal_writer.ts <journal> <studyName> <nTrials> [mode]
 * mode: 'mixed' (default; completes, prunes, fails, NaN, ±Infinity values, intermediate values),
 *       'slow' (each trial sleeps 150 ms: for the crash test), 'plain' (quick objective, for two processes).
 * Prints one JSON line per finished trial: {"number", "state"}.
 */
import { createStudy, JournalFileStorage, RandomSampler, TrialPruned, NopPruner } from '../../kernel/src/study';

const [journal, studyName, nTrialsText, mode = 'mixed'] = process.argv.slice(2);

async function main(): Promise<void> {
  const storage = new JournalFileStorage(journal);
  const study = await createStudy({ studyName, storage, loadIfExists: true, direction: 'minimize', sampler: new RandomSampler({ seed: process.pid }), pruner: new NopPruner() });
  await study.optimize(
    async (trial) => {
      const x = trial.suggestFloat('x', -10, 10);
      const lr = trial.suggestFloat('lr', 1e-5, 1e-1, { log: true });
      const q = trial.suggestFloat('q', 0, 1, { step: 0.25 });
      const n = trial.suggestInt('n', 1, 9, { step: 2 });
      const k = trial.suggestInt('k', 1, 64, { log: true });
      const c = trial.suggestCategorical('c', ['a', 'b', null, true, 2.5, 'é']);
      trial.setUserAttr('tag', `t${trial.number}`);
      if (mode === 'slow') await new Promise((r) => setTimeout(r, 150));
      if (mode !== 'mixed') return x * x + q + n + k;
      trial.report(x * x, 0);
      trial.report(NaN, 1);
      trial.report(Infinity, 2);
      trial.report(-Infinity, 3);
      const kinds = trial.number % 5;
      if (kinds === 1) throw new TrialPruned();
      if (kinds === 2) throw new RangeError('bad trial');
      if (kinds === 3) return NaN;
      void lr;
      void c;
      return x * x + q;
    },
    { nTrials: Number(nTrialsText), catch: [RangeError], show: false, callbacks: [(_s, t) => console.log(JSON.stringify({ number: t.number, state: t.state }))] },
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
