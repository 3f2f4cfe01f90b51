import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import ref from './fixtures/sklearn-split-reference.json';
import { ShuffleSplit, StratifiedShuffleSplit } from './splitters';
import { trainTestSplit, type TrainTestSplitOptions } from './train-test-split';

const camel = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), v]));
const range = (n: number) => Array.from({ length: n }, (_v, i) => i);

describe(`trainTestSplit and the shuffle splitters give scikit-learn ${ref.sklearn}'s indices`, () => {
  for (const c of ref.train_test_split) {
    it(`train_test_split(n=${c.n}, ${JSON.stringify(c.options)}${c.stratify ? ', stratify' : ''})`, () => {
      const options = { ...camel(c.options), ...(c.stratify ? { stratify: c.stratify } : {}) } as TrainTestSplitOptions;
      const [train, test] = trainTestSplit(range(c.n), options);
      assert.deepEqual(train, c.train);
      assert.deepEqual(test, c.test);
    });
  }
  for (const c of ref.shuffle_split) {
    it(`ShuffleSplit(${JSON.stringify(c.options)})`, () => assert.deepEqual(new ShuffleSplit(camel(c.options)).split(c.n), c.splits));
  }
  for (const c of ref.stratified_shuffle_split) {
    it(`StratifiedShuffleSplit(${JSON.stringify(c.options)})`, () => assert.deepEqual(new StratifiedShuffleSplit(camel(c.options)).split(c.n, c.y), c.splits));
  }

  it('splits tensors and arrays together, rows kept aligned', () => {
    const x = tf.tensor2d(range(20).map((i) => [i, -i]));
    const y = range(20).map((i) => i % 3);
    const [xTrain, xTest, yTrain, yTest] = trainTestSplit(x, y, { testSize: 0.3, randomState: 42 });
    const expected = ref.train_test_split[1];
    assert.deepEqual(xTrain.shape, [14, 2]);
    assert.deepEqual((xTrain.arraySync() as number[][]).map((r) => r[0]), expected.train);
    assert.deepEqual((xTest.arraySync() as number[][]).map((r) => r[1]), expected.test.map((i) => -i));
    assert.deepEqual(yTrain, expected.train.map((i) => i % 3));
    assert.deepEqual(yTest, expected.test.map((i) => i % 3));
  });

  it('refuses bad sizes and stratification, naming the argument', () => {
    const bad: [TrainTestSplitOptions, RegExp][] = [
      [{ testSize: 0 }, /`testSize` must be a fraction in \(0, 1\) or a whole number of samples in \[1, 9\] \(there are 10 samples\), got 0/],
      [{ testSize: 10 }, /`testSize`/],
      [{ testSize: 6, trainSize: 6 }, /`trainSize` plus testSize must not exceed the number of samples \(10\)/],
      [{ shuffle: false, stratify: range(10) }, /`stratify` needs shuffle: true/],
      [{ stratify: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2] }, /`stratify` must have at least 2 members in every class/],
      [{ testSize: 0.1, stratify: [0, 0, 0, 0, 0, 1, 1, 1, 1, 1] }, /`testSize` gives 1 test samples, fewer than the 2 classes/],
      [{ test_size: 0.2 } as never, /trainTestSplit.test_size.*Did you mean `testSize`/],
    ];
    for (const [options, message] of bad) assert.throws(() => trainTestSplit(range(10), options), message);
    assert.throws(() => trainTestSplit(range(10), range(9)), /`y` must have as many rows as X \(10\), got '9 rows'/);
  });
});
