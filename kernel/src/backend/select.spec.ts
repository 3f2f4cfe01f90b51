import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { BACKEND_NAMES, backendInfo, ready, setBackend } from './select';

function installed(pkg: string): boolean {
  try {
    require.resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

describe('backend choice', () => {
  it('takes the fastest backend that loads and says why the faster ones were not taken', async () => {
    const info = await ready();
    assert.equal(info.forced, false);
    assert.equal(tf.getBackend(), info.tfjsBackend);
    const position = BACKEND_NAMES.indexOf(info.backend);
    assert.deepEqual(
      info.skipped.map((s) => s.backend),
      BACKEND_NAMES.slice(0, position),
    );
    for (const skipped of info.skipped) {
      if (skipped.package && !installed(skipped.package)) {
        assert.equal(skipped.reason, 'not installed');
      }
    }
    // wasm ships with rnnlab, so nothing slower than wasm is ever chosen automatically.
    assert.ok(position <= BACKEND_NAMES.indexOf('wasm'));
    assert.equal(backendInfo(), info);
  });

  it('switches on request and reports the choice as forced', async () => {
    const before = await ready();
    const info = await setBackend('cpu');
    assert.deepEqual(info, { backend: 'cpu', tfjsBackend: 'cpu', forced: true, skipped: [] });
    assert.equal(tf.getBackend(), 'cpu');
    await setBackend(before.backend);
  });

  it('rejects unknown backend names', async () => {
    await assert.rejects(setBackend('webgpu' as never), (e: unknown) => e instanceof InvalidArgumentError);
  });

  it('explains how to get a backend that is not installed', { skip: installed('@tensorflow/tfjs-node') }, async () => {
    await assert.rejects(setBackend('tensorflow'), /install @tensorflow\/tfjs-node\): not installed/);
  });
});
