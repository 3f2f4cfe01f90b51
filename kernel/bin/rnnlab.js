#!/usr/bin/env node
// `rnnlab worker …`: a study worker on a shared database (see kernel/src/cli/worker.ts).
// `rnnlab build-native [--force]`: (re)build the native kernel of the fused recurrent layers (needs g++).
if (process.argv[2] === 'build-native') {
  const path = require('node:path');
  const built = require('node:child_process').spawnSync(
    process.execPath,
    [path.join(__dirname, '..', 'native', 'build.mjs'), '--strict', ...process.argv.slice(3)],
    { stdio: 'inherit' },
  );
  process.exit(built.status ?? 1);
}
require('../dist/cli').main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
