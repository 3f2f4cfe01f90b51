#!/usr/bin/env node
// Build the rnnlab native kernel:  node kernel/native/build.mjs [--force] [--strict]
//
// Compiles src/*.cc once and src/isa/*.cc once per ISA path, each with its own
// -m flags (never -march=native: one binary runs on any CPU of its
// architecture and picks its path at load time, src/isa.h), straight against
// the Node-API headers — no node-gyp — into <dir>/rnnlab_native.node, where
// <dir> is build/ next to this file, or, when this folder is not writable
// (a root-owned global install), the per-user cache
// $XDG_CACHE_HOME/rnnlab/native/<version>-<platform>-<arch> (~/.cache/... without
// XDG_CACHE_HOME), which rnnlab's loader also searches.  Objects go to <dir>/obj
// and are compiled in parallel; nothing is rebuilt when the output is newer than
// every source (prints "up to date").
// Node headers: env NODE_INCLUDE_DIR, else <node prefix>/include/node.
// If the compiler is missing or the build fails, a one-line warning goes to
// stderr (rnnlab then runs its recurrent layers without it) and the exit code is 0,
// unless --strict is given (exit 1).
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.join(here, 'src');
const isaDir = path.join(srcDir, 'isa');
const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const strict = args.has('--strict');
const CXX = process.env.CXX || 'g++';

/** build/ here when writable, else the per-user cache (the loader, kernel/src/model/native-addon.ts, looks in both). */
function outputDir() {
  const local = path.join(here, 'build');
  try {
    mkdirSync(local, { recursive: true });
    accessSync(local, constants.W_OK);
    return local;
  } catch {
    const { version } = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8'));
    const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    return path.join(cache, 'rnnlab', 'native', `${version}-${process.platform}-${process.arch}`);
  }
}
const outDir = outputDir();
const objDir = path.join(outDir, 'obj');
const output = path.join(outDir, 'rnnlab_native.node');

const x86 = process.arch === 'x64' || process.arch === 'ia32';
const CXXFLAGS = ['-O3', '-std=c++17', '-fPIC', '-pthread', '-fvisibility=hidden', '-ffp-contract=fast',
  '-Wall', '-Wno-ignored-attributes', `-I${srcDir}`, `-I${isaDir}`, ...(x86 ? ['-DRNN_X86_PATHS=1'] : [])];
/** The ISA paths: the baseline everywhere, AVX2 and AVX-512 on x86 (src/isa/simd.h). */
const ISAS = [
  { name: 'base', flags: [] },
  ...(x86
    ? [
        { name: 'avx2', flags: ['-mavx2', '-mfma', '-DRNN_ISA_AVX2'] },
        { name: 'avx512', flags: ['-mavx512f', '-mavx512vl', '-mavx512dq', '-mavx512bw', '-mavx2', '-mfma', '-DRNN_ISA_AVX512'] },
      ]
    : []),
];
// Undefined napi_* symbols are resolved from the node executable at load time
// (allowed by default for -shared on Linux; macOS needs an explicit flag).
const LDFLAGS = ['-shared', '-pthread', ...(process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : [])];

function fail(msg) {
  process.stderr.write(`rnnlab-native: WARNING: ${msg} — rnnlab will run its recurrent layers without it (slower).\n`);
  process.exit(strict ? 1 : 0);
}

function nodeIncludeDir() {
  const candidates = [];
  if (process.env.NODE_INCLUDE_DIR) candidates.push(process.env.NODE_INCLUDE_DIR);
  try {
    const exe = realpathSync(process.execPath);
    candidates.push(path.join(path.dirname(path.dirname(exe)), 'include', 'node'));
  } catch { /* ignore */ }
  candidates.push('/usr/include/node', '/usr/local/include/node');
  return candidates.find((d) => existsSync(path.join(d, 'node_api.h')));
}

const mtime = (p) => statSync(p).mtimeMs;

const list = (dir, ext) => readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => path.join(dir, f));
const sources = list(srcDir, '.cc');
const isaSources = list(isaDir, '.cc');
const headers = [...list(srcDir, '.h'), ...list(isaDir, '.h')];
if (sources.length === 0 || isaSources.length === 0) fail(`no sources in ${srcDir}`);
const newestHeader = Math.max(mtime(fileURLToPath(import.meta.url)), ...headers.map(mtime));
const newestSource = Math.max(newestHeader, ...sources.map(mtime), ...isaSources.map(mtime));

if (!force && existsSync(output) && mtime(output) > newestSource) {
  console.log(`rnnlab-native: ${path.relative(process.cwd(), output) || output} is up to date`);
  process.exit(0);
}

const probe = spawnSync(CXX, ['--version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) fail(`C++ compiler '${CXX}' not found`);

const inc = nodeIncludeDir();
if (!inc) fail('Node-API headers (node_api.h) not found; set NODE_INCLUDE_DIR');

for (const isa of ISAS) mkdirSync(path.join(objDir, isa.name), { recursive: true });

function run(cmd, argv) {
  console.log([cmd, ...argv].join(' '));
  return new Promise((resolve) => {
    const p = spawn(cmd, argv, { stdio: ['ignore', 'inherit', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    p.on('error', (e) => resolve({ ok: false, err: String(e) }));
    p.on('close', (code) => resolve({ ok: code === 0, err }));
  });
}

// Compile (only objects older than their source or any header), in parallel. The baseline objects
// come first in the link, so that where a path's object and a baseline one both define the same
// inline function (e.g. a std:: template), the linker keeps the baseline one, which runs anywhere.
const job = (src, obj, flags) => ({ src, obj, flags, stale: force || !existsSync(obj) || mtime(obj) <= Math.max(mtime(src), newestHeader) });
const jobs = [
  ...sources.map((src) => job(src, path.join(objDir, path.basename(src, '.cc') + '.o'), [])),
  ...ISAS.flatMap((isa) =>
    isaSources.map((src) =>
      job(src, path.join(objDir, isa.name, path.basename(src, '.cc') + '.o'), [`-DRNN_ISA_NS=isa_${isa.name}`, ...isa.flags]),
    ),
  ),
];
const queue = jobs.filter((j) => j.stale);
const width = Math.max(1, Math.min(queue.length, os.availableParallelism?.() ?? os.cpus().length));
let failed = null;
await Promise.all(Array.from({ length: width }, async () => {
  while (queue.length && !failed) {
    const j = queue.shift();
    const r = await run(CXX, [...CXXFLAGS, ...j.flags, `-I${inc}`, '-c', j.src, '-o', j.obj]);
    if (r.err) process.stderr.write(r.err);
    if (!r.ok) failed = path.relative(srcDir, j.src);
  }
}));
if (failed) fail(`compiling ${failed} failed`);

const link = await run(CXX, [...LDFLAGS, ...jobs.map((j) => j.obj), '-o', output]);
if (link.err) process.stderr.write(link.err);
if (!link.ok) fail('linking rnnlab_native.node failed');

// Smoke-load it so a broken binary is reported here, not at training time.
const check = spawnSync(process.execPath, ['-e', `console.log(require(${JSON.stringify(output)}).version)`], { encoding: 'utf8' });
if (check.status !== 0) fail(`built addon does not load: ${(check.stderr || '').trim().split('\n')[0]}`);
console.log(`rnnlab-native: built ${path.relative(process.cwd(), output) || output} (${check.stdout.trim()})`);
