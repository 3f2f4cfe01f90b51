/**
 * Sends one control request (Stop, Prune) to the running code: opens a comm to the view's target on the
 * kernel, sends the request, and resolves with the kernel's reply `{ ok: true, ... }` or
 * `{ ok: false, error }`. A kernel without the target closes the comm; no answer in time is an error too.
 */
import type { Kernel } from '@jupyterlab/services';

/** A request the buttons send: the kernel protocol of `rnnlab.search` and `rnnlab.study`. */
export type ControlRequest = { action: 'stop'; studyId: string } | { action: 'prune'; studyId: string; trialNumber: number };

/** The kernel's answer. */
export type ControlReply = { ok: true; detail: Record<string, unknown> } | { ok: false; error: string };

/** The part of a kernel connection a request needs (a `Kernel.IKernelConnection` has it). */
export type CommKernel = Pick<Kernel.IKernelConnection, 'createComm'>;

/** Reads a reply message's data. */
export function parseReply(data: unknown): ControlReply {
  if (typeof data !== 'object' || data === null) return { ok: false, error: `the kernel answered ${JSON.stringify(data)}` };
  const record = data as Record<string, unknown>;
  if (record.ok === true) return { ok: true, detail: record };
  const error = typeof record.error === 'string' && record.error !== '' ? record.error : `the kernel refused the request (${JSON.stringify(record)})`;
  return { ok: false, error };
}

/**
 * Sends `request` on a new comm to `target`.
 *
 * @param kernel - the notebook's kernel
 * @param target - the comm target, from the payload's `controls.commTarget`
 * @param request - what to do
 * @param timeoutMs - how long to wait for the reply
 */
export function sendControl(kernel: CommKernel, target: string, request: ControlRequest, timeoutMs = 10_000): Promise<ControlReply> {
  return new Promise((resolve) => {
    let settled = false;
    let comm: Kernel.IComm | null = null;
    const finish = (reply: ControlReply): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(reply);
      if (comm && !comm.isDisposed) {
        try {
          comm.close();
        } catch {
          // the kernel may be gone already; nothing to free then
        }
      }
    };
    const timer = setTimeout(
      () => finish({ ok: false, error: `no answer from the kernel on "${target}" within ${Math.round(timeoutMs / 1000)} s` }),
      timeoutMs,
    );
    try {
      comm = kernel.createComm(target);
      comm.onMsg = (msg) => finish(parseReply(msg.content.data));
      comm.onClose = () =>
        finish({ ok: false, error: `the kernel closed the "${target}" channel without answering: the code that showed this view is not running` });
      comm.open({});
      comm.send(request as unknown as Record<string, string | number>);
    } catch (error) {
      finish({ ok: false, error: `could not reach the kernel: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
}
