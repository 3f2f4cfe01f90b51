import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type OutputChannel, runInCell } from './cell-context';
import { LiveDisplay } from './live-display';

function capture(): { channel: OutputChannel; sent: { update: boolean; text: unknown }[] } {
  const sent: { update: boolean; text: unknown }[] = [];
  const channel: OutputChannel = {
    stream: () => undefined,
    displayData: (bundle, _m, _id, update) => sent.push({ update, text: bundle['text/plain'] }),
    clearOutput: () => undefined,
  };
  return { channel, sent };
}

function busyWait(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // work that never yields to the event loop, like a fit loop that awaits only promises
  }
}

describe('LiveDisplay', () => {
  it('throttles updates and always ends with the final state', async () => {
    const { channel, sent } = capture();
    let state = 0;
    await runInCell({ id: 'c', channel }, async () => {
      const live = new LiveDisplay(() => ({ 'text/plain': `state ${state}` }), { throttleMs: 10_000 });
      live.show();
      for (state = 1; state <= 5; state++) live.refresh();
      state = 9;
      live.flush();
    });
    assert.deepEqual(sent, [
      { update: false, text: 'state 0' },
      { update: true, text: 'state 9' },
    ]);
  });

  it('sends an overdue update at the next refresh even when its timer never got to run', async () => {
    const { channel, sent } = capture();
    let state = 0;
    await runInCell({ id: 'c', channel }, async () => {
      const live = new LiveDisplay(() => ({ 'text/plain': `state ${state}` }), { throttleMs: 30 });
      live.show();
      state = 1;
      live.refresh(); // too early: a timer is set
      busyWait(60); // the timer is starved
      state = 2;
      live.refresh(); // overdue: sent now
      assert.deepEqual(sent.map((s) => s.text), ['state 0', 'state 2']);
      live.flush();
    });
  });
});
