/**
 * The in-memory state rebuilt from an Optuna journal: every log line is an operation (op code)
 * applied in order. Operations issued by another worker that do not apply (a duplicate study name,
 * a write to a finished trial) are skipped, as Optuna does; our own raise.
 */
import { InvalidArgumentError } from '../../errors';
import { distributionFromJson, incompatibility, toExternal, type Distribution, type ParamValue } from '../distributions';
import { DuplicatedStudyError, RecordNotFoundError, UpdateFinishedTrialError } from '../errors';
import { STUDY_DIRECTIONS, TRIAL_STATE_OF_CODE, isFinished, type AttrValue, type FrozenTrial, type StudyDirection } from '../frozen-trial';
import type { StoredStudy } from './base';
import { parsePythonIsoformat, pythonJsonLoads } from './python-json';

/** Optuna's `JournalOperation` codes. */
export const JournalOperation = {
  CREATE_STUDY: 0,
  DELETE_STUDY: 1,
  SET_STUDY_USER_ATTR: 2,
  SET_STUDY_SYSTEM_ATTR: 3,
  CREATE_TRIAL: 4,
  SET_TRIAL_PARAM: 5,
  SET_TRIAL_STATE_VALUES: 6,
  SET_TRIAL_INTERMEDIATE_VALUE: 7,
  SET_TRIAL_USER_ATTR: 8,
  SET_TRIAL_SYSTEM_ATTR: 9,
  DISCARD_TRIALS: 10,
} as const;

/** One journal line, parsed. */
export type JournalLog = Record<string, unknown>;

interface MutableStudy {
  studyId: number;
  studyName: string;
  directions: StudyDirection[];
  userAttrs: Record<string, AttrValue>;
  systemAttrs: Record<string, AttrValue>;
}

type MutableTrial = { -readonly [K in keyof FrozenTrial]: FrozenTrial[K] };

/** Replayed studies and trials, plus which of them this worker created or owns. */
export class JournalReplay {
  logNumberRead = 0;
  readonly studies = new Map<number, MutableStudy>();
  readonly trials: MutableTrial[] = [];
  readonly studyTrialIds = new Map<number, number[]>();
  readonly trialStudyId: number[] = [];
  private nextStudyId = 0;
  lastCreatedTrialId = -1;
  ownedTrialId: number | undefined;

  constructor(readonly workerId: string) {}

  apply(logs: Iterable<JournalLog>): void {
    for (const log of logs) {
      this.logNumberRead++;
      const handler = this.handlers[Number(log.op_code)];
      if (!handler) throw new Error(`unknown journal op_code ${String(log.op_code)}`);
      handler(log);
    }
  }

  private readonly handlers: Record<number, (log: JournalLog) => void> = {
    [JournalOperation.CREATE_STUDY]: (log) => this.createStudy(log),
    [JournalOperation.DELETE_STUDY]: (log) => {
      const id = Number(log.study_id);
      if (this.studyExists(id, log)) this.studies.delete(id);
    },
    [JournalOperation.SET_STUDY_USER_ATTR]: (log) => {
      const id = Number(log.study_id);
      if (this.studyExists(id, log)) Object.assign(this.studies.get(id)!.userAttrs, log.user_attr);
    },
    [JournalOperation.SET_STUDY_SYSTEM_ATTR]: (log) => {
      const id = Number(log.study_id);
      if (this.studyExists(id, log)) Object.assign(this.studies.get(id)!.systemAttrs, log.system_attr);
    },
    [JournalOperation.CREATE_TRIAL]: (log) => this.createTrial(log),
    [JournalOperation.SET_TRIAL_PARAM]: (log) => this.setParam(log),
    [JournalOperation.SET_TRIAL_STATE_VALUES]: (log) => this.setStateValues(log),
    [JournalOperation.SET_TRIAL_INTERMEDIATE_VALUE]: (log) => {
      const trial = this.updatable(Number(log.trial_id), log);
      if (trial) {
        const values = new Map(trial.intermediateValues);
        values.set(Number(log.step), asNumber(log.intermediate_value));
        trial.intermediateValues = new Map([...values].sort((a, b) => a[0] - b[0]));
      }
    },
    [JournalOperation.SET_TRIAL_USER_ATTR]: (log) => {
      const trial = this.updatable(Number(log.trial_id), log);
      if (trial) trial.userAttrs = { ...trial.userAttrs, ...(log.user_attr as Record<string, AttrValue>) };
    },
    [JournalOperation.SET_TRIAL_SYSTEM_ATTR]: (log) => {
      const trial = this.updatable(Number(log.trial_id), log);
      if (trial) trial.systemAttrs = { ...trial.systemAttrs, ...(log.system_attr as Record<string, AttrValue>) };
    },
    [JournalOperation.DISCARD_TRIALS]: () => undefined,
  };

  private mine(log: JournalLog): boolean {
    return log.worker_id === this.workerId;
  }

  private studyExists(studyId: number, log: JournalLog): boolean {
    if (this.studies.has(studyId)) return true;
    if (this.mine(log)) throw new RecordNotFoundError(`study ${studyId}`);
    return false;
  }

