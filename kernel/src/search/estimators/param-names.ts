/**
 * The parameter names a build function declares: `({ cellType = 'LSTM', initialUnits = 128 }) => …`
 * declares `cellType` and `initialUnits`. Used to reject a searched parameter the function would
 * silently ignore (scikit-learn rejects unknown parameters too).
 */
import { destructuredParamNames } from '../../analysis';

/**
 * The names destructured from the first parameter of `fn`, or undefined when the function takes the
 * parameters object whole (then any name is accepted) or its source cannot be read (a built-in).
 */
export function declaredParamNames(fn: (...args: never[]) => unknown): string[] | undefined {
  const source = Function.prototype.toString.call(fn);
  if (source.includes('[native code]')) return undefined;
  return destructuredParamNames(source);
}
