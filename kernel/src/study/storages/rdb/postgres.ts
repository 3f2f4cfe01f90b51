/**
 * The PostgreSQL dialect over `pg` (a pool of connections). Trial numbering is serialised by
 * locking the study's row (`SELECT … FOR UPDATE`), as Optuna does, so workers on any number of
 * machines share a study. Timestamps are read as text (Optuna stores naive UTC), and connection
 * errors name the URL with its password masked.
 *
 * Outages: every client and the pool have an `'error'` listener (a server that goes away never
 * crashes the process with an unhandled event), a connection that failed is destroyed rather than
 * returned to the pool, and each statement or transaction that fails transiently (connection
 * refused or reset, the server shutting down, a serialization failure or deadlock) is retried with
 * a growing pause until `retryTimeoutSeconds` have passed; then the error says for how long the
 * database could not be used.
 */
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { type SqlDialect, type SqlRow, type SqlSession, type SqlValue } from './dialect';

type PgModule = typeof import('pg');

function loadDriver(): PgModule {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('pg') as PgModule;
  } catch (error) {
    throw new Error(`RDBStorage needs the npm package 'pg' for PostgreSQL URLs, and it could not be loaded: ${(error as Error).message}. Run \`npm install pg\``);
  }
}

/** Rewrites `?` placeholders (outside quoted text) as `$1, $2, …`. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  let quoted = false;
  let out = '';
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    out += ch === '?' && !quoted ? `$${++n}` : ch;
  }
  return out;
}

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
/** SQLSTATEs worth retrying: serialization failure, deadlock, the server shutting down or starting. */
const RETRIED_CODES = new Set(['40001', '40P01', '57P01', '57P02', '57P03', '53300']);
/** Node socket errors of a server that is down or went away. */
const RETRIED_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** What `pg` says when a connection ends under it (these errors carry no code). */
const LOST_CONNECTION = /Connection terminated|connection error|not queryable|timeout expired|Client was closed/i;

/** Whether an error of `pg` is transient (worth retrying on a new connection). */
export function isTransient(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (RETRIED_CODES.has(code) || RETRIED_SOCKET_CODES.has(code) || code.startsWith('08')) return true;
  return code === '' && LOST_CONNECTION.test(String(e?.message ?? ''));
}

/** Whether the connection that raised `error` must be thrown away. */
function isBroken(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return !(typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !code.startsWith('08') && !code.startsWith('57'));
}

/** Errors raised by `pg` itself (as opposed to the storage's own, thrown inside a transaction). */
const driverErrors = new WeakSet<object>();
function fromDriver<T>(work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    if (typeof error === 'object' && error !== null) driverErrors.add(error);
    throw error;
  });
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Connection settings parsed from a `postgresql://` URL. */
export interface PostgresTarget {
  host: string;
  port: number;
  user?: string;
  password?: string;
  database?: string;
  /** The URL with the password replaced by `***`, for messages. */
  maskedUrl: string;
  /** Seconds a transient failure is retried before it is reported (default 60). */
  retryTimeoutSeconds?: number;
}

/** A PostgreSQL database. */
export class PostgresDialect implements SqlDialect {
  readonly name = 'postgresql';
  readonly forUpdate = ' FOR UPDATE';
  private readonly pool: Pool;

