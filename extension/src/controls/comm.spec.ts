import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Kernel } from '@jupyterlab/services';
import { parseReply, sendControl } from './comm';
import type { CommKernel } from './comm';

type Behaviour = 'reply-ok' | 'reply-error' | 'close' | 'silent';

function fakeKernel(behaviour: Behaviour): { kernel: CommKernel; log: string[] } {
  const log: string[] = [];
  const kernel: CommKernel = {
    createComm: (target: string) => {
      const comm = {
        isDisposed: false,
        onMsg: (_msg: unknown) => undefined as void,
        onClose: (_msg: unknown) => undefined as void,
        open: (data: unknown) => {
          log.push(`open ${target} ${JSON.stringify(data)}`);
          if (behaviour === 'close') setTimeout(() => comm.onClose({}), 0);
        },
        send: (data: unknown) => {
          log.push(`send ${JSON.stringify(data)}`);
          if (behaviour.startsWith('reply')) {
            const reply = behaviour === 'reply-ok' ? { ok: true, action: 'stop', studyId: 's' } : { ok: false, error: 'the search is not running' };
            setTimeout(() => comm.onMsg({ content: { data: reply } }), 0);
          }
        },
        close: () => log.push('close'),
      };
      return comm as unknown as Kernel.IComm;
    },
  };
  return { kernel, log };
}

describe('sendControl', () => {
  it('opens a comm, sends the request and resolves with the reply', async () => {
    const { kernel, log } = fakeKernel('reply-ok');
    const reply = await sendControl(kernel, 'rnnlab.search', { action: 'stop', studyId: 's' });
    assert.deepEqual(reply, { ok: true, detail: { ok: true, action: 'stop', studyId: 's' } });
    assert.deepEqual(log, ['open rnnlab.search {}', 'send {"action":"stop","studyId":"s"}', 'close']);
  });

  it('passes on the kernel’s error', async () => {
    const { kernel } = fakeKernel('reply-error');
    assert.deepEqual(await sendControl(kernel, 'rnnlab.study', { action: 'prune', studyId: 's', trialNumber: 3 }), {
      ok: false,
      error: 'the search is not running',
    });
  });

  it('reports a kernel that closes the comm, and one that never answers', async () => {
    const closed = await sendControl(fakeKernel('close').kernel, 'rnnlab.study', { action: 'stop', studyId: 's' });
    assert.match(closed.ok ? '' : closed.error, /closed the "rnnlab.study" channel without answering/);
    const silent = await sendControl(fakeKernel('silent').kernel, 'rnnlab.study', { action: 'stop', studyId: 's' }, 20);
    assert.deepEqual(silent, { ok: false, error: 'no answer from the kernel on "rnnlab.study" within 0 s' });
  });

  it('reads odd replies as errors', () => {
    assert.deepEqual(parseReply({ ok: false }), { ok: false, error: 'the kernel refused the request ({"ok":false})' });
    assert.deepEqual(parseReply('yes'), { ok: false, error: 'the kernel answered "yes"' });
  });
});
