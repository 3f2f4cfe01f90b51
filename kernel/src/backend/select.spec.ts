import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError } from '../errors';
import { BACKEND_NAMES, backendInfo, privateTfjsNodeDir, ready, setBackend } from './select';

function installed(pkg: string): boolean {
  try {
    require.resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

function privateBuildExists(): boolean {
  return fs.existsSync(path.join(privateTfjsNodeDir(), 'node_modules', '@tensorflow', 'tfjs-node', 'package.json'));
}

/** Runs `body` with RNNLAB_TFJS_NODE_DIR set to `dir` (unset for undefined), then restores it. */
async function withPrivateDir(dir: string | undefined, body: () => Promise<void>): Promise<void> {
  const saved = process.env.RNNLAB_TFJS_NODE_DIR;
  if (dir === undefined) delete process.env.RNNLAB_TFJS_NODE_DIR;
  else process.env.RNNLAB_TFJS_NODE_DIR = dir;
  try {
    await body();
  } finally {
    if (saved === undefined) delete process.env.RNNLAB_TFJS_NODE_DIR;
    else process.env.RNNLAB_TFJS_NODE_DIR = saved;
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
        assert.match(skipped.reason, /^not installed/);
      }
    }
    // wasm ships with rnnlab, so nothing slower than wasm is ever chosen automatically.
    assert.ok(position <= BACKEND_NAMES.indexOf('wasm'));
    if (!installed('@tensorflow/tfjs-node-gpu') && !installed('@tensorflow/tfjs-node')) {
      // Without tfjs-node, scripts/tensorflow-cpu.mjs's build is taken when there is one; else wasm, as always.
      if (privateBuildExists()) {
        assert.equal(info.backend, 'tensorflow');
      } else {
        assert.equal(info.backend, 'wasm');
        assert.equal(info.skipped[1].reason, 'not installed — run node scripts/tensorflow-cpu.mjs tfjs-node');
      }
    }
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
    await withPrivateDir(path.join(os.tmpdir(), 'rnnlab-no-such-build'), async () => {
      await assert.rejects(
        setBackend('tensorflow'),
        /install @tensorflow\/tfjs-node\): not installed — run node scripts\/tensorflow-cpu\.mjs tfjs-node/,
      );
    });
  });

  it("looks for scripts/tensorflow-cpu.mjs's build in .rnnlab/tfjs-node or $RNNLAB_TFJS_NODE_DIR", async () => {
    await withPrivateDir(undefined, async () => {
      assert.equal(privateTfjsNodeDir(), path.resolve(__dirname, '../../../.rnnlab/tfjs-node'));
      assert.ok(fs.existsSync(path.join(path.dirname(privateTfjsNodeDir()), '..', 'scripts', 'tensorflow-cpu.mjs')));
    });
    await withPrivateDir('relative/build', async () => {
      assert.equal(privateTfjsNodeDir(), path.resolve('relative/build'));
    });
  });
});
