/**
 * The PostgreSQL dialect over `pg` (a pool of connections). Trial numbering is serialised by
 * locking the study's row (`SELECT … FOR UPDATE`), as Optuna does, so workers on any number of
 * machines share a study. Timestamps are read as text (Optuna stores naive UTC), and connection
 * errors name the URL with its password masked.
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
const RETRIED_CODES = new Set(['40P01', '40001']); // deadlock, serialization failure
const MAX_ATTEMPTS = 5;

/** Connection settings parsed from a `postgresql://` URL. */
export interface PostgresTarget {
  host: string;
  port: number;
  user?: string;
  password?: string;
  database?: string;
  /** The URL with the password replaced by `***`, for messages. */
  maskedUrl: string;
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
    this.pool.on('error', () => undefined); // an idle connection dropped by the server; the next call reconnects
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

  private async withClient<T>(use: (client: PoolClient) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw this.clean(error);
    }
    try {
      return await use(client);
    } finally {
      client.release();
    }
  }

  private session(client: PoolClient): SqlSession {
    const clean = (error: unknown): Error => this.clean(error);
    return {
      async query(sql: string, params: readonly SqlValue[] = []): Promise<SqlRow[]> {
        try {
          return (await client.query(numberPlaceholders(sql), params as SqlValue[])).rows as SqlRow[];
        } catch (error) {
          throw clean(error);
        }
      },
      async exec(sql: string, params: readonly SqlValue[] = []): Promise<number> {
        try {
          return (await client.query(numberPlaceholders(sql), params as SqlValue[])).rowCount ?? 0;
        } catch (error) {
          throw clean(error);
        }
      },
    };
  }

  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.withClient((client) => this.session(client).query(sql, params));
  }

  exec(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.withClient((client) => this.session(client).exec(sql, params));
  }

  async transaction<T>(body: (tx: SqlSession) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.withClient(async (client) => {
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
        });
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= MAX_ATTEMPTS || !code || !RETRIED_CODES.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 200));
      }
    }
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
