/** GridSampler: every combination of listed values once, in a seeded shuffled order. */
import { InvalidArgumentError } from '../../errors';
import { contains, type Distribution, type ParamValue } from '../distributions';
import { isFinished, type AttrValue, type FrozenTrial } from '../frozen-trial';
import type { RandomState } from '../../random';
import { checkOptions } from '../validation';
import type { Sampler, SamplerStudy } from './base';
import { samplerRandomState } from './random';

/** Options of {@link GridSampler}. */
export interface GridSamplerOptions {
  /** Seed of the shuffle of the grid (default 0, as Optuna; numpy's RandomState, so the order is Python Optuna's). */
  seed?: number;
}

/**
 * Runs each point of a grid once (Optuna's GridSampler): trial i takes grid point i of the shuffled
 * grid; later trials (other workers, resumed studies) take a random unvisited point. The study stops
 * by itself when the grid is exhausted. Keys are sorted, so the order of `searchSpace` keys does not
 * matter.
 *
 * @example
 * ```ts
 * const sampler = new GridSampler({ cellType: ['LSTM', 'GRU'], units: [64, 128] });
 * await (await createStudy({ sampler })).optimize(objective);   // 4 trials, then it stops
 * ```
 */
export class GridSampler implements Sampler {
  private readonly space: Record<string, ParamValue[]>;
  private readonly names: string[];
  private readonly grids: ParamValue[][];
  private readonly rng: RandomState;

  /**
   * @param searchSpace - the values of each parameter
   * @throws InvalidArgumentError when `searchSpace` is not an object of non-empty arrays of numbers, strings, booleans or null
   */
  constructor(searchSpace: Record<string, readonly ParamValue[]>, options: GridSamplerOptions = {}) {
    checkOptions('GridSampler', options, { seed: 'integer' });
    if (typeof searchSpace !== 'object' || searchSpace === null || Array.isArray(searchSpace) || Object.keys(searchSpace).length === 0) {
      throw new InvalidArgumentError('searchSpace', 'must be an object mapping parameter names to arrays of values', searchSpace);
    }
    this.names = Object.keys(searchSpace).sort();
    this.space = {};
    for (const name of this.names) {
      const values = searchSpace[name];
      if (!Array.isArray(values) || values.length === 0) throw new InvalidArgumentError(`searchSpace.${name}`, 'must be a non-empty array', values);
      for (const v of values) {
        if (v !== null && !['number', 'string', 'boolean'].includes(typeof v)) throw new InvalidArgumentError(`searchSpace.${name}`, 'must hold numbers, strings, booleans or null', v);
      }
      this.space[name] = [...values];
    }
    this.grids = this.names.reduce<ParamValue[][]>((acc, name) => acc.flatMap((prefix) => this.space[name].map((v) => [...prefix, v])), [[]]);
    this.rng = samplerRandomState(options.seed ?? 0);
    this.rng.shuffle(this.grids);
  }

  /** Number of grid points. */
  get size(): number {
    return this.grids.length;
  }

  beforeTrial(study: SamplerStudy, trial: FrozenTrial): void {
    if ('grid_id' in trial.systemAttrs || 'fixed_params' in trial.systemAttrs) return;
    let gridId: number;
    if (trial.number < this.grids.length) {
      gridId = trial.number;
    } else {
      let targets = this.unvisited(study);
      if (targets.length === 0) targets = this.grids.map((_g, i) => i);
      gridId = targets[this.rng.randint(0, targets.length)];
    }
    study.setTrialSystemAttr('search_space', this.space as unknown as AttrValue);
    study.setTrialSystemAttr('grid_id', gridId);
  }

  inferRelativeSearchSpace(): Record<string, Distribution> {
    return {};
  }

  sampleRelative(): Record<string, ParamValue> {
    return {};
  }

  sampleIndependent(_study: SamplerStudy, trial: FrozenTrial, paramName: string, distribution: Distribution): ParamValue {
    const gridId = trial.systemAttrs.grid_id;
    if (typeof gridId !== 'number') throw new InvalidArgumentError(paramName, 'must be given in enqueueTrial: with GridSampler an enqueued trial needs every parameter', undefined);
    const index = this.names.indexOf(paramName);
    if (index < 0) throw new InvalidArgumentError(paramName, `must be a parameter of the grid (${this.names.join(', ')})`, paramName);
    const value = this.grids[gridId][index];
    if (!contains(distribution, value)) {
      process.emitWarning(`GridSampler: the value ${String(value)} of '${paramName}' lies outside its distribution; it is used anyway`);
    }
    return value;
  }

  afterTrial(study: SamplerStudy, trial: FrozenTrial): void {
    const targets = this.unvisited(study);
    if (targets.length === 0 || (targets.length === 1 && trial.systemAttrs.grid_id === targets[0])) study.stop();
  }

  /** Grid ids no finished (and, while some are left, no running) trial has taken. */
  private unvisited(study: SamplerStudy): number[] {
    const visited = new Set<number>();
    const running = new Set<number>();
    for (const t of study.getTrials()) {
      const id = t.systemAttrs.grid_id;
      if (typeof id !== 'number' || !this.sameSpace(t.systemAttrs.search_space)) continue;
      if (isFinished(t.state)) visited.add(id);
      else if (t.state === 'RUNNING') running.add(id);
    }
    const all = this.grids.map((_g, i) => i);
    const free = all.filter((i) => !visited.has(i) && !running.has(i));
    return free.length ? free : all.filter((i) => !visited.has(i));
  }

  private sameSpace(space: AttrValue | undefined): boolean {
    if (typeof space !== 'object' || space === null || Array.isArray(space)) return false;
    const keys = Object.keys(space).sort();
    if (keys.join('\u0000') !== this.names.join('\u0000')) return false;
    return keys.every((k) => {
      const a = space[k] as ParamValue[];
      const b = this.space[k];
      return Array.isArray(a) && a.length === b.length && a.every((v, i) => v === b[i] || (Number.isNaN(v) && Number.isNaN(b[i])));
    });
  }

  /** Whether every grid point has been run in `study`. */
  isExhausted(study: SamplerStudy): boolean {
    return this.unvisited(study).length === 0;
  }
}
