import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { example, exampleNames } from '../testing/examples';
import { checkStudy, checkTraining } from './validate';

describe('checkTraining / checkStudy', () => {
  it('accepts every example payload of schema/examples', () => {
    for (const name of exampleNames()) {
      const check = name.startsWith('training') ? checkTraining : checkStudy;
      const result = check(example(name));
      assert.equal(result.ok, true, `${name}: ${result.ok ? '' : result.reason}`);
    }
  });

  it('rejects an unknown version with a message naming it', () => {
    const payload = { ...(example('training-running.json') as object), version: 2 };
    const result = checkTraining(payload);
    assert.deepEqual(result, {
      ok: false,
      reason: 'the training payload has version 2, but this rnnlab extension reads version 1 only; update the extension',
    });
  });

  it('names the path and rule of a malformed field', () => {
    const payload = example('study-running.json') as { trials: { state: string }[] };
    payload.trials[1].state = 'DONE';
    const result = checkStudy(payload);
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.reason, /`\/trials\/1\/state` must be equal to one of the allowed values \("COMPLETE", "PRUNED", "FAIL", "RUNNING", "WAITING"\)/);
  });

  it('names an unexpected key', () => {
    const result = checkTraining({ ...(example('training-finished.json') as object), extra: 1 });
    assert.equal(result.ok ? '' : result.reason, 'the training payload does not match its schema: the payload must NOT have additional properties (`extra`)');
  });

  it('rejects a payload that is not an object', () => {
    assert.deepEqual(checkStudy('oops'), { ok: false, reason: 'the study payload must be a JSON object, got string' });
    assert.deepEqual(checkStudy(null), { ok: false, reason: 'the study payload must be a JSON object, got null' });
  });
});
