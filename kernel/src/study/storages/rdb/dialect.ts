/**
 * The little the RDB storage needs from a database: queries with `?` placeholders, statements, and
 * transactions that hold the write lock they need. `sqlite.ts` and `postgres.ts` implement it; the
 * storage never sees a driver.
 */

/** A value bound to a `?` placeholder. */
export type SqlValue = number | string | null;

/** One result row, by column name. */
export type SqlRow = Record<string, unknown>;

/** Statements on one connection (or inside one transaction). Placeholders are `?`. */
export interface SqlSession {
  /** Runs a statement and returns its rows (also for `INSERT … RETURNING`). */
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement and returns how many rows it changed. */
  exec(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** A database the storage can talk to. */
export interface SqlDialect extends SqlSession {
  /** 'sqlite' or 'postgresql': picks the DDL types in `schema.ts`. */
  readonly name: 'sqlite' | 'postgresql';
  /**
   * Suffix that locks the rows a `SELECT` reads until the transaction ends: `' FOR UPDATE'` on
   * PostgreSQL, `''` on SQLite, where {@link SqlDialect.transaction} already holds the database's
   * write lock (`BEGIN IMMEDIATE`).
   */
  readonly forUpdate: string;
  /**
   * Runs `body` in a transaction that may write: commits when it resolves, rolls back when it throws.
   * Transactions of one dialect object never interleave with each other's statements.
   */
  transaction<T>(body: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Whether `error` is a unique-constraint violation. */
  isUniqueViolation(error: unknown): boolean;
  /** Whether the table exists. */
  tableExists(table: string): Promise<boolean>;
  /** Closes the connection (pool); the dialect is unusable afterwards. */
  close(): Promise<void>;
}

/**
 * Runs async tasks one at a time, in order (a connection that must not interleave transactions).
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
