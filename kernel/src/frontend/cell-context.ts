/**
 * Which notebook cell an output belongs to. The kernel runs each cell inside {@link runInCell}; every
 * callback, timer and promise the cell starts inherits that context (AsyncLocalStorage), so output
 * produced after the cell returned still goes to the cell that started the work.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** A MIME bundle: MIME type → data, e.g. `{ 'text/plain': 'hi', 'text/html': '<b>hi</b>' }`. */
export type MimeBundle = Record<string, unknown>;

/** Where one cell's outputs go; implemented by the kernel (Jupyter messages) or by a console fallback. */
export interface OutputChannel {
  stream(name: 'stdout' | 'stderr', text: string): void;
  /** display_data, or update_display_data when `update` is true (then `displayId` is required). */
  displayData(bundle: MimeBundle, metadata: Record<string, unknown>, displayId: string | undefined, update: boolean): void;
  clearOutput(wait: boolean): void;
}

/** The context of one executing cell. */
export interface CellContext {
  /** The id of the request that ran the cell (Jupyter msg_id). */
  readonly id: string;
  readonly channel: OutputChannel;
}

const storage = new AsyncLocalStorage<CellContext>();

/** Runs `fn` as the body of cell `context`; everything it starts inherits the context. */
export function runInCell<T>(context: CellContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The cell whose code (directly or through a callback it started) is running now, if any. */
export function currentCell(): CellContext | undefined {
  return storage.getStore();
}

/** Outside a kernel (a plain Node script): text goes to the process' own stdout. */
export const consoleChannel: OutputChannel = {
  stream(name, text) {
    (name === 'stderr' ? process.stderr : process.stdout).write(text);
  },
  displayData(bundle) {
    const text = bundle['text/plain'];
    if (typeof text === 'string') {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    }
  },
  clearOutput() {
    // A terminal keeps its history.
  },
};

let defaultChannel: OutputChannel = consoleChannel;

/** The channel for output with no cell context (set by the kernel to the most recent cell). */
export function setDefaultChannel(channel: OutputChannel): void {
  defaultChannel = channel;
}

/** The channel output should go to now. */
export function currentChannel(): OutputChannel {
  return currentCell()?.channel ?? defaultChannel;
}
