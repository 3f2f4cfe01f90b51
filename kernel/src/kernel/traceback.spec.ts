import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { describeThrown, userFrames } from './traceback';

const rnnlab = path.resolve(__dirname, '..');
const tslab = path.dirname(require.resolve('tslab/package.json'));

describe('userFrames', () => {
  it("keeps the cell's frames and the rnnlab function the cell called, nothing inside or below", () => {
    const stack = [
      'InvalidArgumentError: `nSplits` must be an integer of at least 2, got 1',
      `    at checkSplits (${rnnlab}/validation.js:10:5)`,
      `    at new KFold (${rnnlab}/search/splitters/k-fold.js:29:61)`,
      '    at make (evalmachine.<anonymous>:4:12)',
      '    at Array.map (<anonymous>)',
      '    at evalmachine.<anonymous>:6:3',
      '    at evalmachine.<anonymous>:9:3',
      '    at Script.runInThisContext (node:vm:129:12)',
      `    at Object.execute (${tslab}/dist/executor.js:175:36)`,
      '    at async Promise.all (index 0)',
    ].join('\n');
    assert.deepEqual(userFrames(stack), [
      `    at new KFold (${rnnlab}/search/splitters/k-fold.js:29:61)`,
      '    at make (evalmachine.<anonymous>:4:12)',
      '    at evalmachine.<anonymous>:6:3',
    ]);
  });

  it('keeps the first library frame when no cell frame is left (an error raised in a timer)', () => {
    const stack = `Error: x\n    at Timeout.tick (${rnnlab}/study/optimize.js:3:1)\n    at listOnTimeout (node:internal/timers:573:17)`;
    assert.deepEqual(userFrames(stack), [`    at Timeout.tick (${rnnlab}/study/optimize.js:3:1)`]);
  });
});

describe('describeThrown', () => {
  it("adds the cell's frames where it awaited an error whose own stack does not reach the cell", () => {
    const error = new Error('shapes differ');
    error.stack = `Error: shapes differ\n    at new ValueError (/x/node_modules/@tensorflow/tfjs-layers/dist/tf-layers.node.js:273:28)`;
    const awaitStack = 'Error\n    at evalmachine.<anonymous>:7:40\n    at evalmachine.<anonymous>:9:3\n    at Script.runInThisContext (node:vm:129:12)';
    assert.deepEqual(describeThrown(error, awaitStack).traceback, [
      'Error: shapes differ',
      '    at new ValueError (/x/node_modules/@tensorflow/tfjs-layers/dist/tf-layers.node.js:273:28)',
      '    at evalmachine.<anonymous>:7:40',
    ]);
  });

  it('names errors and thrown values as Jupyter shows them', () => {
    const error = new RangeError('too far');
    error.stack = 'RangeError: too far\n    at evalmachine.<anonymous>:1:7\n    at Script.runInThisContext (node:vm:129:12)';
    assert.deepEqual(describeThrown(error), { ename: 'RangeError', evalue: 'too far', traceback: ['RangeError: too far'] });
    assert.deepEqual(describeThrown({ code: 3 }), { ename: 'Error', evalue: '{"code":3}', traceback: ['Uncaught {"code":3}'] });
  });
});
