/**
 * Cooperative interruption: long-running rnnlab work (a fit, a search, a study) registers a listener
 * while it runs; the kernel calls {@link signalInterrupt} on an interrupt request or SIGINT, and the
 * work stops at its next safe point, keeping what it finished.
 */
type Listener = () => void;
const listeners = new Set<Listener>();
const idleWaiters: (() => void)[] = [];

/** Calls `listener` on the next interrupt until the returned function is called. */
export function onInterrupt(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) for (const resolve of idleWaiters.splice(0)) resolve();
  };
}

/** Tells every running piece of work to stop. Returns how many were told. */
export function signalInterrupt(): number {
  const current = [...listeners];
  for (const listener of current) {
    try {
      listener();
    } catch {
      // A listener that fails must not keep the others from stopping.
    }
  }
  return current.length;
}

/** Resolves once no work listens for interrupts any more (at once when none does). */
export function whenWorkStopped(): Promise<void> {
  if (listeners.size === 0) return Promise.resolve();
  return new Promise((resolve) => idleWaiters.push(resolve));
}
