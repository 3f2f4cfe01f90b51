import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../errors';
import { type Distribution, loguniform, randint, uniform } from './distributions';
import reference from './fixtures/sklearn-reference.json';
import { type ParamDistributions, type ParamGrid, parameterGrid, parameterSampler } from './parameter-grid';
import { RandomState } from '../random';

describe('parameterGrid', () => {
  it("enumerates the seed's grid in scikit-learn's ParameterGrid order", () => {
    const { grid, candidates } = reference.grids.seed;
    assert.deepEqual(parameterGrid(grid as ParamGrid), candidates);
    assert.equal(candidates.length, 128);
  });

  it('enumerates a list of grids grid by grid', () => {
    const { grid, candidates } = reference.grids.list_of_grids;
    assert.deepEqual(parameterGrid(grid as ParamGrid[]), candidates);
  });
});

describe('parameterSampler', () => {
  const seedDist: ParamDistributions = {
    cell_type: ['LSTM', 'GRU'],
    initial_units: randint(64, 256),
    num_layers: randint(1, 4),
    dropout_rate: uniform(0.2, 0.5),
    learning_rate: uniform(1e-4, 1e-2),
    batch_size: [16, 32, 64],
    epochs: randint(10, 30),
  };
  for (const seed of [0, 42]) {
    it(`draws the same candidates as scikit-learn + scipy for random_state=${seed}`, () => {
      const expected = (reference.samplers as Record<string, { candidates: unknown[] }>)[`seed_dist_rs${seed}`].candidates;
      assert.deepEqual(parameterSampler(seedDist, 6, seed), expected);
    });
  }

  it('draws loguniform like scipy (to the last bits)', () => {
    const got = parameterSampler({ lr: loguniform(1e-5, 1e-2), units: randint(8, 64) }, 5, 3);
    const expected = reference.samplers.loguniform_rs3.candidates;
    got.forEach((c, i) => {
      assert.equal(c.units, expected[i].units);
      assert.ok(Math.abs((c.lr as number) / expected[i].lr - 1) < 1e-12, `${c.lr} vs ${expected[i].lr}`);
    });
  });

  it('draws all-list distributions without replacement', () => {
    const got = parameterSampler({ a: [1, 2, 3], b: ['x', 'y'] }, 6, 0);
    assert.equal(new Set(got.map((c) => JSON.stringify(c))).size, 6);
    assert.throws(() => parameterSampler({ a: [1, 2] }, 3, 0), InvalidArgumentError);
  });
});

describe('distributions follow scipy.stats semantics', () => {
  const rs = () => new RandomState(5);
  it('randint(low, high) excludes high and gives integers', () => {
    const draws = randint(1, 4).rvs(2000, rs());
    assert.ok(draws.every((d) => Number.isInteger(d) && d >= 1 && d <= 3));
    assert.deepEqual([...new Set(draws)].sort(), [1, 2, 3]);
  });
  it('uniform(loc, scale) covers [loc, loc + scale]', () => {
    const draws = uniform(0.2, 0.5).rvs(2000, rs());
    assert.ok(draws.every((d) => d >= 0.2 && d <= 0.7));
    assert.ok(Math.min(...draws) < 0.21 && Math.max(...draws) > 0.69);
  });
  it('loguniform(a, b) is uniform in log space', () => {
    const draws = loguniform(1e-4, 1).rvs(4000, rs());
    assert.ok(draws.every((d) => d >= 1e-4 && d <= 1));
    const belowMiddle = draws.filter((d) => d < 1e-2).length / draws.length;
    assert.ok(Math.abs(belowMiddle - 0.5) < 0.04, String(belowMiddle));
  });
  it('is reproducible for a seed', () => {
    assert.deepEqual(uniform().rvs(5, 9), uniform().rvs(5, 9));
  });
  const bad: [string, () => Distribution | unknown, string][] = [
    ['randint with high <= low', () => randint(5, 5), 'high'],
    ['randint with a fractional low', () => randint(1.5, 3), 'low'],
    ['uniform with zero scale', () => uniform(0, 0), 'scale'],
    ['loguniform with a <= 0', () => loguniform(0, 1), 'a'],
    ['loguniform with b <= a', () => loguniform(1, 0.5), 'b'],
    ['rvs with size 0', () => uniform().rvs(0, 1), 'size'],
    ['a seed out of range', () => uniform().rvs(1, -1), 'randomState'],
  ];
  for (const [what, fn, argument] of bad) {
    it(`rejects ${what}`, () => {
      assert.throws(fn, (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
    });
  }
});
