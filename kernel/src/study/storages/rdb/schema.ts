/**
 * Optuna's RDB schema at its current alembic head (`v3.2.0.a`, Optuna 3.2 – 5.0): the tables of
 * `optuna/storages/_rdb/models.py`, written for SQLite and PostgreSQL as SQLAlchemy writes them
 * (enums are VARCHARs on SQLite and `CREATE TYPE … AS ENUM` on PostgreSQL), plus the `version_info`
 * and `alembic_version` rows that `optuna.load_study(storage=url)` checks. Creating it in an empty
 * database is {@link ensureSchema}'s job; a database at another alembic revision is refused.
 */
import type { SqlDialect, SqlSession } from './dialect';

/** Optuna's alembic head revision this storage reads and writes. */
export const ALEMBIC_HEAD = 'v3.2.0.a';
/** Optuna's frozen `SCHEMA_VERSION` (kept in `version_info`). */
export const SCHEMA_VERSION = 12;
/**
 * The `library_version` written to `version_info` when rnnlab creates the schema.
 *
 * Optuna note: Optuna writes its own version; rnnlab writes the Optuna version whose schema it
 * implements, which is what the column is read for.
 */
export const LIBRARY_VERSION = '5.0.0';

/** Enum columns: Optuna's Python enum names, in order. */
export const ENUMS = {
  studydirection: ['NOT_SET', 'MINIMIZE', 'MAXIMIZE'],
  trialstate: ['RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING'],
  trialvaluetype: ['FINITE', 'INF_POS', 'INF_NEG'],
  trialintermediatevaluetype: ['FINITE', 'INF_POS', 'INF_NEG', 'NAN'],
} as const;

type EnumName = keyof typeof ENUMS;
type ColumnType = 'id' | 'int' | 'float' | 'text' | 'datetime' | `varchar(${number})` | { enum: EnumName };

interface Column {
  name: string;
  type: ColumnType;
  notNull?: boolean;
}

interface Table {
  name: string;
  columns: Column[];
  unique?: string[][];
  /** column → referenced `table(column)` */
  foreignKeys?: Record<string, string>;
  check?: string;
  indexes?: { name: string; column: string; unique?: boolean }[];
}

const KEY = 'varchar(512)' as const;
const attributeTable = (name: string, owner: 'study' | 'trial'): Table => ({
  name,
  columns: [
    { name: `${name.slice(0, -1)}_id`, type: 'id' }, // study_user_attributes → study_user_attribute_id
    { name: `${owner}_id`, type: 'int' },
    { name: 'key', type: KEY },
    { name: 'value_json', type: 'text' },
  ],
  unique: [[`${owner}_id`, 'key']],
  foreignKeys: { [`${owner}_id`]: owner === 'study' ? 'studies(study_id)' : 'trials(trial_id)' },
});

