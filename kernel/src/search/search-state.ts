/**
 * The state of a running search as plain data, for its live view (built in kernel/src/display) and
 * for `resultsTable()`. The search updates it; observers read it.
 */
import type { Params } from './parameter-grid';

export type SearchKind = 'grid_search' | 'randomized_search';
export type SearchStatus = 'running' | 'finished' | 'stopped' | 'failed';

/** One fit of one candidate on one fold. */
export interface FoldOutcome {
  /** The score the search ranks by (the refit scorer's with several scorers). */
  testScore: number;
  trainScore?: number;
  /** Every scorer's score by name (`score` for a single scorer). */
  testScores?: Record<string, number>;
  trainScores?: Record<string, number>;
  fitTime: number;
  scoreTime: number;
  /** Why the fit failed (its score is then `errorScore`). */
  error?: string;
}

/** A parameter's range for display: a grid's value list, or a distribution's bounds. */
export type SpaceEntry =
  | { type: 'categorical'; choices: (number | string | boolean | null)[] }
  | { type: 'int' | 'float'; low: number; high: number; log?: boolean };

export interface SearchState {
  id: string;
  kind: SearchKind;
  name: string;
  /** The scoring name ('score': the estimator's own score). */
  valueName: string;
  status: SearchStatus;
  searchSpace: Record<string, SpaceEntry>;
  candidates: Params[];
  nSplits: number;
  /** outcomes[candidate][fold], undefined until that fit ends. */
  outcomes: (FoldOutcome | undefined)[][];
  /** Start time of each candidate's first fit (ISO), and its end. */
  started: (string | undefined)[];
  finished: (string | undefined)[];
  /** Ranks by mean test score once the search ended (1 = best). */
  ranks?: number[];
  /** Comm target and id that stop this search from the view; undefined when it cannot be stopped. */
  controls?: { commTarget: string; studyId: string };
  error?: string;
}

/** Watches a search: the live view is one. */
export interface SearchObserver {
  update(state: SearchState): void;
  finish(state: SearchState): void;
}

let observerFactory: ((state: SearchState) => SearchObserver) | undefined;

/** Sets what searches with `show: true` (the default) report to; the package root plugs in the view. */
export function setSearchObserverFactory(factory: ((state: SearchState) => SearchObserver) | undefined): void {
  observerFactory = factory;
}

export function createObserver(state: SearchState): SearchObserver | undefined {
  return observerFactory?.(state);
}
