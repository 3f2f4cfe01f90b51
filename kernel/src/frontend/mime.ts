/**
 * Turning values into MIME bundles: plain bundles pass through; objects may offer their own bundle
 * through {@link MIME_BUNDLE}; registered formatters cover classes rnnlab does not own (tfjs models).
 */
import { inspect } from 'node:util';
import type { MimeBundle } from './cell-context';

/** Objects that render richly implement `[MIME_BUNDLE](): MimeBundle` (like IPython's `_repr_mimebundle_`). */
export const MIME_BUNDLE: unique symbol = Symbol.for('rnnlab.mimeBundle') as never;

/** An object that knows its MIME bundle. */
export interface HasMimeBundle {
  [MIME_BUNDLE](): MimeBundle;
}

type Formatter = (value: unknown) => MimeBundle | undefined;
const formatters: Formatter[] = [];

/** Adds a formatter tried (newest first) for values without their own bundle. Returns a remover. */
export function registerFormatter(formatter: Formatter): () => void {
  formatters.unshift(formatter);
  return () => {
    const i = formatters.indexOf(formatter);
    if (i >= 0) formatters.splice(i, 1);
  };
}

function hasMimeBundle(value: unknown): value is HasMimeBundle {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as Partial<HasMimeBundle>)[MIME_BUNDLE] === 'function'
  );
}

/** True for objects such as `{ 'text/html': '<b>x</b>' }`: every key is a MIME type. */
export function isMimeBundle(value: unknown): value is MimeBundle {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => /^[a-z]+\/[-+.\w]+$/i.test(k));
}

/** How the kernel shows a value as text: Node's `util.inspect`, strings as they are. */
export function plainText(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value, { depth: 4, breakLength: 100 });
}

/** The MIME bundle of any value; 'text/plain' is always present. */
export function toMimeBundle(value: unknown): MimeBundle {
  let bundle: MimeBundle | undefined;
  if (hasMimeBundle(value)) {
    bundle = value[MIME_BUNDLE]();
  } else {
    for (const format of formatters) {
      bundle = format(value);
      if (bundle) break;
    }
  }
  return { 'text/plain': plainText(value), ...(bundle ?? {}) };
}
