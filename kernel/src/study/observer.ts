/**
 * How a running study is watched. The study emits start, update and end events with a function
 * that builds a {@link StudySnapshot} on demand (so a throttled view builds it only when it draws).
 * The study knows nothing about views: the live notebook view plugs in through
 * {@link setDefaultStudyObserver} (see `live-view.ts`), and `optimize({ observers })` adds others.
 */
import type { Distribution } from './distributions';
import type { FrozenTrial, StudyDirection } from './frozen-trial';

/** Where the study stands. */
export type StudyRunStatus = 'running' | 'finished' | 'stopped' | 'failed';

/** Plain data about a study at one moment: what a view needs to draw it. */
export interface StudySnapshot {
  /** Id of this optimize run's view (also the id the Stop/Prune controls use). */
  readonly viewId: string;
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  readonly status: StudyRunStatus;
  /** Every trial, running ones with their live state. */
  readonly trials: readonly FrozenTrial[];
  /** The best trial's number, or the Pareto front's numbers. */
  readonly bestTrialNumbers: readonly number[];
  /** Each parameter's distribution (the latest seen), in order of first appearance. */
  readonly searchSpace: Readonly<Record<string, Distribution>>;
  /** Parameter importance (sums to 1) once 2 trials are complete, else null. */
  readonly importance: Readonly<Record<string, number>> | null;
  /**
   * Trials finished in this optimize run, the number asked for (null when open-ended) and the run's
   * wall time so far in seconds.
   */
  readonly progress: { readonly done: number; readonly total: number | null; readonly elapsedSeconds?: number };
  /** Whether Stop/Prune requests are accepted (only while running). */
  readonly acceptsControls: boolean;
  /** Trial notes by trial number (optuna-dashboard's notes); trials without one left out. */
  readonly notes?: Readonly<Record<number, string>>;
}

/** A watcher of one optimize run. */
export interface StudyObserver {
  onStart?(snapshot: () => StudySnapshot): void;
  /** A trial started, reported, or ended. */
  onUpdate?(snapshot: () => StudySnapshot): void;
  onEnd?(snapshot: () => StudySnapshot): void;
}

/** Makes the default observer of an optimize run, or undefined for none. */
export type StudyObserverFactory = () => StudyObserver | undefined;

let defaultFactory: StudyObserverFactory | undefined;

/** Sets the observer every `optimize` gets unless `{ show: false }` (the live view registers itself here). */
export function setDefaultStudyObserver(factory: StudyObserverFactory | undefined): void {
  defaultFactory = factory;
}

/** The default observer for a new optimize run, if one is registered. */
export function defaultStudyObserver(): StudyObserver | undefined {
  return defaultFactory?.();
}
