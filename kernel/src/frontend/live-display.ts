/**
 * An output that follows running work: shown once, then replaced in place at most every `throttleMs`,
 * and always ending with the final state (so a saved notebook holds complete results).
 */
import type { MimeBundle } from './cell-context';
import { display, type DisplayHandle } from './display';

export interface LiveDisplayOptions {
  /** Least time between two updates, in milliseconds. Default 250 (at most 4 updates a second). */
  throttleMs?: number;
  /** The display id (default: a new one). */
  displayId?: string;
}

export class LiveDisplay {
  private handle?: DisplayHandle;
  private lastSent = 0;
  private timer?: NodeJS.Timeout;
  private readonly throttleMs: number;
  /** Number of messages sent (the first display and every update). */
  sent = 0;

  constructor(private readonly render: () => MimeBundle, private readonly options: LiveDisplayOptions = {}) {
    this.throttleMs = options.throttleMs ?? 250;
  }

  /** Shows the current state (once; later calls refresh). */
  show(): void {
    if (this.handle) {
      this.refresh();
      return;
    }
    this.handle = display(this.render(), { displayId: this.options.displayId, raw: true });
    this.lastSent = Date.now();
    this.sent++;
  }

  /** Asks for an update; it is sent now or when the throttle interval has passed. */
  refresh(): void {
    if (!this.handle) {
      this.show();
      return;
    }
    const wait = this.lastSent + this.throttleMs - Date.now();
    // A pending timer may be starved by work that never yields to the event loop (a fit loop awaits
    // only promises): once the interval has passed, the next refresh sends at once.
    if (this.timer) {
      if (wait <= 0) this.send();
      return;
    }
    if (wait <= 0) {
      this.send();
    } else {
      this.timer = setTimeout(() => this.send(), wait);
    }
  }

  /** Sends the final state now (cancelling a pending update). */
  flush(): void {
    if (!this.handle) {
      this.show();
      return;
    }
    this.send();
  }

  private send(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.handle?.update(this.render(), { raw: true });
    this.lastSent = Date.now();
    this.sent++;
  }
}
