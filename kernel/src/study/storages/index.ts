/** Study storages: the interface, the journal storage, its file and in-memory forms, Optuna's RDB storage (SQLite, PostgreSQL), and the shared test suite. */
export { heartbeatsOf } from './base';
export type { HeartbeatStorage } from './base';
export type { StoredStudy, StudyStorage, TrialTemplate } from './base';
export { isStudyStorage } from './base';
export { JournalStorage, DEFAULT_STUDY_NAME_PREFIX } from './journal';
export type { JournalBackend } from './journal';
export { JournalOperation } from './journal-replay';
export type { JournalLog } from './journal-replay';
export { JournalFileStorage, JournalFileBackend } from './journal-file';
export type { JournalFileStorageOptions } from './journal-file';
export { JournalFileSymlinkLock } from './file-lock';
export { InMemoryStorage } from './in-memory';
export { pythonFloatRepr, pythonJsonDumps, pythonJsonLoads } from './python-json';
export { RDBStorage, SchemaVersionError } from './rdb';
export type { RDBStorageOptions } from './rdb';
export { storageFrom } from './from-url';
export type { StorageInput } from './from-url';
