/**
 * A study storage in one file, in the format of Optuna's `JournalFileBackend`: one JSON object per
 * line, appended (never rewritten) under {@link JournalFileSymlinkLock}. Python's
 * `optuna.load_study(storage=JournalStorage(JournalFileBackend(path)))` reads what rnnlab writes,
 * and rnnlab reads what Python appends.
 */
import { closeSync, existsSync, fstatSync, fsyncSync, openSync, readSync, writeSync, appendFileSync } from 'node:fs';
import { JournalFileSymlinkLock } from './file-lock';
import { JournalStorage, type JournalBackend } from './journal';
import type { JournalLog } from './journal-replay';
import { pythonJsonDumps, pythonJsonLoads } from './python-json';

/** Options of {@link JournalFileStorage}. */
export interface JournalFileStorageOptions {
  /** Seconds after which a lock left by a dead process is broken (Optuna's default 30). */
  lockGracePeriodSeconds?: number | null;
}

/** The file backend: reads complete lines from a byte offset, appends under the lock with fsync. */
export class JournalFileBackend implements JournalBackend {
  private readonly lock: JournalFileSymlinkLock;
  /** Byte offset of each log number read so far. */
  private readonly offsets = new Map<number, number>([[0, 0]]);

  constructor(readonly filePath: string, options: JournalFileStorageOptions = {}) {
    this.lock = new JournalFileSymlinkLock(filePath, options.lockGracePeriodSeconds === undefined ? 30 : options.lockGracePeriodSeconds);
    if (!existsSync(filePath)) appendFileSync(filePath, '');
  }

  readLogs(logNumberFrom: number): JournalLog[] {
    const fd = openSync(this.filePath, 'r');
    try {
      const known = this.offsets.has(logNumberFrom);
      let logNumber = known ? logNumberFrom : 0;
      let offset = known ? this.offsets.get(logNumberFrom)! : 0;
      const size = fstatSync(fd).size;
      if (size <= offset) return [];
      const buffer = Buffer.alloc(size - offset);
      let read = 0;
      while (read < buffer.length) {
        const n = readSync(fd, buffer, read, buffer.length - read, offset + read);
        if (n === 0) break;
        read += n;
      }
      const out: JournalLog[] = [];
      let start = 0;
      for (;;) {
        const end = buffer.indexOf(0x0a, start);
        if (end < 0 || end >= read) break; // an incomplete last line: a writer is still at it
        const line = buffer.toString('utf8', start, end);
        offset += end + 1 - start;
        start = end + 1;
        logNumber++;
        this.offsets.set(logNumber, offset);
        if (logNumber - 1 >= logNumberFrom) out.push(pythonJsonLoads(line) as JournalLog);
      }
      return out;
    } finally {
      closeSync(fd);
    }
  }

  appendLogs(logs: JournalLog[]): void {
    const text = `${logs.map((log) => pythonJsonDumps(log)).join('\n')}\n`;
    this.lock.with(() => {
      const fd = openSync(this.filePath, 'a');
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    });
  }
}

/**
 * A study storage in an Optuna journal file, shared safely by several processes (Python ones too).
 *
 * @example
 * ```ts
 * const storage = new JournalFileStorage('./studies.log');
 * const study = await createStudy({ studyName: 'rnn', storage, loadIfExists: true, direction: 'maximize' });
 * // Python: optuna.load_study(study_name="rnn", storage=JournalStorage(JournalFileBackend("./studies.log")))
 * ```
 */
export class JournalFileStorage extends JournalStorage {
  /**
   * @param filePath - the journal file (created when missing); its lock is `<filePath>.lock`
   * @param options - lock options
   */
  constructor(readonly filePath: string, options: JournalFileStorageOptions = {}) {
    super(new JournalFileBackend(filePath, options));
  }
}
