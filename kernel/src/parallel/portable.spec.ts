import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compilerAliasOf, importsOf, type NotebookScope } from '../frontend';
import { candidateNames, revive, toPortable } from './portable';

function scopeOf(locals: Record<string, unknown>, imports: Record<string, string> = {}): NotebookScope {
  return {
    cwd: process.cwd(),
    lookup: (name) => (name in locals ? { found: true, value: locals[name] } : { found: false }),
    importFor: (name) => (name in imports ? { specifier: imports[name], kind: 'namespace' } : undefined),
  };
}

describe('sending notebook functions to workers', () => {
  it('carries the notebook constants and functions a function uses', () => {
    const scale = 3;
    const helper = (v: number) => v * scale;
    const fn = (v: number) => helper(v) + offset;
    const offset = 1;
    const portable = toPortable(fn, scopeOf({ helper, scale, offset, unused: 99 }));
    assert.deepEqual(Object.keys(portable.bindings).sort(), ['helper', 'offset']);
    assert.deepEqual(Object.keys((portable.bindings.helper as { fn: { bindings: object } }).fn.bindings), ['scale']);
    const copy = JSON.parse(JSON.stringify(portable));
    assert.equal(revive(copy, require)(2), 7);
  });

  it("re-requires imported modules, as the compiler's aliases name them", () => {
    const source = '(p) => path_1.join("a", p)';
    // eslint-disable-next-line no-new-func
    const fn = new Function(`return ${source}`)() as (p: string) => string;
    const portable = toPortable(fn as never, scopeOf({}, { path_1: 'node:path' }));
    assert.deepEqual(portable.bindings, { path_1: { kind: 'module', specifier: 'node:path' } });
    assert.equal(revive(portable, require)('b'), 'a/b');
  });

  it('gives the revived function a require resolving from the notebook folder', () => {
    const fn = () => require('node:path').sep;
    assert.equal(revive(toPortable(fn, undefined), require)(), '/');
  });

  it('leaves out names that are properties, keywords or globals', () => {
    assert.deepEqual(candidateNames('(a) => Math.max(a.b, c) + JSON.stringify(d) // e'), ['a', 'c', 'd']);
  });

  it('reads the imports of a cell', () => {
    const imports = importsOf('import { buildRnnProgressive } from "rnnlab";\nimport * as tf from "@tensorflow/tfjs";\nimport def, { x } from "./my-lib.ts";');
    assert.deepEqual(Object.fromEntries(imports), {
      rnnlab_1: { specifier: 'rnnlab', kind: 'namespace' },
      tf: { specifier: '@tensorflow/tfjs', kind: 'namespace' },
      def: { specifier: './my-lib.ts', kind: 'default' },
      my_lib_1: { specifier: './my-lib.ts', kind: 'namespace' },
    });
    assert.equal(compilerAliasOf('@tensorflow/tfjs-node'), 'tfjs_node_1');
  });
});

describe('functions compiled by tslab', () => {
  it("carry the earlier cells' variables they reach through exports", () => {
    // tslab compiles `windowSize` of an earlier cell as `exports.windowSize`.
    // eslint-disable-next-line no-new-func
    const fn = new Function('exports', 'return (p) => exports.windowSize * p;')({ windowSize: 7 }) as (p: number) => number;
    const portable = toPortable(fn as never, scopeOf({ windowSize: 7, other: 1 }));
    assert.deepEqual(portable.bindings, { exports: { kind: 'object', entries: { windowSize: { kind: 'json', value: 7 } } } });
    assert.equal(revive(portable, require)(3), 21);
  });
});