  constructor(private readonly target: PostgresTarget) {
    const pg = loadDriver();
    const config: PoolConfig = {
      host: target.host,
      port: target.port,
      user: target.user,
      password: target.password,
      database: target.database,
      max: 4,
      idleTimeoutMillis: 1000,
      connectionTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === TIMESTAMP_OID) return (text: string) => text;
          if (oid === INT8_OID) return (text: string) => Number(text);
          return pg.types.getTypeParser(oid, format as 'text');
        }) as PoolConfig['types'] extends { getTypeParser: infer F } ? F : never,
      },
    };
    this.pool = new pg.Pool(config);
    // An idle connection dropped by the server: the pool discards it and the next call reconnects.
    this.pool.on('error', () => undefined);
    // A connection in use that the server drops emits 'error' on its client, which would crash the
    // process without a listener; the statement running on it fails and is retried.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  private get retryTimeoutMs(): number {
    return (this.target.retryTimeoutSeconds ?? 60) * 1000;
  }

  /** Runs `attempt` again (on a new connection) while it fails transiently, up to the retry timeout. */
  private async retrying<T>(attempt: () => Promise<T>): Promise<T> {
    const started = Date.now();
    let pauseMs = 50;
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        const driver = typeof error === 'object' && error !== null && driverErrors.has(error);
        if (!driver) throw error; // the storage's own (a missing record, a finished trial)
        if (!isTransient(error)) throw this.clean(error);
        const waited = Date.now() - started;
        if (waited >= this.retryTimeoutMs) {
          const cleaned = this.clean(error);
          const failure = new Error(
            `could not use the PostgreSQL database ${this.target.maskedUrl} for ${(waited / 1000).toFixed(1)} s (retried for up to retryTimeout = ${this.retryTimeoutMs / 1000} s): ${cleaned.message.replace(/^could not use the PostgreSQL database \S+: /, '')}`,
          );
          (failure as Error & { code?: string }).code = (error as { code?: string }).code;
          throw failure;
        }
        await sleep(Math.min(pauseMs * (0.5 + Math.random()), this.retryTimeoutMs - waited));
        pauseMs = Math.min(pauseMs * 2, 2000);
      }
    }
  }

  /** Replaces a driver error with one that names the (masked) URL and never the password. */
  private clean(error: unknown): Error {
    const e = error as Error & { code?: string };
    const password = this.target.password;
    const mask = (text: string): string => (password ? text.split(password).join('***') : text);
    if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && !e.code.startsWith('08') && e.code !== '28P01' && e.code !== '28000' && e.code !== '3D000') {
      if (password && e.message.includes(password)) e.message = mask(e.message);
      return e; // an SQL error (constraint, syntax): keep its code for isUniqueViolation
    }
    const wrapped = new Error(`could not use the PostgreSQL database ${this.target.maskedUrl}: ${mask(String(e?.message ?? e))}`);
    (wrapped as Error & { code?: string }).code = e?.code;
    return wrapped;
  }

  /** Runs `use` on a pooled connection; a connection that failed is destroyed, not pooled again. */
  private async withClient<T>(use: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await fromDriver(this.pool.connect());
    let failure: unknown;
    try {
      return await use(client);
    } catch (error) {
      failure = error;
      throw error;
    } finally {
      const broken = typeof failure === 'object' && failure !== null && driverErrors.has(failure) && isBroken(failure);
      client.release(broken ? (failure instanceof Error ? failure : true) : undefined);
    }
  }

  /** Statements on one client; driver errors pass through raw (so that `retrying` can judge them). */
  private session(client: PoolClient): SqlSession {
    return {
      async query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
        return (await fromDriver(client.query(numberPlaceholders(sql), params as SqlValue[]))).rows as SqlRow[];
      },
      async exec(sql: string, params: readonly SqlValue[] = []): Promise<number> {
        return (await fromDriver(client.query(numberPlaceholders(sql), params as SqlValue[]))).rowCount ?? 0;
      },
    };
  }

  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.retrying(() => this.withClient((client) => this.session(client).query(sql, params)));
  }

  exec(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.retrying(() => this.withClient((client) => this.session(client).exec(sql, params)));
  }

  /**
   * Runs `body` in a transaction, again from the start (on a new connection) while it fails
   * transiently. A COMMIT whose answer was lost may have committed: the storage's writes are
   * upserts or check the trial's state, so a repeated one changes nothing twice.
   */
  transaction<T>(body: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.retrying(() =>
      this.withClient(async (client) => {
        const tx = this.session(client);
        await tx.exec('BEGIN');
        try {
          const result = await body(tx);
          await tx.exec('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    );
  }

  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: unknown } | null)?.code === '23505';
  }

  async tableExists(table: string): Promise<boolean> {
    const rows = await this.query('SELECT to_regclass(?) IS NOT NULL AS found', [table]);
    return rows[0]?.found === true;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
