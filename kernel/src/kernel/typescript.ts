/**
 * tslab's TypeScript (its 5.0 fork, a dependency of tslab and so of rnnlab): the kernel type-checks
 * cells with it, and the worker command compiles `.ts` objective modules with it, so neither needs a
 * TypeScript of the user's.
 */
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import type { ResolutionSystem } from './resolution';

/** The part of TypeScript's API rnnlab uses (declared here: `typescript` is not a dependency of rnnlab). */
export interface TslabTypeScript {
  sys: ResolutionSystem;
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2022: number };
  transpileModule(input: string, options: { fileName: string; compilerOptions: Record<string, unknown> }): { outputText: string };
}

/** Loads tslab's TypeScript module. */
export function tslabTypeScript(): TslabTypeScript {
  const tslabDir = path.dirname(require.resolve('tslab/package.json'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] })) as TslabTypeScript;
}

/** The extensions `registerTypeScript` makes `require` load. */
export const TYPESCRIPT_EXTENSIONS = ['.ts', '.cts'] as const;

type CompilingModule = Module & { _compile(code: string, filename: string): void };

/**
 * Makes `require` load TypeScript files (and find `./helper` as `./helper.ts`): each is compiled to
 * CommonJS without type checking, as tsx and ts-node's transpile-only mode do.
 */
export function registerTypeScript(): void {
  const compiler = tslabTypeScript();
  const compilerOptions = {
    module: compiler.ModuleKind.CommonJS,
    target: compiler.ScriptTarget.ES2022,
    esModuleInterop: true,
    inlineSourceMap: true,
  };
  for (const extension of TYPESCRIPT_EXTENSIONS) {
    require.extensions[extension] = (module, filename) => {
      const { outputText } = compiler.transpileModule(fs.readFileSync(filename, 'utf8'), { fileName: filename, compilerOptions });
      (module as CompilingModule)._compile(outputText, filename);
    };
  }
}
