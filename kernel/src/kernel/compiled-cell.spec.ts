import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instrumentCell } from './compiled-cell';

describe('instrumentCell', () => {
  it("removes tslab's export preamble and reports the names it listed", () => {
    const js = 'Object.defineProperty(exports, "__esModule", { value: true });\nexports.b = exports.a = void 0;\nconst a = 1;\nexports.a = a;\n';
    const cell = instrumentCell(js);
    assert.deepEqual(cell.declaredNames, ['a', 'b']);
    assert.equal(cell.code, 'Object.defineProperty(exports, "__esModule", { value: true });\n\nconst a = 1;\nexports.a = a;\n');
  });

  it('routes top-level awaits (nested ones too) through the cell runtime, not those inside functions', () => {
    const js = 'const r = await f(await g());\nfor (const i of xs) {\n    await await r;\n}\nconst h = async () => { await z; };\n';
    const [check, settle] = ['__rnnlabCell__.check(', '__rnnlabCell__.settle('];
    assert.equal(
      instrumentCell(js).code,
      `const r = ${check}await ${settle}f(${check}await ${settle}g())))));\n` +
        `for (const i of xs) {\n    ${check}await ${settle}${check}await ${settle}r))));\n}\n` +
        'const h = async () => { await z; };\n',
    );
  });

  it('leaves other assignments to exports alone', () => {
    const js = 'exports.x = exports.y = 0;\nexports.z = void 0 + 1;\n';
    assert.deepEqual(instrumentCell(js), { code: js, declaredNames: [] });
  });
});
