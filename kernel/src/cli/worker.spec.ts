import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadObjective, parseWorkerArgs } from './worker';

describe('parseWorkerArgs', () => {
  const base = ['--study', 's', '--objective', 'o.ts'];

  it('reads the storage URL from OPTUNA_STORAGE when --storage is not given, as Optuna does', () => {
    assert.equal(parseWorkerArgs(base, { OPTUNA_STORAGE: 'sqlite:///a.db' }).storage, 'sqlite:///a.db');
    assert.equal(parseWorkerArgs(['--storage', 'sqlite:///b.db', ...base], { OPTUNA_STORAGE: 'sqlite:///a.db' }).storage, 'sqlite:///b.db');
  });

  it('names both ways to give the storage when neither is there', () => {
    assert.throws(() => parseWorkerArgs(base, {}), /^InvalidArgumentError: `--storage` is required \(or set the environment variable OPTUNA_STORAGE\)/);
  });
});

describe('loadObjective', () => {
  it('loads a TypeScript module and the TypeScript modules it imports', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rnnlab-objective-'));
    fs.writeFileSync(path.join(dir, 'helper.ts'), 'export const offset: number = 3;\n');
    fs.writeFileSync(
      path.join(dir, 'objective.ts'),
      'import { offset } from "./helper";\ninterface T { suggestInt(n: string, a: number, b: number): number }\n' +
        'export const objective = (trial: T): number => trial.suggestInt("x", 1, 9) + offset;\n',
    );
    const objective = loadObjective(path.join(dir, 'objective.ts')) as unknown as (t: { suggestInt(): number }) => number;
    assert.equal(objective({ suggestInt: () => 4 }), 7);
    fs.rmSync(dir, { recursive: true });
  });
});
