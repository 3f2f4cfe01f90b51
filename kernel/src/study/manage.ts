/**
 * Study management as Optuna's module functions: `deleteStudy`, `getAllStudyNames`,
 * `getAllStudySummaries` and `copyStudy`. Each takes a storage or a string naming one.
 */
import { InvalidArgumentError } from '../errors';
import { bestOf } from './best';
import { createStudy } from './create';
import { type AttrValue, type FrozenTrial, type StudyDirection, withValue } from './frozen-trial';
import { type StorageInput, storageFrom } from './storages';
import { checkOptions } from './validation';

const STORAGE = { storage: (v: unknown, arg: string) => void storageFrom(v, arg) } as const;

function required(where: string, options: object | undefined, key: string): void {
  if (options === undefined || (options as Record<string, unknown>)[key] === undefined) throw new InvalidArgumentError(`${where}.${key}`, 'is required', undefined);
}

/**
 * Deletes a study and its trials — Optuna's `delete_study`.
 *
 * @throws StudyNotFoundError when the storage has no such study
 * @example
 * ```ts
 * await deleteStudy({ studyName: 'rnn', storage: 'sqlite:///studies.db' });
 * ```
 */
export async function deleteStudy(options: { studyName: string; storage: StorageInput }): Promise<void> {
  checkOptions('deleteStudy', options, { ...STORAGE, studyName: 'string' });
  required('deleteStudy', options, 'studyName');
  required('deleteStudy', options, 'storage');
  const storage = storageFrom(options.storage);
  await storage.deleteStudy(await storage.getStudyIdFromName(options.studyName));
}

/** The names of the storage's studies, in order of creation — Optuna's `get_all_study_names`. */
export async function getAllStudyNames(options: { storage: StorageInput }): Promise<string[]> {
  checkOptions('getAllStudyNames', options, STORAGE);
  required('getAllStudyNames', options, 'storage');
  return (await storageFrom(options.storage).getAllStudies()).map((s) => s.studyName);
}

/** One study as `getAllStudySummaries` lists it (Optuna's `StudySummary`). */
export class StudySummary {
  constructor(
    readonly studyName: string,
    readonly studyId: number,
    readonly directions: readonly StudyDirection[],
    /** The best COMPLETE trial (single objective), or null. */
    readonly bestTrial: FrozenTrial | null,
    readonly userAttrs: Readonly<Record<string, AttrValue>>,
    readonly systemAttrs: Readonly<Record<string, AttrValue>>,
    readonly nTrials: number,
    /** When the first trial started, or null. */
    readonly datetimeStart: Date | null,
  ) {}

  /** The single direction; throws for a multi-objective study, as Optuna. */
  get direction(): StudyDirection {
    if (this.directions.length !== 1) throw new InvalidArgumentError('summary.direction', 'is only defined for single-objective studies; use directions', this.directions);
    return this.directions[0];
  }
}

/**
 * A summary of every study in the storage — Optuna's `get_all_study_summaries`.
 *
 * @param options.includeBestTrial - read each study's best trial (default true)
 */
export async function getAllStudySummaries(options: { storage: StorageInput; includeBestTrial?: boolean }): Promise<StudySummary[]> {
  checkOptions('getAllStudySummaries', options, { ...STORAGE, includeBestTrial: 'boolean' });
  required('getAllStudySummaries', options, 'storage');
  const storage = storageFrom(options.storage);
  const out: StudySummary[] = [];
  for (const s of await storage.getAllStudies()) {
    const trials = await storage.getAllTrials(s.studyId);
    const best = options.includeBestTrial !== false && s.directions.length === 1 ? bestOf(trials, s.directions[0]) : undefined;
    const starts = trials.flatMap((t) => (t.datetimeStart ? [t.datetimeStart.getTime()] : []));
    out.push(new StudySummary(s.studyName, s.studyId, s.directions, best ? withValue(best) : null, s.userAttrs, s.systemAttrs, trials.length, starts.length ? new Date(Math.min(...starts)) : null));
  }
  return out;
}

/**
 * Copies a study with its attributes and every trial to another storage (or name) — Optuna's
 * `copy_study`. Nothing is written when the target name exists.
 *
 * @throws DuplicatedStudyError when `toStorage` has a study named `toStudyName` already
 * @example
 * ```ts
 * await copyStudy({ fromStudyName: 'rnn', fromStorage: 'studies/rnn.log', toStorage: 'sqlite:///archive.db' });
 * ```
 */
export async function copyStudy(options: { fromStudyName: string; fromStorage: StorageInput; toStorage: StorageInput; toStudyName?: string }): Promise<void> {
  checkOptions('copyStudy', options, {
    fromStudyName: 'string',
    toStudyName: 'string',
    fromStorage: (v, arg) => void storageFrom(v, arg),
    toStorage: (v, arg) => void storageFrom(v, arg),
  });
  for (const key of ['fromStudyName', 'fromStorage', 'toStorage']) required('copyStudy', options, key);
  const from = storageFrom(options.fromStorage, 'fromStorage');
  const fromId = await from.getStudyIdFromName(options.fromStudyName);
  const directions = await from.getStudyDirections(fromId);
  const to = await createStudy({ studyName: options.toStudyName ?? options.fromStudyName, storage: storageFrom(options.toStorage, 'toStorage'), directions });
  for (const [key, value] of Object.entries(await from.getStudySystemAttrs(fromId))) await to.storage.setStudySystemAttr(to.studyId, key, value);
  for (const [key, value] of Object.entries(await from.getStudyUserAttrs(fromId))) await to.storage.setStudyUserAttr(to.studyId, key, value);
  await to.addTrials(await from.getAllTrials(fromId));
}
