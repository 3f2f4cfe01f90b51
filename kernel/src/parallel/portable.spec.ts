import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { NotebookDeclarations } from '../analysis';
import { WorkerTransferError } from '../errors';
import type { NotebookScope } from '../frontend';
import { MAX_TENSOR_VALUES, revive, toPortable } from './portable';

/** A notebook whose cells are `cells` and whose top-level values are `locals`. */
function notebookOf(cells: string[], locals: Record<string, unknown>): NotebookScope {
  const declarations = new NotebookDeclarations();
  for (const cell of cells) declarations.record(cell);
  return {
    cwd: process.cwd(),
    lookup: (name) => (name in locals ? { found: true, value: locals[name] } : { found: false }),
    importOf: (name) => declarations.importOf(name),
    declarationOf: (name) => declarations.declarationOf(name),
  };
}

/** A function as tslab compiles it: earlier cells' names reached through `exports`. */
function compiled<T>(source: string, exports: Record<string, unknown>): T {
  // eslint-disable-next-line no-new-func
  return new Function('exports', `return (${source});`)(exports) as T;
}

/** Sends through JSON (what reaches a worker is copied), then revives. */
function roundTrip(fn: (...args: never[]) => unknown, scope: NotebookScope): (...args: unknown[]) => unknown {
  return revive(JSON.parse(JSON.stringify(toPortable(fn, scope))), require);
}

describe('sending notebook functions to workers', () => {
  it('carries helpers, classes and constants of earlier cells, transitively', () => {
    const cells = [
      'const SCALE = 3;\nconst OFFSET = 1;\nfunction scale(v: number) { return v * SCALE; }',
      'const helper = (v: number) => scale(v) + OFFSET;\nclass Box { constructor(public v: number) {} get() { return helper(this.v); } }',
      'const unused = 99;',
    ];
    const locals: Record<string, unknown> = { SCALE: 3, OFFSET: 1, unused: 99 };
    locals.scale = compiled('function scale(v) { return v * SCALE; }', locals);
    // Names of the same cell stay bare in tslab's output; names of earlier cells go through exports.
    locals.helper = compiled('(v) => exports.scale(v) + OFFSET', locals);
    locals.Box = compiled('class Box { constructor(v) { this.v = v; } get() { return helper(this.v); } }', locals);
    const fn = compiled<(v: number) => number>('(v) => new exports.Box(v).get()', locals);
    const portable = toPortable(fn, notebookOf(cells, locals));
    assert.deepEqual(portable.scope.map(([name]) => name), ['OFFSET', 'SCALE', 'scale', 'helper', 'Box']);
    assert.equal(roundTrip(fn, notebookOf(cells, locals))(2), 7);
  });

  it('re-requires named, aliased, namespace and default imports of any earlier cell', () => {
    const cells = ['import { join as j, sep } from "node:path";\nimport * as os from "node:os";\nimport fs from "node:fs";\nimport { createHash } from "node:crypto";'];
    const locals = { j: () => '', sep: '/', os: {}, fs: {}, createHash: () => '' };
    const fn = compiled<() => string>('() => [exports.j("a", "b"), exports.sep, typeof exports.os.EOL, typeof exports.fs.existsSync, exports.createHash("md5").update("x").digest("hex")].join(" ")', locals);
    assert.equal(roundTrip(fn, notebookOf(cells, locals))(), 'a/b / string function 9dd4e461268c8034f5c8564e155c67a6');
  });

  it("re-requires a module through the compiler's alias, for a function of the importing cell", () => {
    const cells = ['import { join } from "node:path";\nconst f = (p: string) => join("a", p);'];
    const fn = compiled<(p: string) => string>('(p) => (0, node_path_1.join)("a", p)', {});
    assert.equal(roundTrip(fn, notebookOf(cells, {}))('b'), 'a/b');
  });

  it('copies plain data, small tensors and instances of notebook classes', () => {
    const cells = ['class Settings { units = 4; rate = 0.5; twice() { return this.units * 2; } }', 'const settings = new Settings();\nconst w = tf.tensor([1, 2, 3]);\nconst grid = { units: [1, 2], nested: { on: true } };'];
    const locals: Record<string, unknown> = { grid: { units: [1, 2], nested: { on: true } }, w: tf.tensor([1, 2, 3]) };
    locals.Settings = compiled('class Settings { units = 4; rate = 0.5; twice() { return this.units * 2; } }', locals);
    locals.settings = new (locals.Settings as new () => object)();
    const fn = compiled<() => unknown>('() => [exports.settings.twice(), exports.grid.units.length, exports.grid.nested.on, exports.w.sum().dataSync()[0]]', locals);
    assert.deepEqual(roundTrip(fn, notebookOf(cells, locals))(), [8, 2, true, 6]);
  });

  it('gives the revived function a require resolving from the notebook folder', () => {
    const fn = () => require('node:path').sep;
    assert.equal(revive(toPortable(fn, undefined), require)(), '/');
  });

  it('reports a variable that cannot travel, and why, before any worker starts', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })], name: 'live' });
    const big = tf.zeros([MAX_TENSOR_VALUES + 1]);
    const cells = ['const model = tf.sequential();\nconst big = tf.zeros([1]);\nconst config = { server: new Server() };\nconst made = makeFn();'];
    const locals = { model, big, config: { server: new (class Server {})() }, made: () => 1 };
    const notebook = notebookOf(cells, locals);
    const cases: [string, RegExp][] = [
      ['() => exports.model.predict(1)', /^cannot send `model` to worker threads \(nJobs > 1\): it is a live tfjs model \(Sequential "live"\), whose weights belong to this thread\. Build the model inside the function, or use nJobs: 1$/],
      ['() => exports.big', /^cannot send `big` .*: it is a tensor of 1000001 values, more than the 1000000 copied to each worker\./],
      ['() => exports.config', /^cannot send `config.server` .*: it is a Server object that belongs to this thread/],
      ['() => exports.made()', /^cannot send `made` .*: it is a function made at run time by other code/],
    ];
    for (const [source, message] of cases) {
      assert.throws(() => toPortable(compiled(source, locals), notebook), (error: unknown) => error instanceof WorkerTransferError && message.test(error.message));
    }
    model.dispose();
    big.dispose();
  });
});
