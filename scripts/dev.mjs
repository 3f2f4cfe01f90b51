#!/usr/bin/env node
// The README's commands: `npm start` (setup, then JupyterLab on notebooks/) and `npm test` (setup, then
// every test suite). Setup skips each step that is already up to date. Only Node built-ins are used
// here, since this runs before `npm install`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VENV = path.join(ROOT, '.venv');
const VENV_BIN = path.join(VENV, process.platform === 'win32' ? 'Scripts' : 'bin');
const VENV_PYTHON = path.join(VENV_BIN, process.platform === 'win32' ? 'python.exe' : 'python');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function log(message) {
  process.stdout.write(`[rnnlab] ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) {
    throw new Error(`could not run ${command}: ${result.error.message}`);
  }
  return result.status ?? 1;
}

function mustRun(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with exit code ${status}`);
  }
}

function hashFiles(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update(fs.existsSync(path.join(ROOT, file)) ? fs.readFileSync(path.join(ROOT, file)) : '');
  }
  return hash.digest('hex');
}

/** Runs `step` unless `stampFile` already holds `key`; records `key` afterwards. */
function unlessStamped(stampFile, key, step) {
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === key) {
    return false;
  }
  step();
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, key);
  return true;
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20) {
    throw new Error(`Node >= 20 is required, found ${process.versions.node}`);
  }
}

function installNpmPackages() {
  const manifests = ['package.json', 'package-lock.json', 'kernel/package.json', 'extension/package.json'];
  const key = hashFiles(manifests);
  const stamp = path.join(ROOT, 'node_modules', '.rnnlab-install-stamp');
  const fresh = !fs.existsSync(path.join(ROOT, 'node_modules'));
  const ran = unlessStamped(stamp, key, () => {
    const useCi = fs.existsSync(path.join(ROOT, 'package-lock.json')) && (fresh || process.env.CI);
    log(`installing npm packages (npm ${useCi ? 'ci' : 'install'})`);
    mustRun(NPM, [useCi ? 'ci' : 'install', '--no-audit', '--no-fund']);
  });
  if (!ran) log('npm packages up to date');
}

function findPython() {
  const candidates = [process.env.RNNLAB_PYTHON, 'python3', 'python'].filter(Boolean);
  for (const python of candidates) {
    const result = spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], {
      encoding: 'utf8',
    });
    if (result.status === 0) {
      const [major, minor] = result.stdout.trim().split('.').map(Number);
      if (major === 3 && minor >= 10) return python;
      log(`skipping ${python}: Python ${result.stdout.trim()} is older than 3.10`);
    }
  }
  throw new Error('Python >= 3.10 is required (set RNNLAB_PYTHON to its path)');
}

