/**
 * Optuna's `RDBStorage` in TypeScript: studies in a SQLite file or a PostgreSQL database, in
 * Optuna's own schema, so Python Optuna (and optuna-dashboard) open what rnnlab writes and the other
 * way round, and any number of processes on any number of machines share a study. The database does
 * the concurrency: a trial's number is counted inside a transaction that holds the study's lock, and
 * a WAITING trial is claimed by exactly one worker.
 */
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { InvalidArgumentError } from '../../../errors';
import { distributionFromJson, distributionJsonObject, incompatibility, toInternal, type Distribution } from '../../distributions';
import { DuplicatedStudyError, RecordNotFoundError, StudyNotFoundError, UpdateFinishedTrialError } from '../../errors';
import { isFinished, type AttrValue, type FrozenTrial, type StudyDirection, type TrialState } from '../../frozen-trial';
import type { HeartbeatStorage, StoredStudy, StudyStorage, TrialTemplate } from '../base';
import { checkKnownKeys } from '../../../validation';
import { DEFAULT_STUDY_NAME_PREFIX } from '../journal';
import { pythonJsonDumps, pythonJsonLoads } from '../python-json';
import { attrJson, directionName, directionOf, encodeIntermediateValue, encodeValue, parseAttrJson, sqlDatetime } from './codec';
import type { SqlDialect, SqlSession } from './dialect';
import { PostgresDialect } from './postgres';
import { ensureSchema } from './schema';
import { SqliteDialect } from './sqlite';
import { loadTrials } from './trial-rows';
import { parseDatabaseUrl } from './url';

type AttrTable = 'study_user_attributes' | 'study_system_attributes' | 'trial_user_attributes' | 'trial_system_attributes';

const TRIAL_CHILD_TABLES = ['trial_params', 'trial_values', 'trial_intermediate_values', 'trial_user_attributes', 'trial_system_attributes', 'trial_heartbeats'] as const;

/**
 * A study storage in a relational database, in Optuna's RDB schema (alembic head `v3.2.0.a`).
 *
 * URLs are SQLAlchemy's, so the same string works in Python: `sqlite:///studies.db` (relative),
 * `sqlite:////abs/studies.db`, `sqlite:///:memory:`, `postgresql://user:password@host:5432/db`.
 * An empty database gets Optuna's tables on first use. The password never appears in messages or
 * in `console.log(storage)`.
 *
 * Optuna note: Optuna's `RDBStorage` keeps a SQLAlchemy engine; rnnlab talks to the database
 * through `better-sqlite3` (SQLite) or `pg` (PostgreSQL), loaded only when such a URL is used.
 *
 * @throws InvalidArgumentError for an unknown scheme or a malformed URL, before any connection
 * @example
 * ```ts
 * const storage = new RDBStorage('postgresql://rnnlab:secret@db.lan:5432/optuna');
 * const study = await createStudy({ studyName: 'rnn', storage, loadIfExists: true, direction: 'maximize' });
 * // Python: optuna.load_study(study_name="rnn", storage="postgresql://rnnlab:secret@db.lan:5432/optuna")
 * ```
 */
/** Options of {@link RDBStorage}, as Optuna's `RDBStorage(heartbeat_interval=, grace_period=)`. */
export interface RDBStorageOptions {
  /** Seconds between heartbeats of a running trial (Optuna's `heartbeat_interval`); off when absent. */
  heartbeatInterval?: number;
  /** Seconds without a heartbeat after which a RUNNING trial is failed; default twice the interval. */
  gracePeriod?: number;
  /**
   * rnnlab: seconds for which a database that cannot be used is waited for before a call fails
   * (default 60). PostgreSQL: connection refused or reset, the server shutting down, serialization
   * failures and deadlocks are retried with a growing pause. SQLite: how long a writer waits for
   * another process' lock.
   */
  retryTimeout?: number;
}

export class RDBStorage implements StudyStorage, HeartbeatStorage {
  /** The URL with its password masked. */
  readonly url: string;
  readonly heartbeatInterval?: number;
  readonly gracePeriod?: number;
  private readonly db: SqlDialect;
  private ready: Promise<void> | undefined;

