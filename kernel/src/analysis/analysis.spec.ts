import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseCell, analyseFunction, destructuredParamNames, NotebookDeclarations, shorthandProperties } from '.';

describe('analyseCell', () => {
  it('reads named, aliased, namespace, default and require imports, and the compiler aliases', () => {
    const cell = analyseCell(
      [
        'import { buildRnnProgressive, compileRnn as compile } from "rnnlab";',
        'import * as tf from "@tensorflow/tfjs";',
        'import fs from "node:fs";',
        'import dbl, { triple } from "./lib";',
        'import type { Trial } from "rnnlab";',
        'import os = require("node:os");',
        'const path = require("node:path");',
        'function f() { return [buildRnnProgressive, compile, fs, dbl, triple, tf]; }',
      ].join('\n'),
    );
    assert.deepEqual(Object.fromEntries(cell.imports), {
      buildRnnProgressive: { specifier: 'rnnlab', take: { named: 'buildRnnProgressive' } },
      compile: { specifier: 'rnnlab', take: { named: 'compileRnn' } },
      tf: { specifier: '@tensorflow/tfjs', take: 'namespace' },
      fs: { specifier: 'node:fs', take: 'default' },
      dbl: { specifier: './lib', take: 'default' },
      triple: { specifier: './lib', take: { named: 'triple' } },
      os: { specifier: 'node:os', take: 'module' },
      path: { specifier: 'node:path', take: 'module' },
      rnnlab_1: { specifier: 'rnnlab', take: 'module' },
      node_fs_1: { specifier: 'node:fs', take: 'importDefault' },
      lib_1: { specifier: './lib', take: 'namespace' },
    });
  });

  it('tells functions and classes from other values', () => {
    const cell = analyseCell('function f() {}\nclass C {}\nconst g = async () => 1, K = 3, h = (function () {}) as () => void;\nlet { a, b: [c] } = o;\nf();');
    assert.deepEqual(Object.fromEntries(cell.declarations), { f: 'function', C: 'class', g: 'function', K: 'value', h: 'function', a: 'value', c: 'value' });
    assert.equal(cell.imports.size, 0);
  });

  it('lets a later cell redeclare a name', () => {
    const notebook = new NotebookDeclarations();
    notebook.record('import { helper } from "./lib";\nconst K = 1;');
    notebook.record('const helper = (v: number) => v;\nimport { K } from "./consts";');
    assert.equal(notebook.declarationOf('helper'), 'function');
    assert.equal(notebook.importOf('helper'), undefined);
    assert.deepEqual(notebook.importOf('K'), { specifier: './consts', take: { named: 'K' } });
    assert.equal(notebook.declarationOf('K'), undefined);
  });

  it('shows the running cell to code it runs, and drops it when it did not compile', () => {
    const notebook = new NotebookDeclarations();
    notebook.record('const K = 1;');
    notebook.begin('import { join } from "node:path";\nconst K = () => join("a");');
    assert.deepEqual(notebook.importOf('node_path_1'), { specifier: 'node:path', take: 'module' });
    assert.equal(notebook.declarationOf('K'), 'function');
    notebook.end(false);
    assert.equal(notebook.importOf('node_path_1'), undefined);
    assert.equal(notebook.declarationOf('K'), 'value');
  });

  it('finds shorthand properties, not strings or comments that look like them', () => {
    assert.deepEqual(shorthandProperties('f({ a, b: 2 }); const s = "{ c }"; // { d }'), [{ end: 5, name: 'a' }]);
  });
});

describe('analyseFunction', () => {
  it('finds the names a function uses without declaring them, and the earlier cells it reaches through exports', () => {
    assert.deepEqual(analyseFunction('(p) => exports.h1(p) + exports.j("a").length + Math.max(p, K) + ((q) => q + p)(2) + { p, r }.p + o.x'), {
      freeNames: ['exports', 'Math', 'K', 'r', 'o'],
      exportsNames: ['h1', 'j'],
    });
  });

  it('knows the scopes of JavaScript: parameters, blocks, loops, catch, labels, its own name, arguments', () => {
    const source =
      'function h1(x) { let y = 2; for (const z of w) y += z; try {} catch (e) { e; } label: while (1) break label; ' +
      'return x * K + path_1.sep.length + arguments.length + h1(1) + new C() + undefined; }';
    assert.deepEqual(analyseFunction(source), { freeNames: ['w', 'K', 'path_1', 'C'], exportsNames: [] });
  });

  it('reads classes and methods as toString gives them', () => {
    assert.deepEqual(analyseFunction('class C extends exports.Base { v = K; get() { return h1(this.v); } static s = S; }'), {
      freeNames: ['exports', 'K', 'h1', 'S'],
      exportsNames: ['Base'],
    });
    assert.deepEqual(analyseFunction('async objective(trial) { return (await trial.x) + q; }'), { freeNames: ['q'], exportsNames: [] });
  });
});

describe('destructuredParamNames', () => {
  it('reads the names of a destructured first parameter', () => {
    assert.deepEqual(destructuredParamNames('({ a = { x: [1, 2] }, b = "x,y", c } = {}) => 1'), ['a', 'b', 'c']);
    assert.deepEqual(destructuredParamNames('function f({ renamed: local }) { return local; }'), ['renamed']);
  });

  it('cannot tell for a whole parameters object, a rest element or unreadable source', () => {
    assert.equal(destructuredParamNames('(p) => p'), undefined);
    assert.equal(destructuredParamNames('({ a, ...rest }) => rest'), undefined);
    assert.equal(destructuredParamNames('() => 1'), undefined);
    assert.equal(destructuredParamNames('function () { [native code] }'), undefined);
  });
});
