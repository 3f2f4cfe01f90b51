/**
 * Coalesces redraw requests: live updates can arrive many times a second, but a view redraws at most
 * once per interval, always with the latest payload. The interval grows with the time a redraw takes
 * (twice the last duration), so large studies stay responsive.
 */
export class Throttle {
  private last = -Infinity;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private pending = false;
  private lastDuration = 0;
  private disposed = false;

  /**
   * @param task - the redraw; may be async
   * @param minIntervalMs - the shortest time between two redraws
   */
  constructor(
    private readonly task: () => void | Promise<void>,
    private readonly minIntervalMs: number,
  ) {}

  /** The current interval: the minimum, or twice the last redraw's duration when that is longer. */
  get intervalMs(): number {
    return Math.max(this.minIntervalMs, 2 * this.lastDuration);
  }

  /** Asks for a redraw: now if the last one is old enough, otherwise once the interval has passed. */
  request(): void {
    if (this.disposed) return;
    this.pending = true;
    if (this.timer !== null || this.running !== null) return;
    const wait = this.last + this.intervalMs - performance.now();
    if (wait <= 0) void this.run();
    else this.timer = setTimeout(() => void this.run(), wait);
  }

  /** Runs a pending redraw at once and resolves when no redraw is running or pending. */
  async flush(): Promise<void> {
    while (this.running !== null || this.pending) {
      if (this.running !== null) await this.running;
      else await this.run();
    }
  }

  /** Drops any pending redraw; later requests are ignored. */
  dispose(): void {
    this.disposed = true;
    this.pending = false;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (!this.pending || this.disposed) return Promise.resolve();
    this.pending = false;
    const started = performance.now();
    this.running = (async () => {
      try {
        await this.task();
      } finally {
        this.lastDuration = performance.now() - started;
        this.last = performance.now();
        this.running = null;
        if (this.pending && !this.disposed) this.request();
      }
    })();
    return this.running;
  }
}
