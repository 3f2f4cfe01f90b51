import { h, setText } from './dom';

/** A status badge (`running`, `finished`, ...): its class says the status, styled with theme colours. */
export function createBadge(): HTMLSpanElement {
  return h('span', { className: 'rnnlab-badge', attrs: { role: 'status' } });
}

/** Shows `status` on a badge made by {@link createBadge}. */
export function updateBadge(badge: HTMLElement, status: string): void {
  setText(badge, status);
  const className = `rnnlab-badge rnnlab-badge-${status.toLowerCase()}`;
  if (badge.className !== className) badge.className = className;
}
