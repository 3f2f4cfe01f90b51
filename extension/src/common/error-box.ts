import { h } from './dom';

/**
 * The box a view shows instead of itself when its payload cannot be shown, or beside itself for a
 * failed run: a heading and the reason, as text.
 */
export function errorBox(heading: string, reason: string): HTMLElement {
  return h('div', {
    className: 'rnnlab-error',
    attrs: { role: 'alert' },
    children: [h('strong', { text: heading }), h('div', { className: 'rnnlab-error-reason', text: reason })],
  });
}
