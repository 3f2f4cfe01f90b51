import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { MIME_BUNDLE } from '../frontend';
import ref from './fixtures/sklearn-metrics.json';
import {
  accuracyScore,
  classificationReport,
  confusionMatrix,
  f1Score,
  logLoss,
  meanAbsoluteError,
  meanSquaredError,
  precisionScore,
  r2Score,
  recallScore,
  rocAucScore,
  type PrfOptions,
} from '.';
import { pythonFixed } from './format';

const d = ref.data;
/** Equal to scikit-learn's float64 result up to summation order (numpy sums pairwise). */
function close(actual: number | number[], expected: number | number[]): void {
  const a = [actual].flat();
  const e = [expected].flat();
  assert.equal(a.length, e.length);
  a.forEach((v, i) => assert.ok(Math.abs(v - e[i]) <= 1e-12 * Math.max(1, Math.abs(e[i])), `${v} vs scikit-learn's ${e[i]}`));
}
function prf(yTrue: (number | string)[], yPred: (number | string)[], options: PrfOptions, expected: { precision: number | number[]; recall: number | number[]; f1: number | number[] }): void {
  close(precisionScore(yTrue, yPred, options), expected.precision);
  close(recallScore(yTrue, yPred, options), expected.recall);
  close(f1Score(yTrue, yPred, options), expected.f1);
}

describe('classification metrics equal scikit-learn 1.9', () => {
  before(() => {
    process.removeAllListeners('warning');
    process.on('warning', () => undefined);
  });

  it('accuracyScore', () => {
    assert.equal(accuracyScore(d.bin_true, d.bin_pred), ref.accuracy.binary);
    assert.equal(accuracyScore(d.mc_true, d.mc_pred), ref.accuracy.multiclass);
    assert.equal(accuracyScore(d.str_true, d.str_pred), ref.accuracy.strings);
    assert.equal(accuracyScore(d.mc_true, d.mc_pred, { normalize: false }), ref.accuracy.count);
  });

  it('accepts what a Keras model predicts: column vectors and tensors', () => {
    const yPred = tf.tensor2d(d.bin_score.map((s) => [s]), [d.bin_score.length, 1]).greater(0.5).cast('int32');
    const expected = accuracyScore(d.bin_true, d.bin_score.map((s) => (s > 0.5 ? 1 : 0)));
    assert.equal(accuracyScore(tf.tensor1d(d.bin_true), yPred), expected);
    assert.equal(accuracyScore(d.bin_true.map((v) => [v]), yPred), expected);
  });

  it('precisionScore, recallScore, f1Score with every average', () => {
    const p = ref.prf;
    prf(d.bin_true, d.bin_pred, {}, p.binary);
    prf(d.bin_true, d.bin_pred, { posLabel: 0 }, p.binary_pos0);
    for (const a of ['micro', 'macro', 'weighted'] as const) {
      prf(d.mc_true, d.mc_pred, { average: a }, p[`mc_${a}`]);
      prf(d.str_true, d.str_pred, { average: a }, p[`str_${a}`]);
    }
    prf(d.mc_true, d.mc_pred, { average: null }, p.mc_none);
    prf(d.mc_true, d.mc_pred, { average: 'macro', labels: [0, 1] }, p.mc_macro_labels01);
    prf(d.mc_true, d.mc_pred, { average: 'micro', labels: [2, 1] }, p.mc_micro_labels21);
    prf([0, 0, 1, 1], [0, 0, 0, 0], {}, p.zero_division_warn);
    prf([0, 0, 1, 1], [0, 0, 0, 0], { zeroDivision: 1 }, p.zero_division_1);
    prf([0, 1, 2, 2], [0, 1, 1, 1], { average: 'macro' }, p.macro_missing_class);
  });

  it('refuses what scikit-learn refuses, naming the argument', () => {
    assert.throws(() => f1Score(d.mc_true, d.mc_pred), (e: Error) => e instanceof InvalidArgumentError && /`average` is 'binary' but the target is multiclass/.test(e.message));
    assert.throws(() => f1Score(['a', 'b'], ['a', 'b']), /`posLabel` is not a label of the data; it should be one of \["a","b"\], got 1/);
    assert.throws(() => f1Score([0, 1], [0, 1], { average: 'samples' as never }), /`average` must be/);
    assert.throws(() => accuracyScore([0, 1, 1], [0.2, 0.7, 0.9]), /`yPred` must hold class labels, not continuous values/);
    assert.throws(() => accuracyScore([0, 1, 1], [0, 1]), /`yPred` must have as many samples as yTrue \(3\), got '2 samples'/);
  });

  it('confusionMatrix, with labels and normalisation', () => {
    const c = ref.confusion;
    assert.deepEqual(confusionMatrix(d.bin_true, d.bin_pred), c.binary);
    assert.deepEqual(confusionMatrix(d.mc_true, d.mc_pred), c.multiclass);
    assert.deepEqual(confusionMatrix(d.str_true, d.str_pred), c.strings);
    assert.deepEqual(confusionMatrix(d.mc_true, d.mc_pred, { labels: [2, 0] }), c.labels);
    for (const n of ['true', 'pred', 'all'] as const) close(confusionMatrix(d.mc_true, d.mc_pred, { normalize: n }).flat(), c[`norm_${n}`].flat());
  });

  it('rocAucScore (binary, ties, one-vs-rest) and logLoss', () => {
    close(rocAucScore(d.bin_true, d.bin_score), ref.roc_auc.binary);
    close(rocAucScore([0, 0, 1, 1, 1, 0], [0.5, 0.5, 0.5, 0.9, 0.1, 0.2]), ref.roc_auc.ties);
    close(rocAucScore(d.mc_true, d.mc_proba, { multiClass: 'ovr' }), ref.roc_auc.ovr_macro);
    close(rocAucScore(d.mc_true, d.mc_proba, { multiClass: 'ovr', average: 'weighted' }), ref.roc_auc.ovr_weighted);
    assert.throws(() => rocAucScore(d.mc_true, d.mc_proba), /`multiClass` must be 'ovr'/);
    assert.throws(() => rocAucScore([1, 1], [0.2, 0.3]), /only one class/);
    close(logLoss(d.bin_true, d.bin_score), ref.log_loss.binary);
    close(logLoss(d.mc_true, d.mc_proba), ref.log_loss.multiclass);
    close(logLoss([0, 1, 1], [0.0, 1.0, 0.3]), ref.log_loss.clipped);
    close(logLoss(d.mc_true, d.mc_proba, { normalize: false }), ref.log_loss.sum);
  });

  it('classificationReport: the same text, the dictionary, and a rich table', () => {
    const r = ref.report;
    assert.equal(classificationReport(d.bin_true, d.bin_pred), r.binary);
    assert.equal(classificationReport(d.mc_true, d.mc_pred, { digits: 4 }), r.multiclass_digits4);
    assert.equal(classificationReport(d.str_true, d.str_pred), r.strings);
    assert.equal(classificationReport(d.mc_true, d.mc_pred, { targetNames: ['rain', 'sun', 'a long class name'] }), r.names);
    assert.equal(classificationReport(d.mc_true, d.mc_pred, { labels: [0, 1] }), r.labels_subset);
    assert.equal(classificationReport([0, 0, 0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 0, 1, 1]), r.ties);
    assert.deepEqual(classificationReport(d.mc_true, d.mc_pred, { outputDict: true }), r.dict);
    const table = classificationReport(d.mc_true, d.mc_pred, { asTable: true });
    const bundle = table[MIME_BUNDLE]();
    assert.equal(bundle['text/plain'], classificationReport(d.mc_true, d.mc_pred));
    const html = bundle['text/html'] as string;
    assert.equal((html.match(/<tr>/g) ?? []).length, 1 + 3 + 3);
    assert.match(html, /<th [^>]*>accuracy<\/th><td [^>]*><\/td><td [^>]*><\/td><td [^>]*>0.63<\/td><td [^>]*>30<\/td>/);
  });

  it("pythonFixed rounds ties to even as Python's format does", () => {
    assert.deepEqual([0.125, 0.375, 0.875, 2.5, 0.3].map((v) => pythonFixed(v, v === 2.5 ? 0 : 2)), ['0.12', '0.38', '0.88', '2', '0.30']);
    assert.equal(pythonFixed(0.285, 2), '0.28'); // 0.285 is stored below the tie
  });
});

