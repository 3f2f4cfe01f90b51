/**
 * A study storage in one file, in the format of Optuna's `JournalFileBackend`: one JSON object per
 * line, appended (never rewritten; only a cut last line, which no one ever read, is moved aside)
 * under {@link JournalFileSymlinkLock}. Python's
 * `optuna.load_study(storage=JournalStorage(JournalFileBackend(path)))` reads what rnnlab writes,
 * and rnnlab reads what Python appends.
 */
import { appendFileSync, closeSync, existsSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { InvalidArgumentError } from '../../errors';
import { checkKnownKeys } from '../../validation';
import { JournalFileSymlinkLock } from './file-lock';
import { JournalStorage, type JournalBackend } from './journal';
import type { JournalLog } from './journal-replay';
import { pythonJsonDumps, pythonJsonLoads } from './python-json';

/** Options of {@link JournalFileStorage}. */
export interface JournalFileStorageOptions {
  /** Seconds after which a lock left by a dead process is broken (Optuna's default 30). */
  lockGracePeriodSeconds?: number | null;
}

/** An error of the journal file, naming its path (and line, for a line that does not parse). */
export class JournalFileError extends Error {
  constructor(readonly filePath: string, detail: string, readonly line?: number) {
    super(`journal file ${filePath}${line === undefined ? '' : `, line ${line}`}: ${detail}`);
    this.name = 'JournalFileError';
  }
}

/** Runs a file operation, naming the journal's path in its error. */
function onFile<T>(filePath: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof JournalFileError) throw error;
    throw new JournalFileError(filePath, `could not ${what}: ${(error as Error).message}`);
  }
}

/** Reads `length` bytes at `position`. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const n = readSync(fd, buffer, read, length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return buffer.subarray(0, read);
}

/**
 * The file backend: reads complete lines from a byte offset, appends under the lock with fsync.
 * Before appending it repairs a cut last line (a writer killed mid-append, a full disk): the bytes
 * after the last newline were never acknowledged to anyone and no reader ever read them, so they
 * are moved to `<journal>.cut` and the journal is truncated to its last complete line; otherwise
 * the next line would be glued to them and neither rnnlab nor Python Optuna could read the file.
 */
export class JournalFileBackend implements JournalBackend {
  private readonly lock: JournalFileSymlinkLock;
  /** Byte offset of each log number read so far. */
  private readonly offsets = new Map<number, number>([[0, 0]]);

  constructor(readonly filePath: string, options: JournalFileStorageOptions = {}) {
    if (typeof filePath !== 'string' || filePath === '') throw new InvalidArgumentError('JournalFileStorage filePath', 'must be the path of the journal file', filePath);
    checkKnownKeys('JournalFileStorage', options, ['lockGracePeriodSeconds']);
    const grace = options.lockGracePeriodSeconds;
    if (grace !== undefined && grace !== null && !(typeof grace === 'number' && grace > 0 && Number.isFinite(grace))) {
      throw new InvalidArgumentError('lockGracePeriodSeconds', 'must be a positive number of seconds, or null to never break a lock', grace);
    }
    this.lock = new JournalFileSymlinkLock(filePath, options.lockGracePeriodSeconds === undefined ? 30 : options.lockGracePeriodSeconds);
    onFile(filePath, 'create it', () => {
      if (!existsSync(filePath)) appendFileSync(filePath, '');
      if (!statSync(filePath).isFile()) throw new Error('it is not a regular file');
    });
  }

  readLogs(logNumberFrom: number): JournalLog[] {
    const fd = onFile(this.filePath, 'open it for reading', () => openSync(this.filePath, 'r'));
    try {
      const known = this.offsets.has(logNumberFrom);
      let logNumber = known ? logNumberFrom : 0;
      let offset = known ? this.offsets.get(logNumberFrom)! : 0;
      const size = fstatSync(fd).size;
      if (size <= offset) return [];
      const buffer = onFile(this.filePath, 'read it', () => readAt(fd, offset, size - offset));
      const read = buffer.length;
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
        if (logNumber - 1 >= logNumberFrom) out.push(this.parse(line, logNumber));
      }
      return out;
    } finally {
      closeSync(fd);
    }
  }

  private parse(line: string, lineNumber: number): JournalLog {
    try {
      const log = pythonJsonLoads(line);
      if (typeof log !== 'object' || log === null || Array.isArray(log)) throw new Error('a journal line must be a JSON object');
      return log as JournalLog;
    } catch (error) {
      throw new JournalFileError(this.filePath, `${(error as Error).message} (the line starts ${JSON.stringify(line.slice(0, 60))})`, lineNumber);
    }
  }

  async appendLogs(logs: JournalLog[]): Promise<void> {
    const text = `${logs.map((log) => pythonJsonDumps(log)).join('\n')}\n`;
    await this.lock.with(() =>
      onFile(this.filePath, 'append to it', () => {
        const fd = openSync(this.filePath, 'r+');
        try {
          const size = this.repairCutLine(fd);
          writeSync(fd, text, size);
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }),
    );
  }

  /** Moves a cut last line to `<journal>.cut` and truncates the journal before it; returns the size. */
  private repairCutLine(fd: number): number {
    const size = fstatSync(fd).size;
    if (size === 0) return 0;
    let end = size;
    let tail = Buffer.alloc(0);
    while (end > 0) {
      const chunk = readAt(fd, Math.max(0, end - 65536), Math.min(65536, end));
      const newline = chunk.lastIndexOf(0x0a);
      if (newline >= 0) {
        tail = Buffer.concat([chunk.subarray(newline + 1), tail]);
        break;
      }
      tail = Buffer.concat([chunk, tail]);
      end -= chunk.length;
    }
    if (tail.length === 0) return size;
    appendFileSync(`${this.filePath}.cut`, Buffer.concat([tail, Buffer.from('\n')]));
    ftruncateSync(fd, size - tail.length);
    process.emitWarning(`journal file ${this.filePath}: its last line was cut (${tail.length} bytes, a writer stopped mid-append); moved it to ${this.filePath}.cut before appending`);
    return size - tail.length;
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
