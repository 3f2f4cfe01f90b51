/**
 * Optuna's journal file lock: the lock is `<journal>.lock`, created atomically, so whoever creates
 * it holds the lock. rnnlab creates it as Optuna's `JournalFileSymlinkLock` does (a symbolic link to
 * the journal); Python's `JournalFileOpenLock` creates a plain file of the same name. Either kind
 * excludes the other, and release renames the lock to a unique `.rename` name, then deletes it, as
 * both of Optuna's locks do.
 *
 * A lock held longer than `gracePeriodSeconds` is taken to belong to a dead process and is broken:
 * when it has not changed while this process watched it for the grace period (Optuna's rule: the
 * `mtime` behind the lock), or when its own timestamp is already older than the grace period (so a
 * lock left by a killed worker does not cost the next one a full grace period of waiting). A
 * dangling link (what Python leaves for a relative journal path such as `sub/j.log`) is judged by
 * the link's own timestamp. Waiting is asynchronous: the event loop (and a notebook's interrupt)
 * keeps running while another process holds the lock.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** The lock's timestamps: its own (`lstat`) and, for a link, its target's (`stat`), null when dangling. */
async function lockTimes(lockPath: string): Promise<{ own: number; target: number | null } | null> {
  try {
    const own = (await fs.lstat(lockPath)).mtimeMs;
    const target = await fs.stat(lockPath).then((s) => s.mtimeMs, () => null);
    return { own, target };
  } catch {
    return null; // released meanwhile
  }
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

  /** Waits (asynchronously) until the lock is ours. */
  async acquire(): Promise<void> {
    let sleepMs = 1;
    let seen: string | undefined;
    let seenSince = Date.now();
    for (;;) {
      try {
        await fs.symlink(this.target, this.lockPath);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new Error(`could not take the journal lock ${this.lockPath}: ${(error as Error).message}`);
        }
      }
      if (this.gracePeriodSeconds !== null) {
        const times = await lockTimes(this.lockPath);
        if (times === null) continue; // released meanwhile: try again at once
        const key = `${times.own}/${times.target}`;
        if (key !== seen) {
          seen = key;
          seenSince = Date.now();
        }
        const graceMs = this.gracePeriodSeconds * 1000;
        const newest = Math.max(times.own, times.target ?? -Infinity);
        if (Date.now() - seenSince > graceMs || Date.now() - newest > graceMs) {
          if (await this.tryRelease()) sleepMs = 1;
          continue;
        }
      }
      await sleep(sleepMs);
      sleepMs = Math.min(sleepMs * 2, 100);
    }
  }

  /** Removes the lock (rename, then delete); false when it was gone already (someone else broke it). */
  private async tryRelease(): Promise<boolean> {
    const renamed = `${this.lockPath}${randomUUID()}.rename`;
    try {
      await fs.rename(this.lockPath, renamed);
    } catch {
      return false;
    }
    await fs.unlink(renamed).catch(() => undefined);
    return true;
  }

  /** Gives the lock up. */
  async release(): Promise<void> {
    if (!(await this.tryRelease())) throw new Error(`did not hold the journal lock ${this.lockPath} (it was broken as stale)`);
  }

  /** Runs `fn` holding the lock. */
  async with<T>(fn: () => T | Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await fn();
    } finally {
      await this.release().catch(() => undefined);
    }
  }
}