describe('regression metrics equal scikit-learn 1.9', () => {
  it('meanSquaredError, meanAbsoluteError, r2Score, one and several outputs', () => {
    const r = ref.regression;
    close(meanSquaredError(d.reg_true, d.reg_pred), r.mse);
    close(meanAbsoluteError(d.reg_true, d.reg_pred), r.mae);
    close(r2Score(d.reg_true, d.reg_pred), r.r2);
    close(meanSquaredError(d.reg2_true, d.reg2_pred), r.mse2);
    close(meanAbsoluteError(d.reg2_true, d.reg2_pred, { multioutput: 'raw_values' }), r.mae2_raw);
    close(r2Score(d.reg2_true, d.reg2_pred), r.r2_2);
    close(r2Score(d.reg2_true, d.reg2_pred, { multioutput: 'raw_values' }), r.r2_2_raw);
    // Tensors hold float32: the same value within float32 rounding.
    assert.ok(Math.abs(r2Score(tf.tensor2d(d.reg2_true), tf.tensor2d(d.reg2_pred)) - r.r2_2) < 1e-6);
    assert.equal(r2Score([2, 2, 2], [2, 2, 1]), r.r2_constant);
    assert.throws(() => r2Score(d.reg2_true, d.reg_pred.slice(0, 12)), /`yPred` must have as many outputs as yTrue \(2\)/);
  });
});
