/**
 * What the notebook's code can see by name: the top-level declarations of the cells run so far, and
 * the modules they imported. Set by the kernel; used to send a notebook function (the `buildFn` of a
 * search or the objective of a study with `nJobs > 1`) to worker threads with the names it uses.
 */
import type { DeclarationKind, ModuleBinding } from '../analysis';

export interface NotebookScope {
  /** The folder modules are resolved from (the notebook's). */
  readonly cwd: string;
  /** A top-level declaration of the notebook by name; `found: false` if there is none. */
  lookup(name: string): { found: true; value: unknown } | { found: false };
  /** The module a name is bound to by an import of some cell (or the compiler's alias of one). */
  importOf(name: string): ModuleBinding | undefined;
  /** What a top-level name of some cell is (a function, a class or another value), imports aside. */
  declarationOf(name: string): DeclarationKind | undefined;
}

let scope: NotebookScope | undefined;

export function setNotebookScope(next: NotebookScope | undefined): void {
  scope = next;
}

export function notebookScope(): NotebookScope | undefined {
  return scope;
}
