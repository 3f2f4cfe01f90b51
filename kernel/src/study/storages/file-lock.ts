/**
 * Optuna's journal file lock (`JournalFileSymlinkLock`): the lock is a symbolic link
 * `<journal>.lock` pointing at the journal; creating it is atomic, so whoever creates it holds the
 * lock. Release renames the link to a unique `.rename` name, then deletes it. A lock whose target
 * has not changed for `gracePeriodSeconds` is taken to belong to a dead process and is broken, as
 * Optuna does. Python and rnnlab processes therefore exclude each other on one journal.
 */
import { randomUUID } from 'node:crypto';
import { renameSync, statSync, symlinkSync, unlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Blocks the thread for `ms` milliseconds (journal operations are synchronous by design). */
export function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** An exclusive inter-process lock on one journal file. */
export class JournalFileSymlinkLock {
  readonly lockPath: string;
  private readonly target: string;

  /**
   * @param filePath - the journal file
   * @param gracePeriodSeconds - age after which a held lock is broken (Optuna: 30); null never breaks it
   */
  constructor(filePath: string, readonly gracePeriodSeconds: number | null = 30) {
    this.target = resolve(filePath);
    this.lockPath = `${filePath}.lock`;
  }

  /** Waits until the lock is ours. */
  acquire(): void {
    let sleepMs = 1;
    let lastMtime: number | undefined;
    let lastChange = Date.now();
    for (;;) {
      try {
        symlinkSync(this.target, this.lockPath);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      if (this.gracePeriodSeconds !== null) {
        let mtime: number;
        try {
          mtime = statSync(this.lockPath).mtimeMs;
        } catch {
          continue; // released meanwhile
        }
        if (mtime !== lastMtime) {
          lastMtime = mtime;
          lastChange = Date.now();
        }
        if (Date.now() - lastChange > this.gracePeriodSeconds * 1000) {
          try {
            this.release();
            sleepMs = 1;
          } catch {
            // someone else broke it first
          }
          continue;
        }
      }
      sleepSync(sleepMs);
      sleepMs = Math.min(sleepMs * 2, 50);
    }
  }

  /** Gives the lock up. */
  release(): void {
    const renamed = `${this.lockPath}${randomUUID()}.rename`;
    try {
      renameSync(this.lockPath, renamed);
    } catch {
      throw new Error(`did not hold the lock ${this.lockPath}`);
    }
    unlinkSync(renamed);
  }

  /** Runs `fn` holding the lock. */
  with<T>(fn: () => T): T {
    this.acquire();
    try {
      return fn();
    } finally {
      this.release();
    }
  }
}
