/**
 * `rnnlab worker`: runs an objective module against a shared study in a database, so that many
 * processes (on many machines) work one study — Optuna's usual multi-worker set-up.
 *
 *   npx rnnlab worker --storage URL|JOURNAL_PATH --study NAME --objective ./objective.ts [--n-trials N]
 *       [--timeout SECONDS] [--direction minimize|maximize] [--heartbeat-interval S] [--grace-period S]
 *       [--retry-timeout S]
 *
 * The objective module exports `objective` (or a default export): `(trial) => number | Promise<number>`.
 */
import path from 'node:path';
import { InvalidArgumentError } from '../errors';
import { createStudy, type Objective, RDBStorage, storageFrom, type StudyDirection } from '../study';

const USAGE =
  'usage: rnnlab worker --storage URL --study NAME --objective FILE [--n-trials N] [--timeout SECONDS] ' +
  '[--direction minimize|maximize] [--heartbeat-interval SECONDS] [--grace-period SECONDS] [--retry-timeout SECONDS]\n' +
  '       rnnlab build-native [--force]   (re)build the native kernel of the fused recurrent layers (needs g++)';

const FLAGS = ['--storage', '--study', '--objective', '--n-trials', '--timeout', '--direction', '--heartbeat-interval', '--grace-period', '--retry-timeout'] as const;
type Flag = (typeof FLAGS)[number];

export interface WorkerArgs {
  storage: string;
  study: string;
  objective: string;
  nTrials?: number;
  timeout?: number;
  direction: StudyDirection;
  heartbeatInterval?: number;
  gracePeriod?: number;
  /** Seconds a database that cannot be used is waited for (RDBStorage `retryTimeout`, default 60). */
  retryTimeout?: number;
}

function positive(flag: string, text: string | undefined, integer: boolean): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new InvalidArgumentError(flag, `must be a positive ${integer ? 'integer' : 'number'}`, text);
  }
  return value;
}

/** Reads the worker's command line; throws InvalidArgumentError naming the bad flag. */
export function parseWorkerArgs(argv: readonly string[]): WorkerArgs {
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as Flag;
    if (!FLAGS.includes(flag)) throw new InvalidArgumentError(argv[i], `is not an option of rnnlab worker (${FLAGS.join(', ')})`, argv[i], USAGE);
    if (argv[i + 1] === undefined) throw new InvalidArgumentError(flag, 'needs a value', undefined, USAGE);
    values.set(flag, argv[i + 1]);
  }
  for (const required of ['--storage', '--study', '--objective'] as const) {
    if (!values.has(required)) throw new InvalidArgumentError(required, 'is required', undefined, USAGE);
  }
  const direction = values.get('--direction') ?? 'minimize';
  if (direction !== 'minimize' && direction !== 'maximize') {
    throw new InvalidArgumentError('--direction', "must be 'minimize' or 'maximize'", direction);
  }
  return {
    storage: values.get('--storage') as string,
    study: values.get('--study') as string,
    objective: values.get('--objective') as string,
    nTrials: positive('--n-trials', values.get('--n-trials'), true),
    timeout: positive('--timeout', values.get('--timeout'), false),
    direction,
    heartbeatInterval: positive('--heartbeat-interval', values.get('--heartbeat-interval'), false),
    gracePeriod: positive('--grace-period', values.get('--grace-period'), false),
    retryTimeout: positive('--retry-timeout', values.get('--retry-timeout'), false),
  };
}

/** Loads the objective module (TypeScript through tsx when it is installed). */
export function loadObjective(file: string): Objective {
  const full = path.resolve(file);
  if (/\.[cm]?tsx?$/.test(full)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('tsx/cjs/api') as { register(): void }).register();
    } catch {
      throw new InvalidArgumentError('--objective', 'is a TypeScript file, which needs the npm package tsx installed', file, 'Install tsx, or pass a .js file.');
    }
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(full) as { objective?: unknown; default?: unknown };
  const objective = mod.objective ?? mod.default;
  if (typeof objective !== 'function') {
    throw new InvalidArgumentError('--objective', 'must be a module exporting `objective` (or a default function)', file);
  }
  return objective as Objective;
}

/** Runs the worker until its trials are done (or the study is stopped). */
export async function runWorker(args: WorkerArgs, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  const objective = loadObjective(args.objective);
  // A database URL gets the heartbeat and retry options; any other string is a journal file path (storageFrom).
  const storage = /^(sqlite|postgres)/i.test(args.storage)
    ? new RDBStorage(args.storage, {
        ...(args.heartbeatInterval !== undefined ? { heartbeatInterval: args.heartbeatInterval } : {}),
        ...(args.gracePeriod !== undefined ? { gracePeriod: args.gracePeriod } : {}),
        ...(args.retryTimeout !== undefined ? { retryTimeout: args.retryTimeout } : {}),
      })
    : storageFrom(args.storage, '--storage');
  try {
    const study = await createStudy({ studyName: args.study, storage, direction: args.direction, loadIfExists: true });
    log(`worker ${process.pid}: study '${args.study}' on ${storage instanceof RDBStorage ? storage.url : args.storage}`);
    let done = 0;
    await study
      .optimize(objective, {
        ...(args.nTrials !== undefined ? { nTrials: args.nTrials } : {}),
        ...(args.timeout !== undefined ? { timeout: args.timeout } : {}),
        show: false,
        callbacks: [
          (_s, trial) => {
            done++;
            log(`trial ${trial.number}: ${trial.state}${trial.values ? ` value=${trial.values.join(', ')}` : ''}`);
          },
        ],
      })
      .catch(async (error: unknown) => {
        // A trial whose storage write failed is still RUNNING: one more try at marking it FAIL with the reason before exiting.
        await study.failStaleTrials().catch(() => undefined);
        throw error;
      });
    log(`worker ${process.pid}: ${done} trials done`);
    return done;
  } finally {
    if (storage instanceof RDBStorage) await storage.close();
  }
}

/** Entry point of `rnnlab worker …`. */
export async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (command !== 'worker') throw new Error(USAGE);
  await runWorker(parseWorkerArgs(rest));
}
