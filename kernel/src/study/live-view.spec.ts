import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runInCell, type MimeBundle, type OutputChannel } from '../frontend';
import { createStudy } from './create';
import { registerStudyRenderer } from './live-view';
import { RandomSampler } from './samplers';

describe('live study view', () => {
  it('shows the view once, updates it in place, and ends with the final state', async () => {
    const sent: { bundle: MimeBundle; displayId: string | undefined; update: boolean }[] = [];
    const channel: OutputChannel = {
      stream: () => undefined,
      displayData: (bundle, _m, displayId, update) => void sent.push({ bundle, displayId, update }),
      clearOutput: () => undefined,
    };
    registerStudyRenderer((s) => ({ 'text/plain': `${s.status} ${s.progress.done}/${s.progress.total}` }));
    try {
      await runInCell({ id: 'cell-1', channel }, async () => {
        const study = await createStudy({ sampler: new RandomSampler({ seed: 0 }) });
        await study.optimize(async (t) => (await new Promise((r) => setTimeout(r, 2)), t.suggestFloat('x', 0, 1)), { nTrials: 20 });
        await study.optimize((t) => t.suggestFloat('x', 0, 1), { nTrials: 2, show: false });
      });
    } finally {
      registerStudyRenderer(undefined);
    }
    assert.equal(sent[0].update, false);
    assert.equal(sent[0].bundle['text/plain'], 'running 0/20');
    assert.ok(sent.slice(1).every((m) => m.update && m.displayId === sent[0].displayId));
    assert.ok(sent.length < 12, `throttled: ${sent.length} messages for 20 trials`);
    assert.equal(sent[sent.length - 1].bundle['text/plain'], 'finished 20/20');
  });
});
