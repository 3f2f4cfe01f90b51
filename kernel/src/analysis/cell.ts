/**
 * What a notebook cell declares at its top level, read with the TypeScript compiler API: the names its
 * imports bind (and the names the compiler gives the imported modules in the compiled cell), and its
 * functions, classes and other values. The notebook's record of all cells run so far answers, for any
 * name a function uses, how a worker thread can re-create it.
 */
import type * as TS from 'typescript';
import { parse, toCommonJs, typescript } from './typescript';

/**
 * How a name is bound to a module. `take` mirrors the CommonJS code TypeScript emits with
 * esModuleInterop: `named` is a member (`import { a as b }`), `default` the default export,
 * `namespace` the `import * as` object, `module` the bare `require()` result, `importDefault` the
 * wrapper of a default import's module alias (`fs_1` in `fs_1.default`).
 */
export interface ModuleBinding {
  specifier: string;
  take: 'namespace' | 'default' | 'module' | 'importDefault' | { named: string };
}

/** What a top-level name of a cell is. `function` includes `const f = () => …` and function expressions. */
export type DeclarationKind = 'function' | 'class' | 'value';

export interface CellDeclarations {
  /** Names bound to modules: the imports as written, and the compiler's module aliases. */
  imports: Map<string, ModuleBinding>;
  declarations: Map<string, DeclarationKind>;
}

function moduleSpecifier(node: TS.Expression): string | undefined {
  const ts = typescript();
  return ts.isStringLiteral(node) ? node.text : undefined;
}

/** `require("x")` → "x". */
function requiredSpecifier(node: TS.Expression | undefined): string | undefined {
  const ts = typescript();
  if (!node || !ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  if (!ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
  return moduleSpecifier(node.arguments[0]);
}

function importsOf(statement: TS.ImportDeclaration, into: Map<string, ModuleBinding>): void {
  const ts = typescript();
  const specifier = moduleSpecifier(statement.moduleSpecifier);
  const clause = statement.importClause;
  if (!specifier || !clause || clause.isTypeOnly) return;
  if (clause.name) into.set(clause.name.text, { specifier, take: 'default' });
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) into.set(bindings.name.text, { specifier, take: 'namespace' });
  if (bindings && ts.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      if (element.isTypeOnly) continue;
      const named = (element.propertyName ?? element.name).text;
      into.set(element.name.text, { specifier, take: named === 'default' ? 'default' : { named } });
    }
  }
}

/** The module aliases of the compiled cell: `const rnnlab_1 = require("rnnlab")`, `__importDefault(…)`. */
function compilerAliases(code: string, into: Map<string, ModuleBinding>): void {
  const ts = typescript();
  const compiled = parse(toCommonJs(code), 'js');
  for (const statement of compiled.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
      const init = declaration.initializer;
      const direct = requiredSpecifier(init);
      if (direct) {
        into.set(declaration.name.text, { specifier: direct, take: 'module' });
        continue;
      }
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.arguments.length === 1) {
        const specifier = requiredSpecifier(init.arguments[0]);
        const helper = init.expression.text;
        if (specifier && helper === '__importStar') into.set(declaration.name.text, { specifier, take: 'namespace' });
        if (specifier && helper === '__importDefault') into.set(declaration.name.text, { specifier, take: 'importDefault' });
      }
    }
  }
}

function kindOfInitializer(init: TS.Expression | undefined): DeclarationKind {
  const ts = typescript();
  let node = init;
  while (node && (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))) {
    node = node.expression;
  }
  if (node && (ts.isArrowFunction(node) || ts.isFunctionExpression(node))) return 'function';
  if (node && ts.isClassExpression(node)) return 'class';
  return 'value';
}

function bindingNames(name: TS.BindingName, out: string[] = []): string[] {
  const ts = typescript();
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name, out);
  return out;
}

/** The top-level imports and declarations of one cell's TypeScript source. */
export function analyseCell(code: string): CellDeclarations {
  const ts = typescript();
  const imports = new Map<string, ModuleBinding>();
  const declarations = new Map<string, DeclarationKind>();
  const file = parse(code);
  let importsSomething = false;
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      importsOf(statement, imports);
      importsSomething = true;
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const specifier = moduleSpecifier(statement.moduleReference.expression);
      if (specifier && !statement.isTypeOnly) imports.set(statement.name.text, { specifier, take: 'module' });
    } else if (ts.isFunctionDeclaration(statement) && statement.name) {
      declarations.set(statement.name.text, 'function');
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      declarations.set(statement.name.text, 'class');
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requiredSpecifier(declaration.initializer);
        if (specifier && ts.isIdentifier(declaration.name)) {
          imports.set(declaration.name.text, { specifier, take: 'module' });
          continue;
        }
        const kind = ts.isIdentifier(declaration.name) ? kindOfInitializer(declaration.initializer) : 'value';
        for (const name of bindingNames(declaration.name)) declarations.set(name, kind);
      }
    }
  }
  if (importsSomething) compilerAliases(code, imports);
  return { imports, declarations };
}

/**
 * The notebook's top-level names over all cells run so far, the latest declaration of a name winning
 * (as it does in the kernel).
 */
export class NotebookDeclarations {
  private readonly imports = new Map<string, ModuleBinding>();
  private readonly declarations = new Map<string, DeclarationKind>();
  /** The cell running now: functions it sends to workers while it runs see its names too. */
  private running: CellDeclarations | undefined;

  /** Records a cell about to run; {@link end} keeps or drops its names once it ended. */
  begin(code: string): void {
    this.running = analyseCell(code);
  }

  /** Ends the running cell: `keep` when it compiled (its declarations exist, even if it then threw). */
  end(keep: boolean): void {
    const cell = this.running;
    this.running = undefined;
    if (!keep || !cell) return;
    for (const [name, binding] of cell.imports) {
      this.declarations.delete(name);
      this.imports.set(name, binding);
    }
    for (const [name, kind] of cell.declarations) {
      this.imports.delete(name);
      this.declarations.set(name, kind);
    }
  }

  /** Records a cell that ran. */
  record(code: string): void {
    this.begin(code);
    this.end(true);
  }

  /** The module a name is bound to by an import of some cell. */
  importOf(name: string): ModuleBinding | undefined {
    const running = this.running;
    if (running?.imports.has(name)) return running.imports.get(name);
    if (running?.declarations.has(name)) return undefined;
    return this.imports.get(name);
  }

  /** What a top-level name of some cell is, unless it is an import. */
  declarationOf(name: string): DeclarationKind | undefined {
    const running = this.running;
    if (running?.declarations.has(name)) return running.declarations.get(name);
    if (running?.imports.has(name)) return undefined;
    return this.declarations.get(name);
  }
}

/** Every `{ name }` shorthand property of a cell: where its name ends, and the name. */
export function shorthandProperties(code: string): { end: number; name: string }[] {
  const ts = typescript();
  const found: { end: number; name: string }[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isShorthandPropertyAssignment(node)) found.push({ end: node.name.getEnd(), name: node.name.text });
    ts.forEachChild(node, visit);
  };
  visit(parse(code));
  return found;
}
