import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toJsonLogs, toJsonNumber, toJsonNumbers, toJsonValue } from './json';

describe('JSON numbers', () => {
  it('keeps finite numbers and writes NaN, ±Infinity, null and undefined as null', () => {
    assert.equal(toJsonNumber(0.25), 0.25);
    assert.equal(toJsonNumber(-3), -3);
    assert.equal(toJsonNumber(0), 0);
    assert.equal(toJsonNumber(NaN), null);
    assert.equal(toJsonNumber(Infinity), null);
    assert.equal(toJsonNumber(-Infinity), null);
    assert.equal(toJsonNumber(null), null);
    assert.equal(toJsonNumber(undefined), null);
    assert.deepEqual(toJsonNumbers([1, NaN, undefined, 2]), [1, null, null, 2]);
  });

  it('converts metric logs key by key, keeping the order', () => {
    const logs = toJsonLogs({ loss: NaN, acc: 0.5, val_loss: Infinity, lr: '0.001' });
    assert.deepEqual(logs, { loss: null, acc: 0.5, val_loss: null, lr: 0.001 });
    assert.deepEqual(Object.keys(logs), ['loss', 'acc', 'val_loss', 'lr']);
    assert.deepEqual(toJsonLogs(undefined), {});
  });

  it('deep-copies values into plain JSON', () => {
    const input = {
      a: [1, NaN, undefined, -Infinity],
      b: { c: Infinity, d: undefined, e: () => 1, f: 'x', g: true, h: null },
      when: new Date(Date.UTC(2025, 0, 31, 12)),
      big: BigInt(7),
    };
    const out = toJsonValue(input);
    assert.deepEqual(out, { a: [1, null, null, null], b: { c: null, f: 'x', g: true, h: null }, when: '2025-01-31T12:00:00.000Z', big: 7 });
    assert.equal(JSON.stringify(out), '{"a":[1,null,null,null],"b":{"c":null,"f":"x","g":true,"h":null},"when":"2025-01-31T12:00:00.000Z","big":7}');
    assert.equal(input.b.c, Infinity, 'the input is left alone');
  });

  it('allows shared objects but rejects cycles', () => {
    const shared = { x: 1 };
    assert.deepEqual(toJsonValue([shared, shared]), [{ x: 1 }, { x: 1 }]);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.throws(() => toJsonValue(cyclic), /must not contain cycles/);
  });
});
