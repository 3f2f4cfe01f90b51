/**
 * Sending a function to a worker thread. A worker cannot share the notebook's closures, so a function
 * travels as its source plus the notebook names it needs, found by the code analysis (`../analysis`)
 * and followed transitively: imports of any cell (re-required in the worker from the notebook's
 * folder), functions and classes (as their source), and data (copied). The worker re-creates these
 * names in one scope, as the notebook has them, with `exports` for tslab's compiled references.
 * Like Python's cloudpickle for joblib, within JavaScript's means: what cannot travel (a live model, a
 * large tensor, an object bound to this thread) is reported before any worker starts.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { analyseFunction, type ModuleBinding, toCommonJs } from '../analysis';
import { WorkerTransferError } from '../errors';
import { notebookScope, type NotebookScope } from '../frontend';

export type PortableValue =
  | { kind: 'data'; value: unknown }
  | { kind: 'module'; binding: ModuleBinding }
  | { kind: 'source'; source: string }
  | { kind: 'tensor'; dtype: tf.DataType; shape: number[]; values: number[] }
  | { kind: 'object'; array: boolean; entries: Record<string, PortableValue> }
  | { kind: 'instance'; className: string; fields: Record<string, PortableValue> };

export interface PortableFunction {
  /** The function's source, as `Function.prototype.toString` gives it. */
  source: string;
  /** The notebook names it needs, transitively, in the order the worker re-creates them. */
  scope: [string, PortableValue][];
}

/** Tensors up to this many values travel (copied); larger ones are data to pass through `fit`. */
export const MAX_TENSOR_VALUES = 1_000_000;

/** Plain data the structured clone copies as is: primitives, plain objects, arrays, typed arrays, dates. */
function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 50) return false;
  if (value === null || value === undefined || ['number', 'string', 'boolean', 'bigint'].includes(typeof value)) return true;
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return true;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === null) && Object.values(value as object).every((v) => isPlainData(v, depth + 1));
  }
  return false;
}

const NAMES_THE_WORKER_HAS = new Set(['require', 'exports']);

/** Collects what a function needs from the notebook (one instance per function sent). */
class ScopeCollector {
  readonly scope = new Map<string, PortableValue>();
  private readonly visiting = new Set<string>();

  constructor(private readonly notebook: NotebookScope) {}

  /** Adds the notebook names `source` uses (and theirs, transitively). */
  need(source: string): void {
    const { freeNames, exportsNames } = analyseFunction(source);
    for (const name of [...freeNames, ...exportsNames]) this.add(name);
  }

  private add(name: string): void {
    if (NAMES_THE_WORKER_HAS.has(name) || this.scope.has(name) || this.visiting.has(name)) return;
    this.visiting.add(name);
    const value = this.resolve(name);
    this.visiting.delete(name);
    if (value) this.scope.set(name, value); // after its own needs: dependencies come first
  }

  private resolve(name: string): PortableValue | undefined {
    const binding = this.notebook.importOf(name);
    if (binding) return { kind: 'module', binding };
    const found = this.notebook.lookup(name);
    if (!found.found) return undefined; // a global, or a name the function never reaches
    const value = found.value;
    if (typeof value === 'function') {
      const kind = this.notebook.declarationOf(name);
      if (kind !== 'function' && kind !== 'class') {
        throw new WorkerTransferError(
          name,
          'it is a function made at run time by other code, and its closure cannot be copied',
          'Declare it in a cell with `function`, `class` or an arrow',
        );
      }
      return this.source(name, value);
    }
    return this.data(name, value);
  }

  private source(where: string, fn: unknown): PortableValue {
    const source = Function.prototype.toString.call(fn);
    if (source.includes('[native code]')) {
      throw new WorkerTransferError(where, 'it is a built-in or bound function, whose code cannot be read', 'Wrap it in a function of your own');
    }
    this.need(source);
    return { kind: 'source', source };
  }

  private data(where: string, value: unknown, depth = 0): PortableValue {
    if (isPlainData(value)) return { kind: 'data', value };
    if (value instanceof tf.Tensor) {
      if (value.isDisposed) throw new WorkerTransferError(where, 'it is a disposed tensor', 'Make the tensor again');
      if (value.size > MAX_TENSOR_VALUES) {
        throw new WorkerTransferError(
          where,
          `it is a tensor of ${value.size} values, more than the ${MAX_TENSOR_VALUES} copied to each worker`,
          'Pass large data to fit(X, y) (workers share it), or load it inside the function',
        );
      }
      return { kind: 'tensor', dtype: value.dtype, shape: [...value.shape], values: Array.from(value.dataSync() as ArrayLike<number>) };
    }
    if (value instanceof tf.LayersModel || value instanceof tf.layers.Layer) {
      throw new WorkerTransferError(
        where,
        `it is a live tfjs ${value instanceof tf.LayersModel ? 'model' : 'layer'} (${value.constructor.name} "${value.name}"), whose weights belong to this thread`,
        'Build the model inside the function',
      );
    }
    if (typeof value === 'function') return this.source(where, value);
    if (typeof value !== 'object' || value === null || depth > 20) {
      throw new WorkerTransferError(where, `it is a ${typeof value}`, 'Pass plain data instead');
    }
    const entries = (): Record<string, PortableValue> =>
      Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.data(`${where}.${k}`, v, depth + 1)]));
    const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
    if (Array.isArray(value) || proto === Object.prototype || proto === null) {
      return { kind: 'object', array: Array.isArray(value), entries: entries() };
    }
    const ctor = proto?.constructor;
    const className = ctor?.name ?? '';
    const declared = this.notebook.lookup(className);
    if (className && declared.found && declared.value === ctor && this.notebook.declarationOf(className) === 'class') {
      this.add(className);
      return { kind: 'instance', className, fields: entries() };
    }
    throw new WorkerTransferError(
      where,
      `it is ${className ? `a ${className} object` : 'an object'} that belongs to this thread (only plain data, small tensors, functions and instances of the notebook's own classes can be copied)`,
      'Create it inside the function',
    );
  }
}

