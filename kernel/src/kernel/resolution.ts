/**
 * Lets cells import `rnnlab`, `@tensorflow/tfjs` and the other packages rnnlab ships with from a
 * notebook in any folder, with nothing installed there — whether rnnlab is installed globally
 * (`npm i -g rnnlab`), in a project (`npm i rnnlab`) or used from its repository.
 *
 * tslab resolves a cell's imports from the notebook's folder twice: TypeScript (its own 5.0 fork)
 * for types, and Node for the code. For both, a package missing from the folder's own
 * `node_modules` is looked up in rnnlab's module folders as a last resort — the same trick tslab
 * uses to make `import "tslab"` work everywhere. The worker command (`rnnlab worker`) uses the Node
 * half for its objective modules.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

/** rnnlab's package folder (this file is `kernel/src/kernel/` or `<package>/dist/kernel/`). */
export const RNNLAB_PACKAGE_DIR = path.resolve(__dirname, '..', '..');

/**
 * The `node_modules` folders that fallback lookups search, in order: the one that holds rnnlab itself
 * (a global install's `<prefix>/lib/node_modules`, or a project's `node_modules`), then the one that
 * holds its dependency `@tensorflow/tfjs` (rnnlab's own `node_modules` when npm nested them there, as
 * a global install does; in the repository, the workspace's, which also links rnnlab).
 */
export function moduleFolders(packageDir: string, tfjsPackageJson: string): string[] {
  const folders: string[] = [];
  const holder = path.dirname(packageDir);
  if (path.basename(holder) === 'node_modules') {
    folders.push(holder);
  }
  const dependencies = path.resolve(path.dirname(tfjsPackageJson), '..', '..');
  if (!folders.includes(dependencies)) {
    folders.push(dependencies);
  }
  return folders;
}

/** rnnlab's module folders in this installation (see {@link moduleFolders}). */
export function rnnlabModuleFolders(): string[] {
  return moduleFolders(RNNLAB_PACKAGE_DIR, require.resolve('@tensorflow/tfjs/package.json'));
}

/** Maps `<cwd>/node_modules/<rest>` to `<fallback>/<rest>`; undefined for other paths. */
export function fallbackPath(cwd: string, fallback: string, candidate: string): string | undefined {
  const local = path.join(cwd, 'node_modules') + path.sep;
  if (!candidate.startsWith(local)) {
    return undefined;
  }
  const mapped = path.join(fallback, candidate.slice(local.length));
  return mapped === candidate ? undefined : mapped;
}

/** The first of `candidate` and its mappings into `fallbacks` that `exists`; `candidate` if none does. */
export function redirect(cwd: string, fallbacks: readonly string[], candidate: string, exists: (p: string) => boolean): string {
  if (exists(candidate)) {
    return candidate;
  }
  for (const fallback of fallbacks) {
    const mapped = fallbackPath(cwd, fallback, candidate);
    if (mapped !== undefined && exists(mapped)) {
      return mapped;
    }
  }
  return candidate;
}

/** The part of TypeScript's `System` that module resolution reads. */
export interface ResolutionSystem {
  fileExists(p: string): boolean;
  readFile(p: string, encoding?: string): string | undefined;
  directoryExists?(p: string): boolean;
  getDirectories?(p: string): string[];
  realpath?(p: string): string;
}

/** Makes tslab's TypeScript find packages in `fallbacks` when the notebook folder lacks them. */
export function patchTypeScriptSystem(sys: ResolutionSystem, cwd: string, fallbacks: readonly string[]): void {
  const { fileExists, readFile, directoryExists, getDirectories, realpath } = sys;
  const toFile = (p: string): string => redirect(cwd, fallbacks, p, (q) => fileExists.call(sys, q));
  sys.fileExists = (p) => fileExists.call(sys, toFile(p));
  sys.readFile = (p, encoding) => readFile.call(sys, toFile(p), encoding);
  if (directoryExists) {
    const toDirectory = (p: string): string => redirect(cwd, fallbacks, p, (q) => directoryExists.call(sys, q));
    sys.directoryExists = (p) => directoryExists.call(sys, toDirectory(p));
    if (getDirectories) {
      // Lists e.g. `<cwd>/node_modules/@types` for automatic type directives such as @types/node.
      sys.getDirectories = (p) => getDirectories.call(sys, toDirectory(p));
    }
  }
  if (realpath) {
    sys.realpath = (p) => realpath.call(sys, redirect(cwd, fallbacks, p, (q) => fs.existsSync(q)));
  }
}

/** Appends `folders` to Node's global module search path (as NODE_PATH would); worker threads inherit it. */
export function addNodeFallbackPaths(folders: readonly string[]): void {
  const current = (process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean);
  const added = folders.filter((folder) => !current.includes(folder));
  if (added.length > 0) {
    process.env.NODE_PATH = [...current, ...added].join(path.delimiter);
    (Module as unknown as { _initPaths(): void })._initPaths();
  }
}

/** Installs both fallbacks for cells run in `cwd`. */
export function installModuleFallback(cwd: string, tslabTypeScript: { sys: ResolutionSystem }): void {
  const folders = rnnlabModuleFolders();
  patchTypeScriptSystem(tslabTypeScript.sys, cwd, folders);
  addNodeFallbackPaths(folders);
}
