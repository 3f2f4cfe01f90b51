import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declaredParamNames } from './param-names';

describe('declaredParamNames', () => {
  it('reads destructured names with defaults, from arrows and functions', () => {
    assert.deepEqual(
      declaredParamNames(({ cellType = 'LSTM', initialUnits = 128 }: { cellType?: string; initialUnits?: number }) => [cellType, initialUnits]),
      ['cellType', 'initialUnits'],
    );
    function createModel({ a = { x: [1, 2] }, b = 'x,y', c }: { a?: object; b?: string; c?: number } = {}) {
      return [a, b, c];
    }
    assert.deepEqual(declaredParamNames(createModel), ['a', 'b', 'c']);
    assert.deepEqual(declaredParamNames(({ renamed: local }: { renamed: number }) => local), ['renamed']);
  });

  it('cannot tell for a whole parameters object or a rest element', () => {
    assert.equal(declaredParamNames((p: object) => p), undefined);
    assert.equal(declaredParamNames(({ a, ...rest }: { a: number }) => [a, rest]), undefined);
    assert.equal(declaredParamNames(() => 1), undefined);
  });
});
