import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expandShorthandProperties } from './shorthand';

describe('expandShorthandProperties', () => {
  it('writes shorthand properties out and leaves everything else alone', () => {
    assert.equal(expandShorthandProperties('f({ a, b: 2, c })'), 'f({ a: a, b: 2, c: c })');
    assert.equal(expandShorthandProperties('const { a, b } = o; ({ a } = o);'), 'const { a, b } = o; ({ a: a } = o);');
    assert.equal(expandShorthandProperties('const s = "{ a }"; // { b }'), 'const s = "{ a }"; // { b }');
    assert.equal(expandShorthandProperties('x = { epochs, ...rest }'), 'x = { epochs: epochs, ...rest }');
  });
});
