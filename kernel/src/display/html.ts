/**
 * Building blocks shared by the HTML fallbacks: inline styles only (no CSS file, no script), neutral
 * colours and `currentColor`, so the blocks read on light and dark notebook themes.
 */
import { escapeHtml } from './escape';

/** Style of the outer block of a fallback. */
export const BLOCK_STYLE = 'font-family:system-ui,-apple-system,sans-serif;font-size:13px;line-height:1.4;color:inherit;max-width:100%;overflow-x:auto';

/** Style of a table cell. */
export const CELL_STYLE = 'padding:2px 8px;border-bottom:1px solid rgba(127,127,127,0.25);white-space:nowrap';

/** Colours of statuses and states, mid-tones readable on both themes. */
export const TONES = {
  blue: '#1f77b4',
  green: '#2ca02c',
  orange: '#d97706',
  grey: '#7f7f7f',
  red: '#d62728',
} as const;

/** A key of {@link TONES}. */
export type Tone = keyof typeof TONES;

/**
 * A small outlined label, e.g. the status of a run.
 *
 * @param text - the label (escaped here)
 * @param tone - its colour
 * @param className - CSS class, for renderers and tests
 * @returns a `<span>` element as a string
 */
export function badge(text: string, tone: Tone, className: string): string {
  const color = TONES[tone];
  return `<span class="${escapeHtml(className)}" style="display:inline-block;border:1px solid ${color};color:${color};border-radius:9px;padding:0 7px;font-size:11px;font-weight:600;vertical-align:1px">${escapeHtml(text)}</span>`;
}

/**
 * A table cell.
 *
 * @param html - cell content, already escaped
 * @param options - `header` for a `<th>`, `right` to right-align (numbers), `style` to add
 * @returns the cell as a string
 */
export function cell(html: string, options: { header?: boolean; right?: boolean; style?: string } = {}): string {
  const tag = options.header ? 'th' : 'td';
  const style = `${CELL_STYLE};text-align:${options.right ? 'right' : 'left'}${options.style ? `;${options.style}` : ''}`;
  return `<${tag} style="${style}">${html}</${tag}>`;
}

/**
 * A box for an error message, kept as written (pre-wrapped, monospace).
 *
 * @param label - lead-in, e.g. `Error`
 * @param message - the message (escaped here)
 * @returns a `<div>` element as a string
 */
export function errorBox(label: string, message: string): string {
  return `<div class="rnnlab-error" role="alert" style="border-left:3px solid ${TONES.red};background:rgba(214,39,40,0.08);padding:4px 8px;margin:6px 0"><strong style="color:${TONES.red}">${escapeHtml(label)}:</strong> <span style="font-family:monospace;white-space:pre-wrap">${escapeHtml(message)}</span></div>`;
}