  /**
   * @param url - `sqlite:///…` or `postgresql://…` (see above)
   */
  constructor(url: string, options: RDBStorageOptions = {}) {
    checkKnownKeys('RDBStorage', options, ['heartbeatInterval', 'gracePeriod', 'retryTimeout']);
    if (options.retryTimeout !== undefined && !(typeof options.retryTimeout === 'number' && options.retryTimeout >= 0 && Number.isFinite(options.retryTimeout))) {
      throw new InvalidArgumentError('retryTimeout', 'must be a finite number of seconds >= 0', options.retryTimeout);
    }
    if (options.heartbeatInterval !== undefined && !(typeof options.heartbeatInterval === 'number' && options.heartbeatInterval > 0)) {
      throw new InvalidArgumentError('heartbeatInterval', 'must be a positive number of seconds', options.heartbeatInterval);
    }
    if (options.gracePeriod !== undefined) {
      if (options.heartbeatInterval === undefined) {
        throw new InvalidArgumentError('gracePeriod', 'needs heartbeatInterval', options.gracePeriod, 'Set heartbeatInterval too.');
      }
      if (!(typeof options.gracePeriod === 'number' && options.gracePeriod > options.heartbeatInterval)) {
        throw new InvalidArgumentError('gracePeriod', `must be a number of seconds greater than heartbeatInterval (${options.heartbeatInterval})`, options.gracePeriod);
      }
    }
    this.heartbeatInterval = options.heartbeatInterval;
    this.gracePeriod = options.heartbeatInterval === undefined ? undefined : (options.gracePeriod ?? 2 * options.heartbeatInterval);
    const parsed = parseDatabaseUrl(url);
    this.url = parsed.maskedUrl;
    const retryTimeout = options.retryTimeout ?? 60;
    this.db = parsed.dialect === 'sqlite' ? new SqliteDialect(parsed.path, retryTimeout * 1000) : new PostgresDialect({ ...parsed, retryTimeoutSeconds: retryTimeout });
    this.ready = this.prepare();
  }

  /** Creates or checks the schema; a failure (the database down) is reported by the call that awaits it and tried again by the next. */
  private prepare(): Promise<void> {
    const ready = ensureSchema(this.db);
    ready.catch(() => {
      if (this.ready === ready) this.ready = undefined;
    });
    return ready;
  }

  /** Closes the database connections; the storage is unusable afterwards. */
  async close(): Promise<void> {
    await this.ready?.catch(() => undefined);
    await this.db.close();
  }

  /** What `console.log` shows: the class and the masked URL only. */
  [inspect.custom](): string {
    return `RDBStorage { url: '${this.url}' }`;
  }

  toJSON(): { url: string } {
    return { url: this.url };
  }

  private async conn(): Promise<SqlDialect> {
    await (this.ready ?? (this.ready = this.prepare()));
    return this.db;
  }

  private async studyRow(db: SqlSession, studyId: number, lock = ''): Promise<void> {
    if ((await db.query(`SELECT study_id FROM studies WHERE study_id = ?${lock}`, [studyId])).length === 0) throw new RecordNotFoundError(`study ${studyId}`);
  }

  async createNewStudy(directions: readonly StudyDirection[], studyName?: string): Promise<number> {
    const name = studyName ?? DEFAULT_STUDY_NAME_PREFIX + randomUUID();
    const db = await this.conn();
    try {
      return await db.transaction(async (tx) => {
        const [row] = await tx.query('INSERT INTO studies (study_name) VALUES (?) RETURNING study_id', [name]);
        const studyId = Number(row.study_id);
        for (const [objective, direction] of directions.entries()) {
          await tx.exec('INSERT INTO study_directions (direction, study_id, objective) VALUES (?, ?, ?)', [directionName(direction), studyId, objective]);
        }
        return studyId;
      });
    } catch (error) {
      if (db.isUniqueViolation(error)) throw new DuplicatedStudyError(name);
      throw error;
    }
  }

  async deleteStudy(studyId: number): Promise<void> {
    const db = await this.conn();
    await db.transaction(async (tx) => {
      await this.studyRow(tx, studyId, db.forUpdate);
      const trials = 'SELECT trial_id FROM trials WHERE study_id = ?';
      for (const table of TRIAL_CHILD_TABLES) await tx.exec(`DELETE FROM ${table} WHERE trial_id IN (${trials})`, [studyId]);
      for (const table of ['trials', 'study_directions', 'study_user_attributes', 'study_system_attributes', 'studies']) await tx.exec(`DELETE FROM ${table} WHERE study_id = ?`, [studyId]);
    });
  }

  async getStudyIdFromName(studyName: string): Promise<number> {
    const rows = await (await this.conn()).query('SELECT study_id FROM studies WHERE study_name = ?', [studyName]);
    if (rows.length === 0) throw new StudyNotFoundError(`named '${studyName}'`);
    return Number(rows[0].study_id);
  }

