import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PyFloat } from '../distributions';
import { parsePythonIsoformat, pythonFloatRepr, pythonIsoformat, pythonJsonDumps, pythonJsonLoads } from './python-json';

describe('Python-compatible JSON', () => {
  it('writes floats as Python repr', () => {
    const cases: [number, string][] = [[1, '1.0'], [0.1, '0.1'], [1e-5, '1e-05'], [1e-4, '0.0001'], [123456789012345680, '1.2345678901234568e+17'], [1e16, '1e+16'], [1e15, '1000000000000000.0'], [-2.5e-7, '-2.5e-07'], [-0, '-0.0'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [0.30000000000000004, '0.30000000000000004']];
    for (const [x, text] of cases) assert.equal(pythonFloatRepr(x), text);
  });

  it('dumps as json.dumps (compact and default separators, ensure_ascii)', () => {
    const value = { a: new PyFloat(1), b: [1, 2.5, null, true], c: 'é\n"\u007f', d: NaN };
    assert.equal(pythonJsonDumps(value), '{"a":1.0,"b":[1,2.5,null,true],"c":"\\u00e9\\n\\"\\u007f","d":NaN}');
    assert.equal(pythonJsonDumps({ x: [1, 2] }, false), '{"x": [1, 2]}');
  });

  it('loads NaN and Infinity like json.loads', () => {
    assert.deepEqual(pythonJsonLoads('{"a":[NaN,Infinity,-Infinity,-1.5e-3],"b":"NaN \\" x"}'), { a: [NaN, Infinity, -Infinity, -0.0015], b: 'NaN " x' });
    assert.throws(() => pythonJsonLoads('{"a":Nan}'), SyntaxError);
  });

  it('round-trips isoformat times', () => {
    const d = new Date('2025-03-04T05:06:07.891Z');
    assert.equal(pythonIsoformat(d), '2025-03-04T05:06:07.891000+00:00');
    assert.equal(parsePythonIsoformat('2025-03-04T05:06:07.891234+00:00').getTime(), d.getTime());
    assert.equal(parsePythonIsoformat('2025-03-04T07:06:07.891+02:00').getTime(), d.getTime());
  });
});
