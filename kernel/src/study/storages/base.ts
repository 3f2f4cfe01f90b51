/**
 * The storage interface every study storage implements (Optuna's `BaseStorage` in camelCase).
 * Every method is asynchronous so that database storages (PostgreSQL, SQLite) fit the same
 * interface; only the study talks to a storage, and it hands samplers and pruners the read-only
 * {@link FrozenTrial}s it returns. One shared suite (`storage-suite.ts`) checks every implementation.
 */
import type { Distribution, ParamValue } from '../distributions';
import type { AttrValue, FrozenTrial, StudyDirection, TrialState } from '../frozen-trial';

/** A study as `getAllStudies` lists it. */
export interface StoredStudy {
  readonly studyId: number;
  readonly studyName: string;
  readonly directions: readonly StudyDirection[];
  readonly userAttrs: Readonly<Record<string, AttrValue>>;
  readonly systemAttrs: Readonly<Record<string, AttrValue>>;
}

/** What a new trial starts with (`enqueueTrial` makes WAITING trials; tests copy whole trials). */
export interface TrialTemplate {
  state: TrialState;
  values?: readonly number[] | null;
  datetimeStart?: Date | null;
  datetimeComplete?: Date | null;
  params?: Readonly<Record<string, ParamValue>>;
  distributions?: Readonly<Record<string, Distribution>>;
  userAttrs?: Readonly<Record<string, AttrValue>>;
  systemAttrs?: Readonly<Record<string, AttrValue>>;
  intermediateValues?: ReadonlyMap<number, number>;
}

/**
 * Where studies and their trials live.
 *
 * Errors: unknown ids raise `RecordNotFoundError`, an existing name in `createNewStudy` raises
 * `DuplicatedStudyError`, writes to finished trials raise `UpdateFinishedTrialError`, and a
 * parameter whose distribution is incompatible with the one it had in an earlier trial raises
 * `InvalidArgumentError`.
 */
export interface StudyStorage {
  /** Creates a study; a name is generated (`no-name-<uuid>`) when absent. Returns its id. */
  createNewStudy(directions: readonly StudyDirection[], studyName?: string): Promise<number>;
  deleteStudy(studyId: number): Promise<void>;
  getStudyIdFromName(studyName: string): Promise<number>;
  getStudyNameFromId(studyId: number): Promise<string>;
  getStudyDirections(studyId: number): Promise<StudyDirection[]>;
  getAllStudies(): Promise<StoredStudy[]>;
  setStudyUserAttr(studyId: number, key: string, value: AttrValue): Promise<void>;
  setStudySystemAttr(studyId: number, key: string, value: AttrValue): Promise<void>;
  getStudyUserAttrs(studyId: number): Promise<Record<string, AttrValue>>;
  getStudySystemAttrs(studyId: number): Promise<Record<string, AttrValue>>;

  /**
   * Creates a trial (RUNNING, started now, unless a template says otherwise) and returns its id.
   * The trial number is assigned atomically: two workers never get the same number.
   */
  createNewTrial(studyId: number, template?: TrialTemplate): Promise<number>;
  /** Sets a parameter from its internal (float) value. */
  setTrialParam(trialId: number, paramName: string, internalValue: number, distribution: Distribution): Promise<void>;
  /**
   * Sets the state (and values). Setting RUNNING claims a WAITING trial: it returns false when
   * another worker claimed it first. Other states always return true.
   */
  setTrialStateValues(trialId: number, state: TrialState, values?: readonly number[] | null): Promise<boolean>;
  setTrialIntermediateValue(trialId: number, step: number, value: number): Promise<void>;
  setTrialUserAttr(trialId: number, key: string, value: AttrValue): Promise<void>;
  setTrialSystemAttr(trialId: number, key: string, value: AttrValue): Promise<void>;
  getTrial(trialId: number): Promise<FrozenTrial>;
  getTrialIdFromStudyIdTrialNumber(studyId: number, trialNumber: number): Promise<number>;
  /** The study's trials in order of number, optionally only those in `states`. */
  getAllTrials(studyId: number, states?: readonly TrialState[]): Promise<FrozenTrial[]>;
}

/** Whether a value looks like a storage (for option checks). */
export function isStudyStorage(value: unknown): value is StudyStorage {
  return typeof value === 'object' && value !== null && typeof (value as StudyStorage).createNewTrial === 'function' && typeof (value as StudyStorage).getAllTrials === 'function';
}

/**
 * A storage that keeps Optuna's trial heartbeats: the process running a trial records one every
 * `heartbeatInterval` seconds, and a RUNNING trial whose last heartbeat is older than `gracePeriod`
 * seconds belongs to a worker that died, so any worker marks it FAIL before starting a trial.
 */
export interface HeartbeatStorage {
  /** Seconds between two heartbeats of a running trial; undefined: heartbeats are off. */
  readonly heartbeatInterval?: number;
  /** Seconds without a heartbeat after which a RUNNING trial is failed. */
  readonly gracePeriod?: number;
  recordHeartbeat(trialId: number): Promise<void>;
  /** Marks FAIL the study's RUNNING trials whose heartbeat is older than the grace period; returns their numbers. */
  failStaleHeartbeatTrials(studyId: number): Promise<number[]>;
}

/** Whether `storage` keeps heartbeats and has them switched on. */
export function heartbeatsOf(storage: StudyStorage): HeartbeatStorage | undefined {
  const s = storage as Partial<HeartbeatStorage>;
  return typeof s.recordHeartbeat === 'function' && typeof s.failStaleHeartbeatTrials === 'function' && s.heartbeatInterval !== undefined
    ? (s as HeartbeatStorage)
    : undefined;
}
