/**
 * Jupyter comms: two-way channels between kernel code and the notebook frontend (buttons of the live
 * views send "stop study" through one). Either side may open a comm; kernel code registers the targets
 * the frontend may open.
 */
import { randomUUID } from 'node:crypto';
import { InvalidArgumentError } from '../errors';

export type CommData = Record<string, unknown>;
export type CommMsgType = 'comm_open' | 'comm_msg' | 'comm_close';

/** How comm messages leave the kernel (set by the kernel; absent outside one). */
export interface CommTransport {
  send(msgType: CommMsgType, content: Record<string, unknown>, metadata: Record<string, unknown>): void;
}

type MsgHandler = (data: CommData) => void;

/** One comm; `send` and `close` reach the frontend's end of it. */
export class Comm {
  readonly commId: string;
  readonly targetName: string;
  private msgHandlers: MsgHandler[] = [];
  private closeHandlers: MsgHandler[] = [];
  private isClosed = false;

  constructor(commId: string, targetName: string, private readonly registry: CommRegistry) {
    this.commId = commId;
    this.targetName = targetName;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Calls `handler` with the data of each message the frontend sends on this comm. */
  onMsg(handler: MsgHandler): void {
    this.msgHandlers.push(handler);
  }

  /** Calls `handler` when the frontend closes the comm. */
  onClose(handler: MsgHandler): void {
    this.closeHandlers.push(handler);
  }

  send(data: CommData = {}, metadata: Record<string, unknown> = {}): void {
    if (this.isClosed) {
      throw new Error(`comm ${this.commId} (${this.targetName}) is closed`);
    }
    this.registry.transmit('comm_msg', { comm_id: this.commId, data }, metadata);
  }

  close(data: CommData = {}): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.registry.forget(this.commId);
    this.registry.transmit('comm_close', { comm_id: this.commId, data }, {});
  }

  /** @internal a message from the frontend. */
  deliver(data: CommData): void {
    for (const handler of this.msgHandlers) handler(data);
  }

  /** @internal the frontend closed the comm. */
  closedByFrontend(data: CommData): void {
    this.isClosed = true;
    for (const handler of this.closeHandlers) handler(data);
  }
}

/** Called when the frontend opens a comm to a target: set up `comm.onMsg` here. */
export type CommTargetHandler = (comm: Comm, data: CommData) => void;

/** All comms of this process and the targets frontends may open. */
export class CommRegistry {
  private readonly targets = new Map<string, CommTargetHandler>();
  private readonly comms = new Map<string, Comm>();
  private transport?: CommTransport;

  setTransport(transport: CommTransport | undefined): void {
    this.transport = transport;
  }

  /** Lets the frontend open comms to `targetName`. Returns a function that unregisters it. */
  registerTarget(targetName: string, handler: CommTargetHandler): () => void {
    if (typeof targetName !== 'string' || targetName.length === 0) {
      throw new InvalidArgumentError('targetName', 'must be a non-empty string', targetName);
    }
    this.targets.set(targetName, handler);
    return () => {
      if (this.targets.get(targetName) === handler) this.targets.delete(targetName);
    };
  }

  /** Opens a comm from the kernel side. */
  open(targetName: string, data: CommData = {}, metadata: Record<string, unknown> = {}): Comm {
    const comm = new Comm(randomUUID(), targetName, this);
    this.comms.set(comm.commId, comm);
    this.transmit('comm_open', { comm_id: comm.commId, target_name: targetName, data }, metadata);
    return comm;
  }

  /** The open comms, optionally of one target, as comm_info_reply lists them. */
  info(targetName?: string): Record<string, { target_name: string }> {
    const out: Record<string, { target_name: string }> = {};
    for (const comm of this.comms.values()) {
      if (targetName === undefined || comm.targetName === targetName) {
        out[comm.commId] = { target_name: comm.targetName };
      }
    }
    return out;
  }

  /** A comm_open from the frontend. Unknown targets get a comm_close back, as the protocol asks. */
  handleOpen(content: { comm_id: string; target_name: string; data?: CommData }): void {
    const handler = this.targets.get(content.target_name);
    const comm = new Comm(content.comm_id, content.target_name, this);
    if (!handler) {
      this.transmit('comm_close', { comm_id: content.comm_id, data: { error: `no comm target '${content.target_name}'` } }, {});
      return;
    }
    this.comms.set(comm.commId, comm);
    handler(comm, content.data ?? {});
  }

  handleMsg(content: { comm_id: string; data?: CommData }): void {
    this.comms.get(content.comm_id)?.deliver(content.data ?? {});
  }

  handleClose(content: { comm_id: string; data?: CommData }): void {
    const comm = this.comms.get(content.comm_id);
    if (comm) {
      this.comms.delete(content.comm_id);
      comm.closedByFrontend(content.data ?? {});
    }
  }

  /** @internal */
  forget(commId: string): void {
    this.comms.delete(commId);
  }

  /** @internal */
  transmit(msgType: CommMsgType, content: Record<string, unknown>, metadata: Record<string, unknown>): void {
    if (!this.transport) {
      throw new Error('comms need the rnnlab kernel: this code is not running in a notebook');
    }
    this.transport.send(msgType, content, metadata);
  }
}

/** The process-wide registry the kernel serves. */
export const comms = new CommRegistry();

/** Lets the frontend open comms to `targetName` (see {@link CommRegistry.registerTarget}). */
export function registerCommTarget(targetName: string, handler: CommTargetHandler): () => void {
  return comms.registerTarget(targetName, handler);
}

/** Opens a comm to a frontend target (see {@link CommRegistry.open}). */
export function openComm(targetName: string, data: CommData = {}, metadata: Record<string, unknown> = {}): Comm {
  return comms.open(targetName, data, metadata);
}
