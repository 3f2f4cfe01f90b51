import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatShape, modelSummaryHtml, modelSummaryText, type ModelSummaryInput } from './model-summary';

// The seed model (inputShape [100, 10], 3 LSTM layers from 128 units); counts as Keras 3 reports them.
const seed: ModelSummaryInput = {
  name: 'sequential',
  totalParams: 133025,
  trainableParams: 133025,
  layers: [
    { name: 'lstm', className: 'LSTM', outputShape: [null, 100, 128], params: 71168 },
    { name: 'dropout', className: 'Dropout', outputShape: [null, 100, 128], params: 0 },
    { name: 'lstm_1', className: 'LSTM', outputShape: [null, 100, 64], params: 49408 },
    { name: 'dropout_1', className: 'Dropout', outputShape: [null, 100, 64], params: 0 },
    { name: 'lstm_2', className: 'LSTM', outputShape: [null, 32], params: 12416 },
    { name: 'dropout_2', className: 'Dropout', outputShape: [null, 32], params: 0 },
    { name: 'dense', className: 'Dense', outputShape: [null, 1], params: 33 },
  ],
};

describe('model summary', () => {
  it('prints shapes as Keras does', () => {
    assert.equal(formatShape([null, 100, 128]), '(None, 100, 128)');
    assert.equal(formatShape([null]), '(None,)');
    assert.equal(formatShape([]), '()');
  });

  it('prints the Keras summary table as text', () => {
    assert.equal(
      modelSummaryText(seed),
      [
        'Model: "sequential"',
        '_________________________________________________________________',
        ' Layer (type)                Output Shape              Param #',
        '=================================================================',
        ' lstm (LSTM)                 (None, 100, 128)          71,168',
        ' dropout (Dropout)           (None, 100, 128)          0',
        ' lstm_1 (LSTM)               (None, 100, 64)           49,408',
        ' dropout_1 (Dropout)         (None, 100, 64)           0',
        ' lstm_2 (LSTM)               (None, 32)                12,416',
        ' dropout_2 (Dropout)         (None, 32)                0',
        ' dense (Dense)               (None, 1)                 33',
        '=================================================================',
        'Total params: 133,025',
        'Trainable params: 133,025',
        'Non-trainable params: 0',
        '_________________________________________________________________',
      ].join('\n'),
    );
  });

  it('widens columns for long names and counts frozen weights as non-trainable', () => {
    const text = modelSummaryText({
      name: 'frozen',
      totalParams: 1100,
      trainableParams: 100,
      layers: [{ name: 'bidirectional_with_a_long_name', className: 'Bidirectional', outputShape: [null, 1000], params: 1100 }],
    });
    assert.equal(
      text,
      [
        'Model: "frozen"',
        '_'.repeat(85),
        ` Layer (type)${' '.repeat(36)}Output Shape              Param #`,
        '='.repeat(85),
        ' bidirectional_with_a_long_name (Bidirectional)  (None, 1000)              1,100',
        '='.repeat(85),
        'Total params: 1,100',
        'Trainable params: 100',
        'Non-trainable params: 1,000',
        '_'.repeat(85),
      ].join('\n'),
    );
  });

  it('counts all weights as trainable when trainableParams is absent', () => {
    assert.ok(modelSummaryText({ name: 'm', totalParams: 11, layers: [] }).endsWith('Trainable params: 11\nNon-trainable params: 0\n' + '_'.repeat(65)));
  });

  it('renders an HTML table with a row per layer and the totals in the footer', () => {
    const html = modelSummaryHtml(seed);
    assert.ok(html.startsWith('<table class="rnnlab-model-summary"'));
    assert.equal(html.split('<tr>').length - 1, 1 + 7 + 3);
    assert.ok(html.includes('>Layer (type)</th>'));
    assert.ok(html.includes('>lstm_1 (LSTM)</td><td style="padding:2px 10px;text-align:left;border-bottom:1px solid rgba(127,127,127,0.25);font-family:monospace">(None, 100, 64)</td>'));
    assert.ok(html.includes('<td colspan="2" style="padding:2px 10px">Total params</td><td style="padding:2px 10px;text-align:right">133,025</td>'));
    assert.ok(html.includes('Model: &quot;sequential&quot;'));
  });

  it('escapes model, layer and class names', () => {
    const hostile = `<script>alert(1)</script>"'&`;
    const html = modelSummaryHtml({ name: hostile, totalParams: 1, layers: [{ name: hostile, className: hostile, outputShape: [null, 1], params: 1 }] });
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes(hostile));
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;';
    assert.ok(html.includes(`Model: &quot;${escaped}&quot;`));
    assert.ok(html.includes(`>${escaped} (${escaped})</td>`));
  });
});
