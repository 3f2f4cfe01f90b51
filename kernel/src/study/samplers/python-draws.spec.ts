/**
 * Seeded samplers draw Python Optuna's parameters: fixtures/optuna-draws.json holds what Optuna 5
 * drew for the same seeds and suggest calls (tools/reference/optuna_sampler_reference.py).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createStudy } from '../create';
import type { Trial } from '../trial';
import type { Sampler } from './base';
import { GridSampler } from './grid';
import { RandomSampler } from './random';
import { TPESampler } from './tpe';

type Params = Record<string, unknown>;
interface Reference {
  random: Record<string, Params[]>;
  grid: Record<string, Params[]>;
  tpeStartup: Record<string, Params[]>;
}
const reference = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'optuna-draws.json'), 'utf8')) as Reference;

/** The reference script's objective, suggestion for suggestion. */
function objective(t: Trial): number {
  const x = t.suggestFloat('x', -10, 10);
  t.suggestFloat('lr', 1e-5, 1e-1, { log: true });
  t.suggestFloat('rate', 0, 0.5, { step: 0.05 });
  const layers = t.suggestInt('layers', 1, 4);
  t.suggestInt('units', 8, 256, { log: true });
  t.suggestInt('batch', 16, 128, { step: 16 });
  t.suggestCategorical('cell', ['LSTM', 'GRU', 'RNN']);
  t.suggestCategorical('flag', [true, false, null, 3]);
  return x * x + layers;
}

function gridObjective(t: Trial): number {
  const cell = t.suggestCategorical('cellType', ['LSTM', 'GRU', 'RNN']) as string;
  const units = t.suggestCategorical('initialUnits', [32, 64, 128, 256]) as number;
  return units + cell.length;
}

async function draws(sampler: Sampler, fn: (t: Trial) => number, nTrials: number): Promise<Params[]> {
  const study = await createStudy({ sampler });
  await study.optimize(fn, { nTrials, show: false });
  return study.trials.map((t) => ({ ...t.params }));
}

/** Equal values; floats may differ in the last bit where libm's log/exp round differently. */
function assertSameDraws(actual: Params[], expected: Params[]): void {
  assert.equal(actual.length, expected.length);
  for (const [i, want] of expected.entries()) {
    assert.deepEqual(Object.keys(actual[i]).sort(), Object.keys(want).sort(), `trial ${i}`);
    for (const [name, value] of Object.entries(want)) {
      const got = actual[i][name];
      if (typeof value === 'number' && !Number.isInteger(value)) {
        assert.ok(typeof got === 'number' && Math.abs(got - value) <= 4e-16 * Math.max(1, Math.abs(value)), `trial ${i} ${name}: ${String(got)} != ${value}`);
      } else {
        assert.equal(got, value, `trial ${i} ${name}`);
      }
    }
  }
}

describe("samplers draw Python Optuna's parameters for the same seed", () => {
  for (const [seed, expected] of Object.entries(reference.random)) {
    it(`RandomSampler({ seed: ${seed} }): 25 trials of float, log, step, int, int log, int step and categorical parameters`, async () => {
      assertSameDraws(await draws(new RandomSampler({ seed: Number(seed) }), objective, expected.length), expected);
    });
  }
  for (const [seed, expected] of Object.entries(reference.grid)) {
    it(`GridSampler(grid, { seed: ${seed} }): the same shuffled order of the 12 grid points`, async () => {
      const grid = { cellType: ['LSTM', 'GRU', 'RNN'], initialUnits: [32, 64, 128, 256] };
      assertSameDraws(await draws(new GridSampler(grid, { seed: Number(seed) }), gridObjective, expected.length), expected);
    });
  }
  for (const [seed, expected] of Object.entries(reference.tpeStartup)) {
    it(`TPESampler({ seed: ${seed} }): the random start-up trials`, async () => {
      assertSameDraws(await draws(new TPESampler({ seed: Number(seed), nStartupTrials: 10 }), objective, expected.length), expected);
    });
  }

  it('rejects a seed numpy would reject, naming the option', () => {
    assert.throws(() => new RandomSampler({ seed: -1 }), /seed.*\[0, 4294967295\]/);
    assert.throws(() => new GridSampler({ a: [1] }, { seed: 2 ** 32 }), /seed/);
  });
});
