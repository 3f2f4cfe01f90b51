/**
 * Storages given as strings, as Optuna accepts them: `sqlite:///path.db` and `postgresql://…` open
 * Optuna's RDB storage; any other string without a URL scheme is a journal file's path (Optuna's
 * `JournalStorage(JournalFileBackend(path))`). One storage object per string and process, so that
 * repeated calls share the connections.
 */
import { InvalidArgumentError } from '../../errors';
import { isStudyStorage, type StudyStorage } from './base';
import { JournalFileStorage } from './journal-file';
import { maskUrl, RDBStorage } from './rdb';

/** A storage, or a string naming one (database URL or journal file path). */
export type StorageInput = StudyStorage | string;

const opened = new Map<string, StudyStorage>();

const RDB_SCHEME = /^(sqlite|postgres|postgresql(\+[a-z0-9]+)?):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The storage `value` names.
 *
 * @param argument - the option name for error messages (`storage`, `fromStorage`, …)
 * @throws InvalidArgumentError for another kind of value, an unknown URL scheme, or a path that looks
 *   like an SQLite file (use `sqlite:///` for those)
 */
export function storageFrom(value: unknown, argument = 'storage'): StudyStorage {
  if (isStudyStorage(value)) return value;
  if (typeof value !== 'string' || value === '') {
    throw new InvalidArgumentError(argument, "must be a storage (InMemoryStorage, JournalFileStorage, RDBStorage) or a string: 'sqlite:///path.db', 'postgresql://user:password@host/db', or a journal file path", value);
  }
  const known = opened.get(value);
  if (known) return known;
  let storage: StudyStorage;
  if (RDB_SCHEME.test(value)) {
    storage = new RDBStorage(value);
  } else if (ANY_SCHEME.test(value)) {
    throw new InvalidArgumentError(argument, "must be a 'sqlite:///…' or 'postgresql://…' URL, or a journal file path", maskUrl(value));
  } else if (/\.(db|sqlite3?)$/i.test(value)) {
    throw new InvalidArgumentError(argument, 'names an SQLite file without a URL scheme', value, `Write 'sqlite:///${value}' for a database, or a name like 'studies.log' for a journal file.`);
  } else {
    storage = new JournalFileStorage(value);
  }
  opened.set(value, storage);
  return storage;
}
