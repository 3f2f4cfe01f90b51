/**
 * Test set-up: a jsdom window as the global DOM, before any widget code runs. Import it first in a spec.
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true, url: 'http://localhost/' });
const window = dom.window;
const names = [
  'window',
  'document',
  'navigator',
  'Node',
  'Element',
  'HTMLElement',
  'HTMLButtonElement',
  'HTMLTableRowElement',
  'Event',
  'MouseEvent',
  'KeyboardEvent',
  'DragEvent',
  'FocusEvent',
  'HTMLDivElement',
  'HTMLSpanElement',
  'DocumentFragment',
  'CustomEvent',
  'MutationObserver',
  'getComputedStyle',
  'requestAnimationFrame',
  'cancelAnimationFrame',
] as const;
const source = window as unknown as Record<string, unknown>;
// jsdom lacks DragEvent (Lumino's drag code names it) and ResizeObserver: plain stand-ins do.
source.DragEvent ??= source.MouseEvent;
for (const name of names) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    writable: true,
    value: name === 'window' ? window : source[name],
  });
}

/** The jsdom instance. */
export const testDom = dom;