/** The tables in creation order (referenced tables first). */
export const TABLES: readonly Table[] = [
  {
    name: 'studies',
    columns: [
      { name: 'study_id', type: 'id' },
      { name: 'study_name', type: KEY, notNull: true },
    ],
    indexes: [{ name: 'ix_studies_study_name', column: 'study_name', unique: true }],
  },
  {
    name: 'version_info',
    columns: [
      { name: 'version_info_id', type: 'int', notNull: true },
      { name: 'schema_version', type: 'int' },
      { name: 'library_version', type: 'varchar(256)' },
    ],
    check: 'version_info_id=1',
  },
  {
    name: 'study_directions',
    columns: [
      { name: 'study_direction_id', type: 'id' },
      { name: 'direction', type: { enum: 'studydirection' }, notNull: true },
      { name: 'study_id', type: 'int', notNull: true },
      { name: 'objective', type: 'int', notNull: true },
    ],
    unique: [['study_id', 'objective']],
    foreignKeys: { study_id: 'studies(study_id)' },
  },
  attributeTable('study_user_attributes', 'study'),
  attributeTable('study_system_attributes', 'study'),
  {
    name: 'trials',
    columns: [
      { name: 'trial_id', type: 'id' },
      { name: 'number', type: 'int' },
      { name: 'study_id', type: 'int' },
      { name: 'state', type: { enum: 'trialstate' }, notNull: true },
      { name: 'datetime_start', type: 'datetime' },
      { name: 'datetime_complete', type: 'datetime' },
    ],
    foreignKeys: { study_id: 'studies(study_id)' },
    indexes: [{ name: 'ix_trials_study_id', column: 'study_id' }],
  },
  attributeTable('trial_user_attributes', 'trial'),
  attributeTable('trial_system_attributes', 'trial'),
  {
    name: 'trial_params',
    columns: [
      { name: 'param_id', type: 'id' },
      { name: 'trial_id', type: 'int' },
      { name: 'param_name', type: KEY },
      { name: 'param_value', type: 'float' },
      { name: 'distribution_json', type: 'text' },
    ],
    unique: [['trial_id', 'param_name']],
    foreignKeys: { trial_id: 'trials(trial_id)' },
  },
  {
    name: 'trial_values',
    columns: [
      { name: 'trial_value_id', type: 'id' },
      { name: 'trial_id', type: 'int', notNull: true },
      { name: 'objective', type: 'int', notNull: true },
      { name: 'value', type: 'float' },
      { name: 'value_type', type: { enum: 'trialvaluetype' }, notNull: true },
    ],
    unique: [['trial_id', 'objective']],
    foreignKeys: { trial_id: 'trials(trial_id)' },
  },
  {
    name: 'trial_intermediate_values',
    columns: [
      { name: 'trial_intermediate_value_id', type: 'id' },
      { name: 'trial_id', type: 'int', notNull: true },
      { name: 'step', type: 'int', notNull: true },
      { name: 'intermediate_value', type: 'float' },
      { name: 'intermediate_value_type', type: { enum: 'trialintermediatevaluetype' }, notNull: true },
    ],
    unique: [['trial_id', 'step']],
    foreignKeys: { trial_id: 'trials(trial_id)' },
  },
  {
    name: 'trial_heartbeats',
    columns: [
      { name: 'trial_heartbeat_id', type: 'id' },
      { name: 'trial_id', type: 'int', notNull: true },
      { name: 'heartbeat', type: 'datetime', notNull: true },
    ],
    unique: [['trial_id']],
    foreignKeys: { trial_id: 'trials(trial_id)' },
  },
  {
    name: 'alembic_version',
    columns: [{ name: 'version_num', type: 'varchar(32)', notNull: true }],
  },
];

type Dialect = SqlDialect['name'];

/** SQL type of a column per dialect (SQLAlchemy's choices). */
function sqlType(type: ColumnType, dialect: Dialect): string {
  if (typeof type === 'object') {
    const longest = Math.max(...ENUMS[type.enum].map((v) => v.length));
    return dialect === 'postgresql' ? type.enum : `VARCHAR(${longest})`;
  }
  const types: Record<Dialect, Record<string, string>> = {
    sqlite: { id: 'INTEGER NOT NULL', int: 'INTEGER', float: 'FLOAT', text: 'TEXT', datetime: 'DATETIME' },
    postgresql: { id: 'SERIAL NOT NULL', int: 'INTEGER', float: 'DOUBLE PRECISION', text: 'TEXT', datetime: 'TIMESTAMP WITHOUT TIME ZONE' },
  };
  return types[dialect][type] ?? type.toUpperCase();
}

const quote = (name: string): string => (name === 'key' ? '"key"' : name);

