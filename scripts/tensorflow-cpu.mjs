#!/usr/bin/env node
// The native TensorFlow backend without tfjs-node's installer (which downloads libtensorflow from a
// bucket that is often unreachable): the TensorFlow C API comes from the `tensorflow-cpu` wheel on PyPI.
//
//   node scripts/tensorflow-cpu.mjs venv       .venv-tf with tensorflow-cpu (pinned); prints its python last
//   node scripts/tensorflow-cpu.mjs tfjs-node  @tensorflow/tfjs-node into .rnnlab/tfjs-node, binding built
//                                              against the wheel's libtensorflow_cc.so.2 (runs `venv` first)
//   node scripts/tensorflow-cpu.mjs check      loads that build and trains a tiny LSTM on it
//
// Each step is skipped when up to date (stamp files). Environment: RNNLAB_TF_VENV (venv folder),
// RNNLAB_TFJS_NODE_DIR (tfjs-node prefix; rnnlab's backend choice reads it too), RNNLAB_PYTHON (the
// Python that creates the venv), CXX (C++ compiler, default g++). Progress goes to stderr, so that the
// last stdout line of `venv` is the venv's python. Only Node built-ins are used.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TENSORFLOW_CPU = '2.21.0';
const TFJS_NODE = '4.22.0';
const VENV = path.resolve(process.env.RNNLAB_TF_VENV ?? path.join(ROOT, '.venv-tf'));
const VENV_PYTHON = path.join(VENV, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
const PREFIX = path.resolve(process.env.RNNLAB_TFJS_NODE_DIR ?? path.join(ROOT, '.rnnlab', 'tfjs-node'));
const PACKAGE_DIR = path.join(PREFIX, 'node_modules', '@tensorflow', 'tfjs-node');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

class UserError extends Error {}

function log(message) {
  process.stderr.write(`[tensorflow-cpu] ${message}\n`);
}

/** Runs a command with its output on stderr; throws when it fails. */
function mustRun(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 2, 2], ...options });
  if (result.error) throw new UserError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new UserError(`${command} ${args.join(' ')} failed with exit code ${result.status}`);
}

/** Runs a command and returns its trimmed stdout, or undefined when it fails. */
function output(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const readStamp = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);

// ---------------------------------------------------------------------------------------------- venv

function findPython() {
  for (const python of [process.env.RNNLAB_PYTHON, 'python3', 'python'].filter(Boolean)) {
    const version = output(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])']);
    if (!version) continue;
    const [major, minor] = version.split('.').map(Number);
    if (major === 3 && minor >= 10) return python;
    log(`skipping ${python}: Python ${version} is older than 3.10`);
  }
  throw new UserError('Python >= 3.10 is required to create the venv (set RNNLAB_PYTHON to its path)');
}

/** Makes sure the venv has tensorflow-cpu==TENSORFLOW_CPU; returns its python. */
function ensureVenv() {
  const stamp = path.join(VENV, '.rnnlab-tensorflow-cpu-stamp');
  const key = `tensorflow-cpu==${TENSORFLOW_CPU}\n`;
  if (fs.existsSync(VENV_PYTHON) && readStamp(stamp) === key) {
    log(`${path.relative(ROOT, VENV) || VENV}: tensorflow-cpu ${TENSORFLOW_CPU} up to date`);
    return VENV_PYTHON;
  }
  if (!fs.existsSync(VENV_PYTHON)) {
    const python = findPython();
    log(`creating ${VENV} with ${python}`);
    mustRun(python, ['-m', 'venv', VENV]);
  }
  const installed = output(VENV_PYTHON, ['-c', 'import importlib.metadata as m; print(m.version("tensorflow-cpu"))']);
  if (installed === TENSORFLOW_CPU) {
    log(`tensorflow-cpu ${TENSORFLOW_CPU} is already installed in ${VENV}`);
  } else {
    log(`installing tensorflow-cpu==${TENSORFLOW_CPU} into ${VENV} (about 330 MB to download, 1.6 GB installed; a few minutes)`);
    mustRun(VENV_PYTHON, ['-m', 'pip', 'install', '--disable-pip-version-check', `tensorflow-cpu==${TENSORFLOW_CPU}`]);
  }
  fs.writeFileSync(stamp, key);
  return VENV_PYTHON;
}

// ----------------------------------------------------------------------------------------- tfjs-node

/** The wheel's TensorFlow folder, checked to hold the C API libraries and headers the binding needs. */
function wheelTensorflow(python) {
  const dir = output(python, ['-c', 'import importlib.util, os; print(os.path.dirname(importlib.util.find_spec("tensorflow").origin))']);
  if (!dir) throw new UserError(`tensorflow is not importable by ${python} (run: node scripts/tensorflow-cpu.mjs venv)`);
  const needed = [
    'libtensorflow_cc.so.2',
    'libtensorflow_framework.so.2',
    'include/tensorflow/c/c_api.h',
    'include/tensorflow/c/eager/c_api.h',
  ];
  const missing = needed.filter((file) => !fs.existsSync(path.join(dir, file)));
  if (missing.length > 0) {
    throw new UserError(`the tensorflow-cpu wheel in ${dir} lacks ${missing.join(', ')} (only Linux wheels are supported)`);
  }
  return dir;
}

