/**
 * Works around a tslab bug: a shorthand property that names a variable of an earlier cell
 * (`const a = 1` in one cell, `f({ a })` in the next) compiles to code that throws "a is not
 * defined", because tslab rewrites the identifier to `exports.a` where the shorthand form cannot hold
 * it. Expanding every shorthand property to `a: a` before compiling means the same and compiles right.
 */
import path from 'node:path';

interface TsNode {
  kind: number;
  getStart(): number;
  getEnd(): number;
  getText(): string;
  forEachChild(cb: (n: TsNode) => void): void;
}
interface TsApi {
  createSourceFile(name: string, text: string, target: number, setParents: boolean, kind: number): TsNode;
  SyntaxKind: { ShorthandPropertyAssignment: number };
  ScriptTarget: { Latest: number };
  ScriptKind: { TS: number };
}

let ts: TsApi | undefined;
function typescript(): TsApi {
  if (!ts) {
    const tslabDir = path.dirname(require.resolve('tslab/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ts = require(require.resolve('@tslab/typescript-for-tslab', { paths: [tslabDir] })) as TsApi;
  }
  return ts;
}

/** `code` with every `{ name }` shorthand property written as `{ name: name }` (initialisers kept). */
export function expandShorthandProperties(code: string): string {
  if (!code.includes('{')) return code;
  const api = typescript();
  const file = api.createSourceFile('cell.ts', code, api.ScriptTarget.Latest, true, api.ScriptKind.TS);
  const edits: { at: number; name: string }[] = [];
  const visit = (node: TsNode) => {
    if (node.kind === api.SyntaxKind.ShorthandPropertyAssignment) {
      const name = (node as unknown as { name: TsNode }).name;
      edits.push({ at: name.getEnd(), name: name.getText() });
    }
    node.forEachChild(visit);
  };
  visit(file);
  let out = code;
  for (const edit of edits.sort((a, b) => b.at - a.at)) {
    out = `${out.slice(0, edit.at)}: ${edit.name}${out.slice(edit.at)}`;
  }
  return out;
}
