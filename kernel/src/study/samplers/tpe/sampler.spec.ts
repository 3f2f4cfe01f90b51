import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStudy } from '../../create';
import { RandomSampler } from '../random';
import { paramSequence } from '../samples';
import { TPESampler, defaultGamma } from './sampler';

describe('TPESampler', () => {
  it('gives the exact sequence of its seed (multivariate, the default)', async () => {
    assert.deepEqual(await paramSequence(new TPESampler({ seed: 7, nStartupTrials: 3 })), [
      { x: -4.236917106260428, lr: 0.13172711156111802, n: 5, c: 'b' },
      { x: 0.011204636599378759, lr: 0.00019418001640357854, n: 3, c: 'c' },
      { x: -1.190588668514616, lr: 0.00018354619576988683, n: 3, c: 'a' },
      { x: 0.35949274599317765, lr: 0.013342850962984439, n: 9, c: 'c' },
      { x: 3.194893393102332, lr: 0.0034038574594322303, n: 9, c: 'c' },
      { x: 3.2521564423952602, lr: 0.1824497775740742, n: 1, c: 'c' },
    ]);
  });

  it('gives the exact sequence of its seed (independent)', async () => {
    const params = await paramSequence(new TPESampler({ seed: 7, nStartupTrials: 3, multivariate: false }));
    assert.deepEqual(params.slice(3), [
      { x: 4.00564478928715, lr: 0.00014962569027817058, n: 9, c: 'c' },
      { x: 2.318768311475374, lr: 0.049170538588202445, n: 1, c: 'c' },
      { x: -0.10071054977905151, lr: 0.005328349888522755, n: 9, c: 'c' },
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
