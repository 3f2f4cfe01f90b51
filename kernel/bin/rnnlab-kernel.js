#!/usr/bin/env node
// The rnnlab Jupyter kernel (tslab plus rnnlab) and its kernel-spec installer.
require('../dist/kernel').main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
