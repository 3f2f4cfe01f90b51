import { createStudy, RandomSampler, TPESampler } from '../../kernel/src/study';
async function main() {
  const kind = process.argv[2] ?? 'random';
  const n = Number(process.argv[3] ?? 2000);
  const study = await createStudy({ sampler: kind === 'tpe' ? new TPESampler({ seed: 1 }) : new RandomSampler({ seed: 1 }) });
  let t0 = performance.now();
  const step = n / 4;
  for (let k = 0; k < 4; k++) {
    await study.optimize((trial) => { const x = trial.suggestFloat('x', -10, 10); const y = trial.suggestInt('y', 0, 10); const c = trial.suggestCategorical('c', ['a', 'b']); return x * x + y + (c === 'a' ? 1 : 0); }, { nTrials: step, showProgressBar: false } as never);
    const t1 = performance.now();
    console.log(`${kind} trials ${(k) * step}-${(k + 1) * step}: ${((t1 - t0) / step).toFixed(3)} ms/trial`);
    t0 = t1;
  }
}
main();
