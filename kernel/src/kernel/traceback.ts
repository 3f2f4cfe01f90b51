/**
 * Tracebacks as a notebook user wants them: the frames of their cells (and of their own files), and
 * where they entered a library (rnnlab's public function they called), without the library's inner
 * frames, Node's (`node:vm`, `node:internal`) or tslab's.
 */
import path from 'node:path';

/** A cell's error as Jupyter's `error` message carries it. */
export interface CellError {
  ename: string;
  evalue: string;
  traceback: string[];
}

type FrameKind = 'user' | 'library' | 'runtime';

/** rnnlab's compiled code (this file lives in dist/kernel). */
const RNNLAB_DIST = path.resolve(__dirname, '..') + path.sep;
const TSLAB_DIR = path.dirname(require.resolve('tslab/package.json')) + path.sep;
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/** Where a stack line's code lives. */
export function frameKind(line: string): FrameKind {
  const location = /\(([^()]*)\)\s*$/.exec(line)?.[1] ?? line.replace(/^\s*at\s+(async\s+)?/, '');
  const hasPosition = /:\d+:\d+$/.test(location); // not `<anonymous>`, `native`, `index 0`
  if (!hasPosition || location.startsWith('node:') || location.includes(TSLAB_DIR)) {
    return 'runtime';
  }
  if (location.startsWith(RNNLAB_DIST) || location.includes(NODE_MODULES)) return 'library';
  return 'user';
}

/** The frames of `stack` a notebook shows: user frames, and each library frame a user frame called. */
export function userFrames(stack: string): string[] {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  // The frame that vm runs is tslab's wrapper around the cell, not a line of it.
  const kinds = frames.map((line, i) => (frames[i + 1]?.includes('(node:vm:') ? 'runtime' : frameKind(line)));
  const shown = frames.filter((_, i) => kinds[i] === 'user' || (kinds[i] === 'library' && kinds.slice(i + 1).find((k) => k !== 'runtime') === 'user'));
  if (shown.length > 0) return shown;
  const first = frames.findIndex((_, i) => kinds[i] !== 'runtime');
  return first === -1 ? [] : [frames[first]];
}

/**
 * Turns a thrown value into Jupyter's error fields.
 * @param awaitStack the stack where the cell awaited the failed work: its cell frames are added when the
 *   error's own stack has none (libraries whose async code V8 cannot trace back, such as tfjs)
 */
export function describeThrown(thrown: unknown, awaitStack?: string): CellError {
  if (thrown instanceof Error) {
    const name = thrown.name || 'Error';
    const stack = thrown.stack ?? '';
    const own = userFrames(stack);
    const reachesCell = stack.split('\n').some((line) => /^\s+at /.test(line) && frameKind(line) === 'user');
    const cell = !reachesCell && awaitStack ? userFrames(awaitStack).filter((line) => frameKind(line) === 'user') : [];
    return {
      ename: name,
      evalue: thrown.message,
      traceback: [`${name}: ${thrown.message}`, ...own, ...cell],
    };
  }
  const text = typeof thrown === 'string' ? thrown : JSON.stringify(thrown) ?? String(thrown);
  return { ename: 'Error', evalue: text, traceback: [`Uncaught ${text}`] };
}
