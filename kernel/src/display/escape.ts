/** HTML escaping for the static fallbacks: every user-provided string goes through {@link escapeHtml}. */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes `& < > " '` so that `text` is safe both as element content and inside a quoted attribute
 * (HTML or SVG).
 *
 * @param text - any text; non-strings are converted with `String()`
 * @returns the escaped text
 * @example
 * ```ts
 * escapeHtml('<b>"Tom" & \'Jerry\'</b>');  // '&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}
