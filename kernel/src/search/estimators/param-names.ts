/**
 * The parameter names a build function declares, read from its source: `({ cellType = 'LSTM',
 * initialUnits = 128 }) => …` declares `cellType` and `initialUnits`. Used to reject a searched
 * parameter the function would silently ignore (scikit-learn rejects unknown parameters too).
 */

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') {
        current += ch + text[++i];
        continue;
      }
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if ('([{'.includes(ch)) {
      depth++;
    } else if (')]}'.includes(ch)) {
      depth--;
    } else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/** The text between the parentheses of the first parameter list (or the lone arrow parameter). */
function parameterList(source: string): string | undefined {
  const open = source.indexOf('(');
  const arrow = source.indexOf('=>');
  if (arrow >= 0 && (open < 0 || arrow < open)) return source.slice(0, arrow).trim();
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return undefined;
}

/**
 * The names destructured from the first parameter of `fn`, or undefined when the function takes the
 * parameters object whole (then any name is accepted).
 */
export function declaredParamNames(fn: (...args: never[]) => unknown): string[] | undefined {
  const list = parameterList(Function.prototype.toString.call(fn));
  if (list === undefined) return undefined;
  const first = splitTopLevel(list)[0]?.trim() ?? '';
  if (!first.startsWith('{')) return undefined;
  let depth = 0;
  let end = -1;
  for (let i = 0; i < first.length; i++) {
    if (first[i] === '{') depth++;
    else if (first[i] === '}' && --depth === 0) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const names: string[] = [];
  for (const entry of splitTopLevel(first.slice(1, end))) {
    const match = /^\s*(?:\.\.\.)?\s*([A-Za-z_$][\w$]*)/.exec(entry);
    if (!match) continue;
    if (entry.trim().startsWith('...')) return undefined; // a rest element takes any name
    names.push(match[1]);
  }
  return names;
}
