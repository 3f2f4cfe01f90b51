/**
 * The control channel, served from a worker thread so that an interrupt arrives even while a cell
 * blocks the main thread: the worker answers `interrupt_request` and raises SIGINT in the process,
 * which stops blocking code (tslab runs cells with breakOnSigint) and awaited code (the kernel's
 * SIGINT handler). Every other control message goes to the main thread, and its replies come back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { childMessage, parseFrames, Signer, toFrames } from './wire';
import { address, type ConnectionInfo, loadZmq, SendQueue } from './sockets';

/** Messages between the main thread and this worker. */
export type ControlToMain = { kind: 'message'; frames: Uint8Array[] } | { kind: 'interrupted'; frames: Uint8Array[] } | { kind: 'bound' };
export type MainToControl = { kind: 'send'; frames: (Uint8Array | string)[] } | { kind: 'close' };

async function serve(info: ConnectionInfo): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('control-worker must run in a worker thread');
  const zmq = loadZmq();
  const signer = new Signer(info.key, info.signature_scheme);
  const socket = new zmq.Router();
  const sends = new SendQueue(socket);
  await socket.bind(address(info, info.control_port));
  port.on('message', (message: MainToControl) => {
    if (message.kind === 'send') {
      void sends.send(message.frames.map((f) => (typeof f === 'string' ? f : Buffer.from(f))));
    } else {
      socket.close();
      port.close();
    }
  });
  port.postMessage({ kind: 'bound' } satisfies ControlToMain);
  for await (const frames of socket) {
    let kind: ControlToMain['kind'] = 'message';
    try {
      const message = parseFrames(frames, signer);
      if (message.header.msg_type === 'interrupt_request') {
        kind = 'interrupted';
        await sends.send(
          toFrames(childMessage(message, 'interrupt_reply', { status: 'ok' }, { identities: message.identities }), signer),
        );
        process.kill(process.pid, 'SIGINT');
      }
    } catch {
      continue; // Unsigned or malformed: ignored, as on the other channels.
    }
    port.postMessage({ kind, frames } satisfies ControlToMain);
  }
}

serve(workerData as ConnectionInfo).catch((error: unknown) => {
  // eslint-disable-next-line no-console
  console.error('rnnlab control channel failed:', error);
});