  private createStudy(log: JournalLog): void {
    const name = String(log.study_name);
    if ([...this.studies.values()].some((s) => s.studyName === name)) {
      if (this.mine(log)) throw new DuplicatedStudyError(name);
      return;
    }
    const studyId = this.nextStudyId++;
    const directions = (log.directions as number[]).map((code) => STUDY_DIRECTIONS[code - 1] ?? 'minimize');
    this.studies.set(studyId, { studyId, studyName: name, directions, userAttrs: {}, systemAttrs: {} });
    this.studyTrialIds.set(studyId, []);
  }

  private createTrial(log: JournalLog): void {
    const studyId = Number(log.study_id);
    if (!this.studyExists(studyId, log)) return;
    const trialId = this.trials.length;
    const distributions: Record<string, Distribution> = {};
    for (const [name, json] of Object.entries((log.distributions ?? {}) as Record<string, string>)) {
      distributions[name] = distributionFromJson(pythonJsonLoads(json) as Record<string, unknown>);
    }
    const params: Record<string, ParamValue> = {};
    for (const [name, internal] of Object.entries((log.params ?? {}) as Record<string, number>)) {
      params[name] = toExternal(distributions[name], internal);
    }
    const ids = this.studyTrialIds.get(studyId)!;
    const intermediate = Object.entries((log.intermediate_values ?? {}) as Record<string, unknown>).map(([k, v]) => [Number(k), asNumber(v)] as [number, number]);
    const value = log.value;
    const values = log.values as number[] | null | undefined;
    const trial: MutableTrial = {
      trialId,
      number: ids.length,
      state: TRIAL_STATE_OF_CODE[Number(log.state ?? 0)],
      values: values ? values.map(asNumber) : value === null || value === undefined ? null : [asNumber(value)],
      datetimeStart: typeof log.datetime_start === 'string' ? parsePythonIsoformat(log.datetime_start) : null,
      datetimeComplete: typeof log.datetime_complete === 'string' ? parsePythonIsoformat(log.datetime_complete) : null,
      params,
      distributions,
      userAttrs: (log.user_attrs ?? {}) as Record<string, AttrValue>,
      systemAttrs: (log.system_attrs ?? {}) as Record<string, AttrValue>,
      intermediateValues: new Map(intermediate.sort((a, b) => a[0] - b[0])),
    };
    this.trials.push(trial);
    ids.push(trialId);
    this.trialStudyId[trialId] = studyId;
    if (this.mine(log)) {
      this.lastCreatedTrialId = trialId;
      if (trial.state === 'RUNNING') this.ownedTrialId = trialId;
    }
  }

  private updatable(trialId: number, log: JournalLog): MutableTrial | undefined {
    const trial = this.trials[trialId];
    if (!trial) {
      if (this.mine(log)) throw new RecordNotFoundError(`trial ${trialId}`);
      return undefined;
    }
    if (isFinished(trial.state)) {
      if (this.mine(log)) throw new UpdateFinishedTrialError(trial.number);
      return undefined;
    }
    return trial;
  }

  private setParam(log: JournalLog): void {
    const trialId = Number(log.trial_id);
    const trial = this.updatable(trialId, log);
    if (!trial) return;
    const name = String(log.param_name);
    const distribution = distributionFromJson(pythonJsonLoads(String(log.distribution)) as Record<string, unknown>);
    for (const otherId of this.studyTrialIds.get(this.trialStudyId[trialId]) ?? []) {
      const previous = this.trials[otherId].distributions[name];
      if (previous) {
        const reason = incompatibility(previous, distribution);
        if (reason) {
          if (this.mine(log)) throw new InvalidArgumentError(name, `must keep its distribution within a study: it ${reason}`, log.distribution, 'Use another parameter name');
          return;
        }
        break;
      }
    }
    trial.params = { ...trial.params, [name]: toExternal(distribution, asNumber(log.param_value_internal)) };
    trial.distributions = { ...trial.distributions, [name]: distribution };
  }

  private setStateValues(log: JournalLog): void {
    const trialId = Number(log.trial_id);
    const trial = this.updatable(trialId, log);
    if (!trial) return;
    const state = TRIAL_STATE_OF_CODE[Number(log.state)];
    if (state === 'RUNNING' && trial.state === 'RUNNING') return;
    if (state === 'RUNNING') {
      trial.datetimeStart = parsePythonIsoformat(String(log.datetime_start));
      if (this.mine(log)) this.ownedTrialId = trialId;
    }
    if (isFinished(state)) trial.datetimeComplete = parsePythonIsoformat(String(log.datetime_complete));
    trial.state = state;
    if (log.values !== null && log.values !== undefined) trial.values = (log.values as unknown[]).map(asNumber);
  }

  study(studyId: number): MutableStudy {
    const study = this.studies.get(studyId);
    if (!study) throw new RecordNotFoundError(`study ${studyId}`);
    return study;
  }

  trial(trialId: number): FrozenTrial {
    const trial = this.trials[trialId];
    if (!trial) throw new RecordNotFoundError(`trial ${trialId}`);
    return trial;
  }

  allStudies(): StoredStudy[] {
    return [...this.studies.values()].map((s) => ({ ...s, directions: [...s.directions], userAttrs: { ...s.userAttrs }, systemAttrs: { ...s.systemAttrs } }));
  }
}

function asNumber(v: unknown): number {
  return v === null || v === undefined ? NaN : Number(v);
}
