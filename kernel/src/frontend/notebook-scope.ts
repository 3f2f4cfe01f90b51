/**
 * What the notebook's code can see by name: the top-level declarations of the cells run so far, and
 * the modules they imported. Set by the kernel; used to send a notebook function (the `buildFn` of a
 * search with `nJobs > 1`) to a worker thread together with the names it uses.
 */

/** A module import as the cells wrote it. */
export interface NotebookImport {
  /** The module specifier, e.g. 'rnnlab' or '@tensorflow/tfjs'. */
  specifier: string;
  /** 'namespace' for `import * as x` and the compiler's `<module>_1` alias of named imports; 'default' for a default import. */
  kind: 'namespace' | 'default';
}

export interface NotebookScope {
  /** The folder modules are resolved from (the notebook's). */
  readonly cwd: string;
  /** A top-level declaration of the notebook by name; `found: false` if there is none. */
  lookup(name: string): { found: true; value: unknown } | { found: false };
  /** The module bound to an identifier by an import of some cell. */
  importFor(name: string): NotebookImport | undefined;
}

let scope: NotebookScope | undefined;

export function setNotebookScope(next: NotebookScope | undefined): void {
  scope = next;
}

export function notebookScope(): NotebookScope | undefined {
  return scope;
}

/** Identifier TypeScript gives a module's named imports in CommonJS output: `rnnlab_1`, `tfjs_1`. */
export function compilerAliasOf(specifier: string): string {
  const base = specifier.replace(/\/+$/, '').split('/').pop() ?? specifier;
  const clean = base.replace(/\.[jt]sx?$/, '').replace(/[^A-Za-z0-9_$]/g, '_');
  return `${/^[0-9]/.test(clean) ? '_' : ''}${clean}_1`;
}

/** The imports of a cell's source: identifier → module. */
export function importsOf(source: string): Map<string, NotebookImport> {
  const found = new Map<string, NotebookImport>();
  const pattern = /import\s+(?:type\s+)?([\w$]+\s*,?\s*)?(\*\s*as\s+[\w$]+|\{[^}]*\})?\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) {
    const [, defaultPart, rest, specifier] = match;
    if (match[0].startsWith('import type')) continue;
    if (defaultPart?.trim()) {
      const name = defaultPart.replace(',', '').trim();
      found.set(name, { specifier, kind: 'default' });
      found.set(compilerAliasOf(specifier), { specifier, kind: 'namespace' });
    }
    if (rest?.startsWith('*')) {
      found.set(rest.replace(/\*\s*as\s+/, '').trim(), { specifier, kind: 'namespace' });
    } else if (rest?.startsWith('{')) {
      found.set(compilerAliasOf(specifier), { specifier, kind: 'namespace' });
    }
  }
  return found;
}
