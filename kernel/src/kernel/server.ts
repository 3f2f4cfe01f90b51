/**
 * The rnnlab Jupyter kernel: tslab compiles and runs the cells (see execution.ts); this server speaks
 * the messaging protocol — execute results as MIME bundles, errors as `error` messages, display data
 * with ids and updates, clear_output, comms both ways, interrupts by message or signal — and routes
 * every output to the cell that caused it, even when it is printed after that cell returned.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type * as zmq from 'zeromq';
import {
  comms,
  currentCell,
  type MimeBundle,
  type OutputChannel,
  runInCell,
  setDefaultChannel,
  setNotebookScope,
  signalInterrupt,
  toMimeBundle,
} from '../frontend';
import type { ControlToMain, MainToControl } from './control-worker';
import { NotebookDeclarations, typescript } from '../analysis';
import { CellExecutor } from './execution';
import { address, type ConnectionInfo, loadZmq, SendQueue } from './sockets';
import { printWarningsAsOneLine } from './warnings';
import { childMessage, type Message, parseFrames, PROTOCOL_VERSION, Signer, toFrames } from './wire';

interface ExecuteRequest {
  code: string;
  silent?: boolean;
  store_history?: boolean;
  stop_on_error?: boolean;
}

type Reply = (msgType: string, content: Record<string, unknown>) => void;

/** tslab's own `display` (import { display } from "tslab") writes through this module-level hook. */
interface TslabJupyterModule {
  lastWriteDisplayData: ((data: Record<string, unknown>, update: boolean) => void) | null;
}

export class KernelServer {
  private readonly signer: Signer;
  private readonly zmq = loadZmq();
  private readonly iopub: zmq.Publisher;
  private readonly shell: zmq.Router;
  private readonly stdin: zmq.Router;
  private readonly heartbeat: zmq.Reply;
  private readonly iopubSends: SendQueue;
  private readonly shellSends: SendQueue;
  private control?: Worker;
  private readonly executor: CellExecutor;
  private readonly queue: Message[] = [];
  private draining = false;
  private executionCount = 0;
  private executing = false;
  private readonly tslabJupyter: TslabJupyterModule;
  private readonly realWrite = {
    stdout: process.stdout.write.bind(process.stdout),
    stderr: process.stderr.write.bind(process.stderr),
  };

  /** The imports and declarations of the cells run so far (for sending functions to workers). */
  private readonly declarations = new NotebookDeclarations();

  constructor(private readonly info: ConnectionInfo, private readonly rootDir: string) {
    this.signer = new Signer(info.key, info.signature_scheme);
    this.iopub = new this.zmq.Publisher();
    this.shell = new this.zmq.Router();
    this.stdin = new this.zmq.Router();
    this.heartbeat = new this.zmq.Reply();
    this.iopubSends = new SendQueue(this.iopub);
    this.shellSends = new SendQueue(this.shell);
    this.executor = new CellExecutor(rootDir);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.tslabJupyter = require(path.join(path.dirname(require.resolve('tslab/package.json')), 'dist', 'jupyter.js'));
  }

  /** Reads a connection file and starts serving it. */
  static async start(connectionFile: string, rootDir: string): Promise<KernelServer> {
    const info = JSON.parse(fs.readFileSync(connectionFile, 'utf8')) as ConnectionInfo;
    const server = new KernelServer(info, rootDir);
    await server.listen();
    return server;
  }

  async listen(): Promise<void> {
    this.routeProcessOutput();
    printWarningsAsOneLine((text) => process.stderr.write(text));
    comms.setTransport({
      send: (msgType, content, metadata) => this.publish(this.currentParent(), msgType, content, metadata),
    });
    process.on('SIGINT', () => this.interrupt());
    setNotebookScope({
      cwd: this.rootDir,
      lookup: (name) => (Object.prototype.hasOwnProperty.call(this.executor.locals, name) ? { found: true, value: this.executor.locals[name] } : { found: false }),
      importOf: (name) => this.declarations.importOf(name),
      declarationOf: (name) => this.declarations.declarationOf(name),
    });
    await Promise.all([
      this.iopub.bind(address(this.info, this.info.iopub_port)),
      this.shell.bind(address(this.info, this.info.shell_port)),
      this.stdin.bind(address(this.info, this.info.stdin_port)),
      this.heartbeat.bind(address(this.info, this.info.hb_port)),
      this.startControl(),
    ]);
    void this.serveHeartbeat();
    void this.serveShell();
  }

  private startControl(): Promise<void> {
    const worker = new Worker(path.join(__dirname, 'control-worker.js'), { workerData: this.info });
    this.control = worker;
    worker.unref();
    return new Promise((resolve, reject) => {
      worker.once('error', reject);
      worker.on('message', (message: ControlToMain) => {
        if (message.kind === 'bound') {
          resolve();
          return;
        }
        const frames = message.frames.map((f) => Buffer.from(f));
        let parsed: Message;
        try {
          parsed = parseFrames(frames, this.signer);
        } catch {
          return;
        }
        if (message.kind === 'message') {
          this.handleControl(parsed);
        }
      });
    });
  }