/** Node's own headers (node_api.h), which official Node builds ship next to the executable. */
function nodeHeaders() {
  const dir = path.join(path.dirname(path.dirname(fs.realpathSync(process.execPath))), 'include', 'node');
  if (!fs.existsSync(path.join(dir, 'node_api.h'))) {
    throw new UserError(`Node's headers are not at ${dir} (install a Node build that ships include/node, e.g. from nodejs.org or NodeSource)`);
  }
  return dir;
}

function compiler() {
  const cxx = process.env.CXX ?? 'g++';
  if (!output(cxx, ['--version'])) throw new UserError(`no C++ compiler: '${cxx}' does not run (apt-get install g++, or set CXX)`);
  return cxx;
}

/** The @tensorflow/tfjs that rnnlab (kernel/) loads; its folder and version. */
function rnnlabTfjs() {
  try {
    const file = createRequire(path.join(ROOT, 'kernel', 'package.json')).resolve('@tensorflow/tfjs/package.json');
    return { dir: path.dirname(file), version: JSON.parse(fs.readFileSync(file, 'utf8')).version };
  } catch {
    throw new UserError("rnnlab's npm packages are not installed (run npm start, npm test or npm ci at the repository root first)");
  }
}

/**
 * Points the prefix's copies of the tfjs packages at rnnlab's own (symlinks), so that tfjs-node
 * registers its backend and kernels into the very tfjs rnnlab uses instead of loading a second copy
 * (which would share tfjs' global engine but warn about hundreds of re-registered kernels).
 */
function shareTfjs(tfjs) {
  const scope = path.join(PREFIX, 'node_modules', '@tensorflow');
  const resolveFromTfjs = createRequire(path.join(tfjs.dir, 'package.json'));
  for (const name of fs.readdirSync(scope)) {
    if (name === 'tfjs-node') continue;
    const own = path.join(scope, name);
    let target;
    try {
      target = name === 'tfjs' ? tfjs.dir : path.dirname(resolveFromTfjs.resolve(`@tensorflow/${name}/package.json`));
    } catch {
      continue; // Not a package rnnlab's tfjs uses: keep the private copy.
    }
    const version = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8')).version;
    if (version !== TFJS_NODE) {
      log(`warning: rnnlab's @tensorflow/${name} is ${version}, tfjs-node ${TFJS_NODE} wants ${TFJS_NODE}; keeping a private copy`);
      continue;
    }
    fs.rmSync(own, { recursive: true, force: true });
    fs.symlinkSync(path.relative(scope, target), own, 'dir');
  }
}

/** Where tfjs-node's loader (node-pre-gyp's `find`) looks for the binding, and its N-API version. */
function bindingTarget() {
  const find = createRequire(path.join(PACKAGE_DIR, 'package.json'))('@mapbox/node-pre-gyp').find;
  const file = find(path.join(PACKAGE_DIR, 'package.json'));
  const napi = /napi-v(\d+)/.exec(file)?.[1];
  if (!napi) throw new UserError(`unexpected binding path from node-pre-gyp: ${file}`);
  return { file, napi };
}

function fileId(file) {
  const stat = fs.statSync(file);
  return `${file}:${stat.size}:${stat.mtimeMs}`;
}

