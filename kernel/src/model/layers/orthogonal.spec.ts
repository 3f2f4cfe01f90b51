import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Orthogonal } from './orthogonal';

function gram(values: Float32Array | Int32Array | Uint8Array, rows: number, cols: number, byRows: boolean): number[][] {
  const n = byRows ? rows : cols;
  const m = byRows ? cols : rows;
  const at = (a: number, k: number) => (byRows ? values[a * cols + k] : values[k * cols + a]);
  return Array.from({ length: n }, (_x, a) =>
    Array.from({ length: n }, (_y, b) => {
      let s = 0;
      for (let k = 0; k < m; k++) s += at(a, k) * at(b, k);
      return s;
    }),
  );
}

describe('Orthogonal initializer', () => {
  for (const [rows, cols] of [
    [16, 64],
    [64, 16],
    [8, 8],
  ]) {
    it(`makes a ${rows} x ${cols} matrix with orthonormal ${rows < cols ? 'rows' : 'columns'}`, () => {
      const values = new Orthogonal({ seed: 3 }).apply([rows, cols]).dataSync();
      const g = gram(values, rows, cols, rows < cols);
      g.forEach((row, a) => row.forEach((v, b) => assert.ok(Math.abs(v - (a === b ? 1 : 0)) < 1e-5, `G[${a}][${b}]=${v}`)));
    });
  }

  it('is reproducible for a seed and scales by gain', () => {
    const a = new Orthogonal({ seed: 5 }).apply([4, 12]).dataSync();
    const b = new Orthogonal({ seed: 5, gain: 2 }).apply([4, 12]).dataSync();
    a.forEach((v, i) => assert.ok(Math.abs(2 * v - b[i]) < 1e-6));
  });
});
