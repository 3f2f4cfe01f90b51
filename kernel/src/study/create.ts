/** `createStudy` and `loadStudy`: option checks and opening a study in a storage. */
import { InvalidArgumentError, oneOf } from '../errors';
import { DuplicatedStudyError } from './errors';
import { STUDY_DIRECTIONS, type StudyDirection } from './frozen-trial';
import { MedianPruner, isPruner, type Pruner } from './pruners';
import { TPESampler, isSampler, type Sampler } from './samplers';
import { InMemoryStorage, type StorageInput, storageFrom, type StudyStorage } from './storages';
import { Study } from './study';
import { checkOptions } from './validation';

/** Options of {@link createStudy}, named as Optuna's `create_study` in camelCase. */
export interface CreateStudyOptions {
  /** 'minimize' (default) or 'maximize'. Not with `directions`. */
  direction?: StudyDirection;
  /** One direction per objective (multi-objective). Not with `direction`. */
  directions?: readonly StudyDirection[];
  /** Default: `new TPESampler()`. */
  sampler?: Sampler;
  /** Default: `new MedianPruner()`. */
  pruner?: Pruner;
  /**
   * Default: a new `InMemoryStorage`. A string as Optuna takes one: `'sqlite:///studies.db'`,
   * `'postgresql://user:password@host/db'`, or (rnnlab) a journal file path such as `'studies/rnn.log'`.
   */
  storage?: StorageInput;
  /** Name in the storage (default: generated, `no-name-<uuid>`). */
  studyName?: string;
  /** Open the study when one of that name exists instead of failing. Default false. */
  loadIfExists?: boolean;
}

/** Options of {@link loadStudy}. */
export interface LoadStudyOptions {
  /** The study's name; may be left out when the storage holds exactly one study. */
  studyName?: string;
  /** A storage or a string naming one (see {@link CreateStudyOptions.storage}). */
  storage: StorageInput;
  sampler?: Sampler;
  pruner?: Pruner;
}

function checkDirection(value: unknown, argument: string): void {
  if (!STUDY_DIRECTIONS.includes(value as StudyDirection)) throw new InvalidArgumentError(argument, `must be ${oneOf(STUDY_DIRECTIONS)}`, value);
}

const COMMON = {
  sampler: (v: unknown, arg: string) => {
    if (!isSampler(v)) throw new InvalidArgumentError(arg, 'must be a sampler (TPESampler, RandomSampler, GridSampler, …)', v);
  },
  pruner: (v: unknown, arg: string) => {
    if (!isPruner(v)) throw new InvalidArgumentError(arg, 'must be a pruner (MedianPruner, NopPruner, …)', v);
  },
  storage: (v: unknown, arg: string) => {
    storageFrom(v, arg);
  },
  studyName: 'string',
} as const;

/**
 * Creates a study (Optuna's `create_study`), or opens it with `loadIfExists`. Opening a study also
 * marks FAIL the trials left RUNNING by a process of this host that died (see `recovery.ts`).
 *
 * @throws InvalidArgumentError for a bad option (before anything is written); DuplicatedStudyError
 *   when the name exists and `loadIfExists` is not set
 * @example
 * ```ts
 * // Python: study = optuna.create_study(direction='maximize')
 * const study = await createStudy({ direction: 'maximize' });
 * await study.optimize(objective, { nTrials: 30 });
 * ```
 */
export async function createStudy(options: CreateStudyOptions = {}): Promise<Study> {
  checkOptions('createStudy', options, {
    ...COMMON,
    direction: (v, arg) => checkDirection(v, arg),
    directions: (v, arg) => {
      if (!Array.isArray(v) || v.length === 0) throw new InvalidArgumentError(arg, 'must be a non-empty array of directions', v);
      v.forEach((d, i) => checkDirection(d, `${arg}[${i}]`));
    },
    loadIfExists: 'boolean',
  });
  if (options.direction !== undefined && options.directions !== undefined) {
    throw new InvalidArgumentError('createStudy.directions', 'cannot be given together with direction', options.directions, 'Pass only one of direction and directions');
  }
  const directions = options.directions ? [...options.directions] : [options.direction ?? 'minimize'];
  const storage = options.storage === undefined ? new InMemoryStorage() : storageFrom(options.storage);
  let studyId: number;
  try {
    studyId = await storage.createNewStudy(directions, options.studyName);
  } catch (error) {
    if (!(error instanceof DuplicatedStudyError) || !options.loadIfExists) throw error;
    return openStudy(storage, options.studyName!, options.sampler, options.pruner);
  }
  const name = await storage.getStudyNameFromId(studyId);
  const sampler = options.sampler ?? new TPESampler();
  return new Study(name, studyId, directions, storage, sampler, options.pruner ?? new MedianPruner());
}

async function openStudy(storage: StudyStorage, studyName: string, sampler?: Sampler, pruner?: Pruner): Promise<Study> {
  const studyId = await storage.getStudyIdFromName(studyName);
  const directions = await storage.getStudyDirections(studyId);
  const study = new Study(studyName, studyId, directions, storage, sampler ?? new TPESampler(), pruner ?? new MedianPruner());
  await study.failStaleTrials();
  return study;
}

/**
 * Opens an existing study (Optuna's `load_study`).
 *
 * @throws StudyNotFoundError when the storage has no such study
 * @example
 * ```ts
 * const study = await loadStudy({ studyName: 'rnn', storage: new JournalFileStorage('./studies.log') });
 * ```
 */
export async function loadStudy(options: LoadStudyOptions): Promise<Study> {
  checkOptions('loadStudy', options, COMMON);
  if (options === undefined || options.storage === undefined) throw new InvalidArgumentError('loadStudy.storage', 'is required', undefined);
  const storage = storageFrom(options.storage, 'loadStudy.storage');
  let name = options.studyName;
  if (name === undefined) {
    const studies = await storage.getAllStudies();
    if (studies.length !== 1) throw new InvalidArgumentError('loadStudy.studyName', `is required when the storage holds ${studies.length} studies`, undefined);
    name = studies[0].studyName;
  }
  return openStudy(storage, name, options.sampler, options.pruner);
}
