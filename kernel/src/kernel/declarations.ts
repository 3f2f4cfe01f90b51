/**
 * The declarations (a `.d.ts` text) that later cells are type-checked against, after a cell that
 * failed or was interrupted part way: the cell's own declarations whose code ran stay, each name whose
 * declaration never ran keeps what the notebook declared for it before (or disappears), exactly as
 * the values do at run time.
 */
import type * as TS from 'typescript';
import { typescript } from '../analysis';

/** The value names a top-level declaration statement binds (types and interfaces bind none). */
function valueNames(ts: typeof TS, statement: TS.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  }
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
    return statement.name ? [statement.name.text] : [];
  }
  if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    const names = clause.name ? [clause.name.text] : [];
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) names.push(...bindings.elements.map((e) => e.name.text));
    return names;
  }
  return [];
}

/** `statement` restricted to the value names `keep` accepts; undefined when none is left. */
function restrict(ts: typeof TS, statement: TS.Statement, keep: (name: string) => boolean): TS.Statement | undefined {
  const names = valueNames(ts, statement);
  if (names.length === 0 || names.every(keep)) return names.length === 0 ? undefined : statement;
  if (!names.some(keep)) return undefined;
  const f = ts.factory;
  if (ts.isVariableStatement(statement)) {
    const declarations = statement.declarationList.declarations.filter((d) => ts.isIdentifier(d.name) && keep(d.name.text));
    return f.updateVariableStatement(statement, statement.modifiers, f.updateVariableDeclarationList(statement.declarationList, declarations));
  }
  if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    const name = clause.name && keep(clause.name.text) ? clause.name : undefined;
    let bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings) && !keep(bindings.name.text)) bindings = undefined;
    if (bindings && ts.isNamedImports(bindings)) {
      const elements = bindings.elements.filter((e) => keep(e.name.text));
      bindings = elements.length > 0 ? f.updateNamedImports(bindings, elements) : undefined;
    }
    return f.updateImportDeclaration(
      statement,
      statement.modifiers,
      f.updateImportClause(clause, clause.isTypeOnly, name, bindings),
      statement.moduleSpecifier,
      statement.assertClause,
    );
  }
  return undefined;
}

/**
 * Declarations after a cell that stopped part way.
 * @param cellDeclarations what tslab declared after the cell (its declarations plus the earlier ones it kept)
 * @param previousDeclarations what was declared before the cell
 * @param notRun value names the cell declares whose declaration did not run
 */
export function declarationsAfterPartialRun(cellDeclarations: string, previousDeclarations: string, notRun: ReadonlySet<string>): string {
  if (notRun.size === 0) return cellDeclarations;
  const ts = typescript();
  const printer = ts.createPrinter({ newLine: ts.NewLineKind.LineFeed });
  const print = (text: string, pick: (statement: TS.Statement) => TS.Statement | undefined): string[] => {
    const file = ts.createSourceFile('decls.d.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    return file.statements.flatMap((s) => {
      const picked = pick(s);
      return picked ? [printer.printNode(ts.EmitHint.Unspecified, picked, file)] : [];
    });
  };
  const ran = (name: string) => !notRun.has(name);
  const fromCell = print(cellDeclarations, (s) => (valueNames(ts, s).length === 0 ? s : restrict(ts, s, ran)));
  const fromBefore = print(previousDeclarations, (s) => restrict(ts, s, (name) => notRun.has(name)));
  return [...fromCell, ...fromBefore].join('\n') + '\n';
}
