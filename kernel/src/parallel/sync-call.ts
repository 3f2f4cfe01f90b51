/**
 * Synchronous calls from a worker thread to the main thread: the worker posts a request and blocks
 * on a shared flag until the main thread has written the JSON answer into shared memory. Optuna's
 * trial API is synchronous (`trial.suggestFloat` returns the value), so a trial running in a worker
 * reaches the study this way.
 */
import type { MessagePort } from 'node:worker_threads';

const BYTES = 4 << 20;

/** Shared memory of one worker's call channel: [state, length] then the answer's bytes. */
export function createCallBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(8 + BYTES);
}

export interface CallRequest {
  kind: 'call';
  method: string;
  args: unknown[];
}

type Answer = { ok: true; value: unknown } | { ok: false; name: string; message: string };

/** Worker side: sends `method(args)` and waits for the answer. */
export function callSync(port: MessagePort | { postMessage(m: unknown): void }, buffer: SharedArrayBuffer, method: string, args: unknown[]): unknown {
  const header = new Int32Array(buffer, 0, 2);
  Atomics.store(header, 0, 0);
  port.postMessage({ kind: 'call', method, args } satisfies CallRequest);
  Atomics.wait(header, 0, 0);
  const length = Atomics.load(header, 1);
  const answer = JSON.parse(Buffer.from(new Uint8Array(buffer, 8, length)).toString('utf8')) as Answer;
  if (!answer.ok) {
    const error = new Error(answer.message);
    error.name = answer.name;
    throw error;
  }
  return answer.value;
}

/** Main side: answers one request with `handle`'s result (or its error). */
export function answerCall(buffer: SharedArrayBuffer, request: CallRequest, handle: (method: string, args: unknown[]) => unknown): void {
  let answer: Answer;
  try {
    answer = { ok: true, value: handle(request.method, request.args) };
  } catch (error) {
    answer = { ok: false, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
  }
  let bytes = Buffer.from(JSON.stringify(answer), 'utf8');
  if (bytes.length > BYTES) {
    bytes = Buffer.from(JSON.stringify({ ok: false, name: 'RangeError', message: `the answer to ${request.method} is larger than ${BYTES} bytes` }));
  }
  new Uint8Array(buffer, 8, bytes.length).set(bytes);
  const header = new Int32Array(buffer, 0, 2);
  Atomics.store(header, 1, bytes.length);
  Atomics.store(header, 0, 1);
  Atomics.notify(header, 0);
}