  async getStudyNameFromId(studyId: number): Promise<string> {
    const rows = await (await this.conn()).query('SELECT study_name FROM studies WHERE study_id = ?', [studyId]);
    if (rows.length === 0) throw new RecordNotFoundError(`study ${studyId}`);
    return String(rows[0].study_name);
  }

  async getStudyDirections(studyId: number): Promise<StudyDirection[]> {
    const db = await this.conn();
    await this.studyRow(db, studyId);
    const rows = await db.query('SELECT direction FROM study_directions WHERE study_id = ? ORDER BY objective', [studyId]);
    return rows.map((r) => directionOf(r.direction));
  }

  async getAllStudies(): Promise<StoredStudy[]> {
    const db = await this.conn();
    const [studies, directions, user, system] = await Promise.all([
      db.query('SELECT study_id, study_name FROM studies ORDER BY study_id'),
      db.query('SELECT study_id, direction FROM study_directions ORDER BY study_id, objective'),
      db.query('SELECT study_id, "key", value_json FROM study_user_attributes ORDER BY study_user_attribute_id'),
      db.query('SELECT study_id, "key", value_json FROM study_system_attributes ORDER BY study_system_attribute_id'),
    ]);
    const byStudy = new Map(studies.map((s) => [Number(s.study_id), { studyId: Number(s.study_id), studyName: String(s.study_name), directions: [] as StudyDirection[], userAttrs: {} as Record<string, AttrValue>, systemAttrs: {} as Record<string, AttrValue> }]));
    for (const d of directions) byStudy.get(Number(d.study_id))?.directions.push(directionOf(d.direction));
    for (const a of user) {
      const s = byStudy.get(Number(a.study_id));
      if (s) s.userAttrs[String(a.key)] = parseAttrJson(a.value_json);
    }
    for (const a of system) {
      const s = byStudy.get(Number(a.study_id));
      if (s) s.systemAttrs[String(a.key)] = parseAttrJson(a.value_json);
    }
    return [...byStudy.values()];
  }

  private async setAttr(table: AttrTable, owner: 'study_id' | 'trial_id', tx: SqlSession, id: number, key: string, value: AttrValue): Promise<void> {
    await tx.exec(`INSERT INTO ${table} (${owner}, "key", value_json) VALUES (?, ?, ?) ON CONFLICT (${owner}, "key") DO UPDATE SET value_json = excluded.value_json`, [id, key, attrJson(value)]);
  }

  private async setStudyAttr(table: AttrTable, studyId: number, key: string, value: AttrValue): Promise<void> {
    const db = await this.conn();
    await db.transaction(async (tx) => {
      await this.studyRow(tx, studyId);
      await this.setAttr(table, 'study_id', tx, studyId, key, value);
    });
  }

  async setStudyUserAttr(studyId: number, key: string, value: AttrValue): Promise<void> {
    await this.setStudyAttr('study_user_attributes', studyId, key, value);
  }

  async setStudySystemAttr(studyId: number, key: string, value: AttrValue): Promise<void> {
    await this.setStudyAttr('study_system_attributes', studyId, key, value);
  }

  private async studyAttrs(table: AttrTable, studyId: number): Promise<Record<string, AttrValue>> {
    const db = await this.conn();
    await this.studyRow(db, studyId);
    const rows = await db.query(`SELECT "key", value_json FROM ${table} WHERE study_id = ? ORDER BY ${table.slice(0, -1)}_id`, [studyId]);
    return Object.fromEntries(rows.map((r) => [String(r.key), parseAttrJson(r.value_json)]));
  }

  async getStudyUserAttrs(studyId: number): Promise<Record<string, AttrValue>> {
    return this.studyAttrs('study_user_attributes', studyId);
  }

  async getStudySystemAttrs(studyId: number): Promise<Record<string, AttrValue>> {
    return this.studyAttrs('study_system_attributes', studyId);
  }

  async createNewTrial(studyId: number, template?: TrialTemplate): Promise<number> {
    const db = await this.conn();
    return db.transaction(async (tx) => {
      await this.studyRow(tx, studyId, db.forUpdate); // the lock that makes numbering atomic
      const start = template ? (template.datetimeStart ?? null) : new Date();
      const [row] = await tx.query('INSERT INTO trials (number, study_id, state, datetime_start, datetime_complete) VALUES (NULL, ?, ?, ?, ?) RETURNING trial_id', [
        studyId,
        'RUNNING',
        sqlDatetime(start),
        sqlDatetime(template?.datetimeComplete),
      ]);
      const trialId = Number(row.trial_id);
      if (template) await this.copyTemplate(tx, studyId, trialId, template);
      const [count] = await tx.query('SELECT COUNT(*) AS n FROM trials WHERE study_id = ? AND trial_id < ?', [studyId, trialId]);
      const state = template?.state ?? 'RUNNING';
      await tx.exec('UPDATE trials SET number = ?, state = ? WHERE trial_id = ?', [Number(count.n), state, trialId]);
      // A RUNNING trial gets its first heartbeat with its row, so a kill at any later instant leaves a trial that heartbeats judge.
      if (state === 'RUNNING' && this.heartbeatInterval !== undefined) await tx.exec('INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, ?)', [trialId, sqlDatetime(new Date())]);
      return trialId;
    });
  }

