/**
 * Cooperative interruption: long-running rnnlab work (a fit, a search, a study) registers a listener
 * while it runs; the kernel calls {@link signalInterrupt} on an interrupt request or SIGINT, and the
 * work stops at its next safe point, keeping what it finished.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `listener` on the next interrupt until the returned function is called. */
export function onInterrupt(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
