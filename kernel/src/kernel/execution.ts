/**
 * Runs cells with tslab's executor (compile with its TypeScript 5.0 fork, then execute), and turns what
 * it reports into Jupyter terms: the last expression's value, or an error with ename, evalue and traceback.
 */
import path from 'node:path';
import { expandShorthandProperties } from './shorthand';

/** The parts of tslab's converter and executor rnnlab uses (tslab/dist/converter, executor, inspect). */
interface TslabConverter {
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

/** A cell's error as Jupyter's `error` message carries it. */
export interface CellError {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** What running a cell gave. */
export type CellOutcome =
  | { status: 'ok'; hasValue: false }
  | { status: 'ok'; hasValue: true; value: unknown }
  | { status: 'error'; error: CellError };

/** Frames of the kernel's own machinery, hidden from tracebacks. */
const INTERNAL_FRAME = /node:internal|[/\\]tslab[/\\]dist[/\\]|[/\\]rnnlab[/\\]dist[/\\]kernel[/\\]|[/\\]kernel[/\\]dist[/\\]kernel[/\\]/;

/** Turns a thrown value into Jupyter's error fields. */
export function describeThrown(thrown: unknown): CellError {
  if (thrown instanceof Error) {
    const stack = (thrown.stack ?? `${thrown.name}: ${thrown.message}`).split('\n');
    const frames = stack.filter((line) => /^\s+at /.test(line) && !INTERNAL_FRAME.test(line));
    return {
      ename: thrown.name || 'Error',
      evalue: thrown.message,
      traceback: [`${thrown.name || 'Error'}: ${thrown.message}`, ...frames],
    };
  }
  const text = typeof thrown === 'string' ? thrown : JSON.stringify(thrown) ?? String(thrown);
  return { ename: 'Error', evalue: text, traceback: [`Uncaught ${text}`] };
}

/** One tslab executor for the kernel's lifetime. */
export class CellExecutor {
  private readonly tslab: TslabModules;
  private readonly executor: TslabExecutor;
  private readonly converters: { node: TslabConverter; browser: TslabConverter; close(): void };
  private capture: { value?: { v: unknown }; diagnostics: string[]; thrown?: { v: unknown } } = { diagnostics: [] };
  private running = false;
  private interrupted = false;

  constructor(rootDir: string) {
    this.tslab = loadTslab();
    const tslab = this.tslab;
    let node: TslabConverter | undefined;
    let browser: TslabConverter | undefined;
    this.converters = {
      get node() {
        return (node ??= tslab.createConverter({ isJS: false, isBrowser: false }));
      },
      get browser() {
        return (browser ??= tslab.createConverter({ isJS: false, isBrowser: true }));
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
  }

  /** Compiles and runs one cell. */
  async run(code: string): Promise<CellOutcome> {
    this.capture = { diagnostics: [] };
    this.running = true;
    this.interrupted = false;
    let ok: boolean;
    try {
      ok = await this.executor.execute(expandShorthandProperties(code));
    } catch (error) {
      ok = false;
      this.capture.thrown = { v: error };
    } finally {
      this.running = false;
    }
    const { value, diagnostics, thrown } = this.capture;
    const stoppedBySigint =
      thrown?.v instanceof Error && thrown.v.message.startsWith('Script execution was interrupted');
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
      return { status: 'error', error: describeThrown(thrown?.v ?? new Error('the cell failed')) };
    }
    return value ? { status: 'ok', hasValue: true, value: value.v } : { status: 'ok', hasValue: false };
  }

  /** The notebook's top-level declarations (functions, constants) by name. */
  get locals(): Record<string, unknown> {
    return this.executor.locals;
  }

  /** Interrupts the running cell's pending await (blocking code is stopped by SIGINT itself). */
  interrupt(): void {
    if (this.running) this.interrupted = true;
    this.executor.interrupt();
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
