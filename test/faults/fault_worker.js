/**
 * A study worker for the fault-injection tests, on the built package (starts in well under a second).
 * Usage: node test/faults/fault_worker.js <journal|sqlite> <path or URL> <study> <nTrials> [lockGraceSeconds]
 * Prints (synchronously, so that a kill -9 cannot lose a printed line) one JSON line when the study
 * is open, {"event":"opened"}, then one per trial the storage acknowledged, {"event":"done","number","value"}.
 */
const { writeSync } = require('node:fs');
const { createStudy, JournalFileStorage, RDBStorage, RandomSampler } = require('../../kernel/dist/study');

const [kind, target, studyName, nTrials, grace = '30'] = process.argv.slice(2);
const say = (event) => writeSync(1, `${JSON.stringify(event)}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const storage = kind === 'journal' ? new JournalFileStorage(target, { lockGracePeriodSeconds: Number(grace) }) : new RDBStorage(target);
  const study = await createStudy({ studyName, storage, loadIfExists: true, sampler: new RandomSampler({ seed: process.pid }) });
  say({ event: 'opened', pid: process.pid });
  await study.optimize(
    async (trial) => {
      const x = trial.suggestFloat('x', -10, 10);
      for (let step = 0; step < 3; step++) {
        trial.report(x * x + step, step);
        trial.setUserAttr(`step${step}`, step);
        await sleep(3);
      }
      return x * x;
    },
    { nTrials: Number(nTrials), show: false, callbacks: [(_s, t) => say({ event: 'done', number: t.number, state: t.state, value: t.values && t.values[0] })] },
  );
  if (storage.close) await storage.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  },
);
