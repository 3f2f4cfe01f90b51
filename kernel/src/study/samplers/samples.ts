/** A small mixed objective the sampler specs share. */
import { createStudy } from '../create';
import type { Sampler } from './base';

/** Runs 6 trials of a mixed float/log/int-step/categorical objective; returns the params of each. */
export async function paramSequence(sampler: Sampler, nTrials = 6): Promise<Record<string, unknown>[]> {
  const study = await createStudy({ sampler });
  await study.optimize(
    (t) => {
      const x = t.suggestFloat('x', -5, 5);
      const lr = t.suggestFloat('lr', 1e-4, 1, { log: true });
      const n = t.suggestInt('n', 1, 9, { step: 2 });
      const c = t.suggestCategorical('c', ['a', 'b', 'c']);
      return x * x + Math.log10(lr) ** 2 / 10 + n / 10 + (c === 'b' ? 0 : 1);
    },
    { nTrials, show: false },
  );
  return study.trials.map((t) => t.params);
}