/** Installs tfjs-node into PREFIX (no install scripts) and builds its binding against the wheel. */
function ensureTfjsNode() {
  const python = ensureVenv();
  const tfDir = wheelTensorflow(python);
  const nodeInclude = nodeHeaders();
  const cxx = compiler();
  const tfjs = rnnlabTfjs();
  const libraries = ['libtensorflow_cc.so.2', 'libtensorflow_framework.so.2'].map((lib) => path.join(tfDir, lib));
  const scriptHash = createHash('sha256').update(fs.readFileSync(fileURLToPath(import.meta.url))).digest('hex');
  const key = JSON.stringify({ TFJS_NODE, libraries: libraries.map(fileId), nodeInclude, napi: process.versions.napi, tfjs: tfjs.dir, scriptHash });
  const stamp = path.join(PREFIX, '.rnnlab-tfjs-node-stamp');
  if (readStamp(stamp) === key && fs.existsSync(PACKAGE_DIR) && fs.existsSync(bindingTarget().file)) {
    log(`${PREFIX}: tfjs-node ${TFJS_NODE} on tensorflow-cpu ${TENSORFLOW_CPU} up to date`);
    return;
  }
  fs.rmSync(stamp, { force: true });

  const installedVersion = fs.existsSync(path.join(PACKAGE_DIR, 'package.json'))
    ? JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')).version
    : undefined;
  if (installedVersion !== TFJS_NODE) {
    log(`installing @tensorflow/tfjs-node@${TFJS_NODE} into ${PREFIX} (npm, --ignore-scripts: its downloader does not run)`);
    fs.mkdirSync(PREFIX, { recursive: true });
    // A package.json of its own makes the prefix its own npm project: the repository's
    // node_modules and package-lock.json are not touched.
    fs.writeFileSync(
      path.join(PREFIX, 'package.json'),
      `${JSON.stringify({ private: true, description: 'written by scripts/tensorflow-cpu.mjs', dependencies: { '@tensorflow/tfjs-node': TFJS_NODE } }, null, 2)}\n`,
    );
    mustRun(NPM, ['install', '--prefix', PREFIX, '--ignore-scripts', '--no-audit', '--no-fund', '--no-workspaces', '--omit=dev'], { cwd: PREFIX });
  }
  shareTfjs(tfjs);

  const { file, napi } = bindingTarget();
  log(`compiling tfjs-node's binding against ${tfDir} (${cxx}, N-API ${napi}; about 20 s)`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const result = spawnSync(
    cxx,
    [
      '-shared', '-fPIC', '-O2', '-std=c++17', '-w', `-DNAPI_VERSION=${napi}`,
      '-I', nodeInclude, '-I', path.join(tfDir, 'include'),
      path.join(PACKAGE_DIR, 'binding', 'tfjs_backend.cc'),
      path.join(PACKAGE_DIR, 'binding', 'tfjs_binding.cc'),
      // Linked by file name; the absolute rpath finds the wheel's libraries without LD_LIBRARY_PATH.
      '-L', tfDir, '-l:libtensorflow_cc.so.2', '-l:libtensorflow_framework.so.2', `-Wl,-rpath,${tfDir}`,
      '-o', partial,
    ],
    { encoding: 'utf8' },
  );
  if (result.error || result.status !== 0) {
    process.stderr.write(result.stderr ?? '');
    throw new UserError(`compiling the binding failed${result.error ? `: ${result.error.message}` : ''}`);
  }
  fs.renameSync(partial, file);

  const loaded = spawnSync(process.execPath, ['-e', 'process.stdout.write(require(process.argv[1]).TF_Version)', file], {
    encoding: 'utf8',
    env: { ...process.env, LD_LIBRARY_PATH: '', TF_CPP_MIN_LOG_LEVEL: '2' },
  });
  if (loaded.status !== 0) {
    process.stderr.write(loaded.stderr);
    throw new UserError(`the built binding ${file} does not load`);
  }
  log(`built ${path.relative(PREFIX, file)} (TensorFlow C API ${loaded.stdout})`);
  fs.writeFileSync(stamp, key);
}

// --------------------------------------------------------------------------------------------- check

/** Loads the build into rnnlab's tfjs, then runs an op and a one-epoch LSTM fit on 'tensorflow'. */
async function check() {
  if (!fs.existsSync(PACKAGE_DIR)) throw new UserError(`no build at ${PREFIX} (run: node scripts/tensorflow-cpu.mjs tfjs-node)`);
  const tf = createRequire(path.join(ROOT, 'kernel', 'package.json'))('@tensorflow/tfjs');
  const warn = console.warn;
  let warnings = 0;
  console.warn = (...args) => {
    warnings += 1;
    warn(...args);
  };
  const tfn = createRequire(path.join(PREFIX, 'package.json'))('@tensorflow/tfjs-node');
  console.warn = warn;
  if (!(await tf.setBackend('tensorflow'))) throw new UserError("tfjs could not initialise the 'tensorflow' backend");
  const product = tf.matMul(tf.tensor2d([[1, 2], [3, 4]]), tf.tensor2d([[5], [6]])).arraySync();
  if (JSON.stringify(product) !== '[[17],[39]]') throw new UserError(`matMul gave ${JSON.stringify(product)}`);
  const model = tf.sequential({
    layers: [tf.layers.lstm({ units: 8, inputShape: [5, 3] }), tf.layers.dense({ units: 1, activation: 'sigmoid' })],
  });
  model.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });
  const x = tf.randomNormal([16, 5, 3], 0, 1, 'float32', 1);
  const y = tf.randomUniform([16, 1], 0, 1, 'float32', 2).round();
  const history = await model.fit(x, y, { epochs: 1, batchSize: 8, verbose: 0 });
  const loss = history.history.loss[0];
  if (!Number.isFinite(loss)) throw new UserError(`LSTM fit gave loss ${loss}`);
  console.log(`backend ${tf.getBackend()} (same tfjs engine as rnnlab: ${tfn.engine() === tf.engine()}), TensorFlow C API ${tf.backend().binding.TF_Version}`);
  console.log(`matMul ok; LSTM fit ok (loss ${loss.toFixed(4)}); ${warnings} tfjs warnings while loading`);
}

// ---------------------------------------------------------------------------------------------- main

const USAGE = 'usage: node scripts/tensorflow-cpu.mjs venv | tfjs-node | check';

async function main(command) {
  switch (command) {
    case 'venv':
      console.log(ensureVenv());
      return;
    case 'tfjs-node':
      ensureTfjsNode();
      return;
    case 'check':
      await check();
      return;
    default:
      throw new UserError(USAGE);
  }
}

main(process.argv[2]).catch((error) => {
  log(`error: ${error instanceof UserError ? error.message : (error?.stack ?? error)}`);
  process.exit(1);
});
