/**
 * Database URLs in SQLAlchemy's form, so one string works in rnnlab and in Python Optuna:
 * `sqlite:///relative.db`, `sqlite:////absolute/path.db`, `sqlite:///:memory:`, and
 * `postgresql://user:password@host:port/database` (also `postgres://` and `postgresql+psycopg2://`).
 * Passwords never appear in messages: {@link maskUrl} replaces them with `***`.
 */
import { InvalidArgumentError } from '../../../errors';
import type { PostgresTarget } from './postgres';

/** A parsed URL. */
export type DatabaseUrl = { dialect: 'sqlite'; path: string; maskedUrl: string } | ({ dialect: 'postgresql' } & PostgresTarget);

/** The URL schemes {@link parseDatabaseUrl} accepts. */
export const URL_SCHEMES = ['sqlite:///', 'postgresql://'] as const;

const ARGUMENT = 'RDBStorage.url';

/** The URL with any password replaced by `***` (safe to print). */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@');
}

/**
 * Reads a database URL.
 *
 * @throws InvalidArgumentError (naming `RDBStorage.url` and the allowed forms) for an unknown scheme
 *   or a malformed URL; the message shows the URL with its password masked
 */
export function parseDatabaseUrl(url: unknown): DatabaseUrl {
  if (typeof url !== 'string') throw new InvalidArgumentError(ARGUMENT, `must be a string starting with ${URL_SCHEMES.map((s) => `'${s}'`).join(' or ')}`, url);
  const masked = maskUrl(url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    if (url === 'sqlite://' || url === 'sqlite:///:memory:') return { dialect: 'sqlite', path: ':memory:', maskedUrl: masked };
    const path = url.startsWith('sqlite:///') ? url.slice('sqlite:///'.length) : '';
    if (path === '' || path.includes('?')) {
      throw new InvalidArgumentError(ARGUMENT, "must name a file as 'sqlite:///relative/path.db' or 'sqlite:////absolute/path.db' (or 'sqlite:///:memory:'), without query options", masked);
    }
    return { dialect: 'sqlite', path: decodeURIComponent(path), maskedUrl: masked };
  }
  if (scheme === 'postgresql' || scheme === 'postgres' || scheme === 'postgresql+psycopg2' || scheme === 'postgresql+psycopg' || scheme === 'postgresql+pg8000') {
    let parsed: URL;
    try {
      parsed = new URL(url.replace(/^[^:]+:/, 'postgresql:'));
    } catch {
      throw new InvalidArgumentError(ARGUMENT, "must be a URL of the form 'postgresql://user:password@host:port/database'", masked);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    const port = parsed.port === '' ? 5432 : Number(parsed.port);
    if (parsed.hostname === '' || database === '' || database.includes('/') || parsed.search !== '' || parsed.hash !== '') {
      throw new InvalidArgumentError(ARGUMENT, "must be of the form 'postgresql://user:password@host:port/database' with a host and a database name and no query options", masked);
    }
    return {
      dialect: 'postgresql',
      host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
      port,
      user: parsed.username === '' ? undefined : decodeURIComponent(parsed.username),
      password: parsed.password === '' ? undefined : decodeURIComponent(parsed.password),
      database,
      maskedUrl: masked,
    };
  }
  throw new InvalidArgumentError(ARGUMENT, `must start with ${URL_SCHEMES.map((s) => `'${s}'`).join(' or ')}`, masked, "Examples: 'sqlite:///studies.db', 'postgresql://user:password@db.example.com:5432/optuna'");
}
