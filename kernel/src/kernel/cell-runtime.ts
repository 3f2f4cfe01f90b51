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
  private readonly waiters = new Set<Waiter>();
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
  }

  /** Names the current cell assigned so far. */
  assignedNames(): ReadonlySet<string> {
    return this.assigned;
  }

  /** Awaits `value` unless the kernel is interrupted meanwhile (then throws {@link KeyboardInterrupt}). */
  settle<T>(value: T): Promise<Awaited<T>> {
    const awaited = Promise.resolve(value);
    return new Promise<Awaited<T>>((resolve, reject) => {
      let interrupted = false;
      let done = false;
      const end = (outcome: () => void) => {
        if (done) return;
        done = true;
        this.waiters.delete(waiter);
        outcome();
      };
      const stop = () => end(() => reject(new KeyboardInterrupt()));
      const waiter: Waiter = (immediately) => {
        interrupted = true;
        if (immediately) stop();
        else void whenWorkStopped().then(stop);
      };
      this.waiters.add(waiter);
      // Once interrupted, the value settling ends the cell too, whatever it is.
      awaited.then(
        (result) => end(() => (interrupted ? reject(new KeyboardInterrupt()) : resolve(result))),
        (error: unknown) => end(() => reject(interrupted ? new KeyboardInterrupt() : error)),
      );
    });
  }

  /**
   * Ends the cell's pending top-level await (see the module comment). Returns false when the cell is
   * not at such an await (it runs synchronous code, which SIGINT itself stops).
   */
  interrupt(): boolean {
    if (this.waiters.size === 0) return false;
    const immediately = this.interruptedOnce;
    this.interruptedOnce = true;
    for (const waiter of [...this.waiters]) waiter(immediately);
    return true;
  }
}
