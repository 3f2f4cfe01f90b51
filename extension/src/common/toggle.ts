/** A pressed / not-pressed button (`aria-pressed`), such as the views' "log scale". */
import { h } from './dom';

/**
 * A toggle button that flips its `aria-pressed` and reports the new state.
 *
 * @param text - the label
 * @param title - the hover text
 * @param onToggle - called with the new state after each click
 * @returns the button
 */
export function toggleButton(text: string, title: string, onToggle: (pressed: boolean) => void): HTMLButtonElement {
  const button = h('button', { className: 'rnnlab-button rnnlab-toggle', text, title, attrs: { type: 'button', 'aria-pressed': 'false' } });
  button.addEventListener('click', () => {
    const pressed = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(pressed));
    onToggle(pressed);
  });
  return button;
}
