import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onInterrupt } from '../frontend';
import { CellRuntime, KeyboardInterrupt } from './cell-runtime';

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CellRuntime', () => {
  it("records the names a cell assigns on the notebook's exports", () => {
    const tslab = { exports: {} as Record<string, unknown> };
    const runtime = new CellRuntime(tslab);
    runtime.beginCell();
    tslab.exports.a = 1;
    Object.defineProperty(tslab.exports, 'b', { value: 2, enumerable: true, configurable: true, writable: true });
    assert.deepEqual([...runtime.assignedNames()], ['a', 'b']);
    runtime.beginCell();
    assert.deepEqual([...runtime.assignedNames()], []);
  });

  it('passes values through, and has nothing to interrupt when no await is pending', async () => {
    const runtime = new CellRuntime({ exports: {} });
    runtime.beginCell();
    assert.equal(runtime.check(await runtime.settle(Promise.resolve(3))), 3);
    assert.equal(runtime.interrupt(), false);
    await assert.rejects(runtime.settle(Promise.reject(new Error('no'))), /no/);
  });

  it('ends an await at once when no rnnlab work runs', async () => {
    const runtime = new CellRuntime({ exports: {} });
    runtime.beginCell();
    const pending = runtime.settle(new Promise(() => undefined));
    assert.equal(runtime.interrupt(), true);
    await assert.rejects(pending, KeyboardInterrupt);
  });

  it('ends the cell after an interrupted await whose value arrived before the work stopped', async () => {
    const runtime = new CellRuntime({ exports: {} });
    runtime.beginCell();
    const release = onInterrupt(() => undefined);
    const value = deferred<string>();
    const pending = runtime.settle(value.promise);
    runtime.interrupt();
    value.resolve('history');
    const arrived = await pending;
    assert.throws(() => runtime.check(arrived), KeyboardInterrupt);
    release();
    runtime.beginCell();
    assert.equal(runtime.check('next cell'), 'next cell');
  });

  it('waits for interrupted work to stop, then ends the await', async () => {
    const runtime = new CellRuntime({ exports: {} });
    runtime.beginCell();
    const release = onInterrupt(() => undefined);
    const value = deferred<string>();
    const pending = runtime.settle(value.promise);
    const events: string[] = [];
    pending.catch((error: unknown) => events.push((error as Error).name));
    runtime.interrupt();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(events, []);
    release();
    await assert.rejects(pending, KeyboardInterrupt);
  });

  it('ends the await at once on a second interrupt', async () => {
    const runtime = new CellRuntime({ exports: {} });
    runtime.beginCell();
    const release = onInterrupt(() => undefined);
    const pending = runtime.settle(new Promise(() => undefined));
    runtime.interrupt();
    runtime.interrupt();
    await assert.rejects(pending, KeyboardInterrupt);
    release();
  });
});
