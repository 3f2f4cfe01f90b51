/**
 * Saved = live: a view writes the reader's settings (log scale, sort, filters, selection) back into its
 * output as the payload's `viewState`, so that the saved notebook holds them and a reload shows the view
 * as it was left. Live updates from the kernel carry no `viewState`; the view writes it again once the
 * run has ended.
 */
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import type { ReadonlyPartialJSONObject } from '@lumino/coreutils';

/** A view's settings, as a plain JSON object. */
export type ViewState = object;

/** Whether two view states hold the same settings (key order aside). */
export function sameViewState(a: ViewState | undefined, b: ViewState | undefined): boolean {
  const canonical = (state: ViewState | undefined): string =>
    JSON.stringify(Object.fromEntries((Object.entries(state ?? {}) as [string, unknown][]).sort(([x], [y]) => (x < y ? -1 : 1))));
  return canonical(a) === canonical(b);
}

/**
 * Writes `state` into the payload of `mime` in `model` (when it differs from what is there), keeping
 * every other key of the output as it is.
 *
 * @returns whether the output was changed
 */
export function writeViewState(model: IRenderMime.IMimeModel, mime: string, state: ViewState): boolean {
  const payload = model.data[mime];
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
  const current = (payload as { viewState?: ViewState }).viewState;
  if (sameViewState(current, state)) return false;
  const data = { ...model.data, [mime]: { ...payload, viewState: state } } as ReadonlyPartialJSONObject;
  model.setData({ data, metadata: model.metadata });
  return true;
}
