/**
 * ZeroMQ sockets of a Jupyter kernel, with sends serialised per socket (zeromq.js refuses a send
 * while another is in flight).
 */
import type * as zmq from 'zeromq';

export interface ConnectionInfo {
  transport: string;
  ip: string;
  key: string;
  signature_scheme?: string;
  shell_port: number;
  iopub_port: number;
  control_port: number;
  stdin_port: number;
  hb_port: number;
}

export function address(info: ConnectionInfo, port: number): string {
  return info.transport === 'ipc' ? `ipc://${info.ip}-${port}` : `${info.transport}://${info.ip}:${port}`;
}

/** Queues sends on one socket so that they never overlap. */
export class SendQueue {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly socket: zmq.Writable) {}

  send(frames: (Buffer | string)[]): Promise<void> {
    this.tail = this.tail.then(
      () => this.socket.send(frames),
      () => this.socket.send(frames),
    );
    return this.tail;
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadZmq = (): typeof zmq => require('zeromq') as typeof zmq;
