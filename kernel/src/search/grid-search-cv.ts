/** `GridSearchCV`: every candidate of a parameter grid (or list of grids), in scikit-learn's order. */
import { InvalidArgumentError } from '../errors';
import { BaseSearchCV, type BaseSearchOptions } from './base-search';
import { type ParamGrid, type Params, parameterGrid } from './parameter-grid';
import type { SearchKind, SpaceEntry } from './search-state';

export interface GridSearchCVOptions extends BaseSearchOptions {
  /** Parameter name → values to try; or a list of such grids. */
  paramGrid: ParamGrid | ParamGrid[];
  /** rnnlab option: seeds every fit (derived per candidate and fold) so results repeat exactly. */
  randomState?: number;
}

export class GridSearchCV extends BaseSearchCV {
  protected readonly kind: SearchKind = 'grid_search';
  private readonly grid: Params[];
  private readonly paramGrid: ParamGrid | ParamGrid[];

  /**
   * The seed's `GridSearchCV(estimator=model, param_grid=param_grid, cv=3, n_jobs=-1)`.
   * @throws InvalidArgumentError for an empty grid, unknown options or bad values — before any fit.
   * @example
   * ```ts
   * const grid = new GridSearchCV({ estimator: model, paramGrid, cv: 3, nJobs: -1 });
   * await grid.fit(xTrain, yTrain);
   * console.log('Best Parameters:', grid.bestParams);
   * ```
   */
  constructor(options: GridSearchCVOptions) {
    super('GridSearchCV', ['paramGrid', 'randomState'], options);
    if (options.paramGrid === undefined) {
      throw new InvalidArgumentError('paramGrid', 'is required: parameter name → values to try', options.paramGrid);
    }
    if (Array.isArray(options.paramGrid) && options.paramGrid.length === 0) {
      throw new InvalidArgumentError('paramGrid', 'must hold at least one grid', options.paramGrid);
    }
    this.paramGrid = options.paramGrid;
    this.grid = parameterGrid(options.paramGrid);
    if (options.randomState !== undefined && (!Number.isInteger(options.randomState) || options.randomState < 0)) {
      throw new InvalidArgumentError('randomState', 'must be a non-negative integer', options.randomState);
    }
  }

  protected candidates(): Params[] {
    return this.grid;
  }

  protected fitSeedBase(): number | undefined {
    return (this.options as GridSearchCVOptions).randomState;
  }

  protected searchSpace(): Record<string, SpaceEntry> {
    const space: Record<string, SpaceEntry> = {};
    const grids = Array.isArray(this.paramGrid) ? this.paramGrid : [this.paramGrid];
    for (const grid of grids) {
      for (const [name, values] of Object.entries(grid)) {
        const known = space[name]?.type === 'categorical' ? (space[name] as { choices: Params[string][] }).choices : [];
        space[name] = { type: 'categorical', choices: [...new Set([...known, ...values])] };
      }
    }
    return space;
  }
}
