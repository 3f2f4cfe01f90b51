/**
 * Adjusts the JavaScript tslab compiles a cell to, so that the cell behaves as an IPython cell:
 *
 * - tslab's CommonJS output starts with `exports.a = exports.b = void 0;`, which wipes the notebook's
 *   earlier values of every name the cell declares before any line runs. That preamble is removed (its
 *   names are what the cell declares): an earlier value stays until the cell's own declaration runs, so
 *   a cell that fails before a redeclaration leaves the earlier value in place.
 * - Every await at the cell's top level becomes `check(await settle(...))` on {@link CELL_RUNTIME}, which
 *   ends the cell at that await when the kernel is interrupted (see cell-runtime.ts).
 *
 * Edits are made in place on the text (positions from the syntax tree), so line numbers in stack traces
 * stay those of tslab's output.
 */
import type * as TS from 'typescript';
import { typescript } from '../analysis';

/** The global through which instrumented cells reach the kernel's cell runtime. */
export const CELL_RUNTIME = '__rnnlabCell__';

/** A compiled cell ready to run. */
export interface InstrumentedCell {
  code: string;
  /** Names the cell declares as values (its exports), in the order tslab listed them. */
  declaredNames: string[];
}

/** `exports.a = exports.b = void 0`: the names, or undefined when the statement is something else. */
function preambleNames(ts: typeof TS, statement: TS.Statement): string[] | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  const names: string[] = [];
  let node: TS.Expression = statement.expression;
  while (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = node.left;
    if (!ts.isPropertyAccessExpression(target) || !ts.isIdentifier(target.expression) || target.expression.text !== 'exports') {
      return undefined;
    }
    names.push(target.name.text);
    node = node.right;
  }
  const isVoidZero = ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression) && node.expression.text === '0';
  return isVoidZero && names.length > 0 ? names : undefined;
}

function isFunctionBoundary(ts: typeof TS, node: TS.Node): boolean {
  return ts.isFunctionLike(node) || ts.isClassLike(node);
}

/** Instruments tslab's compiled output of one cell (see the module comment). */
export function instrumentCell(js: string): InstrumentedCell {
  const ts = typescript();
  const file = ts.createSourceFile('cell.js', js, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const edits: { at: number; end: number; text: string }[] = [];
  const declaredNames: string[] = [];
  for (const statement of file.statements) {
    const names = preambleNames(ts, statement);
    if (names) {
      declaredNames.push(...names.reverse());
      edits.push({ at: statement.getStart(file), end: statement.getEnd(), text: '' });
    }
  }
  const visit = (node: TS.Node): void => {
    if (isFunctionBoundary(ts, node)) return;
    if (ts.isAwaitExpression(node)) {
      const operand = node.expression;
      edits.push({ at: node.getStart(file), end: node.getStart(file), text: `${CELL_RUNTIME}.check(` });
      edits.push({ at: node.getEnd(), end: node.getEnd(), text: ')' });
      edits.push({ at: operand.getStart(file), end: operand.getStart(file), text: `${CELL_RUNTIME}.settle(` });
      edits.push({ at: operand.getEnd(), end: operand.getEnd(), text: ')' });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  // Applied from the end so that earlier positions stay valid. Of two inserts at one position the one
  // made later (for an inner node: the tree is visited outside in) goes in first, so it ends up inside.
  const ordered = edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => b.at - a.at || b.order - a.order);
  let code = js;
  for (const edit of ordered) code = code.slice(0, edit.at) + edit.text + code.slice(edit.end);
  return { code, declaredNames };
}
