/**
 * What instrumented cells call at run time (see compiled-cell.ts): it records which of the notebook's
 * names a cell assigned, and ends a cell at its pending top-level await when the kernel is interrupted.
 *
 * On an interrupt, rnnlab's own work (a fit, a search, a study) is told to stop at its next safe point
 * first; the cell then ends once the awaited value settles or that work has stopped, whichever comes
 * first, so the model's weights, the study's trials and the search's candidates are complete when the
 * next cell runs. A second interrupt ends the cell at once.
 */
import { whenWorkStopped } from '../frontend';
import { CELL_RUNTIME } from './compiled-cell';

/** What a cell's pending await throws when the kernel is interrupted. */
export class KeyboardInterrupt extends Error {
  constructor() {
    super('Interrupted');
    this.name = 'KeyboardInterrupt';
  }
}

type Waiter = (immediately: boolean) => void;

export class CellRuntime {
  /** The cell's top-level await now waiting (a cell awaits one thing at a time at its top level). */
  private pending?: Waiter;
  private awaitSite?: { stack?: string };
  private assigned = new Set<string>();
  private interruptedOnce = false;

  /**
   * Installs the runtime as the global instrumented cells call, and wraps tslab's exports object (the
   * notebook's values) so that assignments are recorded.
   */
  constructor(tslabGlobal: { exports: object }) {
    const assigned = (name: string | symbol) => {
      if (typeof name === 'string') this.assigned.add(name);
    };
    tslabGlobal.exports = new Proxy(tslabGlobal.exports, {
      set(target, name, value) {
        assigned(name);
        return Reflect.set(target, name, value);
      },
      defineProperty(target, name, attributes) {
        assigned(name);
        return Reflect.defineProperty(target, name, attributes);
      },
    });
    Object.defineProperty(globalThis, CELL_RUNTIME, { value: this, configurable: true });
  }

  /** Starts recording for a new cell. */
  beginCell(): void {
    this.assigned = new Set();
    this.interruptedOnce = false;
    this.pending = undefined;
    this.awaitSite = undefined;
  }

  /** Names the current cell assigned so far. */
  assignedNames(): ReadonlySet<string> {
    return this.assigned;
  }

  /**
   * Awaits `value` unless the kernel is interrupted meanwhile (then throws {@link KeyboardInterrupt}).
   * The value's settling is passed on as the only reaction to it (`then(resolve, reject)`): V8's async
   * stack traces then still lead from an error inside a library to the cell's line.
   */
  settle<T>(value: T): Promise<Awaited<T>> {
    const site: { stack?: string } = {};
    Error.captureStackTrace(site, this.settle);
    this.awaitSite = site;
    return new Promise<Awaited<T>>((resolve, reject) => {
      this.pending = (immediately) => {
        const stop = () => reject(new KeyboardInterrupt());
        if (immediately) stop();
        else void whenWorkStopped().then(stop);
      };
      (Promise.resolve(value) as Promise<Awaited<T>>).then(resolve, reject);
    });
  }

  /** Passes an awaited value on, unless the cell was interrupted while it waited: then the cell ends. */
  check<T>(value: T): T {
    this.pending = undefined;
    this.awaitSite = undefined;
    if (this.interruptedOnce) throw new KeyboardInterrupt();
    return value;
  }

  /** The stack of the cell's await that has not returned (where an error that ended the cell was awaited). */
  pendingAwaitStack(): string | undefined {
    return this.awaitSite?.stack;
  }

  /**
   * Ends the cell's pending top-level await (see the module comment). Returns false when the cell is
   * not at such an await (it runs synchronous code, which SIGINT itself stops).
   */
  interrupt(): boolean {
    const pending = this.pending;
    if (!pending) return false;
    const immediately = this.interruptedOnce;
    this.interruptedOnce = true;
    pending(immediately);
    return true;
  }
}
