#!/usr/bin/env node
// npm's `install` script of the rnnlab package: builds the native kernel of the fused recurrent layers
// with build.mjs when a C++ compiler is there, and prints one line saying what happened. It never fails
// the install: without the native kernel rnnlab runs those layers on tfjs ops (slower).
//
// npm 11 runs a dependency's install scripts only when allowed: `"allowScripts": { "rnnlab": true }` in
// the project's package.json (or `npm install-scripts approve rnnlab`), `npm i -g --allow-scripts=rnnlab
// rnnlab` globally. Without it, `npx rnnlab build-native` builds the kernel later.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const CXX = process.env.CXX || 'g++';
const say = (line) => process.stdout.write(`rnnlab: ${line}\n`);
const fallback = 'the recurrent layers will run on tfjs ops (slower); `npx rnnlab build-native` builds it later';

if (process.env.RNNLAB_SKIP_NATIVE_BUILD) {
  say(`native kernel not built (RNNLAB_SKIP_NATIVE_BUILD is set); ${fallback}`);
} else if (spawnSync(CXX, ['--version'], { stdio: 'ignore' }).status !== 0) {
  say(`no C++ compiler ('${CXX}'), so the native kernel was not built; ${fallback}`);
} else {
  const build = spawnSync(process.execPath, [path.join(here, 'build.mjs')], { encoding: 'utf8', cwd: here });
  const lines = `${build.stdout ?? ''}\n${build.stderr ?? ''}`.split('\n').map((line) => line.trim());
  const warning = lines.find((line) => line.includes('WARNING'));
  const done = lines.filter((line) => line.startsWith('rnnlab-native:')).pop();
  if (build.status === 0 && !warning && done) say(`native kernel ready (${done.replace(/^rnnlab-native:\s*/, '')})`);
  else say(`native kernel not built: ${(warning ?? `build.mjs exited with code ${build.status}`).replace(/^rnnlab-native: WARNING:\s*/, '')}`);
}