/**
 * Describes `fn` for a worker: its source and the notebook names it needs.
 * @throws WorkerTransferError naming the first variable that cannot be sent, and why.
 */
export function toPortable(fn: (...args: never[]) => unknown, scope: NotebookScope | undefined = notebookScope()): PortableFunction {
  const source = Function.prototype.toString.call(fn);
  if (source.includes('[native code]')) {
    throw new WorkerTransferError(fn.name || '(anonymous)', 'it is a built-in or bound function, whose code cannot be read', 'Wrap it in a function of your own');
  }
  if (!scope) return { source, scope: [] };
  const collector = new ScopeCollector(scope);
  collector.need(source);
  return { source, scope: [...collector.scope] };
}

function moduleValue(binding: ModuleBinding, requireModule: (specifier: string) => unknown): unknown {
  const mod = requireModule(binding.specifier) as Record<string, unknown>;
  const isEsModule = Boolean(mod && mod.__esModule);
  const take = binding.take;
  if (typeof take === 'object') return mod[take.named];
  switch (take) {
    case 'module':
      return mod;
    case 'default':
      return isEsModule ? mod.default : mod;
    case 'importDefault':
      return isEsModule ? mod : { default: mod };
    case 'namespace':
      return isEsModule ? mod : { ...mod, default: mod };
  }
}

/** Re-creates a data value; `scope` holds the notebook names already made (for instances' classes). */
function reviveValue(value: PortableValue, requireModule: (specifier: string) => unknown, scope: Record<string, unknown>, evaluate: (source: string) => unknown): unknown {
  const again = (v: PortableValue) => reviveValue(v, requireModule, scope, evaluate);
  switch (value.kind) {
    case 'data':
      return value.value;
    case 'module':
      return moduleValue(value.binding, requireModule);
    case 'source':
      return evaluate(value.source);
    case 'tensor':
      return tf.tensor(value.values, value.shape, value.dtype);
    case 'object': {
      const entries = Object.entries(value.entries).map(([k, v]) => [k, again(v)] as const);
      return value.array ? entries.map(([, v]) => v) : Object.fromEntries(entries);
    }
    case 'instance': {
      const ctor = scope[value.className] as { prototype: object };
      return Object.assign(Object.create(ctor.prototype), Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, again(v)])));
    }
  }
}

/**
 * Re-creates a portable function in this thread, its notebook names in one scope as the notebook has
 * them (each also reachable as `exports.name`, as tslab compiles earlier cells' names). Modules are
 * required with `requireModule`, which `require` in the function's code also is.
 */
export function revive(portable: PortableFunction, requireModule: (specifier: string) => unknown): (...args: unknown[]) => unknown {
  const names = portable.scope.map(([name]) => name);
  const lines = [
    names.length > 0 ? `let ${names.join(', ')};` : '',
    'const exports = {};',
    ...names.map((n) => `Object.defineProperty(exports, ${JSON.stringify(n)}, { get: () => ${n}, set: (v) => { ${n} = v; }, enumerable: true });`),
    'const __rnnlab_eval = (source) => eval(`(${source})`);',
    ...portable.scope.map(([name, value], i) =>
      value.kind === 'source' ? `${name} = (${value.source});` : `${name} = __rnnlab_value(${i}, exports, __rnnlab_eval);`,
    ),
    `return (${portable.source});`,
  ];
  const value = (i: number, scope: Record<string, unknown>, evaluate: (source: string) => unknown) =>
    reviveValue(portable.scope[i][1], requireModule, scope, evaluate);
  // The notebook's code is sloppy-mode JavaScript (tslab compiles without "use strict").
  // eslint-disable-next-line no-new-func
  const factory = new Function('require', '__rnnlab_value', lines.join('\n')) as (...v: unknown[]) => (...args: unknown[]) => unknown;
  return factory(requireModule, value);
}

let typeScriptFilesLoadable = false;

/**
 * `require` as a cell in `cwd` has it, for a worker thread: packages resolve from the notebook's
 * folder (then rnnlab's), and the notebook's own `.ts` files load compiled as tslab compiles them.
 */
export function workerRequire(cwd: string): (specifier: string) => unknown {
  if (!typeScriptFilesLoadable) {
    typeScriptFilesLoadable = true;
    const extensions = (Module as unknown as { _extensions: Record<string, (module: { _compile(code: string, file: string): void }, file: string) => void> })._extensions;
    extensions['.ts'] ??= (module, file) => module._compile(toCommonJs(fs.readFileSync(file, 'utf8'), file), file);
  }
  const notebookRequire = createRequire(path.join(cwd, '__rnnlab_worker__.js'));
  return (specifier) => notebookRequire(specifier);
}
