/**
 * Runs cells with tslab's executor (compile with its TypeScript 5.0 fork, then execute), and turns what
 * it reports into Jupyter terms: the last expression's value, or an error with ename, evalue and traceback.
 *
 * Cells keep IPython's semantics, which tslab alone does not: what a cell declared before it failed or
 * was interrupted stays, with its value at that moment and its type for the cells that follow; an
 * interrupt ends the cell at its pending await. The kernel sits between tslab's executor and its
 * converter for that: it keeps the notebook's declarations itself (tslab forgets a failed cell's), and
 * instruments each compiled cell (compiled-cell.ts) for the cell runtime (cell-runtime.ts).
 */
import path from 'node:path';
import { CellRuntime, KeyboardInterrupt } from './cell-runtime';
import { instrumentCell } from './compiled-cell';
import { declarationsAfterPartialRun } from './declarations';
import { expandShorthandProperties } from './shorthand';
import { type CellError, describeThrown } from './traceback';

export type { CellError };

/** What tslab's converter returns for a cell (tslab/dist/converter). */
interface Conversion {
  output?: string;
  declOutput?: string;
  diagnostics: unknown[];
  lastExpressionVar?: string;
}

/** The parts of tslab's converter and executor rnnlab uses (tslab/dist/converter, executor, inspect). */
interface TslabConverter {
  convert(previousDeclarations: string, src: string): Conversion;
  inspect(previousDeclarations: string, src: string, position: number): unknown;
  complete(previousDeclarations: string, src: string, position: number): unknown;
  addModule(...args: unknown[]): unknown;
  close(): void;
}
interface TslabExecutor {
  /** The notebook's top-level declarations. */
  locals: Record<string, unknown>;
  execute(src: string): Promise<boolean>;
  inspect(src: string, position: number): unknown;
  complete(src: string, position: number): { start: number; end: number; candidates: string[] };
  interrupt(): void;
  close(): void;
}
interface TslabModules {
  createConverter(options: { isJS: boolean; isBrowser: boolean }): TslabConverter;
  isCompleteCode(code: string): { completed: boolean; indent?: string };
  createExecutor(
    rootDir: string,
    convs: { node: TslabConverter; browser: TslabConverter; close(): void },
    console: { log(...args: unknown[]): void; error(...args: unknown[]): void },
  ): TslabExecutor;
  printQuickInfo(info: unknown): string;
}

function loadTslab(): TslabModules {
  const dist = path.join(path.dirname(require.resolve('tslab/package.json')), 'dist');
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require(path.join(dist, 'converter.js')) as Pick<TslabModules, 'createConverter' | 'isCompleteCode'>),
    ...(require(path.join(dist, 'executor.js')) as Pick<TslabModules, 'createExecutor'>),
    ...(require(path.join(dist, 'inspect.js')) as Pick<TslabModules, 'printQuickInfo'>),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}


/** What running a cell gave. */
export type CellOutcome =
  | { status: 'ok'; hasValue: false }
  | { status: 'ok'; hasValue: true; value: unknown }
  | { status: 'error'; error: CellError };

/** One tslab executor for the kernel's lifetime. */
export class CellExecutor {
  private readonly tslab: TslabModules;
  private readonly executor: TslabExecutor;
  private readonly converters: { node: TslabConverter; browser: TslabConverter; close(): void };
  private capture: { value?: { v: unknown }; diagnostics: string[]; thrown?: { v: unknown } } = { diagnostics: [] };
  private running = false;
  private interrupted = false;
  private readonly runtime: CellRuntime;
  /** The notebook's declarations so far, as a `.d.ts` text (the kernel's, not tslab's own copy). */
  private declarations = '';
  /** The current cell's compilation, with the names it declares. */
  private conversion?: Conversion & { declaredNames: string[] };

  constructor(rootDir: string) {
    this.tslab = loadTslab();
    const tslab = this.tslab;
    let node: TslabConverter | undefined;
    let browser: TslabConverter | undefined;
    const create = (isBrowser: boolean) => this.withNotebookDeclarations(tslab.createConverter({ isJS: false, isBrowser }));
    this.converters = {
      get node() {
        return (node ??= create(false));
      },
      get browser() {
        return (browser ??= create(true));
      },
      close() {
        node?.close();
        browser?.close();
      },
    };
    void this.converters.node; // Warm the compiler now rather than in the first cell.
    // tslab reports through this console only: the last expression (log) and errors (error).
    this.executor = tslab.createExecutor(rootDir, this.converters, {
      log: (value: unknown) => {
        this.capture.value = { v: value };
      },
      error: (...args: unknown[]) => {
        if (args.length === 5 && args[0] === '%s%d:%d - %s') {
          const [, file, line, column, text] = args as [string, string, number, number, string];
          this.capture.diagnostics.push(`${file}${line}:${column} - ${text}`);
        } else {
          this.capture.thrown = { v: args[0] };
        }
      },
    });
    this.runtime = new CellRuntime((globalThis as unknown as { __tslab__: { exports: object } }).__tslab__);
  }

