/**
 * scikit-learn's `ParameterGrid` and `ParameterSampler`: the candidates of GridSearchCV in their exact
 * order (keys sorted, the last key varying fastest, grids in list order), and RandomizedSearchCV's
 * draws (keys sorted; lists drawn uniformly, distributions by their own rule).
 */
import { InvalidArgumentError } from '../errors';
import { type Distribution, isDistribution } from './distributions';
import { checkRandomState, type RandomState } from '../random';

/** A parameter value a candidate can take. */
export type ParamValue = number | string | boolean | null;
/** One candidate: parameter name → value. */
export type Params = Record<string, ParamValue>;
/** A grid: parameter name → the values to try. */
export type ParamGrid = Record<string, readonly ParamValue[]>;
/** Distributions: parameter name → values (uniform choice) or a {@link Distribution}. */
export type ParamDistributions = Record<string, readonly ParamValue[] | Distribution>;

function asList<T>(argument: string, value: T | readonly T[]): readonly T[] {
  const list = Array.isArray(value) ? (value as readonly T[]) : [value as T];
  if (list.length === 0) {
    throw new InvalidArgumentError(argument, 'must hold at least one grid', value);
  }
  return list;
}

function checkGrid(argument: string, grid: unknown): asserts grid is ParamGrid {
  if (typeof grid !== 'object' || grid === null || Array.isArray(grid)) {
    throw new InvalidArgumentError(argument, 'must be an object mapping parameter names to arrays of values', grid);
  }
  for (const [name, values] of Object.entries(grid)) {
    if (!Array.isArray(values)) {
      throw new InvalidArgumentError(`${argument}.${name}`, 'must be an array of values', values);
    }
    if (values.length === 0) {
      throw new InvalidArgumentError(`${argument}.${name}`, 'must hold at least one value', values);
    }
  }
}

/** Every candidate of `paramGrid` (one grid or a list of grids) in scikit-learn's order. */
export function parameterGrid(paramGrid: ParamGrid | readonly ParamGrid[]): Params[] {
  const grids = asList('paramGrid', paramGrid);
  const out: Params[] = [];
  grids.forEach((grid, g) => {
    checkGrid(grids.length > 1 ? `paramGrid[${g}]` : 'paramGrid', grid);
    const keys = Object.keys(grid).sort();
    if (keys.length === 0) {
      out.push({});
      return;
    }
    const index = keys.map(() => 0);
    for (;;) {
      const params: Params = {};
      keys.forEach((k, i) => (params[k] = grid[k][index[i]]));
      out.push(params);
      let position = keys.length - 1;
      while (position >= 0 && ++index[position] === grid[keys[position]].length) {
        index[position] = 0;
        position--;
      }
      if (position < 0) break;
    }
  });
  return out;
}

function checkDistributions(argument: string, dists: unknown): asserts dists is ParamDistributions {
  if (typeof dists !== 'object' || dists === null || Array.isArray(dists)) {
    throw new InvalidArgumentError(argument, 'must be an object mapping parameter names to arrays or distributions', dists);
  }
  for (const [name, value] of Object.entries(dists)) {
    if (Array.isArray(value)) {
      if (value.length === 0) throw new InvalidArgumentError(`${argument}.${name}`, 'must hold at least one value', value);
    } else if (!isDistribution(value)) {
      throw new InvalidArgumentError(
        `${argument}.${name}`,
        'must be an array of values or a distribution (randint, uniform, loguniform)',
        value,
      );
    }
  }
}

/**
 * `nIter` candidates drawn from `paramDistributions` as scikit-learn's ParameterSampler draws them:
 * the same candidates, in the same order, for the same `randomState`. When every parameter is a
 * list, candidates are drawn without replacement from the grid; an `nIter` above the grid's size
 * warns and runs the whole grid, as scikit-learn does.
 */
export function parameterSampler(
  paramDistributions: ParamDistributions | readonly ParamDistributions[],
  nIter: number,
  randomState?: number | RandomState,
): Params[] {
  const dists = asList('paramDistributions', paramDistributions);
  dists.forEach((d, i) => checkDistributions(dists.length > 1 ? `paramDistributions[${i}]` : 'paramDistributions', d));
  const rs = checkRandomState(randomState);
  const allLists = dists.every((d) => Object.values(d).every((v) => Array.isArray(v)));
  if (allLists) {
    const grid = parameterGrid(dists as readonly ParamGrid[]);
    let n = nIter;
    if (grid.length < nIter) {
      process.emitWarning(
        `The total space of parameters ${grid.length} is smaller than nIter=${nIter}. Running ${grid.length} iterations. For exhaustive searches, use GridSearchCV.`,
        { type: 'UserWarning' } as never,
      );
      n = grid.length;
    }
    return sampleWithoutReplacement(grid.length, n, rs).map((i) => grid[i]);
  }
  const out: Params[] = [];
  for (let n = 0; n < nIter; n++) {
    const dist = dists.length === 1 ? dists[0] : dists[rs.randint(0, dists.length)];
    const params: Params = {};
    for (const key of Object.keys(dist).sort()) {
      const v = dist[key];
      params[key] = Array.isArray(v) ? (v as readonly ParamValue[])[rs.randint(0, v.length)] : (v as Distribution).sample(rs);
    }
    out.push(params);
  }
  return out;
}

/**
 * scikit-learn's `sample_without_replacement(nPopulation, nSamples, method="auto")`: the same
 * indices for the same RandomState, through the same three methods it picks by the ratio
 * nSamples / nPopulation (a permutation between 1 % and 99 %, tracking selection below 20 %
 * otherwise below, reservoir sampling above).
 */
export function sampleWithoutReplacement(nPopulation: number, nSamples: number, rs: RandomState): number[] {
  const ratio = nPopulation !== 0 ? nSamples / nPopulation : 1;
  if (ratio > 0.01 && ratio < 0.99) return rs.permutation(nPopulation).slice(0, nSamples);
  if (ratio < 0.2) {
    const selected = new Set<number>();
    const out: number[] = [];
    for (let i = 0; i < nSamples; i++) {
      let j = rs.randint(0, nPopulation);
      while (selected.has(j)) j = rs.randint(0, nPopulation);
      selected.add(j);
      out.push(j);
    }
    return out;
  }
  const out = Array.from({ length: nSamples }, (_v, i) => i);
  for (let i = nSamples; i < nPopulation; i++) {
    const j = rs.randint(0, i + 1);
    if (j < nSamples) out[j] = i;
  }
  return out;
}
