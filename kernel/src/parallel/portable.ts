/**
 * Sending a function to a worker thread. A worker cannot share the notebook's closures, so a function
 * travels as its source plus the values of the free names it uses: notebook declarations (numbers,
 * strings, plain data, and other functions, recursively) and imported modules (re-required in the
 * worker from the notebook's folder). Like Python's cloudpickle for joblib, within JavaScript's means.
 */
import * as tf from '@tensorflow/tfjs';
import { notebookScope, type NotebookScope } from '../frontend';

export type PortableValue =
  | { kind: 'json'; value: unknown }
  | { kind: 'undefined' }
  | { kind: 'function'; fn: PortableFunction }
  | { kind: 'module'; specifier: string; member?: 'default' }
  | { kind: 'object'; entries: Record<string, PortableValue> }
  | { kind: 'tensor'; dtype: tf.DataType; shape: number[]; values: number[] };

/**
 * Data the notebook holds, as a worker can receive it: plain data as is, tensors as their values,
 * other objects as their own data fields (methods stay behind), up to `depth` levels.
 */
function portableData(value: unknown, depth = 0): PortableValue | undefined {
  if (value === undefined) return { kind: 'undefined' };
  if (isPlainData(value)) return { kind: 'json', value };
  if (value instanceof tf.Tensor) {
    return { kind: 'tensor', dtype: value.dtype, shape: [...value.shape], values: Array.from(value.dataSync() as ArrayLike<number>) };
  }
  if (typeof value === 'object' && value !== null && depth < 6) {
    const entries: Record<string, PortableValue> = {};
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'function') continue;
      const p = portableData(v, depth + 1);
      if (p) entries[k] = p;
    }
    return Array.isArray(value) ? undefined : { kind: 'object', entries };
  }
  return undefined;
}

export interface PortableFunction {
  source: string;
  bindings: Record<string, PortableValue>;
}

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while ' +
    'with yield let static async await of undefined arguments get set as from'
  ).split(' '),
);

/** Identifiers in `source` that may refer to outer names (not property names after a dot). */
export function candidateNames(source: string): string[] {
  const names = new Set<string>();
  const stripped = source.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
  for (const match of stripped.matchAll(/(?<![.\w$])\s*([A-Za-z_$][\w$]*)/g)) {
    const name = match[1];
    if (!RESERVED.has(name) && !(name in globalThis)) names.add(name);
  }
  return [...names];
}

function isPlainData(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (value === null || ['number', 'string', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every((v) => isPlainData(v, depth + 1));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    return (proto === Object.prototype || proto === null) && Object.values(value as object).every((v) => isPlainData(v, depth + 1));
  }
  return false;
}

/**
 * Describes `fn` for a worker. Names the notebook cannot send (tensors, models, class instances) are
 * left out: the worker then reports a ReferenceError naming them.
 */
export function toPortable(fn: (...args: never[]) => unknown, scope: NotebookScope | undefined = notebookScope(), seen = new Set<unknown>()): PortableFunction {
  const source = Function.prototype.toString.call(fn);
  if (/\[native code\]/.test(source)) {
    throw new Error(`cannot send the built-in function ${fn.name || '(anonymous)'} to a worker`);
  }
  seen.add(fn);
  const bindings: Record<string, PortableValue> = {};
  if (scope) {
    const valueOf = (name: string): PortableValue | undefined => {
      const imported = scope.importFor(name);
      if (imported) {
        return { kind: 'module', specifier: imported.specifier, ...(imported.kind === 'default' ? { member: 'default' as const } : {}) };
      }
      const found = scope.lookup(name);
      if (!found.found) return undefined;
      const value = found.value;
      if (typeof value === 'function') {
        return seen.has(value) ? undefined : { kind: 'function', fn: toPortable(value as never, scope, seen) };
      }
      return portableData(value);
    };
    for (const name of candidateNames(source)) {
      const value = valueOf(name);
      if (value) bindings[name] = value;
    }
    // tslab compiles a reference to an earlier cell's variable as `exports.name`.
    if (/(?<![.\w$])exports\./.test(source) && !bindings.exports) {
      const entries: Record<string, PortableValue> = {};
      for (const match of source.matchAll(/(?<![.\w$])exports\.([A-Za-z_$][\w$]*)/g)) {
        const value = valueOf(match[1]);
        if (value) entries[match[1]] = value;
      }
      bindings.exports = { kind: 'object', entries };
    }
  }
  return { source, bindings };
}

/** Re-creates a portable function in this thread; modules are required with `requireModule`. */
export function revive(portable: PortableFunction, requireModule: (specifier: string) => unknown): (...args: unknown[]) => unknown {
  // `require` inside the function resolves from the notebook's folder, as it would in a cell.
  const withRequire: PortableFunction['bindings'] = { require: { kind: 'json', value: null }, ...portable.bindings };
  const names = Object.keys(withRequire);
  const values = names.map((name) => {
    if (name === 'require' && !('require' in portable.bindings)) return requireModule;
    return reviveValue(withRequire[name], requireModule);
  });
  const factory = new Function(...names, `"use strict"; return (${portable.source});`) as (...v: unknown[]) => (...args: unknown[]) => unknown;
  return factory(...values);
}

function reviveValue(b: PortableValue, requireModule: (specifier: string) => unknown): unknown {
  switch (b.kind) {
    case 'json':
      return b.value;
    case 'undefined':
      return undefined;
    case 'function':
      return revive(b.fn, requireModule);
    case 'module': {
      const mod = requireModule(b.specifier) as Record<string, unknown>;
      return b.member === 'default' ? (mod.default ?? mod) : mod;
    }
    case 'object':
      return Object.fromEntries(Object.entries(b.entries).map(([k, v]) => [k, reviveValue(v, requireModule)]));
    case 'tensor':
      return tf.tensor(b.values, b.shape, b.dtype);
  }
}
