import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../errors';
import { createStudy } from '../create';
import { GridSampler } from './grid';

describe('GridSampler', () => {
  it('runs every grid point once in its seeded order, then stops the study', async () => {
    const run = async (seed: number) => {
      const study = await createStudy({ sampler: new GridSampler({ units: [64, 128], cellType: ['LSTM', 'GRU', 'RNN'] }, { seed }) });
      await study.optimize((t) => (t.suggestInt('units', 64, 128, { step: 64 }) === 128 ? 1 : 0) + (t.suggestCategorical('cellType', ['LSTM', 'GRU', 'RNN']) === 'GRU' ? 1 : 0), { nTrials: 50, show: false });
      return study.trials.map((t) => `${t.params.cellType}/${t.params.units}`);
    };
    const first = await run(0);
    assert.equal(first.length, 6);
    assert.equal(new Set(first).size, 6);
    assert.deepEqual(await run(0), first);
    // The order Python Optuna 5 runs for GridSampler(same grid, seed=0).
    assert.deepEqual(first, ['RNN/128', 'GRU/64', 'LSTM/128', 'GRU/128', 'LSTM/64', 'RNN/64']);
  });

  it('rejects an empty grid', () => {
    assert.throws(() => new GridSampler({ units: [] }), InvalidArgumentError);
    assert.throws(() => new GridSampler({}), InvalidArgumentError);
  });
});