/** The `CREATE` statements of the whole schema for a dialect. */
export function schemaStatements(dialect: Dialect): string[] {
  const out: string[] = [];
  if (dialect === 'postgresql') {
    for (const [name, values] of Object.entries(ENUMS)) out.push(`CREATE TYPE ${name} AS ENUM (${values.map((v) => `'${v}'`).join(', ')})`);
  }
  for (const table of TABLES) {
    const lines = table.columns.map((c) => `${quote(c.name)} ${sqlType(c.type, dialect)}${c.notNull && c.type !== 'id' ? ' NOT NULL' : ''}`);
    const key = table.name === 'alembic_version' ? 'CONSTRAINT alembic_version_pkc PRIMARY KEY' : 'PRIMARY KEY';
    lines.push(`${key} (${table.columns[0].name})`);
    for (const columns of table.unique ?? []) lines.push(`UNIQUE (${columns.map(quote).join(', ')})`);
    if (table.check) lines.push(`CHECK (${table.check})`);
    for (const [column, target] of Object.entries(table.foreignKeys ?? {})) lines.push(`FOREIGN KEY(${column}) REFERENCES ${target.replace('(', ' (')}`);
    out.push(`CREATE TABLE ${table.name} (\n\t${lines.join(', \n\t')}\n)`);
    for (const index of table.indexes ?? []) out.push(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${index.name} ON ${table.name} (${index.column})`);
  }
  return out;
}

/** Raised when the database holds Optuna tables of another alembic revision. */
export class SchemaVersionError extends Error {
  constructor(found: string) {
    super(`the database's Optuna schema is at alembic revision '${found}', and rnnlab reads and writes '${ALEMBIC_HEAD}'. Run \`optuna storage upgrade --storage <url>\` with Python Optuna >= 3.2 first`);
    this.name = 'SchemaVersionError';
  }
}

const PG_SCHEMA_LOCK = 0x726e6e6c; // 'rnnl': one schema creator at a time across processes

/**
 * Creates Optuna's schema in an empty database, or checks the revision of an existing one.
 *
 * @throws SchemaVersionError when the database holds another alembic revision
 */
export async function ensureSchema(db: SqlDialect): Promise<void> {
  if (await db.tableExists('alembic_version')) return checkRevision(db);
  try {
    await createSchema(db);
  } catch (error) {
    // Another process (Python Optuna, which takes no lock) created it meanwhile: use theirs.
    if (!(isAlreadyExists(error) && (await db.tableExists('alembic_version')))) throw error;
  }
  await checkRevision(db);
}

/** PostgreSQL's duplicate table / duplicate object / unique violation (on `pg_type`), SQLite's "already exists". */
function isAlreadyExists(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return ['42P07', '42710', '23505'].includes(String(e?.code)) || /already exists/i.test(String(e?.message ?? ''));
}

/**
 * Creates the schema in one transaction. On PostgreSQL an advisory lock makes concurrent creators
 * (rnnlab workers starting together on an empty database) wait for the first, then see its tables;
 * on SQLite `BEGIN IMMEDIATE` does the same.
 */
async function createSchema(db: SqlDialect): Promise<void> {
  await db.transaction(async (tx: SqlSession) => {
    if (db.name === 'postgresql') await tx.query('SELECT pg_advisory_xact_lock(?)', [PG_SCHEMA_LOCK]);
    const exists = db.name === 'postgresql' ? (await tx.query("SELECT to_regclass('alembic_version') IS NOT NULL AS found"))[0].found === true : (await tx.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")).length > 0;
    if (exists) return;
    for (const statement of schemaStatements(db.name)) await tx.exec(statement);
    await tx.exec('INSERT INTO version_info (version_info_id, schema_version, library_version) VALUES (1, ?, ?)', [SCHEMA_VERSION, LIBRARY_VERSION]);
    await tx.exec('INSERT INTO alembic_version (version_num) VALUES (?)', [ALEMBIC_HEAD]);
  });
}

async function checkRevision(db: SqlDialect): Promise<void> {
  const rows = await db.query('SELECT version_num FROM alembic_version');
  const found = rows.map((r) => String(r.version_num));
  if (found.length !== 1 || found[0] !== ALEMBIC_HEAD) throw new SchemaVersionError(found.join(', ') || 'none');
}
