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

  it("draws all-list distributions without replacement exactly as scikit-learn (each of sample_without_replacement's three methods)", () => {
    // Values from scikit-learn 1.9: list(ParameterSampler({"a": range(A), "b": range(B)}, n_iter, random_state=rs)).
    const range = (n: number) => Array.from({ length: n }, (_v, i) => i);
    const cases: [number, number, number, number, number[][]][] = [
      [50, 10, 3, 1, [[3, 7], [23, 5], [39, 6]]], // 0.6 %: tracking selection
      [4, 5, 7, 5, [[0, 2], [1, 0], [3, 2], [3, 4], [2, 2], [0, 1], [2, 1]]], // 35 %: a permutation
    ];
    for (const [a, b, nIter, rs, expected] of cases) {
      assert.deepEqual(parameterSampler({ a: range(a), b: range(b) }, nIter, rs).map((c) => [c.a, c.b]), expected);
    }
    // 99.5 %: reservoir sampling, which leaves most of the grid in place (here index 198 took slot 168).
    const reservoir = parameterSampler({ a: range(40), b: range(5) }, 199, 2).map((c) => [c.a, c.b]);
    assert.deepEqual(reservoir[168], [39, 4]);
    assert.deepEqual(reservoir.slice(165, 170), [[33, 0], [33, 1], [33, 2], [39, 4], [33, 4]]);
    assert.deepEqual(reservoir[198], [39, 3]);
  });

  it('warns and runs the whole grid when nIter exceeds an all-list grid, as scikit-learn', async () => {
    const warnings: string[] = [];
    const listener = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', listener);
    try {
      const got = parameterSampler({ a: [1, 2, 3], b: ['x', 'y'] }, 9, 4);
      assert.deepEqual(got.map((c) => [c.a, c.b]), [[1, 'x'], [1, 'y'], [2, 'x'], [2, 'y'], [3, 'x'], [3, 'y']]);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    assert.deepEqual(warnings, ['UserWarning: The total space of parameters 6 is smaller than nIter=9. Running 6 iterations. For exhaustive searches, use GridSearchCV.']);
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
