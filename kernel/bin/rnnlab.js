#!/usr/bin/env node
// `rnnlab worker …`: a study worker on a shared database (see kernel/src/cli/worker.ts).
require('../dist/cli').main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
