import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { loadNativeAddon } from '../native-addon';
import { rnnKernelInfo, setRnnKernel } from './select';

describe('setRnnKernel / rnnKernelInfo', () => {
  before(async () => {
    await tf.setBackend('cpu');
  });
  after(() => {
    setRnnKernel('auto', { threads: 1 });
  });

  it('rejects unknown kernels and thread counts, naming the argument and the allowed values', () => {
    assert.throws(() => setRnnKernel('cudnn' as never), /`kernel` must be one of 'auto' \| 'native' \| 'tfjs', got 'cudnn'/);
    assert.throws(() => setRnnKernel('auto', { threads: 0 }), /`threads` must be an integer from 1 to 64/);
    assert.equal(rnnKernelInfo().choice, 'auto', 'a rejected call changes nothing');
  });

  it("uses the native kernel on CPU backends when it is built, else tfjs' step-by-step code; 'tfjs' forces the tfjs-op kernel", () => {
    const built = loadNativeAddon().addon !== null;
    if (process.env.RNNLAB_REQUIRE_NATIVE === '1') assert.ok(built, 'the native addon must be built here');
    const auto = setRnnKernel('auto');
    assert.equal(auto.kernel, built ? 'native' : 'layers');
    assert.equal(auto.native.available, built);
    const forced = setRnnKernel('tfjs', { threads: 2 });
    assert.deepEqual([forced.kernel, forced.choice, forced.reason, forced.threads], ['tfjs', 'tfjs', 'forced', 2]);
    if (built) {
      assert.equal(setRnnKernel('native').kernel, 'native');
    } else {
      assert.throws(() => setRnnKernel('native'), /'native' is not available here/);
    }
  });
});