  private async copyTemplate(tx: SqlSession, studyId: number, trialId: number, template: TrialTemplate): Promise<void> {
    for (const [objective, value] of (template.values ?? []).entries()) await this.setValue(tx, trialId, objective, value);
    const distributions = template.distributions ?? {};
    for (const [name, value] of Object.entries(template.params ?? {})) {
      await this.setParam(tx, studyId, trialId, name, toInternal(distributions[name], value), distributions[name]);
    }
    for (const [key, value] of Object.entries(template.userAttrs ?? {})) await this.setAttr('trial_user_attributes', 'trial_id', tx, trialId, key, value);
    for (const [key, value] of Object.entries(template.systemAttrs ?? {})) await this.setAttr('trial_system_attributes', 'trial_id', tx, trialId, key, value);
    for (const [step, value] of template.intermediateValues ?? new Map<number, number>()) await this.setIntermediate(tx, trialId, step, value);
  }

  private async setValue(tx: SqlSession, trialId: number, objective: number, value: number): Promise<void> {
    const [stored, type] = encodeValue(value);
    await tx.exec('INSERT INTO trial_values (trial_id, objective, value, value_type) VALUES (?, ?, ?, ?) ON CONFLICT (trial_id, objective) DO UPDATE SET value = excluded.value, value_type = excluded.value_type', [trialId, objective, stored, type]);
  }

  private async setIntermediate(tx: SqlSession, trialId: number, step: number, value: number): Promise<void> {
    const [stored, type] = encodeIntermediateValue(value);
    await tx.exec(
      'INSERT INTO trial_intermediate_values (trial_id, step, intermediate_value, intermediate_value_type) VALUES (?, ?, ?, ?) ON CONFLICT (trial_id, step) DO UPDATE SET intermediate_value = excluded.intermediate_value, intermediate_value_type = excluded.intermediate_value_type',
      [trialId, step, stored, type],
    );
  }

  private async setParam(tx: SqlSession, studyId: number, trialId: number, name: string, internal: number, distribution: Distribution): Promise<void> {
    const json = pythonJsonDumps(distributionJsonObject(distribution), false);
    const previous = await tx.query('SELECT p.distribution_json FROM trial_params p JOIN trials t ON p.trial_id = t.trial_id WHERE t.study_id = ? AND p.param_name = ? ORDER BY p.param_id LIMIT 1', [studyId, name]);
    if (previous.length) {
      const reason = incompatibility(distributionFromJson(pythonJsonLoads(String(previous[0].distribution_json)) as Record<string, unknown>), distribution);
      if (reason) throw new InvalidArgumentError(name, `must keep its distribution within a study: it ${reason}`, json, 'Use another parameter name');
    }
    await tx.exec('INSERT INTO trial_params (trial_id, param_name, param_value, distribution_json) VALUES (?, ?, ?, ?) ON CONFLICT (trial_id, param_name) DO UPDATE SET param_value = excluded.param_value, distribution_json = excluded.distribution_json', [
      trialId,
      name,
      internal,
      json,
    ]);
  }

  /** Runs `body` in a transaction holding the trial's row, after checking it is still RUNNING or WAITING. */
  private async updateTrial<T>(trialId: number, body: (tx: SqlSession, trial: { studyId: number; state: TrialState }) => Promise<T>): Promise<T> {
    const db = await this.conn();
    return db.transaction(async (tx) => {
      const rows = await tx.query(`SELECT study_id, number, state FROM trials WHERE trial_id = ?${db.forUpdate}`, [trialId]);
      if (rows.length === 0) throw new RecordNotFoundError(`trial ${trialId}`);
      const state = String(rows[0].state) as TrialState;
      if (isFinished(state)) throw new UpdateFinishedTrialError(Number(rows[0].number));
      return body(tx, { studyId: Number(rows[0].study_id), state });
    });
  }

  async setTrialParam(trialId: number, paramName: string, internalValue: number, distribution: Distribution): Promise<void> {
    await this.updateTrial(trialId, (tx, trial) => this.setParam(tx, trial.studyId, trialId, paramName, internalValue, distribution));
  }

