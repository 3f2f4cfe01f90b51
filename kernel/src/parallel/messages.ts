/** Messages between a search and its fit workers. */
import type { Label } from '../search';
import type { FitTask, FoldOutcome } from '../search';
import type { PortableFunction } from './portable';

export interface WorkerInit {
  kind: 'init';
  estimatorType: 'classifier' | 'regressor';
  /** The estimator's parameters without buildFn (plain data). */
  params: Record<string, unknown>;
  buildFn: PortableFunction;
  /** A scoring name, a list of names, or custom scorers sent like buildFn (alone or by name). */
  scoring?: string | readonly string[] | PortableFunction | Record<string, string | PortableFunction>;
  /** Features in shared memory. */
  features: { buffer: SharedArrayBuffer; shape: number[] };
  labels: Label[];
  columns: number;
  /** Where the notebook's modules resolve from. */
  cwd: string;
  /** The backend the main thread uses (rnnlab name); workers take the same. */
  backend: string;
}

export type ToWorker = WorkerInit | { kind: 'task'; id: number; task: FitTask } | { kind: 'close' };
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'failed-init'; error: string }
  | { kind: 'done'; id: number; outcome: FoldOutcome }
  | { kind: 'error'; id: number; name: string; message: string };