  /** Cooperative stop for rnnlab work, then the running cell's await is abandoned. */
  interrupt(): void {
    signalInterrupt();
    this.executor.interrupt();
  }

  // ---- output routing -------------------------------------------------------------------------

  private lastParent?: Message;

  /** The message that started the code running now (via the cell context), else the last cell's. */
  private currentParent(): Message | undefined {
    const cell = currentCell();
    return (cell && this.parents.get(cell.id)) ?? this.lastParent;
  }

  private readonly parents = new Map<string, Message>();

  private channelFor(parent: Message): OutputChannel {
    return {
      stream: (name, text) => this.publish(parent, 'stream', { name, text }),
      displayData: (bundle, metadata, displayId, update) =>
        this.publish(parent, update ? 'update_display_data' : 'display_data', {
          data: bundle,
          metadata,
          transient: displayId === undefined ? {} : { display_id: displayId },
        }),
      clearOutput: (wait) => this.publish(parent, 'clear_output', { wait }),
    };
  }

  /** process.stdout / stderr (console.log included) go to the cell that is running the code. */
  private routeProcessOutput(): void {
    const route = (name: 'stdout' | 'stderr') =>
      ((chunk: string | Uint8Array, encodingOrCallback?: unknown, callback?: unknown): boolean => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        const parent = this.currentParent();
        if (parent) {
          this.publish(parent, 'stream', { name, text });
        } else {
          this.realWrite[name](text);
        }
        const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
        if (typeof done === 'function') (done as () => void)();
        return true;
      }) as typeof process.stdout.write;
    process.stdout.write = route('stdout');
    process.stderr.write = route('stderr');
  }

  private publish(
    parent: Message | undefined,
    msgType: string,
    content: Record<string, unknown>,
    metadata: Record<string, unknown> = {},
  ): void {
    const message = childMessage(parent, msgType, content, { metadata, session: parent?.header.session });
    void this.iopubSends.send(toFrames(message, this.signer)).catch(() => undefined);
  }

  private status(parent: Message, state: 'busy' | 'idle'): void {
    this.publish(parent, 'status', { execution_state: state });
  }

  // ---- shell ----------------------------------------------------------------------------------

  private async serveHeartbeat(): Promise<void> {
    for await (const frames of this.heartbeat) {
      await this.heartbeat.send(frames);
    }
  }

  private async serveShell(): Promise<void> {
    for await (const frames of this.shell) {
      let message: Message;
      try {
        message = parseFrames(frames, this.signer);
      } catch {
        continue;
      }
      if (message.header.msg_type === 'execute_request') {
        this.queue.push(message);
        void this.drain();
      } else {
        this.handleImmediately(message, (msgType, content) => this.reply(this.shellSends, message, msgType, content));
      }
    }
  }

  private reply(sends: SendQueue, parent: Message, msgType: string, content: Record<string, unknown>): void {
    void sends.send(toFrames(childMessage(parent, msgType, content, { identities: parent.identities }), this.signer));
  }

  private handleControl(message: Message): void {
    const reply: Reply = (msgType, content) => {
      const frames = toFrames(childMessage(message, msgType, content, { identities: message.identities }), this.signer);
      this.control?.postMessage({ kind: 'send', frames: frames.map((f) => (typeof f === 'string' ? f : new Uint8Array(f))) } satisfies MainToControl);
    };
    this.handleImmediately(message, reply);
  }

  /** Requests that do not wait for running cells: info, completion, inspection, comms, shutdown. */
  private handleImmediately(message: Message, reply: Reply): void {
    // Status messages around requests handled while a cell runs would tell the frontend the kernel is idle.
    const announce = !this.executing;
    if (announce) this.status(message, 'busy');
    try {
      this.dispatch(message, reply);
    } catch (error) {
      this.realWrite.stderr(`rnnlab kernel: ${message.header.msg_type} failed: ${String(error)}\n`);
    } finally {
      if (announce) this.status(message, 'idle');
    }
  }

  private dispatch(message: Message, reply: Reply): void {
    const content = message.content as Record<string, unknown>;
    switch (message.header.msg_type) {
      case 'kernel_info_request':
        reply('kernel_info_reply', kernelInfo());
        return;
      case 'is_complete_request':
        reply('is_complete_reply', this.executor.isComplete(String(content.code ?? '')));
        return;
      case 'inspect_request': {
        const found = this.executor.inspect(String(content.code ?? ''), Number(content.cursor_pos ?? 0));
        reply('inspect_reply', {
          status: 'ok',
          found: found.found,
          data: found.found ? { 'text/plain': found.text } : {},
          metadata: {},
        });
        return;
      }
      case 'complete_request': {
        const result = this.executor.complete(String(content.code ?? ''), Number(content.cursor_pos ?? 0));
        reply('complete_reply', {
          status: 'ok',
          matches: result.matches,
          cursor_start: result.start,
          cursor_end: result.end,
          metadata: {},
        });
        return;
      }
      case 'history_request':
        reply('history_reply', { status: 'ok', history: [] });
        return;
      case 'comm_info_request': {
        const target = typeof content.target_name === 'string' ? content.target_name : undefined;
        reply('comm_info_reply', { status: 'ok', comms: comms.info(target) });
        return;
      }
      case 'comm_open':
        this.withParent(message, () => comms.handleOpen(content as never));
        return;
      case 'comm_msg':
        this.withParent(message, () => comms.handleMsg(content as never));
        return;
      case 'comm_close':
        this.withParent(message, () => comms.handleClose(content as never));
        return;
      case 'interrupt_request':
        // Normally answered by the control worker; a frontend may also send it on shell.
        reply('interrupt_reply', { status: 'ok' });
        this.interrupt();
        return;
      case 'shutdown_request':
        reply('shutdown_reply', { status: 'ok', restart: Boolean(content.restart) });
        setTimeout(() => this.close(), 50);
        return;
      default:
        this.realWrite.stderr(`rnnlab kernel: unsupported message type ${message.header.msg_type}\n`);
    }
  }

  /** Comm handlers run with the comm message as their cell context (their output goes with it). */
  private withParent(message: Message, fn: () => void): void {
    this.parents.set(message.header.msg_id, message);
    try {
      runInCell({ id: message.header.msg_id, channel: this.channelFor(message) }, fn);
    } finally {
      // Keep the mapping while async work it started may still print.
      setTimeout(() => this.parents.delete(message.header.msg_id), 60_000).unref();
    }
  }

  // ---- execution ------------------------------------------------------------------------------

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const message = this.queue.shift() as Message;
        await this.execute(message);
      }
    } finally {
      this.draining = false;
    }
  }

  private async execute(message: Message): Promise<void> {
    const request = message.content as unknown as ExecuteRequest;
    const silent = request.silent === true;
    const storeHistory = request.store_history !== false && !silent;
    this.status(message, 'busy');
    if (storeHistory) this.executionCount += 1;
    const count = this.executionCount;
    if (!silent) this.publish(message, 'execute_input', { code: request.code, execution_count: count });
    const channel = this.channelFor(message);
    this.parents.set(message.header.msg_id, message);
    this.lastParent = message;
    setDefaultChannel(channel);
    this.tslabJupyter.lastWriteDisplayData = (data, update) =>
      this.publish(message, update ? 'update_display_data' : 'display_data', data);
    this.executing = true;
    let outcome;
    this.declarations.begin(request.code);
    try {
      outcome = await runInCell({ id: message.header.msg_id, channel }, () => this.executor.run(request.code));
    } finally {
      this.executing = false;
      // A cell that compiled declared its names (also when it threw after declaring them).
      this.declarations.end(outcome !== undefined && (outcome.status === 'ok' || outcome.error.ename !== 'TypeScriptError'));
    }
    if (outcome.status === 'ok') {
      if (outcome.hasValue && !silent) {
        const bundle: MimeBundle = toMimeBundle(outcome.value);
        this.publish(message, 'execute_result', { execution_count: count, data: bundle, metadata: {} });
      }
      this.reply(this.shellSends, message, 'execute_reply', {
        status: 'ok',
        execution_count: count,
        user_expressions: {},
        payload: [],
      });
    } else {
      const { ename, evalue, traceback } = outcome.error;
      this.publish(message, 'error', { ename, evalue, traceback });
      this.reply(this.shellSends, message, 'execute_reply', {
        status: 'error',
        execution_count: count,
        ename,
        evalue,
        traceback,
      });
      if (request.stop_on_error !== false) this.abortQueued();
    }
    this.status(message, 'idle');
  }

  /** Aborts the execute requests that were already queued when a cell failed (as ipykernel does). */
  private abortQueued(): void {
    const aborted = this.queue.splice(0, this.queue.length);
    for (const message of aborted) {
      this.status(message, 'busy');
      this.reply(this.shellSends, message, 'execute_reply', { status: 'aborted', execution_count: null });
      this.status(message, 'idle');
    }
  }

  close(): void {
    this.control?.postMessage({ kind: 'close' } satisfies MainToControl);
    this.executor.close();
    for (const socket of [this.iopub, this.shell, this.stdin, this.heartbeat]) socket.close();
    process.exit(0);
  }
}

/** The kernel_info_reply content. */
export function kernelInfo(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pkg = require('../../package.json') as { version: string };
  const ts = typescript();
  return {
    status: 'ok',
    protocol_version: PROTOCOL_VERSION,
    implementation: 'rnnlab',
    implementation_version: pkg.version,
    language_info: {
      name: 'typescript',
      version: ts.version,
      mimetype: 'text/typescript',
      file_extension: '.ts',
      codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
    },
    banner: `rnnlab ${pkg.version}: TypeScript ${ts.version} on Node.js ${process.version} (tslab engine)`,
    help_links: [],
  };
}
