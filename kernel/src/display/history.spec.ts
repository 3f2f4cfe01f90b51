import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { historyHtml, historyText, SPARKLINE_POINTS, svgSparkline, textSparkline } from './history';
import { isLossLike, kerasMetricName, tfjsMetricName } from './metric-names';
import { assertWellFormed, count } from './spec-helpers';

const history = {
  epoch: [0, 1, 2],
  history: { val_loss: [0.7, 0.5, 0.6], loss: [0.69, 0.41, 0.2], accuracy: [0.5, 0.75, 0.7], val_accuracy: [0.4, 0.6, null] },
};

describe('metric names', () => {
  it('gives Keras 3 names for tfjs short names and back', () => {
    assert.deepEqual(['acc', 'val_acc', 'loss', 'val_mse', 'ce'].map(kerasMetricName), ['accuracy', 'val_accuracy', 'loss', 'val_mse', 'crossentropy']);
    assert.deepEqual(['accuracy', 'val_accuracy', 'loss'].map(tfjsMetricName), ['acc', 'val_acc', 'loss']);
  });

  it('tells losses and errors from scores', () => {
    assert.deepEqual(
      ['loss', 'val_loss', 'mse', 'val_mae', 'binary_crossentropy', 'accuracy', 'val_accuracy', 'precision', 'auc'].map(isLossLike),
      [true, true, true, true, true, false, false, false, false],
    );
  });
});

describe('history text', () => {
  it('shows one line per metric, training first, with last, best (lowest loss, highest score) and a sparkline', () => {
    assert.equal(
      historyText(history),
      [
        'History: 3 epochs',
        '  loss          last 0.2000  best 0.2000 (epoch 3)  █▄▁',
        '  accuracy      last 0.7000  best 0.7500 (epoch 2)  ▁█▇',
        '  val_loss      last 0.6000  best 0.5000 (epoch 2)  █▁▅',
        '  val_accuracy  last n/a  best 0.6000 (epoch 2)  ▁█',
      ].join('\n'),
    );
  });

  it('says so when nothing was recorded', () => {
    assert.equal(historyText({ epoch: [], history: {} }), 'History: 0 epochs, no metrics');
    assert.equal(historyText({ epoch: [0], history: { loss: [0.5] } }), 'History: 1 epoch\n  loss  last 0.5000  best 0.5000 (epoch 1)  ▄');
  });

  it('thins long histories to SPARKLINE_POINTS characters, first and last kept', () => {
    const values = Array.from({ length: 500 }, (_, i) => i);
    const line = textSparkline(values);
    assert.equal([...line].length, SPARKLINE_POINTS);
    assert.equal([...line][0], '▁');
    assert.equal([...line][SPARKLINE_POINTS - 1], '█');
  });
});

describe('history html', () => {
  it('is a small well-formed table with one sparkline per metric', () => {
    const html = historyHtml(history);
    assertWellFormed(html);
    assert.equal(count(html, '<tr>'), 5);
    assert.equal(count(html, 'class="rnnlab-sparkline"'), 4);
    assert.match(html, /History · 3 epochs/);
    assert.match(html, /<td[^>]*>val_accuracy<\/td>/);
  });

  it('escapes metric names and draws nothing for a metric without a finite value', () => {
    const html = historyHtml({ epoch: [0], history: { '<b>': [null] } });
    assert.match(html, /&lt;b&gt;/);
    assert.equal(svgSparkline([null], 'red'), '');
  });
});
