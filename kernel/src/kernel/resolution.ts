/**
 * Lets cells import `rnnlab`, `@tensorflow/tfjs` and the other packages rnnlab ships with from a
 * notebook in any folder, with nothing installed there.
 *
 * tslab resolves a cell's imports from the notebook's folder twice: TypeScript (its own 5.0 fork)
 * for types, and Node for the code. For both, a package missing from the folder's own
 * `node_modules` is looked up in rnnlab's `node_modules` as a last resort — the same trick tslab
 * uses to make `import "tslab"` work everywhere.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

/** The `node_modules` folder that holds rnnlab's dependencies (and, in a workspace, rnnlab itself). */
export function rnnlabNodeModules(): string {
  const tfjsPackage = require.resolve('@tensorflow/tfjs/package.json');
  return path.resolve(path.dirname(tfjsPackage), '..', '..');
}

/** Maps `<cwd>/node_modules/<rest>` to `<fallback>/<rest>` when the former does not exist. */
export function fallbackPath(cwd: string, fallback: string, candidate: string): string | undefined {
  const local = path.join(cwd, 'node_modules') + path.sep;
  if (!candidate.startsWith(local)) {
    return undefined;
  }
  const mapped = path.join(fallback, candidate.slice(local.length));
  return mapped === candidate ? undefined : mapped;
}

/** The part of TypeScript's `System` that module resolution reads. */
interface ResolutionSystem {
  fileExists(p: string): boolean;
  readFile(p: string, encoding?: string): string | undefined;
  directoryExists?(p: string): boolean;
  getDirectories?(p: string): string[];
  realpath?(p: string): string;
}

/** Makes tslab's TypeScript find packages in `fallback` when the notebook folder lacks them. */
export function patchTypeScriptSystem(sys: ResolutionSystem, cwd: string, fallback: string): void {
  const { fileExists, readFile, directoryExists, getDirectories, realpath } = sys;
  const redirect = (p: string, exists: (q: string) => boolean): string => {
    if (exists(p)) {
      return p;
    }
    const mapped = fallbackPath(cwd, fallback, p);
    return mapped !== undefined && exists(mapped) ? mapped : p;
  };
  sys.fileExists = (p) => fileExists.call(sys, redirect(p, (q) => fileExists.call(sys, q)));
  sys.readFile = (p, encoding) => readFile.call(sys, redirect(p, (q) => fileExists.call(sys, q)), encoding);
  if (directoryExists) {
    sys.directoryExists = (p) =>
      directoryExists.call(sys, redirect(p, (q) => directoryExists.call(sys, q)));
  }
  if (directoryExists && getDirectories) {
    // Lists e.g. `<cwd>/node_modules/@types` for automatic type directives such as @types/node.
    sys.getDirectories = (p) =>
      getDirectories.call(sys, redirect(p, (q) => directoryExists.call(sys, q)));
  }
  if (realpath) {
    sys.realpath = (p) => realpath.call(sys, redirect(p, (q) => fs.existsSync(q)));
  }
}

/** Adds `fallback` to Node's global module search path (as NODE_PATH would). */
export function addNodeFallbackPath(fallback: string): void {
  const current = (process.env.NODE_PATH ?? '').split(path.delimiter).filter(Boolean);
  if (!current.includes(fallback)) {
    process.env.NODE_PATH = [...current, fallback].join(path.delimiter);
    (Module as unknown as { _initPaths(): void })._initPaths();
  }
}

/** Installs both fallbacks for cells run in `cwd`. */
export function installModuleFallback(cwd: string, tslabTypeScript: { sys: ResolutionSystem }): void {
  const fallback = rnnlabNodeModules();
  patchTypeScriptSystem(tslabTypeScript.sys, cwd, fallback);
  addNodeFallbackPath(fallback);
}
