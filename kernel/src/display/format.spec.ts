import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCount, formatDuration, formatMetric, formatParam } from './format';

describe('fixed formats', () => {
  it('prints metrics with four decimals as Keras does, tiny values in exponent form, null as n/a', () => {
    assert.deepEqual(
      [0.69314, 12345.6, 0, 0.00001234, -0.5, null, undefined, NaN].map(formatMetric),
      ['0.6931', '12345.6000', '0.0000', '1.234e-5', '-0.5000', 'n/a', 'n/a', 'n/a'],
    );
  });

  it('prints counts with thousands separators', () => {
    assert.deepEqual([0, 33, 1000, 133025, 1234567, -4096].map(formatCount), ['0', '33', '1,000', '133,025', '1,234,567', '-4,096']);
  });

  it('prints durations in seconds, minutes or hours', () => {
    assert.deepEqual(
      [0, 12.345, 59.94, 60, 125.4, 3599.4, 3600, 7384, null].map(formatDuration),
      ['0.0s', '12.3s', '59.9s', '1m 00s', '2m 05s', '59m 59s', '1h 00m', '2h 03m', ''],
    );
  });

  it('prints parameter values: integers in full, floats to four significant digits', () => {
    assert.deepEqual(
      [64, 0.0012346, 1e-7, 0.1, 123456.78, 'GRU', true, false, null, undefined].map(formatParam),
      ['64', '0.001235', '1e-7', '0.1', '123500', 'GRU', 'true', 'false', 'null', ''],
    );
  });
});