  async setTrialStateValues(trialId: number, state: TrialState, values?: readonly number[] | null): Promise<boolean> {
    return this.updateTrial(trialId, async (tx, trial) => {
      if (state === 'RUNNING' && trial.state !== 'WAITING') return false;
      for (const [objective, value] of (values ?? []).entries()) await this.setValue(tx, trialId, objective, value);
      const now = sqlDatetime(new Date());
      if (state === 'RUNNING') await tx.exec('UPDATE trials SET state = ?, datetime_start = ? WHERE trial_id = ?', [state, now, trialId]);
      else if (isFinished(state)) await tx.exec('UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ?', [state, now, trialId]);
      else await tx.exec('UPDATE trials SET state = ? WHERE trial_id = ?', [state, trialId]);
      return true;
    });
  }

  /** Records that the trial's process is alive (Optuna's `record_heartbeat`). */
  async recordHeartbeat(trialId: number): Promise<void> {
    const db = await this.conn();
    const now = sqlDatetime(new Date());
    await db.transaction(async (tx) => {
      const updated = await tx.query('SELECT trial_heartbeat_id FROM trial_heartbeats WHERE trial_id = ?', [trialId]);
      if (updated.length > 0) await tx.exec('UPDATE trial_heartbeats SET heartbeat = ? WHERE trial_id = ?', [now, trialId]);
      else await tx.exec('INSERT INTO trial_heartbeats (trial_id, heartbeat) VALUES (?, ?)', [trialId, now]);
    });
  }

  /** Fails the study's RUNNING trials whose heartbeat is older than the grace period (Optuna's `fail_stale_trials`). */
  async failStaleHeartbeatTrials(studyId: number): Promise<number[]> {
    if (this.gracePeriod === undefined) return [];
    const db = await this.conn();
    const limit = sqlDatetime(new Date(Date.now() - this.gracePeriod * 1000));
    const stale = await db.query(
      "SELECT t.trial_id, t.number FROM trials t JOIN trial_heartbeats h ON h.trial_id = t.trial_id WHERE t.study_id = ? AND t.state = 'RUNNING' AND h.heartbeat < ?",
      [studyId, limit],
    );
    const failed: number[] = [];
    for (const row of stale) {
      const trialId = Number(row.trial_id);
      const done = await this.updateTrial(trialId, async (tx, trial) => {
        if (trial.state !== 'RUNNING') return false;
        await tx.exec('UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ?', ['FAIL', sqlDatetime(new Date()), trialId]);
        await this.setAttr('trial_system_attributes', 'trial_id', tx, trialId, 'fail_reason', `no heartbeat for more than ${this.gracePeriod} s: its worker stopped`);
        return true;
      });
      if (done) failed.push(Number(row.number));
    }
    return failed;
  }

  async setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void> {
    await this.updateTrial(trialId, (tx) => this.setIntermediate(tx, trialId, step, value));
  }

  async setTrialUserAttr(trialId: number, key: string, value: AttrValue): Promise<void> {
    await this.updateTrial(trialId, (tx) => this.setAttr('trial_user_attributes', 'trial_id', tx, trialId, key, value));
  }

  async setTrialSystemAttr(trialId: number, key: string, value: AttrValue): Promise<void> {
    await this.updateTrial(trialId, (tx) => this.setAttr('trial_system_attributes', 'trial_id', tx, trialId, key, value));
  }

  async getTrial(trialId: number): Promise<FrozenTrial> {
    const [trial] = await loadTrials(await this.conn(), 't.trial_id = ?', [trialId]);
    if (!trial) throw new RecordNotFoundError(`trial ${trialId}`);
    return trial;
  }

  async getTrialIdFromStudyIdTrialNumber(studyId: number, trialNumber: number): Promise<number> {
    const db = await this.conn();
    await this.studyRow(db, studyId);
    const rows = await db.query('SELECT trial_id FROM trials WHERE study_id = ? AND number = ?', [studyId, trialNumber]);
    if (rows.length === 0) throw new RecordNotFoundError(`trial number ${trialNumber} of study ${studyId}`);
    return Number(rows[0].trial_id);
  }

  async getAllTrials(studyId: number, states?: readonly TrialState[]): Promise<FrozenTrial[]> {
    const db = await this.conn();
    await this.studyRow(db, studyId);
    if (states && states.length === 0) return [];
    const where = states ? `t.study_id = ? AND t.state IN (${states.map(() => '?').join(', ')})` : 't.study_id = ?';
    return loadTrials(db, where, [studyId, ...(states ?? [])]);
  }
}
