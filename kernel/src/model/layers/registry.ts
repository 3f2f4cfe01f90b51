/**
 * rnnlab registers faster subclasses of some tfjs layers under the standard class names (so configs
 * and saved models stay standard, and loading gives the fast ones). This finds tfjs' own class again.
 */
import * as tf from '@tensorflow/tfjs';

/** Marks an rnnlab subclass registered under a standard tfjs class name. */
export const RNNLAB_SUBCLASS = Symbol.for('rnnlab.subclass');

/** The class registered under `name`, walking past rnnlab's subclasses to the standard one. */
export function standardClass<T>(name: string): T {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[name] as [unknown, unknown] | undefined;
  if (entry === undefined) {
    throw new Error(`tfjs has no layer class registered as '${name}'`);
  }
  let cls = entry[0] as Record<symbol, unknown>;
  while (Object.prototype.hasOwnProperty.call(cls, RNNLAB_SUBCLASS)) {
    cls = Object.getPrototypeOf(cls) as Record<symbol, unknown>;
  }
  return cls as unknown as T;
}
