/**
 * Errors of the study API. Bad arguments raise `InvalidArgumentError` (from `kernel/src/errors`);
 * these classes are the study's own: "prune this trial" ({@link TrialPruned}), which fails only the
 * trial, and storage conditions, which stop the study.
 */
import { InvalidArgumentError } from '../errors';

/**
 * Thrown inside an objective to end the trial as PRUNED (usually after `trial.shouldPrune()`).
 *
 * @example
 * ```ts
 * trial.report(loss, epoch);
 * if (trial.shouldPrune()) throw new TrialPruned();
 * ```
 */
export class TrialPruned extends Error {
  constructor(message = 'trial was pruned') {
    super(message);
    this.name = 'TrialPruned';
  }
}

/** No study of that name (or id) is in the storage. */
export class StudyNotFoundError extends Error {
  constructor(what: string) {
    super(`no study ${what} in the storage. Create it with createStudy({ studyName, storage })`);
    this.name = 'StudyNotFoundError';
  }
}

/** `createStudy` found a study of the same name (pass `loadIfExists: true` to open it). */
export class DuplicatedStudyError extends Error {
  constructor(studyName: string) {
    super(`a study named '${studyName}' already exists. Pass \`loadIfExists: true\` to open it, or pick another \`studyName\``);
    this.name = 'DuplicatedStudyError';
  }
}

/** A write to a trial that has already finished (COMPLETE, PRUNED or FAIL). */
export class UpdateFinishedTrialError extends Error {
  constructor(trialNumber: number) {
    super(`trial ${trialNumber} has already finished and cannot be updated`);
    this.name = 'UpdateFinishedTrialError';
  }
}

/** The storage holds no record with that id. */
export class RecordNotFoundError extends Error {
  constructor(what: string) {
    super(`${what} does not exist in the storage`);
    this.name = 'RecordNotFoundError';
  }
}

/** An error as a `fail_reason`: "Name: message". */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `thrown value: ${String(error)}`;
}


/** How a storage is named in messages: its URL (password masked) or file, else its class. */
export function describeStorage(storage: unknown): string {
  const s = storage as { url?: unknown; filePath?: unknown; constructor?: { name?: string } } | null;
  const name = s?.constructor?.name ?? 'storage';
  if (typeof s?.url === 'string') return `${name}('${s.url}')`;
  if (typeof s?.filePath === 'string') return `${name}('${s.filePath}')`;
  return name;
}

/**
 * A storage call that failed: the original error (`cause`), the storage and the operation. A trial
 * whose write failed ends FAIL with this message as its `fail_reason` (once the storage can be
 * written again), and the study stops with this error.
 */
export class StorageError extends Error {
  constructor(
    readonly storage: string,
    readonly operation: string,
    override readonly cause: unknown,
  ) {
    super(`${storage} failed in ${operation}: ${describeError(cause)}`);
    this.name = 'StorageError';
  }
}

/**
 * Runs one storage call, turning its failure into a {@link StorageError}. The storage contract's own
 * errors (a finished trial, a missing record, an incompatible distribution) pass through unchanged:
 * they say what is wrong better than a wrapper would.
 */
export async function storageCall<T>(storage: unknown, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof StorageError || error instanceof UpdateFinishedTrialError || error instanceof RecordNotFoundError || error instanceof InvalidArgumentError) throw error;
    throw new StorageError(describeStorage(storage), operation, error);
  }
}
