/**
 * The default storage: a journal kept in memory, so it behaves exactly like the file storage
 * (same replay, same checks) and is lost with the process.
 */
import { JournalStorage, type JournalBackend } from './journal';
import type { JournalLog } from './journal-replay';
import { pythonJsonDumps, pythonJsonLoads } from './python-json';

/** Journal lines in an array, serialised as the file backend writes them (so values copy, never alias). */
class MemoryBackend implements JournalBackend {
  private readonly lines: string[] = [];

  readLogs(logNumberFrom: number): JournalLog[] {
    return this.lines.slice(logNumberFrom).map((line) => pythonJsonLoads(line) as JournalLog);
  }

  appendLogs(logs: JournalLog[]): void {
    for (const log of logs) this.lines.push(pythonJsonDumps(log));
  }
}

/**
 * Studies kept in this process' memory (the default of `createStudy`).
 *
 * Optuna note: Optuna's `InMemoryStorage` is a separate class; rnnlab's replays a journal in
 * memory, which gives it the file storage's semantics for free.
 *
 * @example
 * ```ts
 * const study = await createStudy({ storage: new InMemoryStorage() });
 * ```
 */
export class InMemoryStorage extends JournalStorage {
  constructor() {
    super(new MemoryBackend());
  }
}
