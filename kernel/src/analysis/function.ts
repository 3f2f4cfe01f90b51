/**
 * What a function's code needs from outside itself, read with the TypeScript compiler API from the
 * function's compiled source (`Function.prototype.toString`): the names it uses without declaring them,
 * and the earlier cells' names it reaches through tslab's `exports.name`; and the names its first
 * parameter destructures (the parameters a build function declares).
 */
import type * as TS from 'typescript';
import { parse, typescript } from './typescript';

export interface FunctionAnalysis {
  /** Names the function uses but does not declare (globals included), in order of first use. */
  freeNames: string[];
  /** `name` of every `exports.name` when `exports` is free: earlier cells' names as tslab compiles them. */
  exportsNames: string[];
}

/** Wraps a function's source so it parses as an expression (methods need an object literal around them). */
function parseFunction(source: string): { file: TS.SourceFile; fn: TS.Node } {
  const ts = typescript();
  for (const [before, after] of [['(', ')'], ['({', '})']]) {
    const file = parse(`${before}${source}${after}`, 'js');
    const diagnostics = (file as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics ?? [];
    const statement = file.statements[0];
    if (diagnostics.length > 0 || file.statements.length !== 1 || !statement || !ts.isExpressionStatement(statement)) continue;
    let node: TS.Node = statement.expression;
    while (ts.isParenthesizedExpression(node)) node = node.expression;
    if (ts.isObjectLiteralExpression(node) && node.properties.length === 1) node = node.properties[0];
    return { file, fn: node };
  }
  throw new Error(`cannot read the source of this function: ${source.slice(0, 80)}`);
}

/** A program over one file, without lib files: its checker resolves the names declared in the file only. */
function checkerFor(file: TS.SourceFile): TS.TypeChecker {
  const ts = typescript();
  const options: TS.CompilerOptions = { noLib: true, allowJs: true, noResolve: true, types: [], target: ts.ScriptTarget.Latest };
  const host: TS.CompilerHost = {
    getSourceFile: (name) => (name === file.fileName ? file : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === file.fileName,
    readFile: () => undefined,
  };
  return ts.createProgram({ rootNames: [file.fileName], options, host }).getTypeChecker();
}

/** Whether an identifier stands for a value the code reads (not a property name, label or key). */
function isReference(id: TS.Identifier): boolean {
  const ts = typescript();
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) ||
    ts.isGetAccessorDeclaration(parent) || ts.isSetAccessorDeclaration(parent)) && parent.name === id) return false;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isMetaProperty(parent)) return false;
  return true;
}

/**
 * The names destructured from a function's first parameter (`({ units = 32, rate }) => …` → units,
 * rate); undefined when the first parameter is taken whole or has a rest element (then any name may be
 * used).
 */
export function destructuredParamNames(source: string): string[] | undefined {
  const ts = typescript();
  let fn: TS.Node;
  try {
    fn = parseFunction(source).fn;
  } catch {
    return undefined;
  }
  if (!ts.isFunctionLike(fn)) return undefined;
  const first = fn.parameters[0];
  if (!first || !ts.isObjectBindingPattern(first.name)) return undefined;
  const names: string[] = [];
  for (const element of first.name.elements) {
    if (element.dotDotDotToken) return undefined;
    const key = element.propertyName ?? element.name;
    if (ts.isIdentifier(key) || ts.isStringLiteral(key)) names.push(key.text);
    else return undefined;
  }
  return names;
}

/** Analyses a function from its source text (an arrow, function, class or method, as `toString` gives it). */
export function analyseFunction(source: string): FunctionAnalysis {
  const ts = typescript();
  const { file, fn } = parseFunction(source);
  const checker = checkerFor(file);
  const free: string[] = [];
  const exportsNames: string[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node) && isReference(node)) {
      const symbol = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : checker.getSymbolAtLocation(node);
      if (!symbol && node.text !== 'undefined' && !free.includes(node.text)) free.push(node.text);
      if (!symbol && node.text === 'exports' && ts.isPropertyAccessExpression(node.parent) && node.parent.expression === node) {
        const name = node.parent.name.text;
        if (!exportsNames.includes(name)) exportsNames.push(name);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return { freeNames: free, exportsNames };
}
