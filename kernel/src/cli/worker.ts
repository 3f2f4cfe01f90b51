/**
 * `rnnlab worker`: runs an objective module against a shared study in a database, so that many
 * processes (on many machines) work one study — Optuna's usual multi-worker set-up.
 *
 *   OPTUNA_STORAGE=URL|JOURNAL_PATH npx rnnlab worker --study NAME --objective ./objective.ts [--n-trials N]
 *       [--timeout SECONDS] [--direction minimize|maximize] [--heartbeat-interval S] [--grace-period S]
 *       [--retry-timeout S]
 *
 * The storage URL comes from `--storage URL` or, as in Optuna's CLI, the environment variable
 * `OPTUNA_STORAGE` (which, unlike the command line, other users of the machine cannot read in `ps`).
 * The objective module exports `objective` (or a default export): `(trial) => number | Promise<number>`;
 * a `.ts` module is compiled by the TypeScript that rnnlab ships, and it can import `rnnlab` and
 * `@tensorflow/tfjs` from any folder.
 */
import path from 'node:path';
import { InvalidArgumentError } from '../errors';
import { addNodeFallbackPaths, registerTypeScript, rnnlabModuleFolders, TYPESCRIPT_EXTENSIONS } from '../kernel';
import { createStudy, type Objective, RDBStorage, storageFrom, type StudyDirection } from '../study';

const USAGE =
  'usage: rnnlab worker [--storage URL] --study NAME --objective FILE [--n-trials N] [--timeout SECONDS] ' +
  '[--direction minimize|maximize] [--heartbeat-interval SECONDS] [--grace-period SECONDS] [--retry-timeout SECONDS]\n' +
  '       (without --storage, the URL is read from the environment variable OPTUNA_STORAGE)\n' +
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

/**
 * Reads the worker's command line (and `env.OPTUNA_STORAGE` when `--storage` is not given); throws
 * InvalidArgumentError naming the bad flag.
 */
export function parseWorkerArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): WorkerArgs {
  const values = new Map<Flag, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] as Flag;
    if (!FLAGS.includes(flag)) throw new InvalidArgumentError(argv[i], `is not an option of rnnlab worker (${FLAGS.join(', ')})`, argv[i], USAGE);
    if (argv[i + 1] === undefined) throw new InvalidArgumentError(flag, 'needs a value', undefined, USAGE);
    values.set(flag, argv[i + 1]);
  }
  if (!values.has('--storage') && env.OPTUNA_STORAGE) values.set('--storage', env.OPTUNA_STORAGE);
  if (!values.has('--storage')) {
    throw new InvalidArgumentError('--storage', 'is required (or set the environment variable OPTUNA_STORAGE)', undefined, USAGE);
  }
  for (const required of ['--study', '--objective'] as const) {
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

/**
 * Loads the objective module. It finds `rnnlab` and its dependencies wherever it lives (as notebook
 * cells do), and TypeScript modules are compiled on load.
 */
export function loadObjective(file: string): Objective {
  const full = path.resolve(file);
  addNodeFallbackPaths(rnnlabModuleFolders());
  if (TYPESCRIPT_EXTENSIONS.some((extension) => full.endsWith(extension))) {
    registerTypeScript();
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
  if (command === '--help' || command === '-h' || command === 'help' || (command === 'worker' && rest.includes('--help'))) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command !== 'worker') throw new Error(USAGE);
  await runWorker(parseWorkerArgs(rest));
}
