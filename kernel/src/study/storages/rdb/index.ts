/** Optuna's RDB storage: SQLite and PostgreSQL in Optuna's schema. */
export { RDBStorage } from './rdb-storage';
export type { RDBStorageOptions } from './rdb-storage';
export { SchemaVersionError } from './schema';
export { maskUrl } from './url';
