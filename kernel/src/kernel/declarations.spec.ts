import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { declarationsAfterPartialRun } from './declarations';

describe('declarationsAfterPartialRun', () => {
  const before = 'declare const kept: string;\ndeclare let later: string;\ninterface Shape {\n    a: number;\n}\n';
  const cell =
    'declare const ran: number, later: number;\ndeclare function f(): number;\nimport { join, sep } from "path";\ntype T = number;\ndeclare const kept: string;\ninterface Shape {\n    a: number;\n}\n';

  it('keeps what ran, and the earlier declaration of each name whose declaration did not run', () => {
    assert.equal(
      declarationsAfterPartialRun(cell, before, new Set(['later', 'f', 'sep'])),
      [
        'declare const ran: number;',
        'import { join } from "path";',
        'type T = number;',
        'declare const kept: string;',
        'interface Shape {\n    a: number;\n}',
        'declare let later: string;',
        '',
      ].join('\n'),
    );
  });

  it('is the cell\'s own declarations when everything ran', () => {
    assert.equal(declarationsAfterPartialRun(cell, before, new Set()), cell);
  });
});
