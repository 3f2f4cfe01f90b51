/**
 * The SQLite dialect over `better-sqlite3` (synchronous, one connection per storage). Every call
 * goes through one queue, so a transaction's statements never interleave with another call's;
 * `BEGIN IMMEDIATE` takes the database's write lock, which is what serialises trial numbering
 * across processes (others wait up to `busyTimeoutMs`).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SerialQueue, type SqlDialect, type SqlRow, type SqlSession, type SqlValue } from './dialect';

/** Opens `better-sqlite3` only when a SQLite storage is made, so the rest of rnnlab loads without it. */
function loadDriver(): typeof BetterSqlite3 {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new Error(`RDBStorage needs the npm package 'better-sqlite3' (12.x) for SQLite URLs, and it could not be loaded: ${(error as Error).message}. Run \`npm install better-sqlite3@12\``);
  }
}

/** A driver error as one that names the database file, keeping its `code` (for `isUniqueViolation`). */
function named(path: string, error: unknown): Error {
  const e = error as Error & { code?: unknown };
  const wrapped = new Error(`SQLite database ${path}: ${String(e?.message ?? e)}`);
  Object.assign(wrapped, { code: e?.code, name: e?.name === 'SqliteError' ? 'SqliteError' : 'Error' });
  return wrapped;
}

/** Runs a driver call, naming the database file in its error. */
function onDb<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw named(path, error);
  }
}

/** A SQLite database file (or `:memory:`). */
export class SqliteDialect implements SqlDialect {
  readonly name = 'sqlite';
  readonly forUpdate = '';
  private readonly db: BetterSqlite3.Database;
  private readonly queue = new SerialQueue();
  private readonly direct: SqlSession;
  private readonly path: string;

  /**
   * @param path - the database file (created when missing) or `:memory:`
   * @param busyTimeoutMs - how long a writer waits for another process' lock
   */
  constructor(path: string, busyTimeoutMs = 60_000) {
    const Database = loadDriver();
    this.db = onDb(path, () => new Database(path, { timeout: busyTimeoutMs }));
    onDb(path, () => this.db.pragma('foreign_keys = ON'));
    const db = this.db;
    this.direct = {
      async query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
        return onDb(path, () => db.prepare(sql).all(...params) as SqlRow[]);
      },
      async exec(sql: string, params: readonly SqlValue[] = []): Promise<number> {
        return onDb(path, () => db.prepare(sql).run(...params).changes);
      },
    };
    this.path = path;
  }

  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.queue.run(() => this.direct.query(sql, params));
  }

  exec(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.queue.run(() => this.direct.exec(sql, params));
  }

  transaction<T>(body: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      onDb(this.path, () => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await body(this.direct);
        onDb(this.path, () => this.db.exec('COMMIT'));
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  isUniqueViolation(error: unknown): boolean {
    const code = (error as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  }

  async tableExists(table: string): Promise<boolean> {
    return (await this.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [table])).length > 0;
  }

  close(): Promise<void> {
    return this.queue.run(async () => {
      if (this.db.open) this.db.close();
    });
  }
}
