import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidArgumentError } from '../../errors';
import reference from '../fixtures/sklearn-reference.json';
import { KFold, type Labels, type Splitter, StratifiedKFold, TimeSeriesSplit } from '.';

function make(kind: string, args: Record<string, unknown>): Splitter {
  const camel = Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), v]),
  );
  if (kind === 'KFold') return new KFold(camel);
  if (kind === 'StratifiedKFold') return new StratifiedKFold(camel, () => undefined);
  return new TimeSeriesSplit(camel);
}

describe(`splitters give scikit-learn ${reference.sklearn}'s folds`, () => {
  for (const [name, spec] of Object.entries(reference.splits)) {
    it(name, () => {
      const s = spec as { kind: string; args: Record<string, unknown>; n: number; y?: Labels; folds: number[][][] };
      const splitter = make(s.kind, s.args);
      assert.deepEqual(splitter.split(s.n, s.y), s.folds);
      assert.equal(splitter.getNSplits(), s.folds.length);
    });
  }
});

describe('splitter validation', () => {
  const bad: [string, () => unknown, string][] = [
    ['one split', () => new KFold({ nSplits: 1 }), 'nSplits'],
    ['randomState without shuffle', () => new KFold({ randomState: 1 }), 'randomState'],
    ['more folds than samples', () => new KFold({ nSplits: 5 }).split(3), 'nSplits'],
    ['stratified without labels', () => new StratifiedKFold().split(10), 'y'],
    ['stratified with too few members', () => new StratifiedKFold({ nSplits: 3 }).split(4, [0, 0, 1, 1]), 'nSplits'],
    ['label count mismatch', () => new StratifiedKFold({ nSplits: 2 }).split(4, [0, 1, 0]), 'y'],
    ['time series too many splits', () => new TimeSeriesSplit({ nSplits: 5, testSize: 3 }).split(12), 'nSplits'],
    ['negative gap', () => new TimeSeriesSplit({ gap: -1 }), 'gap'],
    ['unknown option', () => new KFold({ n_splits: 3 } as never), 'KFold.n_splits'],
  ];
  for (const [what, fn, argument] of bad) {
    it(`rejects ${what}`, () => {
      assert.throws(fn, (e: unknown) => e instanceof InvalidArgumentError && e.argument === argument);
    });
  }

  it('warns like scikit-learn when a class is smaller than the number of folds', () => {
    const warnings: string[] = [];
    new StratifiedKFold({ nSplits: 3 }, (m) => warnings.push(m)).split(7, [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(warnings, ['The least populated class in y has only 2 members, which is less than nSplits=3.']);
  });
});
