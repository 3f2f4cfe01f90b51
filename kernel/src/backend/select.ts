/**
 * Chooses the fastest TensorFlow.js backend this process can run: tfjs-node-gpu, then tfjs-node,
 * then WebAssembly (the zero-install default), then the plain-JS cpu backend.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { InvalidArgumentError, oneOf } from '../errors';

/** rnnlab's names for the backends it can use. */
export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_NAMES: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

/** Why a backend was or was not taken. */
export interface BackendAttempt {
  backend: BackendName;
  /** The npm package that provides it, if any. */
  package?: string;
  reason: string;
}

/** What {@link backendInfo} reports. */
export interface BackendInfo {
  /** The backend in use (rnnlab name). */
  backend: BackendName;
  /** The name tfjs knows it by (`tf.getBackend()`). */
  tfjsBackend: string;
  /** True when chosen by `setBackend()` or the `RNNLAB_BACKEND` environment variable. */
  forced: boolean;
  /** The faster backends that were not taken, and why. */
  skipped: BackendAttempt[];
}

interface Candidate {
  name: BackendName;
  package?: string;
  tfjsName: string;
  /** Loads the package (registering the backend with tfjs); throws with the reason when it cannot. */
  load(): void;
}

function requirePackage(name: string): void {
  // A plain require: the optional native packages are not dependencies of rnnlab.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(name);
}

/** True when `error` says that `name` itself, not one of its dependencies, cannot be found. */
function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  return code === 'MODULE_NOT_FOUND' && String(message).includes(`'${name}'`);
}

/**
 * Where `node scripts/tensorflow-cpu.mjs tfjs-node` puts `@tensorflow/tfjs-node` with a binding built
 * against the `tensorflow-cpu` wheel: `$RNNLAB_TFJS_NODE_DIR`, else `.rnnlab/tfjs-node` in the rnnlab
 * repository (this file is in `kernel/src/backend` or `kernel/dist/backend`).
 */
export function privateTfjsNodeDir(): string {
  const inRepository = path.join(__dirname, '..', '..', '..', '.rnnlab', 'tfjs-node');
  return path.resolve(process.env.RNNLAB_TFJS_NODE_DIR || inRepository);
}

/**
 * How to get the tensorflow backend: in rnnlab's repository its script that builds tfjs-node on the
 * tensorflow-cpu wheel; elsewhere (an installed rnnlab, which does not ship that script) tfjs-node itself.
 */
function tfjsNodeHint(): string {
  const script = path.join(__dirname, '..', '..', '..', 'scripts', 'tensorflow-cpu.mjs');
  return fs.existsSync(script)
    ? 'run node scripts/tensorflow-cpu.mjs tfjs-node'
    : 'npm install @tensorflow/tfjs-node@4.22.0 where rnnlab is installed (its install script downloads libtensorflow)';
}

/**
 * Loads `@tensorflow/tfjs-node` where Node finds it, else from {@link privateTfjsNodeDir}. The script
 * links that copy's `@tensorflow/tfjs` to rnnlab's, so its backend registers into rnnlab's engine.
 */
function loadTfjsNode(): void {
  try {
    requirePackage('@tensorflow/tfjs-node');
    return;
  } catch (error) {
    if (!isMissing(error, '@tensorflow/tfjs-node')) {
      throw error;
    }
  }
  const dir = privateTfjsNodeDir();
  if (!fs.existsSync(path.join(dir, 'node_modules', '@tensorflow', 'tfjs-node', 'package.json'))) {
    throw new Error(`not installed — ${tfjsNodeHint()}`);
  }
  createRequire(path.join(dir, 'package.json'))('@tensorflow/tfjs-node');
}

const CANDIDATES: Record<BackendName, Candidate> = {
  'tensorflow-gpu': {
    name: 'tensorflow-gpu',
    package: '@tensorflow/tfjs-node-gpu',
    tfjsName: 'tensorflow',
    load: () => requirePackage('@tensorflow/tfjs-node-gpu'),
  },
  tensorflow: {
    name: 'tensorflow',
    package: '@tensorflow/tfjs-node',
    tfjsName: 'tensorflow',
    load: loadTfjsNode,
  },
  wasm: {
    name: 'wasm',
    package: '@tensorflow/tfjs-backend-wasm',
    tfjsName: 'wasm',
    load: () => requirePackage('@tensorflow/tfjs-backend-wasm'),
  },
  cpu: { name: 'cpu', tfjsName: 'cpu', load: () => undefined },
};

function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/Cannot find module/.test(message)) {
    return 'not installed';
  }
  return message.split('\n')[0];
}

async function activate(candidate: Candidate): Promise<void> {
  candidate.load();
  const ok = await tf.setBackend(candidate.tfjsName);
  if (!ok) {
    throw new Error(`tfjs could not initialise the '${candidate.tfjsName}' backend`);
  }
  await tf.ready();
}

let current: BackendInfo | undefined;
let pending: Promise<BackendInfo> | undefined;

async function selectAutomatically(): Promise<BackendInfo> {
  const skipped: BackendAttempt[] = [];
  for (const name of BACKEND_NAMES) {
    const candidate = CANDIDATES[name];
    try {
      await activate(candidate);
      return { backend: name, tfjsBackend: tf.getBackend(), forced: false, skipped };
    } catch (error) {
      skipped.push({ backend: name, package: candidate.package, reason: describeFailure(error) });
    }
  }
  throw new Error(`no TensorFlow.js backend could be initialised: ${JSON.stringify(skipped)}`);
}

function checkBackendName(argument: string, name: unknown): BackendName {
  if (typeof name !== 'string' || !(BACKEND_NAMES as readonly string[]).includes(name)) {
    throw new InvalidArgumentError(argument, `must be one of ${oneOf(BACKEND_NAMES)}`, name);
  }
  return name as BackendName;
}

/**
 * Makes sure a backend is chosen and initialised, and reports which. Called implicitly by the first
 * `fit` of a model compiled with `compileRnn`; await it yourself before timing anything.
 * The environment variable `RNNLAB_BACKEND` (one of the backend names) forces a choice.
 */
export function ready(): Promise<BackendInfo> {
  if (current) {
    return Promise.resolve(current);
  }
  if (!pending) {
    const forcedName = process.env.RNNLAB_BACKEND;
    pending = (
      forcedName ? setBackend(checkBackendName('RNNLAB_BACKEND', forcedName)) : selectAutomatically()
    ).then(
      (info) => {
        current = info;
        return info;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
  }
  return pending;
}

/**
 * Uses the named backend from now on.
 * @throws InvalidArgumentError for an unknown name; Error when that backend cannot run here (the reason says why).
 */
export async function setBackend(name: BackendName): Promise<BackendInfo> {
  const candidate = CANDIDATES[checkBackendName('name', name)];
  try {
    await activate(candidate);
  } catch (error) {
    const hint = candidate.package ? ` (install ${candidate.package})` : '';
    throw new Error(`backend '${name}' is not available${hint}: ${describeFailure(error)}`);
  }
  current = { backend: name, tfjsBackend: tf.getBackend(), forced: true, skipped: [] };
  pending = Promise.resolve(current);
  return current;
}

/** The backend in use and why the faster ones were not taken; undefined before {@link ready} resolved. */
export function backendInfo(): BackendInfo | undefined {
  return current;
}
