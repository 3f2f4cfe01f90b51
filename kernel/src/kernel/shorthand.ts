/**
 * Works around a tslab bug: a shorthand property that names a variable of an earlier cell
 * (`const a = 1` in one cell, `f({ a })` in the next) compiles to code that throws "a is not
 * defined", because tslab rewrites the identifier to `exports.a` where the shorthand form cannot hold
 * it. Expanding every shorthand property to `a: a` before compiling means the same and compiles right.
 */
import { shorthandProperties } from '../analysis';

/** `code` with every `{ name }` shorthand property written as `{ name: name }` (initialisers kept). */
export function expandShorthandProperties(code: string): string {
  if (!code.includes('{')) return code;
  const edits = shorthandProperties(code);
  let out = code;
  for (const edit of edits.sort((a, b) => b.end - a.end)) {
    out = `${out.slice(0, edit.end)}: ${edit.name}${out.slice(edit.end)}`;
  }
  return out;
}
