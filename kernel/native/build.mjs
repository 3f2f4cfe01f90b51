#!/usr/bin/env node
// Build the rnnlab native kernel:  node kernel/native/build.mjs [--force] [--strict]
//
// Compiles src/*.cc with g++ (env CXX overrides) straight against the Node-API
// headers — no node-gyp — into build/rnnlab_native.node.  Objects go to
// build/obj and are compiled in parallel; nothing is rebuilt when the output
// is newer than every source (prints "up to date").
// Node headers: env NODE_INCLUDE_DIR, else <node prefix>/include/node.
// If the compiler is missing or the build fails, a one-line warning goes to
// stderr (rnnlab then runs its recurrent layers without it) and the exit code is 0,
// unless --strict is given (exit 1).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const srcDir = path.join(here, 'src');
const outDir = path.join(here, 'build');
const objDir = path.join(outDir, 'obj');
const output = path.join(outDir, 'rnnlab_native.node');
const args = new Set(process.argv.slice(2));
const force = args.has('--force');
const strict = args.has('--strict');
const CXX = process.env.CXX || 'g++';

const CXXFLAGS = ['-O3', '-march=native', '-std=c++17', '-fPIC', '-pthread', '-fvisibility=hidden',
  '-Wall', '-Wno-ignored-attributes'];
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

const files = readdirSync(srcDir);
const sources = files.filter((f) => f.endsWith('.cc')).map((f) => path.join(srcDir, f));
const headers = files.filter((f) => f.endsWith('.h')).map((f) => path.join(srcDir, f));
if (sources.length === 0) fail(`no sources in ${srcDir}`);
const newestHeader = Math.max(mtime(fileURLToPath(import.meta.url)), ...headers.map(mtime));
const newestSource = Math.max(newestHeader, ...sources.map(mtime));

if (!force && existsSync(output) && mtime(output) > newestSource) {
  console.log(`rnnlab-native: ${path.relative(process.cwd(), output) || output} is up to date`);
  process.exit(0);
}

const probe = spawnSync(CXX, ['--version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) fail(`C++ compiler '${CXX}' not found`);

const inc = nodeIncludeDir();
if (!inc) fail('Node-API headers (node_api.h) not found; set NODE_INCLUDE_DIR');

mkdirSync(objDir, { recursive: true });

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

// Compile (only objects older than their source or any header), in parallel.
const jobs = sources.map((src) => {
  const obj = path.join(objDir, path.basename(src, '.cc') + '.o');
  const stale = force || !existsSync(obj) || mtime(obj) <= Math.max(mtime(src), newestHeader);
  return { src, obj, stale };
});
const queue = jobs.filter((j) => j.stale);
const width = Math.max(1, Math.min(queue.length, os.availableParallelism?.() ?? os.cpus().length));
let failed = null;
await Promise.all(Array.from({ length: width }, async () => {
  while (queue.length && !failed) {
    const j = queue.shift();
    const r = await run(CXX, [...CXXFLAGS, `-I${inc}`, '-c', j.src, '-o', j.obj]);
    if (r.err) process.stderr.write(r.err);
    if (!r.ok) failed = path.basename(j.src);
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
