/**
 * Optuna's JournalStorage in TypeScript: every change is one operation appended to a log, and the
 * state is the replay of the log. Atomic trial numbers come from the log's order: a worker appends
 * "create trial" under the backend's lock, replays, and takes the trial its own log line created.
 */
import { randomUUID } from 'node:crypto';
import { PyFloat, distributionJsonObject, toInternal, type Distribution } from '../distributions';
import { DIRECTION_CODES, TRIAL_STATE_CODES, isFinished, type AttrValue, type FrozenTrial, type StudyDirection, type TrialState } from '../frozen-trial';
import { RecordNotFoundError, StudyNotFoundError, UpdateFinishedTrialError } from '../errors';
import type { StoredStudy, StudyStorage, TrialTemplate } from './base';
import { JournalOperation, JournalReplay, type JournalLog } from './journal-replay';
import { pythonIsoformat, pythonJsonDumps } from './python-json';

/**
 * Where journal lines are kept (a file, memory, later Redis). Reads are synchronous; an append is
 * atomic and may be asynchronous (the file backend waits for its lock without blocking the thread).
 */
export interface JournalBackend {
  /** The logs from number `logNumberFrom` (0-based) on. */
  readLogs(logNumberFrom: number): JournalLog[];
  /** Appends logs as one atomic write. */
  appendLogs(logs: JournalLog[]): void | Promise<void>;
}

/** Optuna's default name prefix of unnamed studies. */
export const DEFAULT_STUDY_NAME_PREFIX = 'no-name-';

const pyFloats = (values: readonly number[] | null | undefined): PyFloat[] | null => (values ? values.map((v) => new PyFloat(v)) : null);

/**
 * A storage over any {@link JournalBackend}; {@link JournalFileStorage} and {@link InMemoryStorage}
 * are the two that rnnlab ships.
 */
export class JournalStorage implements StudyStorage {
  /** Optuna's worker id: a uuid per storage object, plus a thread part (always 0 here). */
  readonly workerId = `${randomUUID()}-0`;
  private readonly replay = new JournalReplay(this.workerId);

  constructor(protected readonly backend: JournalBackend) {
    this.sync();
  }

  private sync(): void {
    this.replay.apply(this.backend.readLogs(this.replay.logNumberRead));
  }

  /** Appends and replays one operation at a time, so that what follows an append reads its own line. */
  private tail: Promise<unknown> = Promise.resolve();