  /**
   * tslab's converter, compiling against the kernel's declarations instead of the ones tslab passes
   * (which lose a failed cell's), and instrumenting what it compiles.
   */
  private withNotebookDeclarations(converter: TslabConverter): TslabConverter {
    return {
      convert: (_tslabDeclarations, src) => {
        const conversion = converter.convert(this.declarations, src);
        if (conversion.output === undefined || conversion.diagnostics.length > 0) {
          this.conversion = { ...conversion, declaredNames: [] };
          return conversion;
        }
        const { code, declaredNames } = instrumentCell(conversion.output);
        this.conversion = { ...conversion, declaredNames };
        return { ...conversion, output: code };
      },
      inspect: (_tslabDeclarations, src, position) => converter.inspect(this.declarations, src, position),
      complete: (_tslabDeclarations, src, position) => converter.complete(this.declarations, src, position),
      addModule: (...args) => converter.addModule(...args),
      close: () => converter.close(),
    };
  }

  /** Keeps the declarations a cell made: all when it succeeded, those that ran when it stopped part way. */
  private keepDeclarations(ok: boolean): void {
    const conversion = this.conversion;
    if (!conversion || conversion.diagnostics.length > 0) return;
    if (ok) {
      this.declarations = conversion.declOutput ?? '';
      return;
    }
    if (conversion.output === undefined) return;
    const assigned = this.runtime.assignedNames();
    const notRun = new Set(conversion.declaredNames.filter((name) => !assigned.has(name)));
    if (conversion.lastExpressionVar) delete this.executor.locals[conversion.lastExpressionVar];
    this.declarations = declarationsAfterPartialRun(conversion.declOutput ?? '', this.declarations, notRun);
  }

  /** Compiles and runs one cell. */
  async run(code: string): Promise<CellOutcome> {
    this.capture = { diagnostics: [] };
    this.running = true;
    this.interrupted = false;
    this.conversion = undefined;
    this.runtime.beginCell();
    let ok: boolean;
    try {
      ok = await this.executor.execute(expandShorthandProperties(code));
    } catch (error) {
      ok = false;
      this.capture.thrown = { v: error };
    } finally {
      this.running = false;
    }
    this.keepDeclarations(ok);
    const { value, diagnostics, thrown } = this.capture;
    const stoppedBySigint =
      thrown?.v instanceof KeyboardInterrupt ||
      (thrown?.v instanceof Error && thrown.v.message.startsWith('Script execution was interrupted'));
    if ((this.interrupted || stoppedBySigint) && !ok) {
      return {
        status: 'error',
        error: { ename: 'KeyboardInterrupt', evalue: 'Interrupted', traceback: ['KeyboardInterrupt: Interrupted'] },
      };
    }
    if (diagnostics.length > 0) {
      return {
        status: 'error',
        error: { ename: 'TypeScriptError', evalue: diagnostics[0], traceback: diagnostics },
      };
    }
    if (!ok || thrown) {
      return { status: 'error', error: describeThrown(thrown?.v ?? new Error('the cell failed'), this.runtime.pendingAwaitStack()) };
    }
    return value ? { status: 'ok', hasValue: true, value: value.v } : { status: 'ok', hasValue: false };
  }

  /** The notebook's top-level declarations (functions, constants) by name. */
  get locals(): Record<string, unknown> {
    return this.executor.locals;
  }

  /**
   * Ends the running cell at its pending await (blocking code is stopped by SIGINT itself). Awaits the
   * instrumentation does not reach (`for await`) are abandoned the way tslab does.
   */
  interrupt(): void {
    if (this.running) this.interrupted = true;
    if (!this.runtime.interrupt()) this.executor.interrupt();
  }

  isComplete(code: string): { status: 'complete' } | { status: 'incomplete'; indent: string } {
    const result = this.tslab.isCompleteCode(code);
    return result.completed ? { status: 'complete' } : { status: 'incomplete', indent: result.indent ?? '' };
  }

  inspect(code: string, cursor: number): { found: boolean; text: string } {
    const info = this.executor.inspect(code, cursor);
    return info ? { found: true, text: this.tslab.printQuickInfo(info) } : { found: false, text: '' };
  }

  complete(code: string, cursor: number): { start: number; end: number; matches: string[] } {
    const info = this.executor.complete(code, cursor);
    return { start: info.start, end: info.end, matches: info.candidates };
  }

  close(): void {
    this.executor.close();
  }
}
