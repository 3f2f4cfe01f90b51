import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStudy } from '../../create';
import { RandomSampler } from '../random';
import { paramSequence } from '../samples';
import { TPESampler, defaultGamma } from './sampler';

describe('TPESampler', () => {
  it('gives the exact sequence of its seed (multivariate, the default)', async () => {
    assert.deepEqual(await paramSequence(new TPESampler({ seed: 7, nStartupTrials: 3 })), [
      { x: -2.661722785813182, lr: 0.006246810409697132, n: 5, c: 'c' },
      { x: -1.4317001518209702, lr: 0.0007908435158931087, n: 3, c: 'a' },
      { x: -2.4591643959740948, lr: 0.029236000485777607, n: 3, c: 'a' },
      { x: 2.037696691617604, lr: 0.000423503852736684, n: 3, c: 'a' },
      { x: 2.7004248890197076, lr: 0.006797094234600714, n: 9, c: 'a' },
      { x: -4.313525135212738, lr: 0.005274404903870813, n: 9, c: 'a' },
    ]);
  });

  it('gives the exact sequence of its seed (independent)', async () => {
    const params = await paramSequence(new TPESampler({ seed: 7, nStartupTrials: 3, multivariate: false }));
    assert.deepEqual(params.slice(3), [
      { x: 3.777634877924891, lr: 0.00011764183887100874, n: 9, c: 'a' },
      { x: 2.841857079573771, lr: 0.41683077877764585, n: 1, c: 'b' },
      { x: -4.891788233103628, lr: 0.0006411435642024608, n: 9, c: 'a' },
    ]);
  });

  it('uses Optuna gamma', () => {
    assert.deepEqual([0, 1, 10, 11, 100, 300].map(defaultGamma), [0, 1, 1, 2, 10, 25]);
  });

  it('beats random search on a quadratic', async () => {
    const best = async (sampler: TPESampler | RandomSampler) => {
      const study = await createStudy({ sampler });
      await study.optimize((t) => (t.suggestFloat('x', -10, 10) - 3) ** 2 + (t.suggestFloat('y', -10, 10) + 1) ** 2, { nTrials: 60, show: false });
      return study.bestValue;
    };
    let wins = 0;
    for (let seed = 0; seed < 5; seed++) if ((await best(new TPESampler({ seed }))) < (await best(new RandomSampler({ seed })))) wins++;
    assert.ok(wins >= 4, `TPE won ${wins} of 5`);
  });

  it('spreads concurrent trials with the constant liar and handles several objectives', async () => {
    const study = await createStudy({ directions: ['minimize', 'maximize'], sampler: new TPESampler({ seed: 1, nStartupTrials: 4 }) });
    await study.optimize(
      async (t) => {
        const x = t.suggestFloat('x', 0, 1);
        await new Promise((r) => setTimeout(r, 1));
        return [x, x * (1 - x)];
      },
      { nTrials: 16, nJobs: 4, show: false },
    );
    assert.equal(study.trials.filter((t) => t.state === 'COMPLETE').length, 16);
    assert.ok(study.bestTrials.length >= 1);
  });
});
