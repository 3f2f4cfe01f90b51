/** A tiny element builder: text goes in through `textContent`, never as HTML, so payload strings stay inert. */

/** Attributes and children of {@link h}. */
export interface ElementSpec {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
  children?: (Node | null)[];
}

/**
 * Creates an element.
 *
 * @param tag - the tag name
 * @param spec - class, text, title, attributes and children
 * @returns the element
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, spec: ElementSpec = {}): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (spec.className) element.className = spec.className;
  if (spec.text !== undefined) element.textContent = spec.text;
  if (spec.title !== undefined) element.title = spec.title;
  for (const [name, value] of Object.entries(spec.attrs ?? {})) element.setAttribute(name, value);
  for (const child of spec.children ?? []) if (child) element.appendChild(child);
  return element;
}

/** Sets `textContent` only when it changed, so live updates do not touch unchanged nodes. */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
