/**
 * The TypeScript compiler API of tslab's own fork (the one that compiles the cells), loaded once.
 * Typed with the `typescript` package's declarations, which the fork shares.
 */
import path from 'node:path';
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/** tslab's TypeScript (5.0 fork). */
export function tslabTypeScript(): typeof TS {
  if (!loaded) {
    const tslabDir = path.dirname(require.resolve('tslab/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] })) as typeof TS;
  }
  return loaded;
}