function setupVenv() {
  if (!fs.existsSync(VENV_PYTHON)) {
    const python = findPython();
    log(`creating .venv with ${python}`);
    mustRun(python, ['-m', 'venv', VENV]);
    mustRun(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', '--upgrade', 'pip']);
  }
  const key = hashFiles(['requirements.txt']);
  const ran = unlessStamped(path.join(VENV, '.rnnlab-requirements-stamp'), key, () => {
    log('installing Python packages into .venv (requirements.txt)');
    mustRun(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', 'requirements.txt']);
  });
  if (!ran) log('Python packages up to date');
}

function build() {
  log('building the rnnlab package (tsc -b kernel)');
  mustRun(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', 'kernel']);
}

/**
 * Builds the native kernel of the fused recurrent layers (kernel/native, g++). Without a compiler
 * rnnlab still works, on the slower tfjs-op kernel; the build script says so.
 */
function buildNative() {
  mustRun(process.execPath, [path.join(ROOT, 'kernel', 'native', 'build.mjs')]);
}

/** True where g++ runs: there the native kernel must build, and its tests must run. */
function hasCompiler() {
  return spawnSync('g++', ['--version'], { stdio: 'ignore' }).status === 0;
}

function installKernel() {
  mustRun(process.execPath, [path.join(ROOT, 'kernel', 'bin', 'rnnlab-kernel.js'), 'install', '--prefix', VENV]);
}

function filesUnder(dir) {
  const found = [];
  if (!fs.existsSync(path.join(ROOT, dir))) return found;
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(relative));
    else found.push(relative);
  }
  return found.sort();
}

/** Builds the JupyterLab extension (tsc, then @jupyterlab/builder) and pip-installs it into .venv. */
function buildExtension() {
  const sources = [
    ...filesUnder('extension/src').filter((file) => !file.endsWith('.spec.ts')),
    ...filesUnder('extension/style'),
    ...filesUnder('extension/rnnlab_extension').filter((file) => file.endsWith('.py')),
    ...filesUnder('schema').filter((file) => file.endsWith('.schema.json')),
    'extension/package.json',
    'extension/tsconfig.json',
    'extension/webpack.config.js',
    'extension/pyproject.toml',
    'extension/hatch_build.py',
    'extension/install.json',
    'package-lock.json',
  ];
  const installed = path.join(VENV, 'share', 'jupyter', 'labextensions', 'rnnlab-extension', 'package.json');
  const key = hashFiles(sources) + (fs.existsSync(installed) ? '' : ':missing');
  const ran = unlessStamped(path.join(VENV, '.rnnlab-extension-stamp'), key, () => {
    log('building the JupyterLab extension (tsc, @jupyterlab/builder; a few minutes the first time)');
    fs.rmSync(path.join(ROOT, 'extension', 'lib'), { recursive: true, force: true });
    fs.rmSync(path.join(ROOT, 'extension', 'rnnlab_extension', 'labextension'), { recursive: true, force: true });
    mustRun(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'extension/tsconfig.json']);
    const staging = spawnSync(VENV_PYTHON, ['-c', 'import jupyterlab, os; print(os.path.join(os.path.dirname(jupyterlab.__file__), "staging", "package.json"))'], {
      encoding: 'utf8',
    }).stdout.trim();
    const env = { ...process.env, PATH: `${VENV_BIN}${path.delimiter}${process.env.PATH ?? ''}` };
    mustRun(path.join(VENV_BIN, 'jupyter-builder'), ['build', '--core-package-file', staging, 'extension'], { env });
    log('installing the extension into .venv (pip install ./extension)');
    mustRun(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-build-isolation', '--no-deps', '--force-reinstall', './extension']);
  });
  if (!ran) log('JupyterLab extension up to date');
}

function setup() {
  checkNode();
  installNpmPackages();
  setupVenv();
  build();
  buildNative();
  installKernel();
  buildExtension();
}

function start(extraArgs) {
  setup();
  const args = ['lab', '--no-browser', `--ServerApp.root_dir=${path.join(ROOT, 'notebooks')}`];
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--allow-root');
  log('starting JupyterLab; open the URL it prints below');
  process.exitCode = run(path.join(VENV_BIN, 'jupyter'), [...args, ...extraArgs]);
}

function specFiles(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...specFiles(full));
    else if (entry.name.endsWith('.spec.ts')) found.push(path.relative(ROOT, full));
  }
  return found.sort();
}

