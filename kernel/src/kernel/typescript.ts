/**
 * tslab's TypeScript (its 5.0 fork, a dependency of tslab and so of rnnlab): the kernel type-checks
 * cells with it, and the worker command compiles `.ts` objective modules with it, so neither needs a
 * TypeScript of the user's.
 */
import fs from 'node:fs';
import Module from 'node:module';
import { typescript } from '../analysis';

/** The extensions `registerTypeScript` makes `require` load. */
export const TYPESCRIPT_EXTENSIONS = ['.ts', '.cts'] as const;

type CompilingModule = Module & { _compile(code: string, filename: string): void };

/**
 * Makes `require` load TypeScript files (and find `./helper` as `./helper.ts`): each is compiled to
 * CommonJS without type checking, as tsx and ts-node's transpile-only mode do.
 */
export function registerTypeScript(): void {
  const compiler = typescript();
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
