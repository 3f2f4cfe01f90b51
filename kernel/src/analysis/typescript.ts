/**
 * The TypeScript compiler rnnlab analyses user code with: the fork tslab compiles cells with, so that
 * the analysis reads code exactly as the kernel compiles it. Loaded on first use.
 */
import path from 'node:path';
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/** tslab's TypeScript (5.0); its types are those of the `typescript` package the project builds with. */
export function typescript(): typeof TS {
  if (!loaded) {
    const tslabDir = path.dirname(require.resolve('tslab/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] })) as typeof TS;
  }
  return loaded;
}

/** Parses `code` (TypeScript, or JavaScript with `kind: 'js'`) with parent links set. */
export function parse(code: string, kind: 'ts' | 'js' = 'ts'): TS.SourceFile {
  const ts = typescript();
  return ts.createSourceFile(
    kind === 'ts' ? 'cell.ts' : 'code.js',
    code,
    ts.ScriptTarget.Latest,
    true,
    kind === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS,
  );
}

/**
 * `code` compiled to CommonJS as tslab compiles a cell (esModuleInterop): used to learn the names the
 * compiler gives imported modules (`rnnlab_1`), and to load a notebook's local `.ts` files in workers.
 */
export function toCommonJs(code: string, fileName = 'cell.ts'): string {
  const ts = typescript();
  return ts.transpileModule(code, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2020,
      noImplicitUseStrict: true,
    },
  }).outputText;
}