/** Runs a suite, echoing its output, and returns { passed, failed } read from the runner's summary. */
function runSuite(name, command, args, parse, env = {}) {
  log(`running ${name}`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  const counts = parse(result.stdout ?? '');
  if (result.status !== 0 && counts.failed === 0) counts.failed = 1;
  log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
  return counts;
}

function parseNodeTest(output) {
  const number = (label) => Number((output.match(new RegExp(`^# ${label} (\\d+)$`, 'm')) ?? [])[1] ?? 0);
  return { passed: number('pass'), failed: number('fail') + number('cancelled') };
}

function parsePytest(output) {
  const summary = output.trim().split('\n').pop() ?? '';
  const number = (label) => Number((summary.match(new RegExp(`(\\d+) ${label}`)) ?? [])[1] ?? 0);
  return { passed: number('passed'), failed: number('failed') + number('error') };
}

/** Reads Playwright's list-reporter summary ("  5 passed (1.2m)", "  1 failed", "  1 flaky"). */
function parsePlaywright(output) {
  const number = (label) => Number((output.match(new RegExp(`^\\s+(\\d+) ${label}`, 'm')) ?? [])[1] ?? 0);
  return { passed: number('passed'), failed: number('failed') + number('flaky') + number('interrupted') + number('did not run') };
}

const CHROMIUM = process.env.RNNLAB_CHROMIUM ?? '/usr/lib/chromium/chromium';

function uiTests() {
  if (!fs.existsSync(CHROMIUM)) {
    log(`UI tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium, or set RNNLAB_CHROMIUM)`);
    return { passed: 0, failed: 1 };
  }
  return runSuite(
    'extension UI tests (Galata, extension/ui-tests)',
    process.execPath,
    [path.join(ROOT, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', 'extension/ui-tests/playwright.config.js'],
    parsePlaywright,
    { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', RNNLAB_CHROMIUM: CHROMIUM, RNNLAB_VENV: VENV },
  );
}

/**
 * The opt-in native TensorFlow backend: tfjs-node's binding built against the tensorflow-cpu wheel
 * (scripts/tensorflow-cpu.mjs), in a test-only folder so that the other suites keep the default
 * backend, then its tests.
 */
function tensorflowBackendTests() {
  const env = { RNNLAB_TFJS_NODE_DIR: path.join(ROOT, '.rnnlab', 'tfjs-node-test'), RNNLAB_REQUIRE_TENSORFLOW: '1' };
  const script = path.join(ROOT, 'scripts', 'tensorflow-cpu.mjs');
  for (const step of ['venv', 'tfjs-node']) {
    log(`native TensorFlow backend: node scripts/tensorflow-cpu.mjs ${step}`);
    if (run(process.execPath, [script, step], { env: { ...process.env, ...env } }) !== 0) {
      log(`native TensorFlow backend: '${step}' failed`);
      return { passed: 0, failed: 1 };
    }
  }
  return runSuite(
    'native TensorFlow backend tests (tfjs-node on the tensorflow-cpu wheel)',
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=tap', 'kernel/src/backend/tensorflow-native.spec.ts'],
    parseNodeTest,
    env,
  );
}

function test(extraArgs) {
  setup();
  const totals = { passed: 0, failed: 0 };
  const add = (c) => {
    totals.passed += c.passed;
    totals.failed += c.failed;
  };
  add(
    runSuite('type check of the unit tests', process.execPath, [
      path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'kernel/tsconfig.spec.json',
    ], () => ({ passed: 0, failed: 0 })),
  );
  add(
    runSuite(
      'unit tests (node --test)',
      process.execPath,
      [
        '--import',
        'tsx',
        '--test',
        '--test-reporter=tap',
        ...specFiles(path.join(ROOT, 'kernel', 'src')),
        // The native kernel against a float64 reference (needs the addon, so only where it was built).
        ...(hasCompiler() ? ['kernel/native/check.mjs'] : []),
      ],
      parseNodeTest,
      // With a compiler the native kernel was built by setup: its parity tests must run, not skip.
      hasCompiler() ? { RNNLAB_REQUIRE_NATIVE: '1' } : {},
    ),
  );
  add(
    runSuite('type check of the extension', process.execPath, [
      path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'extension/tsconfig.spec.json',
    ], () => ({ passed: 0, failed: 0 })),
  );
  add(
    runSuite(
      'extension unit tests (node --test, jsdom)',
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=tap', ...specFiles(path.join(ROOT, 'extension', 'src'))],
      parseNodeTest,
    ),
  );
  add(
    runSuite(
      'integration tests (pytest test/)',
      VENV_PYTHON,
      ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'test', ...extraArgs],
      parsePytest,
      { RNNLAB_QUICK: '1' },
    ),
  );
  add(tensorflowBackendTests());
  add(uiTests());
  process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
  process.exitCode = totals.failed === 0 && totals.passed > 0 ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
const COMMANDS = { setup: () => setup(), start, test };
try {
  const handler = COMMANDS[command];
  if (!handler) throw new Error(`usage: node scripts/dev.mjs (${Object.keys(COMMANDS).join('|')}) [args]`);
  handler(rest);
} catch (error) {
  process.stderr.write(`[rnnlab] ${error.message}\n`);
  process.exitCode = 1;
}
