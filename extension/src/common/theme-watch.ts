/**
 * Calls back when the JupyterLab theme changes (JupyterLab sets `data-jp-theme-light` and
 * `data-jp-theme-name` on `<body>`), so plots, whose colours are read from CSS variables, redraw.
 *
 * @returns a function that stops watching
 */
export function watchTheme(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined' || !document.body) return () => undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(document.body, { attributes: true, attributeFilter: ['data-jp-theme-light', 'data-jp-theme-name'] });
  return () => observer.disconnect();
}