  private exclusive<T>(task: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async append(opCode: number, fields: JournalLog): Promise<void> {
    await this.backend.appendLogs([{ op_code: opCode, worker_id: this.workerId, ...fields }]);
    this.sync();
  }

  /** Appends one operation; `after` reads the replay right after it, before any other append. */
  private write<T = void>(opCode: number, fields: JournalLog, after?: () => T): Promise<T> {
    return this.exclusive(async () => {
      await this.append(opCode, fields);
      return after ? after() : (undefined as T);
    });
  }

  async createNewStudy(directions: readonly StudyDirection[], studyName?: string): Promise<number> {
    const name = studyName ?? DEFAULT_STUDY_NAME_PREFIX + randomUUID();
    const study = await this.write(JournalOperation.CREATE_STUDY, { study_name: name, directions: directions.map((d) => DIRECTION_CODES[d]) }, () =>
      [...this.replay.studies.values()].find((s) => s.studyName === name),
    );
    return study!.studyId;
  }

  async deleteStudy(studyId: number): Promise<void> {
    await this.write(JournalOperation.DELETE_STUDY, { study_id: studyId });
  }

  async getStudyIdFromName(studyName: string): Promise<number> {
    this.sync();
    const study = [...this.replay.studies.values()].find((s) => s.studyName === studyName);
    if (!study) throw new StudyNotFoundError(`named '${studyName}'`);
    return study.studyId;
  }

  async getStudyNameFromId(studyId: number): Promise<string> {
    this.sync();
    return this.replay.study(studyId).studyName;
  }

  async getStudyDirections(studyId: number): Promise<StudyDirection[]> {
    this.sync();
    return [...this.replay.study(studyId).directions];
  }

  async getAllStudies(): Promise<StoredStudy[]> {
    this.sync();
    return this.replay.allStudies();
  }

  async setStudyUserAttr(studyId: number, key: string, value: AttrValue): Promise<void> {
    await this.write(JournalOperation.SET_STUDY_USER_ATTR, { study_id: studyId, user_attr: { [key]: value } });
  }

  async setStudySystemAttr(studyId: number, key: string, value: AttrValue): Promise<void> {
    await this.write(JournalOperation.SET_STUDY_SYSTEM_ATTR, { study_id: studyId, system_attr: { [key]: value } });
  }

  async getStudyUserAttrs(studyId: number): Promise<Record<string, AttrValue>> {
    this.sync();
    return { ...this.replay.study(studyId).userAttrs };
  }

  async getStudySystemAttrs(studyId: number): Promise<Record<string, AttrValue>> {
    this.sync();
    return { ...this.replay.study(studyId).systemAttrs };
  }

  async createNewTrial(studyId: number, template?: TrialTemplate): Promise<number> {
    const log: JournalLog = { study_id: studyId, datetime_start: pythonIsoformat(new Date()) };
    if (template) {
      log.state = TRIAL_STATE_CODES[template.state];
      const values = template.values ?? null;
      if (values && values.length > 1) {
        log.value = null;
        log.values = pyFloats(values);
      } else {
        log.value = values && values.length === 1 ? new PyFloat(values[0]) : null;
        log.values = null;
      }
      log.datetime_start = template.datetimeStart ? pythonIsoformat(template.datetimeStart) : null;
      if (template.datetimeComplete) log.datetime_complete = pythonIsoformat(template.datetimeComplete);
      const distributions = template.distributions ?? {};
      log.distributions = Object.fromEntries(Object.entries(distributions).map(([k, d]) => [k, pythonJsonDumps(distributionJsonObject(d), false)]));
      log.params = Object.fromEntries(
        Object.entries(template.params ?? {}).map(([k, v]) => {
          const d = distributions[k];
          const internal = toInternal(d, v);
          return [k, d.type === 'categorical' ? internal : new PyFloat(internal)];
        }),
      );
      log.user_attrs = template.userAttrs ?? {};
      log.system_attrs = template.systemAttrs ?? {};
      log.intermediate_values = Object.fromEntries([...(template.intermediateValues ?? new Map<number, number>())].map(([s, v]) => [String(s), new PyFloat(v)]));
    }
    return this.write(JournalOperation.CREATE_TRIAL, log, () => this.replay.lastCreatedTrialId);
  }

  async setTrialParam(trialId: number, paramName: string, internalValue: number, distribution: Distribution): Promise<void> {
    await this.write(JournalOperation.SET_TRIAL_PARAM, {
      trial_id: trialId,
      param_name: paramName,
      param_value_internal: distribution.type === 'categorical' ? internalValue : new PyFloat(internalValue),
      distribution: pythonJsonDumps(distributionJsonObject(distribution), false),
    });
  }

  async setTrialStateValues(trialId: number, state: TrialState, values?: readonly number[] | null): Promise<boolean> {
    const log: JournalLog = { trial_id: trialId, state: TRIAL_STATE_CODES[state], values: pyFloats(values) };
    return this.exclusive(async () => {
      if (state === 'RUNNING') {
        log.datetime_start = pythonIsoformat(new Date());
        this.sync();
        const existing = this.replay.trial(trialId);
        if (isFinished(existing.state)) throw new UpdateFinishedTrialError(existing.number);
        if (existing.state !== 'WAITING') return false;
      } else if (isFinished(state)) {
        log.datetime_complete = pythonIsoformat(new Date());
      }
      await this.append(JournalOperation.SET_TRIAL_STATE_VALUES, log);
      return state !== 'RUNNING' || this.replay.ownedTrialId === trialId;
    });
  }

  async setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void> {
    await this.write(JournalOperation.SET_TRIAL_INTERMEDIATE_VALUE, { trial_id: trialId, step, intermediate_value: new PyFloat(value) });
  }

  async setTrialUserAttr(trialId: number, key: string, value: AttrValue): Promise<void> {
    await this.write(JournalOperation.SET_TRIAL_USER_ATTR, { trial_id: trialId, user_attr: { [key]: value } });
  }

  async setTrialSystemAttr(trialId: number, key: string, value: AttrValue): Promise<void> {
    await this.write(JournalOperation.SET_TRIAL_SYSTEM_ATTR, { trial_id: trialId, system_attr: { [key]: value } });
  }

  async getTrial(trialId: number): Promise<FrozenTrial> {
    this.sync();
    return { ...this.replay.trial(trialId) };
  }

  async getTrialIdFromStudyIdTrialNumber(studyId: number, trialNumber: number): Promise<number> {
    this.sync();
    this.replay.study(studyId);
    const id = this.replay.studyTrialIds.get(studyId)?.[trialNumber];
    if (id === undefined) throw new RecordNotFoundError(`trial number ${trialNumber} of study ${studyId}`);
    return id;
  }

  async getAllTrials(studyId: number, states?: readonly TrialState[]): Promise<FrozenTrial[]> {
    this.sync();
    this.replay.study(studyId);
    const out: FrozenTrial[] = [];
    for (const id of this.replay.studyTrialIds.get(studyId) ?? []) {
      const trial = this.replay.trials[id];
      if (!states || states.includes(trial.state)) out.push({ ...trial });
    }
    return out;
  }
}
